/**
 * What a reader sees offline for a page this device never kept: `/offline` (prerendered as offline.html,
 * which the service worker serves for such a page) and the error view of a view whose data could not be
 * fetched offline. It lists the saved articles, which read without a network.
 */
import { AppLink } from '../../shared/ui/app-link.tsx';
import { articleHref, homeHref } from '../../shared/lib/hrefs.ts';
import { useSavedArticles } from '../../shared/lib/use-saved.ts';
import { strings } from '../../shared/strings.ar.ts';

const s = strings.offline;
const linkClass =
  'font-bold text-red-800 underline focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-red-800 dark:text-red-300 dark:focus-visible:outline-red-300';

export function OfflinePage() {
  const { ready, entries } = useSavedArticles();
  return (
    <section aria-labelledby="offline-heading" className="mx-auto flex max-w-[70ch] flex-col items-start gap-4 py-6">
      <title>{s.title + strings.titleSuffix}</title>
      <h1 id="offline-heading" className="text-3xl font-bold">
        {s.title}
      </h1>
      <p className="text-lg leading-[1.9] text-neutral-800 dark:text-neutral-200">{s.body}</p>
      {ready && entries.length > 0 ? (
        <nav aria-labelledby="offline-saved" className="w-full">
          <h2 id="offline-saved" className="mb-3 text-lg font-bold">
            {s.savedHeading}
          </h2>
          <ul className="flex list-disc flex-col gap-2 ps-6">
            {entries.map(({ summary }) => (
              <li key={summary.id}>
                <AppLink to={articleHref(summary.id)} className={linkClass}>
                  {summary.title}
                </AppLink>
              </li>
            ))}
          </ul>
        </nav>
      ) : (
        ready && <p className="text-neutral-700 dark:text-neutral-300">{s.noSaved}</p>
      )}
      <AppLink to={homeHref()} className={linkClass}>
        {s.home}
      </AppLink>
    </section>
  );
}
