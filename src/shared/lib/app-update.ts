/**
 * «يتوفر إصدار جديد»: a new service worker has installed and waits. Whoever learns of it (src/app/main.tsx,
 * from the worker's registration) calls `offerUpdate` with the way to switch; the notice
 * (src/features/updates/service-worker-update.tsx) shows while `useUpdateWaiting()` is true and calls `applyUpdate`,
 * which activates the new worker and reloads the page, so the new shell and its data arrive together.
 */
import { useSyncExternalStore } from 'react';

let apply: (() => Promise<void>) | null = null;
const listeners = new Set<() => void>();

export function offerUpdate(activate: () => Promise<void>): void {
  apply = activate;
  for (const listener of listeners) listener();
}

export async function applyUpdate(): Promise<void> {
  await apply?.();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useUpdateWaiting(): boolean {
  return useSyncExternalStore(
    subscribe,
    () => apply !== null,
    () => false,
  );
}
