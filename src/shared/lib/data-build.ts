/**
 * The build whose data this app reads (docs/decisions/043-build-addressed-data.md). A page names only its
 * app; at start the app reads its pointer (`/data/apps/<app id>.json`) to learn which data folder is its
 * own, and keeps that folder until the reader accepts a newer build as a whole, so one open tab never
 * mixes two deploys. Every data fetch waits for the pointer; hydration does not (the page holds its data).
 * No app id (the dev server, tests) reads the data folder itself, at once.
 */

let current: string | null = null;
let app: string | null = null;
/** Until the data build is known: how to learn it, and the answer on its way. */
let locate: (() => Promise<string>) | null = null;
let locating: Promise<string | null> | null = null;
const listeners = new Set<() => void>();

/**
 * At start: the app id the page names (`readAppBuild`), or null when it names none, and how to read that
 * app's pointer (`readAppPointer`); the pointer is asked for at once, so its answer is usually in before
 * the first data fetch needs it.
 */
export function startBuild(appId: string | null, readPointer?: (app: string) => Promise<string>): void {
  if (appId !== null && !readPointer)
    throw new Error('startBuild: an app id needs a way to read its pointer');
  app = appId;
  current = null;
  locating = null;
  locate = appId === null || !readPointer ? null : () => readPointer(appId);
  if (locate) dataBuildReady().catch(() => undefined);
}

/** The running app's own build; it never changes without a reload. */
export function appBuild(): string | null {
  return app;
}

/** The data build, or null while it is not known yet (and in the dev server). */
export function dataBuild(): string | null {
  return current;
}

/**
 * The data build once it is known. A pointer that could not be read fails this call and every data fetch
 * waiting on it; the next call reads the pointer again.
 */
export function dataBuildReady(): Promise<string | null> {
  if (locate === null) return Promise.resolve(current);
  if (locating) return locating;
  const attempt: Promise<string | null> = locate().then(
    (id) => {
      // Learnt, not changed: nothing was read from any folder before it, so no listener is told.
      if (locating === attempt) {
        current = id;
        locate = null;
        locating = null;
      }
      return current;
    },
    (error: unknown) => {
      if (locating === attempt) locating = null;
      throw error;
    },
  );
  locating = attempt;
  return attempt;
}

export function setDataBuild(id: string | null): void {
  locate = null;
  locating = null;
  if (id === current) return;
  current = id;
  for (const listener of listeners) listener();
}

/** Called after the build changes: caches of files of the previous build drop them. */
export function onDataBuildChange(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The data folder of every build, with a trailing slash. */
export function dataBase(): string {
  return `${import.meta.env.BASE_URL}data/`;
}

/** The data folder of the build this app reads, once it is known, with a trailing slash. */
export async function dataRoot(): Promise<string> {
  const build = await dataBuildReady();
  return `${dataBase()}${build === null ? '' : `${build}/`}`;
}
