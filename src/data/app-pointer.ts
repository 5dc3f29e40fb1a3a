/**
 * Where a page names its app and where that app's pointer to its data lives
 * (docs/decisions/043-build-addressed-data.md). Apart from build.ts and free of zod, so the service worker
 * (src/sw.ts) can use them without carrying the schema library.
 */

/** `<meta name="app-build" content="…">`: a hash of the app's entry HTML, so of its hashed assets. */
export const APP_BUILD_META = 'app-build';

/** The app's id as the page's meta tag, for the prerendered HTML's head. */
export function appBuildMetaTag(app: string): string {
  return `<meta name="${APP_BUILD_META}" content="${app}">`;
}

const APP_BUILD_TAG = new RegExp(`<meta name="${APP_BUILD_META}" content="([0-9a-f]+)">`);

/** The app id a page's HTML names, read from its text (the service worker, the prerender); null if none. */
export function appBuildInHtml(html: string): string | null {
  return APP_BUILD_TAG.exec(html)?.[1] ?? null;
}

/**
 * An app's pointer, inside the data folder: the newest data build made with that app, in `build.json`'s
 * schema. Per app rather than `build.json` itself: mid-deploy, `build.json` may already name a newer app,
 * whose data an older app must not parse.
 */
export function appPointerFile(app: string): string {
  return `apps/${app}.json`;
}
