/**
 * Runs a search over the Pagefind slices (newest first) and shapes one page of results with facet counts.
 * Pure apart from the injected `loadSlice`, so tests drive it with a fake Pagefind and the benchmark runs
 * this same code in Chromium.
 *
 * A query becomes a few Pagefind queries (`queryVariants`): the words as typed, their normalised form and,
 * when they name a taxonomy alias, the alias keys. Each is ranked by Pagefind (which weighs a match in the
 * headline, then in the topics and tags, above one in the body: `SEARCH_RANKING`), their lists are merged
 * by rank, and the slices searched by Pagefind's own scores, so a strong match in an older slice outranks
 * a weak one in the newest; among equals the newer slice comes first. `sort: 'newest'` orders by date
 * instead. With no words the filters alone browse the corpus, newest first. Slices are visited newest
 * first by their dates; the first page stops at the newest slice with a match unless the reader asks for
 * the whole archive (`scope: 'all'`). A query that finds little is checked against the corpus's vocabulary
 * for «هل تقصد» (`src/shared/lib/spelling.ts`); one that finds nothing shows the corrected query's
 * results at once.
 */
import { z } from 'zod';
import {
  bareBehindProclitics,
  buildLexicon,
  highlightTerms,
  MAX_QUERY_CHARS,
  procliticBares,
  queryVariants,
  type CorpusWords,
  type QueryVariant,
  type SearchLexicon,
} from '../../shared/lib/search-terms.ts';
import { stripClitics, tokenize } from '../../shared/lib/arabic.ts';
import { vocabKey, type VocabEntry } from '../../shared/lib/search-shards.ts';
import {
  correctWord,
  makeVocabulary,
  splitKeys,
  splitWord,
  SURE_DISTANCE,
  TRUSTED_WEIGHT,
  vocabKeysFor,
} from '../../shared/lib/spelling.ts';
import { excerptSegments, highlightText, type Segment } from './excerpt.ts';
import type { SearchParams } from './search-params.ts';

export const SEARCH_PAGE_SIZE = 10;
/**
 * Pagefind adds a boost for a match in a meta field on top of the body's BM25 score. `headline` holds the
 * words and keys of an article's title, `about` those of its topics and tags (`aboutTerms` in
 * scripts/ingest/search-index.ts), `terms` the hidden forms of its whole text: a headline match outranks a
 * topic match, which outranks a mention deep in the body, however the query was spelt. Pagefind also
 * favours a page that writes a word with the query's very marks (a hamza on its alef, tashkeel); in Arabic
 * those are a matter of typing, not of meaning, so `diacriticSimilarity: 0` ranks «اوكرانيا» as «أوكرانيا».
 */
export const SEARCH_RANKING = {
  metaWeights: { title: 5, headline: 5, about: 3, terms: 1 },
  diacriticSimilarity: 0,
};
/**
 * Variants are merged by reciprocal rank fusion (score = Σ weight / (RANK_OFFSET + rank)): Pagefind's
 * scores are not comparable between queries, ranks are. A result found by several variants rises; a
 * loose variant (a topic's key) weighs least. Slices are merged by each result's best Pagefind score (the
 * same query over another slice scores on the same scale), keeping each slice's own order.
 */
const RANK_OFFSET = 5;
const LOOSE_WEIGHT = 0.4;
/**
 * The very form typed (an exact-form key, `queryVariants`) over what only shares its stem: the words'
 * variants each rank a stem match first at 1/5, so an exact match a few places down their lists must
 * still pass two of those.
 */
const EXACT_WEIGHT = 3;
/**
 * Fewer results than this, one of which says the word as typed, are kept above a correction's: the word
 * may be a rare one spelt right.
 */
