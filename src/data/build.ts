/**
 * Which build a page belongs to (docs/decisions/043-build-addressed-data.md). Every build's data lives in
 * its own folder, `/data/<data id>/…`, named by a hash of its bytes; `/data/build.json` (never cached)
 * names the build now deployed. Each prerendered page names the build it was made with in two meta tags,
 * so an open tab keeps reading its own build's folder after a deploy, and can tell when a newer one is
 * out: new data only (the same app can read it), or a new app (which needs a reload).
 */
import * as z from 'zod/mini';

/** The deployed build, beside the build folders: `/data/build.json`. */
export const BUILD_FILE = 'build.json';

/** `<meta name="data-build" content="…">`: the data folder the page's app reads. */
export const DATA_BUILD_META = 'data-build';

/** `<meta name="app-build" content="…">`: a hash of the app's entry HTML, so of its hashed assets. */
export const APP_BUILD_META = 'app-build';

/** A build id: hex digits, so it is always a safe folder name and URL segment. */
const buildId = z.string().check(z.regex(/^[0-9a-f]{8,64}$/));

export const buildInfoSchema = z.object({ data: buildId, app: buildId });

export type BuildInfo = z.infer<typeof buildInfoSchema>;

/** Both ids as the page's meta tags, for the prerendered HTML's head. */
export function buildMetaTags(build: BuildInfo): string {
  return `<meta name="${DATA_BUILD_META}" content="${build.data}">\n    <meta name="${APP_BUILD_META}" content="${build.app}">`;
}

/** The ids a page was built with; null in the dev server, whose index.html names none. */
export function readBuildMeta(doc: Document): BuildInfo | null {
  const meta = (name: string) => doc.querySelector<HTMLMetaElement>(`meta[name="${name}"]`)?.content;
  const parsed = buildInfoSchema.safeParse({ data: meta(DATA_BUILD_META), app: meta(APP_BUILD_META) });
  return parsed.success ? parsed.data : null;
}
