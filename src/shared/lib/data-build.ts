/**
 * The build whose data this app reads (docs/decisions/043-build-addressed-data.md). Set once at start from
 * the page's meta tags, and again only when the reader accepts a newer build as a whole; every shard and
 * search file is fetched from that build's folder, so one open tab never mixes two deploys. Null (the dev
 * server, tests) reads the data folder itself.
 */
import type { BuildInfo } from '../../data/build.ts';

let current: string | null = null;
let app: string | null = null;
const listeners = new Set<() => void>();

/** At start: the build the page names (`readBuildMeta`), or null when it names none. */
export function startBuild(build: BuildInfo | null): void {
  app = build?.app ?? null;
  setDataBuild(build?.data ?? null);
}

/** The running app's own build; it never changes without a reload. */
export function appBuild(): string | null {
  return app;
}

export function dataBuild(): string | null {
  return current;
}

export function setDataBuild(id: string | null): void {
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

/** The URL of the current build's data folder, with a trailing slash. */
export function dataRoot(): string {
  return `${dataBase()}${current === null ? '' : `${current}/`}`;
}
