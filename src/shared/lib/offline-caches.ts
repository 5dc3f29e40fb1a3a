/**
 * What the service worker (src/sw.ts) and the page share: the names of its runtime caches (the page puts a
 * saved article's page into the same cache; bump a name to drop what older workers stored), its offline
 * page, and how it tells a page that the network did not answer (src/shared/lib/kept-copy.ts).
 */
export const PAGES_CACHE = 'pages-v1';
export const DATA_CACHE = 'data-v1';
/** The page shown for a URL never visited while offline (prerendered by the build as offline.html). */
export const OFFLINE_PATH = '/offline';
/** "Did you answer my navigation with the copy you kept?" */
export const KEPT_COPY_QUESTION = 'WAS-KEPT-COPY';
/** The header the worker adds to a shard it answered from its cache because the network did not. */
export const KEPT_COPY_HEADER = 'x-kept-copy';
