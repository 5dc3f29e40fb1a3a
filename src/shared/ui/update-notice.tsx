import { applyUpdate, useUpdateWaiting } from '../lib/app-update.ts';
import { strings } from '../strings.ar.ts';

/** Offers the new deployment once its service worker waits; nothing until then. */
export function UpdateNotice() {
  const waiting = useUpdateWaiting();
  return (
    <div aria-live="polite" className="empty:hidden">
      {waiting && (
        <p className="mx-auto flex max-w-6xl flex-wrap items-center gap-3 px-4 py-2 text-sm">
          <span className="font-bold">{strings.update.available}</span>
          <button
            type="button"
            onClick={() => void applyUpdate()}
            className="rounded-md bg-red-800 px-3 py-1.5 font-bold text-white hover:bg-red-900 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-red-800 dark:bg-red-300 dark:text-neutral-950 dark:focus-visible:outline-red-300"
          >
            {strings.update.reload}
          </button>
        </p>
      )}
    </div>
  );
}