const FEW_RESULTS = 10;
/** Query words the spelling check looks at: the first few, as a query is cut anyway. */
const MAX_SPELL_WORDS = 6;
const HAMZA_SEAT = /[ءؤئ]/;
/** Shorter words are never corrected (`spelling.ts`), so their shards are not loaded. */
const MIN_SPELL_LETTERS = 3;
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
/**
 * Which copy of a slice's Pagefind: the one that answers queries, or the one that counts facets. Once a
 * filter's chunk is loaded, Pagefind counts each of its values over every search's matches, scanning the
 * list of matches once a value: for a word in most of a slice's articles that is about 130 ms of a later
 * query after the facets were counted (decision 020, seventh round). So the counts come from a copy of
 * their own, and the copy that answers queries loads only the filters a query filters by.
 */
export type SliceCopy = 'search' | 'counts';

export interface PagefindModule {
  search: (term: string | null, options?: PagefindSearchOptions) => Promise<PagefindResponse | null>;
  /** Loads every filter chunk: Pagefind counts only the filters whose chunks are loaded. */
  filters?: () => Promise<unknown>;
}

export interface SearchOptions {
  /**
   * Count every topic and tag. The tag filter of a large slice is about 100 KB, so the page asks for the
   * counts after the results are on screen, keeping them out of the first search's cost. The counts are all
   * such a search is for: it reads no hit (its `hits` are empty), as each would cost a fragment request.
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
  /** «هل تقصد»: the query with its likely misspelt words corrected, or null. */
  suggestion: string | null;
  /** The hits are those of `suggestion` first: the query as typed found nothing, or only other words. */
  corrected: boolean;
  /** The query has no word to search for (only punctuation, symbols or invisible marks). */
  unsearchable: boolean;
}

interface Ranked extends PagefindResult {
  /** The best Pagefind score any variant gave it: what slices are merged by. */
  best: number;
}

/** A search ranked, before its page of hits is read. */
interface Ranking {
  /** Everything but the hits. */
  outcome: SearchOutcome;
  page: Ranked[];
  /** What to mark in the hits' titles and excerpts. */
  terms: string[];
}

interface SliceResult {
  results: Ranked[];
  filters: Record<string, Record<string, number>>;
}

