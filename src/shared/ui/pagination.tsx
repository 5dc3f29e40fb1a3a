import { AppLink } from './app-link.tsx';
import { formatNumber } from '../lib/format.ts';
import { strings } from '../strings.ar.ts';

export interface PaginationProps {
  page: number;
  pageCount: number;
  /** The URL of a page of this list. */
  hrefFor: (page: number) => string;
}

const linkClass =
  'inline-flex min-h-10 items-center rounded-md border border-neutral-300 px-4 font-bold text-red-800 hover:bg-neutral-100 ' +
  'focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-red-700 ' +
  'dark:border-neutral-600 dark:text-red-300 dark:hover:bg-neutral-800 dark:focus-visible:outline-red-300';

export function Pagination({ page, pageCount, hrefFor }: PaginationProps) {
  if (pageCount <= 1) return null;
  return (
    <nav aria-label={strings.pagination.label} className="mt-8 flex items-center justify-between gap-4">
      <div className="min-w-24">
        {page > 1 && (
          <AppLink to={hrefFor(page - 1)} rel="prev" className={linkClass}>
            {strings.pagination.previous}
          </AppLink>
        )}
      </div>
      <p className="text-sm text-neutral-700 dark:text-neutral-300">
        {strings.pagination.pageOf(formatNumber(page), formatNumber(pageCount))}
      </p>
      <div className="flex min-w-24 justify-end">
        {page < pageCount && (
          <AppLink to={hrefFor(page + 1)} rel="next" className={linkClass}>
            {strings.pagination.next}
          </AppLink>
        )}
      </div>
    </nav>
  );
}
