import type { ListPage } from '../../data/schema.ts';
import { strings } from '../strings.ar.ts';
import { AppLink } from './app-link.tsx';

export interface PaginationProps {
  list: Pick<ListPage, 'older' | 'newer'>;
  /** The URL of a page of this list. */
  hrefFor: (page: number) => string;
}

const linkClass =
  'inline-flex min-h-10 items-center rounded-md border border-neutral-300 px-4 font-bold text-red-800 hover:bg-neutral-100 ' +
  'focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-red-700 ' +
  'dark:border-neutral-600 dark:text-red-300 dark:hover:bg-neutral-800 dark:focus-visible:outline-red-300';

/** Links to the next newer and the next older page of a list (src/data/list-pages.ts). */
export function Pagination({ list, hrefFor }: PaginationProps) {
  if (list.older === null && list.newer === null) return null;
  return (
    <nav aria-label={strings.pagination.label} className="mt-8 flex items-center justify-between gap-4">
      <div className="min-w-24">
        {list.newer !== null && (
          <AppLink to={hrefFor(list.newer)} rel="prev" className={linkClass}>
            {strings.pagination.newer}
          </AppLink>
        )}
      </div>
      <div className="flex min-w-24 justify-end">
        {list.older !== null && (
          <AppLink to={hrefFor(list.older)} rel="next" className={linkClass}>
            {strings.pagination.older}
          </AppLink>
        )}
      </div>
    </nav>
  );
}
