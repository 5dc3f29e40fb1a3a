/**
 * Loads the search machinery on demand: the slice manifest, and Pagefind's own `pagefind.js` (with its
 * WASM) by a dynamic import of the built site's file, so none of it is in the app bundle and the first
 * view of any other page does not grow.
 */
import { z } from 'zod';
import { dataBase, dataRoot, onDataBuildChange } from '../../shared/lib/data-build.ts';
import { fetchShard, LibraryLoadError } from '../../shared/lib/fetch-shard.ts';
import { PAGEFIND_DIR, VOCAB_INDEX_FILE, vocabFile, type VocabEntry } from '../../shared/lib/search-shards.ts';
import { retryIndexFetches } from './pagefind-fetch.ts';
import { shardIndexLookup } from './shard-index.ts';
import {
  createSearchEngine,
  searchManifestSchema,
  SEARCH_RANKING,
  type PagefindModule,
  type SearchEngine,
  type SliceCopy,
} from './search-engine.ts';

const EXCERPT_WORDS = 28;

interface PagefindBundle extends PagefindModule {
  options: (options: Record<string, unknown>) => Promise<void>;
  destroy?: () => Promise<void>;
}

export type ImportModule = (url: string) => Promise<unknown>;

const importModule: ImportModule = (url) => import(/* @vite-ignore */ url);

/**
 * Imports one slice's `pagefind.js`; each slice is its own module, so its own Pagefind instance. The copy
 * that counts facets (`SliceCopy`) is the same file imported as `pagefind.js#counts`: the browser keeps a
 * module by its whole URL, so this is another module and another Pagefind, but a fragment is never sent,
 * so its file, like the WebAssembly, metadata and chunks it loads, comes from the HTTP cache. The load
 * resolves only once that Pagefind has started (entry, metadata and WebAssembly loaded), so a failed start
 * is a failed load, which the engine tries again. A retry cannot reuse the module: the browser keeps a
 * failed import() of a URL for good, and Pagefind keeps a failed start for good. So each attempt after the
 * first imports a fresh copy (`?attempt=N`) and the broken one is destroyed (its worker with it).
 */
export function pagefindLoader(
  baseUrl: string,
  load: ImportModule = importModule,
): (slicePath: string, copy?: SliceCopy) => Promise<PagefindModule> {
  const attempts = new Map<string, number>();
  return async (slicePath, copy = 'search') => {
    const key = `${copy}\n${slicePath}`;
    const attempt = attempts.get(key) ?? 0;
    attempts.set(key, attempt + 1);
    const url = `${baseUrl}${slicePath}pagefind.js${attempt > 0 ? `?attempt=${attempt}` : ''}${copy === 'counts' ? '#counts' : ''}`;
    let bundle: PagefindBundle | undefined;
    try {
      bundle = (await load(url)) as PagefindBundle;
      // Pagefind's worker reports a failed start or a broken worker script as an uncaught error no page code
      // can catch, and retries nothing: on the main thread every failure reaches this loader.
      await bundle.options({ excerptLength: EXCERPT_WORDS, ranking: SEARCH_RANKING, noWorker: true });
      // An empty term answers at once once Pagefind has started, and throws why when it could not.
      await bundle.search('');
      return bundle;
    } catch (cause) {
      void bundle?.destroy?.().catch(() => undefined);
      throw new LibraryLoadError(url, { cause });
    }
  };
}

/**
 * Pagefind's main-thread fallback starts itself without awaiting (`new Pagefind()` calls `init()`), so
 * a failed start is also an unhandled rejection. The same error reaches `pagefindLoader` through its
 * search, which reports it and tries again; the duplicate from inside Pagefind's own file is dropped.
 */
export function isPagefindStartFailure(reason: unknown, baseUrl: string): boolean {
  const stack = reason instanceof Error ? (reason.stack ?? '') : '';
  return stack.split('\n').some((frame) => frame.includes(baseUrl) && frame.includes('pagefind.js'));
}

const vocabShardSchema = z.array(
  z.union([
    z.tuple([z.string(), z.number()]),
    z.tuple([z.string(), z.number(), z.string()]),
    z.tuple([z.string(), z.number(), z.string(), z.literal(1)]),
  ]),
);

const hasVocabShard = shardIndexLookup(VOCAB_INDEX_FILE);

/**
 * One vocabulary shard for «هل تقصد» (`src/shared/lib/search-shards.ts`); a key without a shard (by the
 * index the ingest writes) is empty, and not fetched.
 */
export async function loadVocabShard(key: string): Promise<VocabEntry[]> {
  if (!(await hasVocabShard(key))) return [];
  return fetchShard(`${PAGEFIND_DIR}${vocabFile(key)}`, vocabShardSchema);
}

let engine: Promise<SearchEngine> | null = null;
let droppingStartFailures = false;

/** Once a page, however often the engine is made again (a failed start, a new build). */
function dropPagefindStartFailures(): void {
  if (droppingStartFailures) return;
  droppingStartFailures = true;
  addEventListener('unhandledrejection', (event) => {
    if (isPagefindStartFailure(event.reason, dataBase())) event.preventDefault();
  });
}
// A newer build accepted by the reader has its own index: the next search starts its engine afresh.
onDataBuildChange(() => {
  engine = null;
});

/** The engine, made once per page load; a failed start (offline) is tried again on the next search. */
export function getSearchEngine(): Promise<SearchEngine> {
  engine ??= (async () => {
    retryIndexFetches(dataBase(), PAGEFIND_DIR);
    const manifest = await fetchShard(`${PAGEFIND_DIR}search-manifest.json`, searchManifestSchema);
    dropPagefindStartFailures();
    return createSearchEngine(manifest, pagefindLoader(`${await dataRoot()}${PAGEFIND_DIR}`), loadVocabShard);
  })();
  engine.catch(() => {
    engine = null;
  });
  return engine;
}
