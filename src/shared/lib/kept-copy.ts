/**
 * Whether the service worker answered this page's navigation with the copy it kept, because the network did
 * not answer in time (src/sw.ts): a connection that is up but answers nothing, which `navigator.onLine` does
 * not see. The page asks once, after hydration; the worker remembers the windows it answered that way.
 */
import { useEffect, useState } from 'react';
import { KEPT_COPY_QUESTION } from './offline-caches.ts';

/** Asks the controlling worker; false without one, or when it does not answer within `waitMs`. */
export function askKeptCopy(waitMs = 2000): Promise<boolean> {
  const worker = typeof navigator === 'undefined' ? null : navigator.serviceWorker?.controller;
  if (!worker) return Promise.resolve(false);
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    const timer = setTimeout(() => resolve(false), waitMs);
    channel.port1.onmessage = (event: MessageEvent<unknown>) => {
      clearTimeout(timer);
      resolve(event.data === true);
    };
    worker.postMessage({ type: KEPT_COPY_QUESTION }, [channel.port2]);
  });
}

/** False while prerendering and hydrating; then the worker's answer. */
export function useKeptCopy(): boolean {
  const [kept, setKept] = useState(false);
  useEffect(() => {
    let live = true;
    void askKeptCopy().then((answer) => live && setKept(answer));
    return () => {
      live = false;
    };
  }, []);
  return kept;
}
