/**
 * What the search shell (`/search`, served for every query) names for its first results. Without it they
 * wait on a chain of requests, each begun by what the one before brought: the app's entry, its chunk of
 * links, the search page's chunk, the slice manifest, Pagefind's script, its entry, its metadata and
 * WebAssembly, and only then the query's index chunks. The page's pre-paint script (index.html) asks for
 * all of them but Pagefind's entry (fetched with a fresh `?ts=` each time) at once, as soon as the shell
 * has painted, so that its first paint shares the network with nothing. The search page reads every one
 * of them with a query, with filters only, or with neither (the newest articles); the vocabulary and
 * suggestion indexes it reads only for a query or as the reader types, so they are not preloaded (a
 * preload left unused is a console warning). Other pages name none of it: search code and data load only
 * when a search starts. The shell never names its data build (decision 043): the data files are named
 * within the build's folder, and the script reads the app's pointer to learn which folder that is.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { appBuildInHtml, appPointerFile } from '../../src/data/app-pointer.ts';
import { PAGEFIND_DIR } from '../../src/shared/lib/search-shards.ts';
import { escapeMarkup } from './text.ts';

const APP_ENTRY = /<meta name="app-entry" content="([^"]+)">/;
/** The search page's module, as Vite's build manifest names it (`build.manifest` in vite.config.ts). */
const SEARCH_PAGE_MODULE = 'src/features/search/search-page.tsx';

/** Vite's `.vite/manifest.json`: each chunk's file and the chunks it imports, by key. */
export type ViteManifest = Record<string, { file: string; imports?: string[] }>;

interface PagefindEntry {
  languages: Record<string, { hash: string; wasm: string | null }>;
}

/**
 * The URLs to preload, scripts (`.js`: module preloads) and fetched files: the app's code (its entry, the
 * search page's chunk and every chunk they import, from Vite's manifest when there is one, served under
 * `base`), and the newest slice's files of the data build in `dataDir`, named within that folder (no
 * leading `/`), none when the build has no search index (`--no-search`).
 */
export function searchPreloadUrls(
  template: string,
  manifest: ViteManifest | null,
  base: string,
  dataDir: string,
): string[] {
  const entry = APP_ENTRY.exec(template)?.[1];
  const urls = new Set(entry ? [entry] : []);
  const visited = new Set<string>();
  const visit = (key: string): void => {
    const chunk = manifest?.[key];
    if (!chunk || visited.has(key)) return;
    visited.add(key);
    urls.add(base + chunk.file);
    for (const imported of chunk.imports ?? []) visit(imported);
  };
  visit('index.html');
  visit(SEARCH_PAGE_MODULE);
  const pagefind = readJson<PagefindEntry>(path.join(dataDir, PAGEFIND_DIR, 'pagefind-entry.json'));
  if (!pagefind) return [...urls];
  const root = PAGEFIND_DIR;
  for (const file of ['pagefind.js', 'search-manifest.json']) urls.add(root + file);
  for (const { hash, wasm } of Object.values(pagefind.languages)) {
    urls.add(`${root}pagefind.${hash}.pf_meta`);
    if (wasm) urls.add(`${root}wasm.${wasm}.pagefind`);
  }
  return [...urls];
}

/**
 * The tag the pre-paint script reads: the URLs as a JSON array; for the files named within the data
 * build's folder, the pointer of the template's app (`data-pointer`) and the folder of every build
 * (`data-base`, served at `dataBase`).
 */
export function searchPreloadsMeta(urls: readonly string[], template: string, dataBase: string): string {
  if (urls.length === 0) return '';
  const app = appBuildInHtml(template);
  const data = app
    ? ` data-pointer="${escapeMarkup(`${dataBase}${appPointerFile(app)}`)}" data-base="${escapeMarkup(dataBase)}"`
    : '';
  return `<meta name="search-preloads" content="${escapeMarkup(JSON.stringify(urls))}"${data}>`;
}

/** The client build's manifest in `distDir`, or null when it wrote none. */
export function viteManifest(distDir: string): ViteManifest | null {
  return readJson<ViteManifest>(path.join(distDir, '.vite', 'manifest.json'));
}

/** A JSON file's value, or null when there is no such file. */
function readJson<T>(file: string): T | null {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as T;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}
