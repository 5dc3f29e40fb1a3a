import { NEWEST_PAGE } from '../../data/list-pages.ts';
import { formatNumber, formatPlural } from '../lib/format.ts';
import { strings } from '../strings.ar.ts';

export interface ListHeaderProps {
  /** «موضوع» or «وسم», above the label. */
  eyebrow: string;
  label: string;
  /** The document's title, when it is not the label. */
  title?: string;
  /** The list's articles, shown on its first page only (an older page has none: `ListPage.total`). */
  total: number | null;
  page: number;
}

export function ListHeader({ eyebrow, label, title: named = label, total, page }: ListHeaderProps) {
  const title = page > NEWEST_PAGE ? strings.pagination.titled(named, formatNumber(page)) : named;
  return (
    <header className="mb-4 flex flex-col gap-1">
      <title>{title + strings.titleSuffix}</title>
      <p className="text-sm font-bold text-red-800 dark:text-red-300">{eyebrow}</p>
      <h1 className="text-2xl font-bold sm:text-3xl">{label}</h1>
      {total !== null && <p className="text-neutral-700 dark:text-neutral-300">{formatPlural(total, strings.plural.articles)}</p>}
    </header>
  );
}
