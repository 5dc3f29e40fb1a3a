import type { ArticleSummary } from '../../data/schema.ts';
import { strings } from '../strings.ar.ts';
import { formatDate } from './format.ts';

/**
 * The days a page of a list covers (its items newest first): «من ٣ يناير ٢٠٢٤ إلى ٥ يناير ٢٠٢٤», one date
 * for a single day, null when none of them is dated. An older page's number counts from the oldest
 * (src/data/list-pages.ts) and tells a reader nothing; its days do.
 */
export function listDays(items: readonly Pick<ArticleSummary, 'date'>[]): string | null {
  const dated = items.filter((item) => item.date !== null);
  const newest = formatDate(dated[0]?.date ?? null)?.gregorian;
  const oldest = formatDate(dated.at(-1)?.date ?? null)?.gregorian;
  if (newest === undefined || oldest === undefined) return null;
  return newest === oldest ? newest : strings.pagination.days(oldest, newest);
}
