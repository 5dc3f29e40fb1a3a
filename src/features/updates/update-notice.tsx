import { strings } from '../../shared/strings.ar.ts';

/** «مقالات جديدة»: new data the open app can show; «يتوفر إصدار جديد»: new app code, to load by a reload. */
export type UpdateKind = 'articles' | 'app';

export interface UpdateNoticeProps {
  /** Null: nothing to offer (the polite live region stays, empty, so a later notice is announced). */
  kind: UpdateKind | null;
  onAccept: () => void;
  busy?: boolean;
}

/**
 * The one notice that offers a reader something newer, announced politely. Any source of updates (a new
 * deploy's data, a new app, a service worker waiting) renders it with the kind it has.
 */
export function UpdateNotice({ kind, onAccept, busy = false }: UpdateNoticeProps) {
  return (
    <div aria-live="polite" className="pointer-events-none fixed inset-x-0 bottom-4 z-40 flex justify-center px-4">
      {kind !== null && (
        <div className="pointer-events-auto flex flex-wrap items-center gap-3 rounded-lg border border-neutral-300 bg-white px-4 py-3 shadow-lg dark:border-neutral-600 dark:bg-neutral-900">
          <p className="text-start">{kind === 'articles' ? strings.updates.newArticles : strings.updates.newVersion}</p>
          <button
            type="button"
            onClick={onAccept}
            disabled={busy}
            className="rounded-md bg-red-800 px-4 py-2 font-bold text-white hover:bg-red-900 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-red-800 disabled:opacity-60 dark:bg-red-300 dark:text-neutral-950 dark:hover:bg-red-200 dark:focus-visible:outline-red-300"
          >
            {kind === 'articles' ? strings.updates.showNewArticles : strings.updates.reload}
          </button>
        </div>
      )}
    </div>
  );
}
