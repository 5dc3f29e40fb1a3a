/**
 * `/saved`: the articles the reader saved on this device, latest first, each with a way to remove it.
 * The list lives in IndexedDB, so the route is client-only: its prerendered file is a shell.
 */
import { useEffect, useRef, useState } from 'react';
import { AppLink } from '../../shared/ui/app-link.tsx';
import { homeHref } from '../../shared/lib/hrefs.ts';
import { savedStore } from '../../shared/lib/saved-list.ts';
import type { SavedEntry } from '../../shared/lib/saved-articles.ts';
import { useSavedArticles } from '../../shared/lib/use-saved.ts';
import { strings } from '../../shared/strings.ar.ts';
import { ArticleCard } from '../../shared/ui/article-card.tsx';
import { NoScriptNotice } from '../../shared/ui/no-script-notice.tsx';

const s = strings.saved;

export function SavedPage() {
  const { ready, entries } = useSavedArticles();
  const { removeButton, emptyMessage, removing } = useFocusAfterRemoval(entries);
  // Said once the device has let the article go: its card and button are gone, and the focus has moved.
  const [removed, setRemoved] = useState('');
  return (
    <section aria-labelledby="saved-heading">
      <title>{s.heading + strings.titleSuffix}</title>
      <h1 id="saved-heading" className="mb-2 text-2xl font-bold sm:text-3xl">
        {s.heading}
      </h1>
      <p className="mb-6 text-neutral-700 dark:text-neutral-300">{s.intro}</p>
      <NoScriptNotice message={strings.noScript.saved} />
      <p role="status" className="sr-only">
        {removed}
      </p>
      {!ready ? (
        <p role="status" data-needs-js className="py-8 text-neutral-700 dark:text-neutral-300">
          {strings.loading}
        </p>
      ) : entries.length === 0 ? (
        <div className="flex flex-col items-start gap-3 rounded-lg border border-neutral-200 p-6 dark:border-neutral-700">
          <p
            ref={emptyMessage}
            tabIndex={-1}
            className="text-lg font-bold focus-visible:outline-2 focus-visible:outline-offset-4 focus-visible:outline-red-800 dark:focus-visible:outline-red-300"
          >
            {s.empty}
          </p>
          <p className="text-neutral-700 dark:text-neutral-300">{s.emptyHint}</p>
          <AppLink
            to={homeHref()}
            className="font-bold text-red-800 underline focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-red-800 dark:text-red-300 dark:focus-visible:outline-red-300"
          >
            {s.browse}
          </AppLink>
        </div>
      ) : (
        <ul className="grid grid-cols-1 gap-4 sm:grid-cols-2 lg:grid-cols-3">
          {entries.map(({ summary }, index) => (
            <li key={summary.id}>
              <ArticleCard
                article={summary}
                action={
                  <button
                    ref={removeButton(summary.id)}
                    type="button"
                    aria-label={s.removeNamed(summary.title)}
                    onClick={() => {
                      removing(summary.id, index);
                      void savedStore()
                        .then((store) => store.removeSaved(summary.id))
                        .then(() => setRemoved(s.removedNamed(summary.title)));
                    }}
                    className="inline-flex min-h-10 shrink-0 items-center rounded-md border border-neutral-300 px-3 text-sm font-bold text-neutral-800 hover:bg-neutral-100 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-red-800 dark:border-neutral-600 dark:text-neutral-100 dark:hover:bg-neutral-800 dark:focus-visible:outline-red-300"
                  >
                    {s.remove}
                  </button>
                }
              />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/**
 * «إزالة» takes its button away with its card: the focus goes to the card that takes its place (the next),
 * else the one before, else the message that the list is empty, rather than falling to <body>. It moves once
 * the list no longer holds the removed article, which the device's store tells after the click.
 */
function useFocusAfterRemoval(entries: readonly SavedEntry[]) {
  const buttons = useRef(new Map<string, HTMLButtonElement>());
  const emptyMessage = useRef<HTMLParagraphElement>(null);
  const removed = useRef<{ id: string; index: number } | null>(null);

  useEffect(() => {
    const last = removed.current;
    if (last === null || entries.some((entry) => entry.summary.id === last.id)) return;
    removed.current = null;
    const neighbour = entries[last.index] ?? entries[last.index - 1];
    const target = neighbour ? buttons.current.get(neighbour.summary.id) : emptyMessage.current;
    target?.focus();
  }, [entries]);

  return {
    removeButton: (id: string) => (button: HTMLButtonElement | null) => {
      if (button) buttons.current.set(id, button);
      return () => {
        buttons.current.delete(id);
      };
    },
    emptyMessage,
    removing: (id: string, index: number) => {
      removed.current = { id, index };
    },
  };
}
