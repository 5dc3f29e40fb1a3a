/**
 * Which build a page belongs to (docs/decisions/043-build-addressed-data.md). Every build's data lives in
 * its own folder, `/data/<data id>/…`, named by a hash of its bytes; `/data/build.json` (never cached)
 * names the build now deployed. A prerendered page names only its app, never its data, so a page the data
 * does not change is the same bytes in every build; the app learns which data folder to read from its own
 * pointer, `/data/apps/<app id>.json` (never cached either): the newest data made with that app.
 */
import * as z from 'zod/mini';
import { APP_BUILD_META } from './app-pointer.ts';

/** The deployed build, beside the build folders: `/data/build.json`. */
export const BUILD_FILE = 'build.json';

/** A build id: hex digits, so it is always a safe folder name and URL segment. */
const buildId = z.string().check(z.regex(/^[0-9a-f]{8,64}$/));

export const buildInfoSchema = z.object({ data: buildId, app: buildId });

export type BuildInfo = z.infer<typeof buildInfoSchema>;

/** The app id a page was built with; null in the dev server, whose index.html names none. */
export function readAppBuild(doc: Document): string | null {
  const parsed = buildId.safeParse(
    doc.querySelector<HTMLMetaElement>(`meta[name="${APP_BUILD_META}"]`)?.content,
  );
  return parsed.success ? parsed.data : null;
}
