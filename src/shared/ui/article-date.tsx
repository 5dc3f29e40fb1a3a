import { formatDate, formatRelativeDate } from '../lib/format.ts';
import { useNow } from './use-now.ts';

export interface ArticleDateProps {
  date: string | null;
  /** Also print the Hijri date (the article page); cards keep to the Gregorian one. */
  withHijri?: boolean;
  className?: string;
}

/**
 * Nothing at all for an undated article. A recent one also says how long ago it was published, once the
 * page runs in the browser (the reader's clock is not the build's).
 */
export function ArticleDate({ date, withHijri = false, className }: ArticleDateProps) {
  const now = useNow();
  const formatted = formatDate(date);
  if (formatted === null) return null;
  const relative = now === null ? null : formatRelativeDate(date, now);
  return (
    <time dateTime={formatted.iso} className={className}>
      {formatted.gregorian}
      {withHijri && ` (${formatted.hijri})`}
      {relative !== null && ` · ${relative}`}
    </time>
  );
}
