/**
 * Names of the service worker's runtime caches (src/sw.ts), shared with the page, which puts a saved
 * article's page into the same cache. Bump a name to drop what older workers stored.
 */
export const PAGES_CACHE = 'pages-v1';
export const DATA_CACHE = 'data-v1';
/** The page shown for a URL never visited while offline (prerendered by the build as offline.html). */
export const OFFLINE_PATH = '/offline';
