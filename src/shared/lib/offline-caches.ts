/**
 * What the service worker (src/sw.ts) and the page share: the names of its runtime caches (the page puts a
 * saved article's page into the same cache; bump a name to drop what older workers stored), its offline
 * page, and the question a page asks it about its own navigation (src/shared/lib/kept-copy.ts).
 */
export const PAGES_CACHE = 'pages-v1';
export const DATA_CACHE = 'data-v1';
/** The page shown for a URL never visited while offline (prerendered by the build as offline.html). */
export const OFFLINE_PATH = '/offline';
/** "Did you answer my navigation with the copy you kept?" */
export const KEPT_COPY_QUESTION = 'WAS-KEPT-COPY';
