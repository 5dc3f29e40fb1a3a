import { NEWEST_PAGE } from '../../data/list-pages.ts';
import type { ListPage } from '../../data/schema.ts';
import { formatNumber, formatPlural } from '../lib/format.ts';
import { listDays } from '../lib/list-days.ts';
import { strings } from '../strings.ar.ts';

export interface ListHeaderProps {
  /** «موضوع» or «وسم», above the label. */
  eyebrow: string;
  label: string;
  /** The document's title, when it is not the label. */
  title?: string;
  list: Pick<ListPage, 'page' | 'total' | 'items'>;
}

/** A topic's or tag's heading: its count on the first page, the days it covers on an older page. */
export function ListHeader({ eyebrow, label, title: named = label, list }: ListHeaderProps) {
  const title = list.page > NEWEST_PAGE ? strings.pagination.titled(named, formatNumber(list.page)) : named;
  const detail = list.total !== null ? formatPlural(list.total, strings.plural.articles) : listDays(list.items);
  return (
    <header className="mb-4 flex flex-col gap-1">
      <title>{title + strings.titleSuffix}</title>
      <p className="text-sm font-bold text-red-800 dark:text-red-300">{eyebrow}</p>
      <h1 className="text-2xl font-bold sm:text-3xl">{label}</h1>
      {detail !== null && <p className="text-neutral-700 dark:text-neutral-300">{detail}</p>}
    </header>
  );
}
