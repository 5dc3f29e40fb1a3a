import { strings } from '../strings.ar.ts';

const block = 'animate-pulse rounded bg-neutral-200 dark:bg-neutral-800';

/** Same outer sizes as the list views, so the page does not jump when the content arrives. */
export function ListSkeleton() {
  return (
    <div role="status" aria-live="polite">
      <span className="sr-only">{strings.loading}</span>
      <div className={`${block} mb-6 h-9 w-48`} />
      <ul className="grid grid-cols-1 gap-4 sm:grid-cols-2 lg:grid-cols-3" aria-hidden="true">
        {Array.from({ length: 6 }, (_, i) => (
          <li
            key={i}
            className="flex h-44 flex-col gap-3 border-t-4 border-neutral-300 bg-white p-4 dark:border-neutral-700 dark:bg-neutral-900"
          >
            <div className={`${block} h-3 w-16`} />
            <div className={`${block} h-5 w-11/12`} />
            <div className={`${block} h-5 w-2/3`} />
            <div className={`${block} mt-auto h-3 w-24`} />
          </li>
        ))}
      </ul>
    </div>
  );
}

export function ArticleSkeleton() {
  return (
    <div role="status" aria-live="polite" className="mx-auto max-w-[70ch]">
      <span className="sr-only">{strings.loading}</span>
      <div aria-hidden="true" className="flex flex-col gap-4">
        <div className={`${block} h-10 w-full`} />
        <div className={`${block} h-10 w-3/4`} />
        <div className={`${block} h-4 w-56`} />
        {Array.from({ length: 6 }, (_, i) => (
          <div key={i} className={`${block} h-4 ${i % 3 === 2 ? 'w-2/3' : 'w-full'}`} />
        ))}
      </div>
    </div>
  );
}