/** One slice's answer to one set of variants; one given after every filter chunk loaded counts every facet. */
interface Answer {
  facets: boolean;
  result: Promise<SliceResult>;
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

/**
 * Lists each in the same order (Pagefind's date sort), merged into one that keeps every list's order: a
 * head goes next once no other list still holds it further down.
 */
export function mergeOrdered<T extends PagefindResult>(lists: ReadonlyArray<readonly T[]>): T[] {
  const at = lists.map(() => 0);
  const remaining = lists.map((list) => new Map(list.map((r, i) => [r.id, i])));
  const out: T[] = [];
  const seen = new Set<string>();
  for (;;) {
    let pick = -1;
    for (let i = 0; i < lists.length && pick === -1; i++) {
      const head = lists[i]?.[at[i]!];
      if (!head) continue;
      const blocked = remaining.some((rest, j) => j !== i && (rest.get(head.id) ?? -1) > at[j]!);
      if (!blocked) pick = i;
    }
    // Lists that disagree (never for one sort key) would block each other: take the first head left.
    if (pick === -1) pick = lists.findIndex((list, i) => at[i]! < list.length);
    if (pick === -1) return out;
    const head = lists[pick]![at[pick]!]!;
    at[pick]!++;
    if (!seen.has(head.id)) {
      seen.add(head.id);
      out.push(head);
    }
  }
}

/**
 * Pagefind skips an index or filter chunk it could not fetch rather than failing the search (and fetches
 * it again on the next one), so a dropped chunk looks like "no results" or a filter with no values. An
 * empty answer is asked again before it is believed; a true one costs no request, as its chunks are
 * loaded by then.
 */
const EMPTY_ASKS = 3;

async function askPagefind(
  pagefind: PagefindModule,
  term: string | null,
  options: PagefindSearchOptions,
): Promise<PagefindResponse | null> {
  let response: PagefindResponse | null = null;
  for (let i = 0; i < EMPTY_ASKS; i++) {
    response = await pagefind.search(term, options);
    if (response?.results.length !== 0) return response;
  }
  return response;
}

async function searchSlice(
  pagefind: PagefindModule,
  variants: readonly QueryVariant[],
  options: PagefindSearchOptions,
): Promise<SliceResult> {
  const browse = variants[0] === BROWSE;
  const responses = await Promise.all(variants.map((v) => askPagefind(pagefind, browse ? null : v.term, options)));
  const fused = new Map<string, Ranked>();
  const filters: Record<string, Record<string, number>> = {};
  responses.forEach((response, i) => {
    if (!response) return;
    const weight = variants[i]?.loose ? LOOSE_WEIGHT : variants[i]?.exact ? EXACT_WEIGHT : 1;
    response.results.forEach((result, rank) => {
      const seen = fused.get(result.id);
      fused.set(result.id, {
        ...result,
        score: (seen?.score ?? 0) + weight / (RANK_OFFSET + rank),
        best: Math.max(seen?.best ?? 0, weight * result.score),
      });
    });
    // Variants overlap, and which results they share is unknown until each is loaded: a value's count is the
    // largest any variant gives, a lower bound of the true count.
    for (const [name, values] of Object.entries(response.filters ?? {})) {
      const merged = (filters[name] ??= {});
      for (const [value, count] of Object.entries(values)) merged[value] = Math.max(merged[value] ?? 0, count);
    }
  });
  // Sorted by date (a browse, or `sort: 'newest'`): keep Pagefind's order; by relevance: best score first.
  const results = options.sort
    ? mergeOrdered(responses.map((r) => r?.results ?? [])).map((r) => fused.get(r.id)!)
    : [...fused.values()].sort((a, b) => b.score - a.score);
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

/**
 * Each slice's results (in their own order) merged into one list: the head with the best Pagefind score
 * goes next, the newer slice first among equals.
 */
function mergeByBest(lists: ReadonlyArray<readonly Ranked[]>): Ranked[] {
  const at = lists.map(() => 0);
  const out: Ranked[] = [];
  for (;;) {
    let pick = -1;
    lists.forEach((list, i) => {
      const head = list[at[i]!];
      if (head && (pick === -1 || head.best > lists[pick]![at[pick]!]!.best)) pick = i;
    });
    if (pick === -1) return out;
    out.push(lists[pick]![at[pick]!++]!);
  }
}

/**
 * Whether a hit's title or excerpt holds every word of `q` that `suggestion` changes, alone or behind a
 * clitic. Pagefind also finds a word it does not hold (one sharing its stem or its first letters), and
 * marks that word in the excerpt instead: a hit like that only looks like the word typed.
 */
export function saysTypedWords(hit: SearchHit, q: string, suggestion: string): boolean {
  const fixed = new Set(tokenize(suggestion));
  const changed = tokenize(q).filter((w) => !fixed.has(w));
  const words = new Set(tokenize([...hit.title, ...hit.excerpt].map((s) => s.text).join(' ')));
  return changed.every((w) => words.has(w) || [...words].some((t) => stripClitics(t, (bare) => bare === w) === w));
}

/** Slices newest first by their dates (never by their place in the manifest); undated ones last. */
function byNewestSlice(slices: SearchManifest['slices']): SearchManifest['slices'] {
  return [...slices].sort((a, b) => (b.newest ?? '').localeCompare(a.newest ?? ''));
}

export function createSearchEngine(
  manifest: SearchManifest,
  loadSlice: (path: string, copy: SliceCopy) => Promise<PagefindModule>,
  /** A vocabulary shard by key (`src/shared/lib/search-shards.ts`); without it, no «هل تقصد». */
  loadVocab?: (key: string) => Promise<VocabEntry[]>,
): SearchEngine {
  const lexicon: SearchLexicon = buildLexicon(manifest.groups);
  const topicLabels = new Map(manifest.topics.map((t) => [t.slug, t.label]));
  const tagLabels = new Map(manifest.tags.map((t) => [t.slug, t.label]));
  const slices = byNewestSlice(manifest.slices);
  const loaded = new Map<string, Promise<PagefindModule>>();
  /** Each Pagefind that has loaded, or is loading, every filter chunk. */
  const withFilters = new WeakMap<PagefindModule, Promise<unknown>>();
  const vocabShards = new Map<string, VocabEntry[]>();
  const vocabulary = makeVocabulary(vocabShards);
  /**
   * The slices' answers the last search used: the next one (its page 2, its facets, the words as typed
   * behind «هل تقصد») reuses them instead of running Pagefind's search again, which for a word most
   * articles hold is the slowest part of a query. Only the last search's, so memory holds one query.
   */
  let lastAnswers = new Map<string, Answer>();
  const slice = (path: string, copy: SliceCopy = 'search'): Promise<PagefindModule> => {
    const key = `${copy}\n${path}`;
    let module = loaded.get(key);
    if (!module) {
      module = loadSlice(path, copy);
      // A failed load (offline) is retried on the next search, not cached.
      module.catch(() => loaded.delete(key));
      loaded.set(key, module);
    }
    return module;
  };
  /**
   * The copy that counts facets, or, when it cannot start (a bad network: its own start is a few more
   * requests), the copy that answers queries: facets still show, and only later queries on this page pay
   * for it. The next facet count tries the copy of their own again.
   */
  const counter = async (path: string): Promise<[SliceCopy, PagefindModule]> => {
    try {
      return ['counts', await slice(path, 'counts')];
    } catch {
      return ['search', await slice(path)];
    }
  };

  /** The filters every slice counts: those the manifest names values of. */
  const filterNames = [...(manifest.topics.length > 0 ? ['topic'] : []), ...(manifest.tags.length > 0 ? ['tag'] : [])];
  /** Loads every filter chunk; one Pagefind failed to fetch (and left out) is asked for again. */
  const loadEveryFilter = async (pagefind: PagefindModule): Promise<void> => {
    for (let i = 0; i < EMPTY_ASKS; i++) {
      const all = ((await pagefind.filters?.()) ?? {}) as Record<string, Record<string, number> | undefined>;
      if (filterNames.every((name) => Object.keys(all[name] ?? {}).length > 0)) return;
    }
  };

  /** Loads the vocabulary shards of `keys` not loaded yet; a missing shard is an empty one. */
  const loadShards = async (keys: readonly string[]): Promise<void> => {
    const missing = [...new Set(keys)].filter((k) => !vocabShards.has(k));
    const shards = await Promise.all(missing.map((k) => loadVocab!(k).catch(() => [])));
    missing.forEach((k, i) => vocabShards.set(k, shards[i] ?? []));
  };

  let corpusFound: { q: string; words: Promise<CorpusWords> } | null = null;
  /**
   * What the vocabulary says of the query's words, asked before the search as it changes the query
   * (`queryVariants`); its shards are those the spelling check loads anyway, and those of the bare forms
   * a word may be behind its proclitics:
   * - how the corpus writes each word, where Pagefind reads that otherwise (a final ة typed ه);
   * - the word behind glued proclitics when the corpus writes it alone (`bareBehindProclitics`):
   *   «ولبنان», «بلبنان», «للبنان» are searched as «لبنان», which finds every article that says Lebanon
   *   however it glues it (by their hidden terms), where Pagefind's stemmer reads the glued form typed as
   *   a stem other words share, or finds only that form. A word that is a noun of its own (وزارة, بلدية)
   *   is left alone.
   */
  function corpusWords(q: string): Promise<CorpusWords> {
    if (corpusFound?.q === q) return corpusFound.words;
    const words = tokenize(q.slice(0, MAX_QUERY_CHARS))
      .slice(0, MAX_SPELL_WORDS)
      .filter((w) => w.length >= MIN_SPELL_LETTERS);
    const none: CorpusWords = { bare: (token) => token, written: () => undefined };
    const found =
      words.length === 0 || !loadVocab
        ? Promise.resolve(none)
        : (async (): Promise<CorpusWords> => {
            const bareKeys = words.flatMap((w) =>
              procliticBares(w).flatMap((level) =>
                level.flatMap(({ bare, glued }) => [vocabKey(bare), vocabKey(`ال${glued}`)]),
              ),
            );
            await loadShards([...words.map(vocabKey), ...bareKeys]);
            const weight = (w: string): number => vocabulary.get(w)?.[1] ?? 0;
            const isName = (w: string): boolean => vocabulary.get(w)?.[3] === 1;
            const bares = new Map(words.map((w) => [w, bareBehindProclitics(w, weight, isName)]));
            return {
              bare: (token) => bares.get(token) ?? token,
              written: (token) => (weight(token) >= TRUSTED_WEIGHT ? vocabulary.get(token)?.[2] : undefined),
            };
          })().catch(() => none);
    corpusFound = { q, words: found };
    return found;
  }

  /**
   * The query with its likely misspelt words corrected (as titles write them), and whether every
   * correction is a sure one (`SURE_DISTANCE`); null when nothing is corrected.
   */
  async function spellingSuggestion(q: string): Promise<{ text: string; sure: boolean } | null> {
    const typed = q.split(/\s+/).flatMap((w) => tokenize(w).map((token) => ({ token, seat: HAMZA_SEAT.test(w) })));
    const words = typed.slice(0, MAX_SPELL_WORDS).map((t) => t.token);
    // A hamza on a seat (آبائهم، لقاؤهما) is typed on purpose, and its other seats are the hidden terms'
    // business (`queryVariants`); the vocabulary, in normalised form, cannot tell its inflections apart.
    const checked = words.filter((w, i) => w.length >= MIN_SPELL_LETTERS && !typed[i]!.seat);
    if (checked.length === 0) return null;
    // One shard a word tells whether the corpus uses it; only a doubtful word loads the shards of its
    // near spellings and of the two words it may run together.
    await loadShards(checked.map(vocabKey));
    // A glued word whose bare form the corpus knows is searched bare (`corpusWords`), not corrected to
    // another word one slip from the glued form («وارمينيا» is not «والمانيا»).
    const corpus = await corpusWords(q);
    const doubtful = checked.filter((w) => (vocabulary.get(w)?.[1] ?? 0) < TRUSTED_WEIGHT && corpus.bare(w) === w);
    if (doubtful.length === 0) return null;
    await loadShards(doubtful.flatMap(vocabKeysFor));
    const fixes = new Map(doubtful.map((w) => [w, correctWord(w, vocabulary)]));
    const unsplit = doubtful.filter((w) => fixes.get(w) === null);
    if (unsplit.length > 0) {
      await loadShards(unsplit.flatMap(splitKeys));
      for (const w of unsplit) fixes.set(w, splitWord(w, vocabulary));
    }
    const made = [...fixes.values()].filter((f) => f !== null);
    if (made.length === 0) return null;
    return { text: words.map((w) => fixes.get(w)?.written ?? w).join(' '), sure: made.every((f) => f.distance <= SURE_DISTANCE) };
  }

  /**
   * One search, ranked but not yet read (`withHits`): a correction may replace it, and each hit shown costs
   * a request. With `after`, that query's results follow those of the query itself («هل تقصد»). The first
   * page reads past a slice with no match only when `readOn` (if given) says so. `answers` keeps each
   * slice's answer to each set of variants for the one call of `search` that ranks several queries, so
   * the words as typed are not searched again beside their correction; it starts from `lastAnswers`.
   */
  async function rank(
    params: SearchParams,
    searchOptions: SearchOptions,
    answers: Map<string, Answer>,
    after: string | null = null,
    readOn?: () => Promise<boolean>,
  ): Promise<Ranking> {
    const browse = params.q === '';
    const first = slices[0];
    // The newest slice's Pagefind starts loading while the vocabulary is asked about the query's words.
    if (first && !browse && !params.literal && !searchOptions.facets) slice(first.path).catch(() => undefined);
    // `literal`: the words exactly as typed, which asks the vocabulary nothing.
    const variants = browse
      ? [BROWSE]
      : queryVariants(params.q, lexicon, params.literal ? undefined : await corpusWords(params.q));
    const afterVariants = after === null ? [] : queryVariants(after, lexicon, await corpusWords(after));
    const empty: SearchOutcome = {
      hits: [],
      total: 0,
      complete: true,
      hasNext: false,
      facets: { topics: [], tags: [] },
      searchedArticles: 0,
      allTopics: manifest.topics,
      suggestion: null,
      corrected: false,
      unsearchable: false,
    };
    if (variants.length === 0) return { outcome: { ...empty, unsearchable: true }, page: [], terms: [] };

    const filters: Record<string, string[]> = {};
    if (params.topic !== null) filters.topic = [params.topic];
    if (params.tags.length > 0) filters.tag = params.tags;
    const byDate = browse || params.sort === 'newest';
    const options: PagefindSearchOptions = byDate ? { filters, sort: { date: 'desc' } } : { filters };

    const start = (params.page - 1) * SEARCH_PAGE_SIZE;
    const end = start + SEARCH_PAGE_SIZE;
    const perSlice: Ranked[][] = [];
    const perSliceAfter: Ranked[][] = [];
    const topicCounts = new Map<string, number>();
    const tagCounts = new Map<string, number>();
    let searched = 0;
    let searchedArticles = 0;
    // The whole archive reads every slice: their Pagefind, WASM and metadata load at once, not one by one.
    if (params.scope === 'all') for (const info of slices) slice(info.path).catch(() => undefined);
    for (const info of slices) {
      // The first page of the default scope stops at the newest slice that has a match: each older slice
      // costs its own Pagefind, WASM and metadata (~120 KB), so a common word reads one slice, and only a
      // word the recent news lacks reads on into the archive rather than showing nothing. The page says
      // the results are recent and links to the whole archive; later pages read on as far as they need.
      const count = perSlice.reduce((n, list) => n + list.length, 0);
      const enough = params.page === 1 ? count > 0 : count > end;
      if (params.scope === 'recent' && searched > 0 && (enough || (count === 0 && readOn && !(await readOn())))) break;
      const [copy, pagefind] = searchOptions.facets ? await counter(info.path) : ['search', await slice(info.path)];
      let found: SliceResult;
      try {
        if (searchOptions.facets && pagefind.filters) {
          if (!withFilters.has(pagefind)) withFilters.set(pagefind, loadEveryFilter(pagefind));
          await withFilters.get(pagefind);
        }
        const once = (vs: readonly QueryVariant[]): Promise<SliceResult> => {
          const key = `${info.path}\n${JSON.stringify(options)}\n${JSON.stringify(vs)}`;
          const facets = searchOptions.facets === true;
          let answer = answers.get(key) ?? lastAnswers.get(key);
          if (!answer || (facets && !answer.facets)) {
            answer = { facets, result: searchSlice(pagefind, vs, options) };
            // A failed search is asked again next time, never kept.
            answer.result.catch(() => answers.delete(key));
          }
          answers.set(key, answer);
          return answer.result;
        };
        const [own, then] = await Promise.all([once(variants), afterVariants.length > 0 ? once(afterVariants) : null]);
        found = own;
        if (then) perSliceAfter.push(then.results);
      } catch (error) {
        // A Pagefind that failed mid-search may be left broken: the next search loads the slice afresh.
        loaded.delete(`${copy}\n${info.path}`);
        throw error;
      }
      perSlice.push(found.results);
      for (const [value, count] of Object.entries(found.filters.topic ?? {})) {
        topicCounts.set(value, (topicCounts.get(value) ?? 0) + count);
      }
      for (const [value, count] of Object.entries(found.filters.tag ?? {})) {
        tagCounts.set(value, (tagCounts.get(value) ?? 0) + count);
      }
      searched++;
      searchedArticles += info.count;
    }
    // Slices are disjoint in time, so by date they simply follow each other; by relevance they are merged.
    const merge = (lists: Ranked[][]): Ranked[] => (byDate ? lists.flat() : mergeByBest(lists));
    const results = merge(perSlice);
    const ids = new Set(results.map((r) => r.id));
    results.push(...merge(perSliceAfter).filter((r) => !ids.has(r.id)));

    const outcome: SearchOutcome = {
      ...empty,
      total: results.length,
      complete: searched === slices.length,
      hasNext: results.length > end,
      facets: {
        topics: facetValues(topicCounts, topicLabels, params.topic ? [params.topic] : [], Infinity),
        tags: facetValues(tagCounts, tagLabels, params.tags, MAX_FACET_TAGS),
      },
      searchedArticles,
    };
    const terms = browse ? [] : highlightTerms(after === null ? params.q : `${params.q} ${after}`);
    return { outcome, page: results.slice(start, end), terms };
  }

  /** The ranking with its page of hits read (one Pagefind fragment each). */
  async function withHits({ outcome, page, terms }: Ranking): Promise<SearchOutcome> {
    const hits: SearchHit[] = [];
    for (const data of await Promise.all(page.map((r) => r.data()))) {
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
    return { ...outcome, hits };
  }

  async function searchWith(
    params: SearchParams,
    searchOptions: SearchOptions,
    answers: Map<string, Answer>,
  ): Promise<SearchOutcome> {
    const finish = async (ranking: Ranking): Promise<SearchOutcome> =>
      searchOptions.facets ? { ...ranking.outcome, hits: [] } : withHits(ranking);
    // The spelling check runs beside the search, so it adds no wait to a query spelt right.
    const checking =
      params.q !== '' && !params.literal && loadVocab ? spellingSuggestion(params.q).catch(() => null) : null;
    // A word one slip from a known one is not hunted for, as typed, through the archive when the newest
    // slice lacks it: each older slice costs its Pagefind, WASM and metadata (~120 KB), and the corrected
    // query's results would come first anyway.
    const readOn = async (): Promise<boolean> => !(await checking)?.sure;
    const [ranked, spelling] = await Promise.all([rank(params, searchOptions, answers, null, readOn), checking]);
    if (spelling === null || spelling === undefined) return finish(ranked);
    const suggestion = spelling.text;
    const { total, complete } = ranked.outcome;
    // Only a few results are read to tell whether they say the word as typed; many, or none, are
    // replaced by the corrected query's before a request is spent on them.
    const few = total > 0 && total < FEW_RESULTS ? await withHits(ranked) : null;
    const fewSayIt = few?.hits.some((hit) => saysTypedWords(hit, params.q, suggestion)) ?? false;
    if (total > 0 && (fewSayIt || !spelling.sure)) {
      // A few results that hold the word (it may be a rare one spelt right), or a correction two slips
      // away (it may be another word): what the words as typed find stays first, the likely ones after.
      return { ...(await finish(await rank(params, searchOptions, answers, suggestion))), suggestion };
    }
    // Nothing, or many for a word the corpus hardly uses: those are other words that share its stem or
    // its first letters, so the page shows the corrected query's results, as many as it says, and links
    // back to the words as typed (`literal`).
    const fixed = await rank({ ...params, q: suggestion }, searchOptions, answers);
    if (fixed.outcome.total > 0) return { ...(await finish(fixed)), suggestion, corrected: true };
    // The correction finds nothing either: the words as typed, read on through the archive after all.
    const literal = total === 0 && !complete ? await rank(params, searchOptions, answers) : ranked;
    return { ...(await finish(literal)), suggestion };
  }

  return {
    async search(params, searchOptions = {}) {
      const answers = new Map<string, Answer>();
      try {
        return await searchWith(params, searchOptions, answers);
      } finally {
        lastAnswers = answers;
      }
    },
  };
}
