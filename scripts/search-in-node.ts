/**
 * For tests: the reader's search engine (src/features/search/search-engine.ts) over a real Pagefind index
 * this ingest built in `dir`, through Pagefind's own browser module, which runs in Node once `fetch` reads
 * the index's files from the disk. The caller removes the stub (`vi.unstubAllGlobals`).
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { vi } from 'vitest';
import { SCHEMA_VERSION, type Article } from '../src/data/schema.ts';
import {
  createSearchEngine,
  searchManifestSchema,
  SEARCH_RANKING,
  type PagefindModule,
  type SearchEngine,
} from '../src/features/search/search-engine.ts';
import { vocabFile, type VocabEntry } from '../src/shared/lib/search-shards.ts';
import { buildSearchIndex } from './ingest/search-index.ts';
import type { Taxonomy } from './ingest/taxonomy.ts';

/** An article of the January 2024 test corpus, on its `day`: what is not given is empty, or one source. */
export function testArticle(
  day: number,
  fields: Pick<Article, 'id' | 'title' | 'body'> & Partial<Article>,
): Article {
  return {
    schemaVersion: SCHEMA_VERSION,
    date: new Date(Date.UTC(2024, 0, day)).toISOString(),
    source: 'مصدر',
    url: null,
    readingMinutes: 1,
    tags: [],
    topics: [],
    related: [],
    readAlso: [],
    ...fields,
  };
}

export async function searchEngineInNode(
  articles: Article[],
  taxonomy: Taxonomy,
  dir: string,
  { vocabulary = false }: { vocabulary?: boolean } = {},
): Promise<SearchEngine> {
  await buildSearchIndex(articles, dir, taxonomy);
  const root = path.join(dir, 'pagefind');
  vi.stubGlobal('fetch', async (url: string | URL) => {
    try {
      return new Response(await readFile(fileURLToPath(new URL(url))));
    } catch {
      return new Response(null, { status: 404 });
    }
  });
  const manifest = searchManifestSchema.parse(
    JSON.parse(await readFile(path.join(root, 'search-manifest.json'), 'utf8')),
  );
  const loadSlice = async (slicePath: string): Promise<PagefindModule> => {
    const bundle = (await import(
      pathToFileURL(path.join(root, slicePath, 'pagefind.js')).href
    )) as PagefindModule & {
      options: (options: object) => Promise<void>;
    };
    await bundle.options({ ranking: SEARCH_RANKING, noWorker: true });
    return bundle;
  };
  const loadVocab = async (key: string): Promise<VocabEntry[]> => {
    try {
      return JSON.parse(await readFile(path.join(root, vocabFile(key)), 'utf8')) as VocabEntry[];
    } catch {
      return [];
    }
  };
  return vocabulary
    ? createSearchEngine(manifest, loadSlice, loadVocab)
    : createSearchEngine(manifest, loadSlice);
}
