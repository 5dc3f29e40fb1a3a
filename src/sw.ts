/**
 * The service worker (built by vite-plugin-pwa's injectManifest from this file; Workbox 7). It precaches the
 * app shell: the hashed JS and CSS and the Arabic font, never the data. Pages and data shards go to the
 * network first and fall back to what this device kept: every page and shard the reader opened, and the
 * pages of saved articles (src/shared/lib/saved-articles.ts puts them in PAGES_CACHE). A page never kept
 * answers offline with /offline. A new worker waits until the reader accepts «يتوفر إصدار جديد», so an open
 * tab never runs an old shell against a new worker's caches (docs/decisions/045-saved-articles-and-offline.md).
 */
/// <reference lib="webworker" />
import { clientsClaim, type WorkboxPlugin } from 'workbox-core';
import { cleanupOutdatedCaches, precacheAndRoute } from 'workbox-precaching';
import { offlineFallback } from 'workbox-recipes';
import { registerRoute } from 'workbox-routing';
import { NetworkFirst } from 'workbox-strategies';
import { appBuildInHtml, appPointerFile } from './data/app-pointer.ts';
import { dataBase } from './shared/lib/data-build.ts';
import { DATA_CACHE, KEPT_COPY_HEADER, KEPT_COPY_QUESTION, OFFLINE_PATH, PAGES_CACHE } from './shared/lib/offline-caches.ts';

declare const self: ServiceWorkerGlobalScope & { __WB_MANIFEST: Array<{ url: string; revision: string | null }> };

precacheAndRoute(self.__WB_MANIFEST);
cleanupOutdatedCaches();

/**
 * Keeps a cache to its newest `max` entries, so years of reading cannot fill the disk (a saved article also
 * lives whole in IndexedDB). A cache lists its entries in the order they were written and a write moves an
 * entry to the end, so the first ones are the least recently fetched. Workbox's ExpirationPlugin does the
 * same with a timestamp database of its own (idb), which would add a sixth to this worker's size.
 */
const keepNewest = (max: number): WorkboxPlugin => ({
  cacheDidUpdate: async ({ cacheName }) => {
    const cache = await caches.open(cacheName);
    const keys = await cache.keys();
    await Promise.all(keys.slice(0, Math.max(0, keys.length - max)).map((key) => cache.delete(key)));
  },
});

/**
 * How long a page or shard waits for the network before the kept copy answers. A connection that is up but
 * answers nothing (a dead mobile network, a captive portal) would otherwise hold the reader for minutes; the
 * request goes on, and a late answer still refreshes the cache. Without a kept copy the request just waits.
 */
const NETWORK_TIMEOUT_SECONDS = 4;

/** Windows whose page came from the kept copy: their offline notice asks (src/shared/lib/kept-copy.ts). */
const answeredFromKept = new Set<string>();
const rememberKept: WorkboxPlugin = {
  cachedResponseWillBeUsed: async ({ event, cachedResponse }) => {
    const window = (event as FetchEvent | undefined)?.resultingClientId;
    if (cachedResponse && window) answeredFromKept.add(window);
    return cachedResponse;
  },
};

/** A shard answered from the cache says so in a header, which the page reads (src/shared/lib/fetch-shard.ts). */
const markKept: WorkboxPlugin = {
  cachedResponseWillBeUsed: async ({ cachedResponse }) => {
    if (!cachedResponse) return cachedResponse;
    const headers = new Headers(cachedResponse.headers);
    headers.set(KEPT_COPY_HEADER, '1');
    return new Response(cachedResponse.body, { status: cachedResponse.status, statusText: cachedResponse.statusText, headers });
  },
};

const pages = new NetworkFirst({
  cacheName: PAGES_CACHE,
  networkTimeoutSeconds: NETWORK_TIMEOUT_SECONDS,
  plugins: [keepNewest(500), rememberKept],
});
registerRoute(({ request }) => request.mode === 'navigate', pages);

// Data shards, not the search index: search says plainly that it needs a connection.
registerRoute(
  ({ url, sameOrigin }) => sameOrigin && url.pathname.startsWith('/data/') && !url.pathname.includes('/pagefind/'),
  new NetworkFirst({
    cacheName: DATA_CACHE,
    networkTimeoutSeconds: NETWORK_TIMEOUT_SECONDS,
    plugins: [keepNewest(2000), markKept],
  }),
);

offlineFallback({ pageFallback: OFFLINE_PATH });

// The first worker takes over the open tab at once; later ones wait for the reader (registerType 'prompt').
clientsClaim();

self.addEventListener('message', (event) => {
  const type = (event.data as { type?: string } | null)?.type;
  if (type === 'SKIP_WAITING') void self.skipWaiting();
  if (type === KEPT_COPY_QUESTION && event.source instanceof Client) {
    event.ports[0]?.postMessage(answeredFromKept.delete(event.source.id));
  }
});

// The page a reader opened before this worker took over came from the network, not through it: keep it,
// and its app's pointer to its data (src/shared/lib/app-pointer.ts), without which none of the data kept
// from now on could be found offline.
self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      const cache = await caches.open(PAGES_CACHE);
      const data = await caches.open(DATA_CACHE);
      const windows = await self.clients.matchAll({ type: 'window', includeUncontrolled: true });
      await Promise.allSettled(
        windows.map(async (client) => {
          const url = new URL(client.url);
          if (url.origin !== self.location.origin) return;
          if (!(await cache.match(url.pathname))) await cache.add(url.pathname);
          const app = appBuildInHtml((await (await cache.match(url.pathname))?.text()) ?? '');
          const pointer = app && `${dataBase()}${appPointerFile(app)}`;
          if (pointer && !(await data.match(pointer))) await data.add(pointer);
        }),
      );
    })(),
  );
});
