/**
 * The Pagefind search index, written into the built site at `<outDir>/pagefind/` (served at
 * `/data/pagefind/`). One custom record per article: the body as content (so Pagefind's excerpt is real
 * text), title, date and source as meta, topic and tag slugs as filters, the date as the sort key, and the
 * hidden terms of `src/shared/lib/search-terms.ts` in a meta field Pagefind searches but never shows.
 *
 * A large corpus is split into slices of `sliceSize` articles counted from the oldest (docs/decisions/
 * 001-search-index-slices.md, 030-incremental-ingest.md): the first query loads only the newest slice,
 * older ones load on demand, and a slice whose articles did not change is reused as it is.
 * `search-manifest.json` tells the reader where the slices are, plus the taxonomy's alias groups, topic
 * labels and tag labels, so the query side builds the same terms as this side.
 */
import { createHash } from 'node:crypto';
import { linkSync, mkdirSync, readdirSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { blocksFromOldest } from '../../src/data/list-pages.ts';
import type { Article } from '../../src/data/schema.ts';
import {
  buildLexicon,
  corpusKnown,
  countTokens,
  groupKey,
  shadowTerms,
  type AliasGroup,
  type SearchLexicon,
} from '../../src/shared/lib/search-terms.ts';
import { tokenize } from '../../src/shared/lib/arabic.ts';
import { writeSearchShards, type ReuseFile } from './search-vocabulary.ts';
import type { Taxonomy } from './taxonomy.ts';

export const SEARCH_MANIFEST_VERSION = 1;
/**
 * Articles a slice. A first query loads the newest slice's `pf_meta` and the index chunk of each word; a
 * word in most articles (في, من) has a chunk that grows with the slice (160 KB at 10,000), so a newest
 * slice of at most 5,000 keeps such a query under the 300 KB budget (docs/decisions/001). The newest slice
 * holds up to one and a half of these (`planSlices`): 3,400 keeps it at 5,099 at most.
 */
export const DEFAULT_SLICE_SIZE = 3_400;
/**
 * Tag labels shipped in the manifest for facets (the commonest tags: the ones facets show); rarer tags
 * show their slug. Every first search loads the manifest, so it stays small.
 */
const MAX_TAG_LABELS = 300;
/** Sort key of an undated article: Pagefind drops records without the key from sorted results. */
const UNDATED = '0000-00-00T00:00:00.000Z';

/** Pagefind's bundle minus its ready-made UIs, which the reader does not use. */
const UNUSED_FILE = /^(pagefind-(component-|modular-)?ui\.|pagefind-highlight\.js$|wasm\.unknown\.pagefind$)/;

export interface SearchSlice {
  /** Folder of the slice's Pagefind bundle, relative to `pagefind/` ('' for the newest). */
  path: string;
  count: number;
  newest: string | null;
  oldest: string | null;
}

export interface SearchManifest {
  schemaVersion: number;
  slices: SearchSlice[];
  topics: Array<{ slug: string; label: string }>;
  tags: Array<{ slug: string; label: string }>;
  groups: AliasGroup[];
}

export interface SearchIndexOptions {
  sliceSize?: number;
  /** Leave out the hidden terms: plain Pagefind, the benchmark's baseline. */
  plain?: boolean;
  /** Called after each slice is written (progress for long builds). */
  onSlice?: (done: number, total: number) => void;
  /** The code's version, part of each slice's key. */
  version?: string;
  /** What stands for each article's title, body, date, source, tags and topics (`sliceKey`). */
  origins?: ReadonlyMap<string, string>;
  /** Bundles of an earlier build by key, with the folder that holds each now. */
  previous?: ReadonlyMap<string, { dir: string; files: string[]; bytes: number }>;
  /**
   * Building in the output before last (`Spare` in write-output.ts): the bundles its `pagefind/` holds, by
   * folder and key. A folder planned again with the same key (and in `previous`) stays as it is; every
   * other entry of `pagefind/` is handed to `discard`, which takes it away, before anything is written.
   */
  present?: { slices: ReadonlyMap<string, string>; discard: (entry: string) => void };
  /** Slices built at once (default: one per core). */
  parallel?: number;
  /** The manifest, vocabulary and suggestion files unchanged since the previous output: linked, not written. */
  reuseFile?: ReuseFile;
  /** Each slice's token counts kept from an earlier run, by slice key (`KeptCounts` in build-cache.ts). */
  counts?: {
    get(key: string): Map<string, number> | null;
    set(key: string, counts: ReadonlyMap<string, number>): void;
  };
}

/** The taxonomy's synonym groups: each topic (label, aliases, slug) and each known tag with its spellings. */
export function aliasGroups(taxonomy: Taxonomy): AliasGroup[] {
  const groups: AliasGroup[] = [];
  for (const topic of taxonomy.topics) {
    groups.push({
      key: groupKey(groups.length),
      forms: [topic.label, ...topic.aliases, topic.slug.replace(/-/g, ' ')],
      kind: 'topic',
    });
  }
  for (const tag of taxonomy.tags) {
    if (tag.aliases.length > 0) {
      groups.push({ key: groupKey(groups.length), forms: [tag.label, ...tag.aliases], kind: 'tag' });
    }
  }
  return groups;
}

const byNewest = (a: Article, b: Article): number =>
  (b.date ?? '').localeCompare(a.date ?? '') || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

export interface PlannedSlice {
  /**
   * Place counted from the oldest dated slice, undated slices numbered after them: a slice keeps its number
   * as articles arrive.
   */
  index: number;
  /** Newest first. */
  articles: Article[];
}

/**
 * Slices anchored in the past (docs/decisions/030-incremental-ingest.md): dated articles oldest first, cut
 * every `sliceSize`, so a new article touches only the newest slice. A tail under half a slice joins the
 * slice before it, so the newest slice, which every first query loads, holds between half and one and a
 * half slices and never only a handful of articles. Undated articles are cut the same way into slices of
 * their own, numbered after the dated ones and listed last: one arriving moves no dated slice (among the
 * dated ones they would all have shifted). Only when the dated articles are fewer than half a slice are
 * all cut together, undated oldest, so that the newest slice is not a handful. Returned newest first.
 */
export function planSlices(articles: readonly Article[], sliceSize: number): PlannedSlice[] {
  // Oldest first; undated (sorted last by `byNewest`) first of all.
  const sorted = [...articles].sort(byNewest).reverse();
  const firstDated = sorted.findIndex((a) => a.date !== null);
  const apart = firstDated > 0 && sorted.length - firstDated >= sliceSize / 2;
  const dated = cut(apart ? sorted.slice(firstDated) : sorted, sliceSize, 0);
  const undated = apart ? cut(sorted.slice(0, firstDated), sliceSize, dated.length) : [];
  return [...dated.reverse(), ...undated.reverse()];
}

/** `sorted` (oldest first) cut as list pages are (`blocksFromOldest`), into one slice at least; oldest first. */
function cut(sorted: readonly Article[], sliceSize: number, first: number): PlannedSlice[] {
  const blocks = blocksFromOldest(sorted.length, sliceSize);
  return (blocks.length > 0 ? blocks : [[0, 0] as const]).map(([start, end], i) => ({
    index: first + i,
    articles: sorted.slice(start, end).reverse(),
  }));
}

export function articleText(article: Article): string {
  return [article.title, ...article.body].join('\n');
}

/**
 * What an article is about, for ranking, in two meta fields the query side weighs above the body
 * (`SEARCH_RANKING`): its headline (`headline`) and its topics and tags (`about`), each as words and hidden
 * terms, so that every variant of a query (the words as typed, without hamza, a spelling's or a topic's
 * key) finds a headline that names it above an article that is only filed under it, and both above a word
 * deep in the body. The displayed `title` matches only the words as Pagefind reads them.
 */
export function aboutTerms(
  article: Article,
  lexicon: SearchLexicon,
  isKnown: (bare: string) => boolean,
): { headline: string; about: string } {
  const terms = (text: string): string => [...new Set([...tokenize(text), ...shadowTerms(text, lexicon, isKnown)])].join(' ');
  return {
    headline: terms(article.title),
    about: terms([...article.topics.map((t) => t.label), ...article.tags.map((t) => t.label)].join('\n')),
  };
}

/** The Pagefind record of one article (exported for tests). */
export function searchRecord(article: Article, lexicon: SearchLexicon | null, isKnown: (bare: string) => boolean) {
  const terms = lexicon ? shadowTerms(articleText(article), lexicon, isKnown).join(' ') : '';
  const { headline, about } = lexicon ? aboutTerms(article, lexicon, isKnown) : { headline: '', about: '' };
  return {
    url: `/articles/${encodeURIComponent(article.id)}`,
    content: article.body.join('\n'),
    language: 'ar',
    meta: {
      title: article.title,
      date: article.date ?? '',
      source: article.source ?? '',
      ...(terms === '' ? {} : { terms }),
      ...(headline === '' ? {} : { headline }),
      ...(about === '' ? {} : { about }),
    },
    filters: { topic: article.topics.map((t) => t.slug), tag: article.tags.map((t) => t.slug) },
    sort: { date: article.date ?? UNDATED },
  };
}

function tagLabels(articles: readonly Article[]): Array<{ slug: string; label: string }> {
  const counts = new Map<string, { label: string; count: number }>();
  for (const article of articles) {
    for (const tag of article.tags) {
      const entry = counts.get(tag.slug) ?? { label: tag.label, count: 0 };
      entry.count++;
      counts.set(tag.slug, entry);
    }
  }
  return [...counts]
    .sort(([a, x], [b, y]) => y.count - x.count || (a < b ? -1 : 1))
    .slice(0, MAX_TAG_LABELS)
    .map(([slug, { label }]) => ({ slug, label }));
}

/** A slice's bundle as written: its files relative to its folder, and the key of what it holds. */
export interface SliceBundle {
  key: string;
  path: string;
  files: string[];
  bytes: number;
}

/**
 * What a slice's bundle depends on, hashed: the code's version, the alias groups, and every field of its
 * articles but the related and read-also links (which search never sees). Equal keys, equal bundles. An
 * article with an origin (`BuiltCorpus.origins`: a hash that stands for its title, body, date, source, tags
 * and topics) is keyed by its id and origin, so that nothing of it is read or serialised to key a slice.
 */
export function sliceKey(
  articles: readonly Article[],
  version: string,
  groups: readonly AliasGroup[],
  plain: boolean,
  origins?: ReadonlyMap<string, string>,
): string {
  const hash = createHash('sha256').update(`${version}\0${plain}\0${JSON.stringify(groups)}`);
  const seen = (key: string, value: unknown) => (key === 'related' || key === 'readAlso' ? undefined : value);
  for (const article of articles) {
    const origin = origins?.get(article.id);
    if (origin === undefined) hash.update(`\0f${JSON.stringify(article, seen)}`);
    else hash.update(`\0o${article.id}\0${origin}`);
  }
  return hash.digest('hex');
}

/** Runs `task` over `items` in `limit` lanes, each item in one lane (`task`'s second argument), results in input order. */
async function inParallel<T, R>(items: readonly T[], limit: number, task: (item: T, lane: number) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const lane = async (n: number): Promise<void> => {
    while (next < items.length) {
      const i = next++;
      results[i] = await task(items[i]!, n);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, (_, n) => lane(n)));
  return results;
}

const WORKER = new URL('./slice-worker.mjs', import.meta.url);

interface SliceWorker {
  /** Builds one slice's bundle into `dir`; one at a time. */
  build(records: unknown[], dir: string): Promise<{ files: string[]; bytes: number }>;
  /** Stops the thread and its Pagefind service. */
  close(): Promise<void>;
}

/** A worker thread with its own Pagefind service (scripts/ingest/slice-worker.mjs), kept for many slices. */
function startSliceWorker(): SliceWorker {
  const worker = new Worker(WORKER, { workerData: { unused: UNUSED_FILE.source } });
  let pending: { resolve: (r: { files: string[]; bytes: number }) => void; reject: (e: Error) => void } | null = null;
  let failure: Error | null = null;
  const fail = (error: Error): void => {
    failure ??= error;
    pending?.reject(error);
    pending = null;
  };
  worker.on('message', (message: { files: string[]; bytes: number } | { error: string }) => {
    const job = pending;
    pending = null;
    if ('error' in message) job?.reject(new Error(message.error));
    else job?.resolve(message);
  });
  worker.on('error', fail);
  const exited = new Promise<void>((resolve) =>
    worker.on('exit', (code) => {
      fail(new Error(`search slice worker exited with ${code}`));
      resolve();
    }),
  );
  return {
    build: (records, dir) =>
      new Promise((resolve, reject) => {
        if (failure) return reject(failure);
        pending = { resolve, reject };
        worker.postMessage({ records, dir });
      }),
    close: async () => {
      if (!failure) worker.postMessage(null);
      else await worker.terminate();
      await exited;
    },
  };
}

/** The names in `dir`, none when it is not there. */
function entriesOf(dir: string): string[] {
  try {
    return readdirSync(dir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
}

/** Hard-links a previous bundle's files into `dir`: same bytes, same mtimes, nothing rewritten. */
function linkBundle(from: string, files: readonly string[], dir: string): void {
  for (const file of files) {
    const target = path.join(dir, file);
    mkdirSync(path.dirname(target), { recursive: true });
    linkSync(path.join(from, file), target);
  }
}

export interface SearchIndexResult {
  files: number;
  bytes: number;
  bundles: SliceBundle[];
  /** Slices built this run; the others were linked from `previous`. */
  built: number;
  /** The «هل تقصد» vocabulary and suggestion shards (scripts/ingest/search-vocabulary.ts). */
  shards?: Awaited<ReturnType<typeof writeSearchShards>>;
}

/**
 * Writes the Pagefind index for `articles` to `<outDir>/pagefind/` (served at `/data/pagefind/`). A slice
 * whose key is in `options.previous` is linked from there instead of built; the others build in worker
 * threads, one per core.
 */
export async function buildSearchIndex(
  articles: Article[],
  outDir: string,
  taxonomy: Taxonomy,
  options: SearchIndexOptions = {},
): Promise<SearchIndexResult> {
  const root = path.join(outDir, 'pagefind');
  const groups = aliasGroups(taxonomy);
  const lexicon = buildLexicon(groups);
  const plain = options.plain ?? false;
  const slices = planSlices(articles, Math.max(1, options.sliceSize ?? DEFAULT_SLICE_SIZE));
  const planned = slices.map((slice, i) => ({
    i,
    slice,
    path: i === 0 ? '' : `slice-${slice.index}/`,
    key: sliceKey(slice.articles, options.version ?? '', groups, plain, options.origins),
  }));

  // The bundles the folder already holds that stay: no file of theirs is linked, moved or deleted.
  const stays = new Set(
    planned
      .filter(({ path: rel, key }) => rel !== '' && options.present?.slices.get(rel) === key && options.previous?.has(key))
      .map(({ path: rel }) => rel),
  );
  if (options.present) for (const entry of entriesOf(root)) if (!stays.has(`${entry}/`)) options.present.discard(entry);

  // Each slice's token counts serve its own records and, summed, the whole corpus's vocabulary shards,
  // which are built on this thread as soon as the last slice is counted, while its bundle still builds.
  // The sum is folded in slice order as soon as it can be (the same Map, in the same order, as summing at
  // the end), so that no more than a few slices' counts are held at once.
  const counts: Array<Map<string, number> | undefined> = [];
  const corpusCounts = new Map<string, number>();
  let folded = 0;
  let allCounted = (): void => {};
  const whenCounted = new Promise<void>((resolve) => (allCounted = resolve));
  const countSlice = (i: number): Map<string, number> => {
    const { key, slice } = planned[i]!;
    let sliceCounts = options.counts?.get(key);
    if (!sliceCounts) {
      sliceCounts = countTokens(slice.articles.map(articleText));
      options.counts?.set(key, sliceCounts);
    }
    counts[i] = sliceCounts;
    for (; counts[folded]; folded++) {
      for (const [token, n] of counts[folded]!) corpusCounts.set(token, (corpusCounts.get(token) ?? 0) + n);
      counts[folded] = undefined;
    }
    if (folded === planned.length) allCounted();
    return sliceCounts;
  };
  // The vocabulary and suggestion shards are the whole corpus's, built afresh each run (a file whose bytes
  // did not change is linked from the previous output: `reuseFile`).
  const shards = plain
    ? Promise.resolve(undefined)
    : whenCounted.then(() => writeSearchShards(root, articles, taxonomy, corpusCounts, options.reuseFile));

  // A slice's records are made on this thread (its counts, hidden terms, bodies read back), one slice
  // ahead of the lanes: made when a lane takes the slice, its Pagefind service would wait for them.
  const toBuild = planned.filter(({ key }) => !options.previous?.has(key)).map(({ i }) => i);
  const taken = new Set<number>();
  const ready = new Map<number, unknown[] | Error>();
  const makeRecords = (i: number): unknown[] => {
    // The corpus's vocabulary is the slice's own, so a slice's bundle depends on its articles alone.
    const isKnown = plain ? () => false : corpusKnown(countSlice(i), lexicon);
    return planned[i]!.slice.articles.map((a) => searchRecord(a, plain ? null : lexicon, isKnown));
  };
  const takeRecords = (i: number): unknown[] => {
    taken.add(i);
    const records = ready.get(i) ?? makeRecords(i);
    ready.delete(i);
    if (records instanceof Error) throw records;
    return records;
  };
  const prepareNext = (): void => {
    const next = toBuild.find((i) => !taken.has(i));
    if (next === undefined || ready.size > 0) return;
    try {
      ready.set(next, makeRecords(next));
    } catch (error) {
      // Thrown where the slice is taken, so that the build fails as it would have without this.
      ready.set(next, error as Error);
    }
  };

  let done = 0;
  let built = 0;
  // One worker a lane, started when the lane first has a slice to build, closed at the end.
  const workers: SliceWorker[] = [];
  const lanes = inParallel(planned, options.parallel ?? os.availableParallelism(), async ({ i, path: rel, key }, lane) => {
    const dir = path.join(root, rel);
    const previous = options.previous?.get(key);
    let written: { files: string[]; bytes: number };
    if (previous) {
      if (!stays.has(rel)) linkBundle(previous.dir, previous.files, dir);
      if (!plain) countSlice(i);
      written = previous;
    } else {
      const building = (workers[lane] ??= startSliceWorker()).build(takeRecords(i), dir);
      // After this turn, so that a lane whose slice is done is handed its next one first.
      setImmediate(prepareNext);
      written = await building;
      built++;
    }
    options.onSlice?.(++done, planned.length);
    return { key, path: rel, files: written.files, bytes: written.bytes };
  });
  const [bundles, shardStats] = await Promise.all([lanes, shards]).finally(() =>
    Promise.all(workers.map((w) => w.close())),
  );

  const manifest: SearchManifest = {
    schemaVersion: SEARCH_MANIFEST_VERSION,
    slices: planned.map(({ slice, path: rel }) => ({
      path: rel,
      count: slice.articles.length,
      newest: slice.articles[0]?.date ?? null,
      oldest: slice.articles.at(-1)?.date ?? null,
    })),
    topics: taxonomy.topics.map((t) => ({ slug: t.slug, label: t.label })),
    tags: tagLabels(articles),
    groups,
  };
  const json = Buffer.from(JSON.stringify(manifest));
  if (!options.reuseFile?.('search-manifest.json', json)) await writeFile(path.join(root, 'search-manifest.json'), json);
  const result: SearchIndexResult = {
    files: bundles.reduce((n, b) => n + b.files.length, 1),
    bytes: bundles.reduce((n, b) => n + b.bytes, json.length),
    bundles,
    built,
  };
  if (shardStats === undefined) return result;
  return {
    ...result,
    // Each kind's shards and the index of their keys.
    files: result.files + shardStats.vocab.files + shardStats.suggest.files + 2,
    bytes: [shardStats.vocab, shardStats.suggest].reduce((n, s) => n + s.bytes + s.indexBytes, result.bytes),
    shards: shardStats,
  };
}
