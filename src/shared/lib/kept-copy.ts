/**
 * Whether what the reader sees is the copy the service worker kept because the network did not answer in
 * time (src/sw.ts): a connection that is up but answers nothing, which `navigator.onLine` does not see.
 * Two ways in: the page asks the worker once, after hydration, whether it answered its navigation (the
 * worker remembers those windows); and every shard says so in a header (`noteKeptCopy`). The latest
 * answer wins: a shard the network answered means the view on screen is fresh.
 */
import { KEPT_COPY_QUESTION } from './offline-caches.ts';

let kept = false;
const listeners = new Set<() => void>();

/** Whether the view on screen came from the kept copy: said by every shard fetched, and by `checkNavigation`. */
export function noteKeptCopy(value: boolean): void {
  if (value === kept) return;
  kept = value;
  for (const listener of listeners) listener();
}

/** Asks the controlling worker; false without one, or when it does not answer within `waitMs`. */
function askKeptCopy(waitMs = 2000): Promise<boolean> {
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

/** Asks the worker about this page's navigation and records a yes (once, after hydration). */
export function checkNavigation(): void {
  void askKeptCopy().then((answer) => answer && noteKeptCopy(true));
}

export function subscribeKeptCopy(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function isKeptCopy(): boolean {
  return kept;
}
