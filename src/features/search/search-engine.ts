/**
 * Runs a search over the Pagefind slices (newest first) and shapes one page of results with facet counts.
 * Pure apart from the injected `loadSlice`, so tests drive it with a fake Pagefind and the benchmark runs
 * this same code in Chromium.
 *
 * A query becomes a few Pagefind queries (`queryVariants`): the words as typed, their normalised form and,
 * when they name a taxonomy alias, the alias keys. Their results are merged, best score first. With no words the
 * filters alone browse the corpus, newest first. The first page searches the newest slice only; older
 * slices are searched when a later page needs them, or when the reader asks for the whole archive
 * (`scope: 'all'`).
 */
import { z } from 'zod';
import {
  buildLexicon,
  highlightTerms,
  queryVariants,
  type QueryVariant,
  type SearchLexicon,
} from '../../shared/lib/search-terms.ts';
import { excerptSegments, highlightText, type Segment } from './excerpt.ts';
import type { SearchParams } from './search-params.ts';

export const SEARCH_PAGE_SIZE = 10;
/**
 * Variants are merged by reciprocal rank fusion (score = Σ weight / (RANK_OFFSET + rank)): Pagefind's
 * scores are not comparable between queries, ranks are. A result found by several variants rises; a
 * loose variant (a topic's key) weighs least.
 */
const RANK_OFFSET = 5;
const LOOSE_WEIGHT = 0.4;
const MAX_FACET_TAGS = 15;

const labelSchema = z.object({ slug: z.string(), label: z.string() });
export const searchManifestSchema = z.object({
  schemaVersion: z.literal(1),
  slices: z
    .array(z.object({ path: z.string().regex(/^(slice-\d+\/)?$/), count: z.number(), newest: z.string().nullable(), oldest: z.string().nullable() }))
    .min(1),
  topics: z.array(labelSchema),
  tags: z.array(labelSchema),
  groups: z.array(z.object({ key: z.string(), forms: z.array(z.string()), kind: z.enum(['tag', 'topic']) })),
});
export type SearchManifest = z.infer<typeof searchManifestSchema>;

/** The part of Pagefind's browser API this reader uses. */
export interface PagefindData {
  url: string;
  raw_url?: string;
  excerpt: string;
  meta: Record<string, string | undefined>;
}
export interface PagefindResult {
  id: string;
  score: number;
  data: () => Promise<PagefindData>;
}
export interface PagefindResponse {
  results: PagefindResult[];
  filters?: Record<string, Record<string, number>>;
}
export interface PagefindSearchOptions {
  filters?: Record<string, string[]>;
  sort?: Record<string, 'asc' | 'desc'>;
}
export interface PagefindModule {
  search: (term: string | null, options?: PagefindSearchOptions) => Promise<PagefindResponse | null>;
  /** Loads every filter chunk: Pagefind counts only the filters whose chunks are loaded. */
  filters?: () => Promise<unknown>;
}

export interface SearchOptions {
  /**
   * Count every topic and tag. The tag filter of a large slice is about 100 KB, so the page asks for the
   * counts after the results are on screen, keeping them out of the first search's cost.
   */
  facets?: boolean;
}

export interface SearchHit {
  id: string;
  title: Segment[];
  date: string | null;
  source: string | null;
  excerpt: Segment[];
}

export interface FacetValue {
  slug: string;
  label: string;
  count: number;
}

export interface SearchOutcome {
  hits: SearchHit[];
  /** Results in the slices searched so far. */
  total: number;
  /** Every slice was searched, so `total` and the facet counts cover the whole corpus. */
  complete: boolean;
  hasNext: boolean;
  facets: { topics: FacetValue[]; tags: FacetValue[] };
  /** Articles in the slices searched, for "in the latest N articles". */
  searchedArticles: number;
  /** Every topic of the taxonomy, for the empty state's suggestions. */
  allTopics: Array<{ slug: string; label: string }>;
}

interface SliceResult {
  results: PagefindResult[];
  filters: Record<string, Record<string, number>>;
}

export interface SearchEngine {
  search: (params: SearchParams, options?: SearchOptions) => Promise<SearchOutcome>;
}

