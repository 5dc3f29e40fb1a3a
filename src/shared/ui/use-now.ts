import { useSyncExternalStore } from 'react';

/** Relative times move on once a minute. */
const TICK_MS = 60 * 1000;

let now: number | null = null;
let timer: ReturnType<typeof setInterval> | undefined;
const listeners = new Set<() => void>();

function tick(): void {
  now = Date.now();
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  if (listeners.size === 1) {
    tick();
    timer = setInterval(tick, TICK_MS);
  }
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0) clearInterval(timer);
  };
}

/**
 * The reader's clock, to the minute, shared by every component that shows a relative time. Null on the
 * server and during hydration (React renders with the server snapshot there), so the prerendered page and
 * the first client render are the same and never mismatch; the time arrives in the render after.
 */
export function useNow(): number | null {
  return useSyncExternalStore(subscribe, () => now, () => null);
}
