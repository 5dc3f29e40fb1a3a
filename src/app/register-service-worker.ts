/**
 * Registers the service worker (src/sw.ts, built to /sw.js) from the bundle, once the page has loaded, and
 * offers a waiting newer worker through src/shared/lib/app-update.ts. The standard API in a few lines
 * instead of workbox-window and vite-plugin-pwa's registerSW, which would add 3 KB to every first view
 * (docs/decisions/045-saved-articles-and-offline.md).
 */
import { offerUpdate } from '../shared/lib/app-update.ts';

export function registerServiceWorker(url = '/sw.js'): void {
  if (!('serviceWorker' in navigator)) return;
  const container = navigator.serviceWorker;
  let accepted = false;

  // A worker that installs while another controls the page is a new deployment: it waits for the reader.
  const offer = (worker: ServiceWorker) =>
    offerUpdate(async () => {
      accepted = true;
      worker.postMessage({ type: 'SKIP_WAITING' });
    });
  // Once it has taken over, reload, so the new shell and the new data arrive together.
  container.addEventListener('controllerchange', () => {
    if (accepted) window.location.reload();
  });

  // The app starts after the first paint (scripts/build/deferred-entry.ts), often after `load` has fired.
  const register = () =>
    container
      .register(url)
      .then((registration) => {
        if (registration.waiting && container.controller) offer(registration.waiting);
        registration.addEventListener('updatefound', () => {
          const installing = registration.installing;
          installing?.addEventListener('statechange', () => {
            if (installing.state === 'installed' && container.controller) offer(installing);
          });
        });
      })
      .catch(() => {
        // Without a worker the site works as before, online only.
      });
  if (document.readyState === 'complete') register();
  else window.addEventListener('load', register, { once: true });
}
