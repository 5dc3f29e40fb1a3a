import { useOnline } from '../lib/use-online.ts';
import { strings } from '../strings.ar.ts';

/** Says, while the browser has no network, that the page is the copy this device kept. */
export function OfflineNotice() {
  const online = useOnline();
  return (
    <div aria-live="polite" className="empty:hidden">
      {!online && (
        <p className="bg-amber-100 px-4 py-2 text-center text-sm font-bold text-amber-950 dark:bg-amber-950 dark:text-amber-100">
          {strings.offline.notice}
        </p>
      )}
    </div>
  );
}
