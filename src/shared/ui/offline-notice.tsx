import { useEffect, useSyncExternalStore } from 'react';
import { checkNavigation, isKeptCopy, subscribeKeptCopy } from '../lib/kept-copy.ts';
import { useOnline } from '../lib/use-online.ts';
import { strings } from '../strings.ar.ts';

/**
 * Says that the page is the copy this device kept: while the browser has no network, or when the network
 * did not answer in time and the service worker answered instead.
 */
export function OfflineNotice() {
  const online = useOnline();
  useEffect(checkNavigation, []);
  // False while prerendering and hydrating.
  const kept = useSyncExternalStore(subscribeKeptCopy, isKeptCopy, () => false);
  const notice = !online ? strings.offline.notice : kept ? strings.offline.keptNotice : null;
  return (
    <div aria-live="polite" className="empty:hidden">
      {notice && (
        <p className="bg-amber-100 px-4 py-2 text-center text-sm font-bold text-amber-950 dark:bg-amber-950 dark:text-amber-100">
          {notice}
        </p>
      )}
    </div>
  );
}
