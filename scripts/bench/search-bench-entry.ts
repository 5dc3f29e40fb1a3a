/**
 * Browser side of the search benchmarks, bundled by `search-harness.ts`: the reader's own search engine
 * (`src/features/search/search-engine.ts`) over the index at `/data/pagefind/`, and plain Pagefind over a
 * baseline index at `/plain/pagefind/`.
 */
import { loadVocabShard, pagefindLoader } from '../../src/features/search/pagefind-client.ts';
import { createSearchEngine, searchManifestSchema, type PagefindModule } from '../../src/features/search/search-engine.ts';
import { DEFAULT_SEARCH_PARAMS } from '../../src/features/search/search-params.ts';

let engine: ReturnType<typeof createSearchEngine> | null = null;

/**
 * One search as the search page runs it; `facets` is the page's second, deferred request; `literal`
 * turns «هل تقصد» off (the engine before typo tolerance); `page` is the page of results asked for.
 */
export async function runEngine(q: string, facets = false, literal = false, page = 1): Promise<string[]> {
  if (!engine) {
    const manifest = searchManifestSchema.parse(await (await fetch('/data/pagefind/search-manifest.json')).json());
    engine = createSearchEngine(manifest, pagefindLoader('/data/pagefind/'), loadVocabShard);
  }
  const outcome = await engine.search({ ...DEFAULT_SEARCH_PARAMS, q, literal, page }, { facets });
  return outcome.hits.map((h) => h.id);
}

export const runLiteral = (q: string): Promise<string[]> => runEngine(q, false, true);

export async function runPlain(q: string): Promise<string[]> {
  const url = '/plain/pagefind/pagefind.js';
  const pagefind = (await import(/* @vite-ignore */ url)) as PagefindModule;
  const response = await pagefind.search(q);
  const data = await Promise.all((response?.results ?? []).slice(0, 10).map((r) => r.data()));
  return data.map((d) => decodeURIComponent((d.raw_url ?? d.url).replace(/^\/articles\//, '')));
}
