/**
 * Loads the search machinery on demand: the slice manifest, and Pagefind's own `pagefind.js` (with its
 * WASM) by a dynamic import of the built site's file, so none of it is in the app bundle and the first
 * view of any other page does not grow.
 */
import { fetchShard } from '../../shared/lib/fetch-shard.ts';
import { createSearchEngine, searchManifestSchema, type PagefindModule, type SearchEngine } from './search-engine.ts';

/** Pagefind writes its bundle here, inside the data folder. */
export const PAGEFIND_DIR = 'pagefind/';
const EXCERPT_WORDS = 28;

interface PagefindBundle extends PagefindModule {
  options: (options: Record<string, unknown>) => Promise<void>;
}

/** Imports one slice's `pagefind.js`; each slice is its own module, so its own Pagefind instance. */
export function pagefindLoader(baseUrl: string): (slicePath: string) => Promise<PagefindModule> {
  return async (slicePath) => {
    const bundle = (await import(/* @vite-ignore */ `${baseUrl}${slicePath}pagefind.js`)) as PagefindBundle;
    await bundle.options({ excerptLength: EXCERPT_WORDS });
    return bundle;
  };
}

let engine: Promise<SearchEngine> | null = null;

/** The engine, made once per page load; a failed start (offline) is tried again on the next search. */
export function getSearchEngine(): Promise<SearchEngine> {
  engine ??= (async () => {
    const manifest = await fetchShard(`${PAGEFIND_DIR}search-manifest.json`, searchManifestSchema);
    return createSearchEngine(manifest, pagefindLoader(`${import.meta.env.BASE_URL}data/${PAGEFIND_DIR}`));
  })();
  engine.catch(() => {
    engine = null;
  });
  return engine;
}