/** `/articles/<encoded id>` back to the id; null for any URL this site did not write. */
export function articleIdFromUrl(url: string): string | null {
  const match = /^\/articles\/([^/?#]+)$/.exec(url);
  if (!match?.[1]) return null;
  try {
    return decodeURIComponent(match[1]);
  } catch {
    return null;
  }
}

/** A browse (no words) is one Pagefind query with a null term. */
const BROWSE: QueryVariant = { term: '', loose: false };

async function searchSlice(
  pagefind: PagefindModule,
  variants: readonly QueryVariant[],
  options: PagefindSearchOptions,
): Promise<SliceResult> {
  const browse = variants[0] === BROWSE;
  const responses = await Promise.all(variants.map((v) => pagefind.search(browse ? null : v.term, options)));
  const fused = new Map<string, PagefindResult>();
  const filters: Record<string, Record<string, number>> = {};
  responses.forEach((response, i) => {
    if (!response) return;
    const weight = variants[i]?.loose ? LOOSE_WEIGHT : 1;
    response.results.forEach((result, rank) => {
      const score = weight / (RANK_OFFSET + rank);
      const seen = fused.get(result.id);
      fused.set(result.id, { ...result, score: (seen?.score ?? 0) + score });
    });
    // Variants overlap, and which results they share is unknown until each is loaded: a value's count is the
    // largest any variant gives, a lower bound of the true count.
    for (const [name, values] of Object.entries(response.filters ?? {})) {
      const merged = (filters[name] ??= {});
      for (const [value, count] of Object.entries(values)) merged[value] = Math.max(merged[value] ?? 0, count);
    }
  });
  const results = [...fused.values()];
  // A browse keeps Pagefind's date order; a query sorts by score (stable, so ties keep that order).
  if (!browse) results.sort((a, b) => b.score - a.score);
  return { results, filters };
}

function facetValues(
  counts: Map<string, number>,
  labels: ReadonlyMap<string, string>,
  selected: readonly string[],
  limit: number,
): FacetValue[] {
  return [...counts]
    .filter(([slug, count]) => count > 0 || selected.includes(slug))
    .sort(([a, x], [b, y]) => y - x || (a < b ? -1 : a > b ? 1 : 0))
    .slice(0, limit)
    .map(([slug, count]) => ({ slug, count, label: labels.get(slug) ?? slug.replace(/-/g, ' ') }));
}

export function createSearchEngine(
  manifest: SearchManifest,
  loadSlice: (path: string) => Promise<PagefindModule>,
): SearchEngine {
  const lexicon: SearchLexicon = buildLexicon(manifest.groups);
  const topicLabels = new Map(manifest.topics.map((t) => [t.slug, t.label]));
  const tagLabels = new Map(manifest.tags.map((t) => [t.slug, t.label]));
  const loaded = new Map<string, Promise<PagefindModule>>();
  const withFilters = new Map<string, Promise<unknown>>();
  const slice = (path: string): Promise<PagefindModule> => {
    let module = loaded.get(path);
    if (!module) {
      module = loadSlice(path);
      // A failed load (offline) is retried on the next search, not cached.
      module.catch(() => loaded.delete(path));
      loaded.set(path, module);
    }
    return module;
  };

  return {
    async search(params, searchOptions = {}) {
      const browse = params.q === '';
      const variants = browse ? [BROWSE] : queryVariants(params.q, lexicon);
      const empty: SearchOutcome = {
        hits: [],
        total: 0,
        complete: true,
        hasNext: false,
        facets: { topics: [], tags: [] },
        searchedArticles: 0,
        allTopics: manifest.topics,
      };
      if (variants.length === 0) return empty;

      const filters: Record<string, string[]> = {};
      if (params.topic !== null) filters.topic = [params.topic];
      if (params.tags.length > 0) filters.tag = params.tags;
      const options: PagefindSearchOptions = browse ? { filters, sort: { date: 'desc' } } : { filters };

      const start = (params.page - 1) * SEARCH_PAGE_SIZE;
      const end = start + SEARCH_PAGE_SIZE;
      const results: PagefindResult[] = [];
      const topicCounts = new Map<string, number>();
      const tagCounts = new Map<string, number>();
      let searched = 0;
      let searchedArticles = 0;
      for (const info of manifest.slices) {
        // The first page of the default scope stops at the newest slice that has a match: each older slice
        // costs its own Pagefind, WASM and metadata (~120 KB), so a common word reads one slice, and only a
        // word the recent news lacks reads on into the archive rather than showing nothing. The page says
        // the results are recent and links to the whole archive; later pages read on as far as they need.
        const enough = params.page === 1 ? results.length > 0 : results.length > end;
        if (params.scope === 'recent' && searched > 0 && enough) break;
        const pagefind = await slice(info.path);
        if (searchOptions.facets && pagefind.filters) {
          if (!withFilters.has(info.path)) withFilters.set(info.path, pagefind.filters());
          await withFilters.get(info.path);
        }
        const found = await searchSlice(pagefind, variants, options);
        results.push(...found.results);
        for (const [value, count] of Object.entries(found.filters.topic ?? {})) {
          topicCounts.set(value, (topicCounts.get(value) ?? 0) + count);
        }
        for (const [value, count] of Object.entries(found.filters.tag ?? {})) {
          tagCounts.set(value, (tagCounts.get(value) ?? 0) + count);
        }
        searched++;
        searchedArticles += info.count;
      }

      const terms = browse ? [] : highlightTerms(params.q);
      const hits: SearchHit[] = [];
      for (const data of await Promise.all(results.slice(start, end).map((r) => r.data()))) {
        const id = articleIdFromUrl(data.raw_url ?? data.url);
        const title = data.meta.title;
        if (id === null || !title) continue;
        hits.push({
          id,
          title: highlightText(title, terms),
          date: data.meta.date || null,
          source: data.meta.source || null,
          excerpt: excerptSegments(data.excerpt, terms),
        });
      }
      return {
        hits,
        total: results.length,
        complete: searched === manifest.slices.length,
        hasNext: results.length > end,
        facets: {
          topics: facetValues(topicCounts, topicLabels, params.topic ? [params.topic] : [], Infinity),
          tags: facetValues(tagCounts, tagLabels, params.tags, MAX_FACET_TAGS),
        },
        searchedArticles,
        allTopics: manifest.topics,
      };
    },
  };
}
