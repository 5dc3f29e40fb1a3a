import { formatDate } from '../lib/format.ts';

export interface ArticleDateProps {
  date: string | null;
  /** Also print the Hijri date (the article page); cards keep to the Gregorian one. */
  withHijri?: boolean;
  className?: string;
}

/** Nothing at all for an undated article. */
export function ArticleDate({ date, withHijri = false, className }: ArticleDateProps) {
  const formatted = formatDate(date);
  if (formatted === null) return null;
  return (
    <time dateTime={formatted.iso} className={className}>
      {formatted.gregorian}
      {withHijri && ` (${formatted.hijri})`}
    </time>
  );
}
