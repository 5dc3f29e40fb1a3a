/**
 * Browser side of the search benchmarks, bundled by `search-harness.ts`: the reader's own search engine
 * (`src/features/search/search-engine.ts`) over the index at `/data/pagefind/`, and plain Pagefind over a
 * baseline index at `/plain/pagefind/`.
 */
import { pagefindLoader } from '../../src/features/search/pagefind-client.ts';
import { createSearchEngine, searchManifestSchema, type PagefindModule } from '../../src/features/search/search-engine.ts';

let engine: ReturnType<typeof createSearchEngine> | null = null;

/** One search as the search page runs it; `facets` is the page's second, deferred request. */
export async function runEngine(q: string, facets = false): Promise<string[]> {
  if (!engine) {
    const manifest = searchManifestSchema.parse(await (await fetch('/data/pagefind/search-manifest.json')).json());
    engine = createSearchEngine(manifest, pagefindLoader('/data/pagefind/'));
  }
  const outcome = await engine.search({ q, topic: null, tags: [], page: 1, scope: 'recent' }, { facets });
  return outcome.hits.map((h) => h.id);
}

export async function runPlain(q: string): Promise<string[]> {
  const url = '/plain/pagefind/pagefind.js';
  const pagefind = (await import(/* @vite-ignore */ url)) as PagefindModule;
  const response = await pagefind.search(q);
  const data = await Promise.all((response?.results ?? []).slice(0, 10).map((r) => r.data()));
  return data.map((d) => decodeURIComponent((d.raw_url ?? d.url).replace(/^\/articles\//, '')));
}
