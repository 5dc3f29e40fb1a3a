/**
 * The app's pointer to its data (docs/decisions/043-build-addressed-data.md): `data/apps/<app id>.json`,
 * in `build.json`'s schema, names the newest data build made with that app. Pages name only their app, so
 * this is how an app learns which data folder to read; one file per app, because mid-deploy `build.json`
 * may already name a newer app whose data this one must not parse.
 */
import { appPointerFile } from '../../src/data/app-pointer.ts';
import type { BuildInfo } from '../../src/data/build.ts';
import { createSiteWriter } from './site-writer.ts';

/**
 * Writes the pointer of `build.app` into the built site's data folder, unless it already says so (its
 * mtime then stays); returns its path in the site.
 */
export function writeAppPointer(distDir: string, build: BuildInfo): string {
  const file = `data/${appPointerFile(build.app)}`;
  createSiteWriter(distDir)(
    file,
    `${JSON.stringify({ data: build.data, app: build.app } satisfies BuildInfo)}\n`,
  );
  return file;
}
