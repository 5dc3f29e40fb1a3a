/**
 * Loads the search machinery on demand: the slice manifest, and Pagefind's own `pagefind.js` (with its
 * WASM) by a dynamic import of the built site's file, so none of it is in the app bundle and the first
 * view of any other page does not grow.
 */
import { z } from 'zod';
import { dataRoot, onDataBuildChange } from '../../shared/lib/data-build.ts';
import { fetchShard } from '../../shared/lib/fetch-shard.ts';
import { PAGEFIND_DIR, VOCAB_INDEX_FILE, vocabFile, type VocabEntry } from '../../shared/lib/search-shards.ts';
import { shardIndexLookup } from './shard-index.ts';
import { createSearchEngine, searchManifestSchema, type PagefindModule, type SearchEngine } from './search-engine.ts';

const EXCERPT_WORDS = 28;
/**
 * Pagefind adds a boost for a match in a meta field on top of the body's BM25 score. `about` holds the
 * words and keys of an article's title, topics and tags (scripts/ingest/search-index.ts), `terms` the
 * hidden forms of its whole text: a title or topic match outranks a mention deep in the body.
 */
export const SEARCH_RANKING = { metaWeights: { title: 5, about: 3, terms: 1 } };

interface PagefindBundle extends PagefindModule {
  options: (options: Record<string, unknown>) => Promise<void>;
}

/** Imports one slice's `pagefind.js`; each slice is its own module, so its own Pagefind instance. */
export function pagefindLoader(baseUrl: string): (slicePath: string) => Promise<PagefindModule> {
  return async (slicePath) => {
    const bundle = (await import(/* @vite-ignore */ `${baseUrl}${slicePath}pagefind.js`)) as PagefindBundle;
    await bundle.options({ excerptLength: EXCERPT_WORDS, ranking: SEARCH_RANKING });
    return bundle;
  };
}

const vocabShardSchema = z.array(
  z.union([z.tuple([z.string(), z.number()]), z.tuple([z.string(), z.number(), z.string()])]),
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
// A newer build accepted by the reader has its own index: the next search starts its engine afresh.
onDataBuildChange(() => {
  engine = null;
});

/** The engine, made once per page load; a failed start (offline) is tried again on the next search. */
export function getSearchEngine(): Promise<SearchEngine> {
  engine ??= (async () => {
    const manifest = await fetchShard(`${PAGEFIND_DIR}search-manifest.json`, searchManifestSchema);
    return createSearchEngine(
      manifest,
      pagefindLoader(`${dataRoot()}${PAGEFIND_DIR}`),
      loadVocabShard,
    );
  })();
  engine.catch(() => {
    engine = null;
  });
  return engine;
}
