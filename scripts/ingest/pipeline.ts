import { createHash, hash as oneShot } from 'node:crypto';
import { createReadStream, existsSync, renameSync } from 'node:fs';
import { mkdir, open, readdir, readFile, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { SCHEMA_VERSION, type TagRef, type TopicRef } from '../../src/data/schema.ts';
import { assignIds, type IdentifiedRecord } from './ids.ts';
import {
  fromUtf16,
  fromWindows1256,
  isWindows1256,
  SNIFF_BYTES,
  utf16Bom,
  utf16Warning,
  WINDOWS_1256_WARNING,
} from './legacy-encoding.ts';
import { parseJsonArray, parseJsonl, parseJsonlStream, parseJsonObjects, type KeepRecord } from './parse-json.ts';
import { parseTxt } from './parse-txt.ts';
import { withBodyOf, type ParseResult, type RawRecord, type Rejection, type Warning } from './record.ts';
import {
  compareArticles,
  indexTitles,
  leadTerms,
  measureRelated,
  relateArticles,
  resolveReadAlso,
  type RelatedQuality,
  type RelateMemo,
} from './related.ts';
import { buildShards, countShards, makeExcerpt, readingMinutes, type ShardArticle, type ShardCounts } from './shard.ts';
import type { ArticleText } from './phrases.ts';
import { assignTags, type TagResult } from './tags.ts';
import { loadTaxonomy, sourceNamer, type Taxonomy } from './taxonomy.ts';
import { assignTopics, topicMatcher } from './topics.ts';
import {
  CACHE_FORMAT,
  cacheFileFor,
  hashBytes,
  hashFile,
  ingestVersion,
  folderId,
  hasRacyInputs,
  inputHashes,
  KeptCounts,
  ParsedFiles,
  readCache,
  readCacheBody,
  refreshHead,
  stageCache,
  type BuildCache,
  type CacheBody,
  type CacheHead,
  type InputStamp,
} from './build-cache.ts';
import { changedPaths, writeDataChanges } from './data-changes.ts';
import { dataBuildId, readDataId, writeDataId } from './data-id.ts';
import { acquireLock, lockFileFor } from './lock.ts';
import { outputProblem, realOutput } from './output-folder.ts';
import {
  linkIfSame,
  removeDetached,
  SEARCH_DIR,
  writeAtomically,
  writeShards,
  type PreviousOutput,
  type WriteStats,
} from './write-output.ts';

/**
 * The ingest as one call: read → parse → identify → tag → topic → relate → shard → write atomically,
 * rewriting only what changed since the last run.
 */

/** Bad usage or unreadable input: the CLI exits with 2. */
export class InputError extends Error {}

const EXTENSIONS = new Set(['.txt', '.jsonl', '.ndjson', '.json']);
const TAXONOMY_NAME = 'taxonomy.json';

/**
 * Input files, folders walked recursively in sorted order. `exclude` (the taxonomy in use) is never an
 * input, and neither is a `taxonomy.json` met while walking a folder: content folders carry one by
 * convention even when another is passed with --taxonomy.
 */
export async function collectInputFiles(inputs: readonly string[], exclude: readonly string[] = []): Promise<string[]> {
  const skip = new Set(exclude.map((f) => path.resolve(f)));
  const files: string[] = [];
  const walk = async (dir: string): Promise<void> => {
    const entries = await readdir(dir, { withFileTypes: true });
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      if (entry.name.startsWith('.')) continue;
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) await walk(full);
      else if (
        entry.isFile() &&
        EXTENSIONS.has(path.extname(entry.name).toLowerCase()) &&
        entry.name !== TAXONOMY_NAME &&
        !skip.has(path.resolve(full))
      ) {
        files.push(full);
      }
    }
  };
  for (const input of inputs) {
    let info;
    try {
      info = await stat(input);
    } catch (error) {
      throw new InputError(`cannot read input "${input}": ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
    }
    try {
      if (info.isDirectory()) await walk(input);
      else if (!skip.has(path.resolve(input))) files.push(input);
    } catch (error) {
      throw new InputError(`cannot read input "${input}": ${(error as Error).message}`);
    }
  }
  return files;
}

/**
 * Parses one file by its extension (`.txt`, `.jsonl` or `.ndjson`, `.json`), handing each record to `keep`
 * as it is parsed. A JSON Lines file is streamed (any size); a `.json` array or a `.txt` file is read whole, as neither
 * is a format a large archive comes in (a JSON array cannot be parsed in pieces by `JSON.parse`).
 */
export async function parseFile(file: string, name: string, keep: KeepRecord = (record) => record): Promise<ParseResult> {
  const ext = path.extname(file).toLowerCase();
  if (!EXTENSIONS.has(ext)) {
    return { records: [], rejections: [{ file: name, line: 1, reason: `unknown file type "${ext}"` }], warnings: [] };
  }
  try {
    // A file in UTF-16 or the legacy Arabic code page is read whole and decoded; any other is UTF-8, a
    // JSON Lines file streamed.
    const sample = await firstBytes(file, SNIFF_BYTES);
    const utf16 = utf16Bom(sample);
    const legacy = utf16 === null && isWindows1256(sample);
    // The whole file, read once however many parses need it.
    let whole: Buffer | undefined;
    if (utf16) {
      whole = fromUtf16(await readFile(file), utf16) ?? undefined;
      if (!whole) {
        const reason = `not valid ${utf16.toUpperCase()}, which its byte order mark announces: the whole file was skipped`;
        return { records: [], rejections: [{ file: name, line: 1, reason }], warnings: [] };
      }
    }
    const read = async () => (whole ??= legacy ? fromWindows1256(await readFile(file)) : await readFile(file));
    let parsed: ParseResult;
    if (ext === '.jsonl' || ext === '.ndjson') {
      parsed = whole || legacy ? parseJsonl(await read(), name, keep) : await parseJsonlStream(createReadStream(file, { highWaterMark: 1 << 20 }), name, keep);
      // Not one line was an article: perhaps articles pretty-printed over several lines.
      if (parsed.records.length === 0 && parsed.rejections.length > 1) parsed = parseJsonObjects(await read(), name, keep) ?? parsed;
    } else {
      const bytes = await read();
      parsed = ext === '.json' ? parseJsonArray(bytes, name) : parseTxt(bytes, name);
      parsed.records = parsed.records.map(keep);
    }
    if (legacy) parsed.warnings.unshift({ file: name, line: 1, message: WINDOWS_1256_WARNING });
    if (utf16) parsed.warnings.unshift({ file: name, line: 1, message: utf16Warning(utf16) });
    return parsed;
  } catch (error) {
    throw new InputError(`cannot read "${file}": ${(error as Error).message}`);
  }
}

/** Up to `count` bytes from the start of `file`. */
async function firstBytes(file: string, count: number): Promise<Uint8Array> {
  const handle = await open(file, 'r');
  try {
    const { buffer, bytesRead } = await handle.read(Buffer.alloc(count), 0, count, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

/** An article with what was drawn from its body at parse time, when it was (`BodyFacts`). */
export type CorpusArticle = ShardArticle & { lead?: string };

export interface BuiltCorpus {
  /** In site order: newest first, undated last, ties by id. */
  articles: CorpusArticle[];
  topics: TopicRef[];
  rejections: Rejection[];
  merged: Array<{ slug: string; label: string; variants: string[] }>;
  likelyVariants: Array<{ a: string; b: string; reason: string }>;
  phrases: TagResult['phrases'];
  undecided: TagResult['undecided'];
  /**
   * Article id → the key of its topics (`topicsOf`: a hash of the record's origin, its tags and the
   * taxonomy), which stands for its title, body, date, source, tags and topics; for the records that have an
   * `origin`, when topics are memoised (always in `runIngest`).
   */
  origins: Map<string, string>;
  /** Each article's related panel by the places of its articles in `articles` (`ShardInput.relatedDocs`). */
  relatedDocs: ArrayLike<number>[];
  /** What the next run needs to recompute only the related panels that can change. */
  relateMemo: RelateMemo;
  /** Related panels computed this run; the others were the last run's. */
  panelsComputed: number;
}

export type Progress = (phase: string, done: number, total: number) => void;

/**
 * Milliseconds spent in each phase, for the benchmark: wall clock, and CPU (user + system, all threads)
 * because on a busy shared machine the wall clock says more about the neighbours than about the ingest.
 */
export type Timings = Record<string, { wallMs: number; cpuMs: number }>;

function timer(timings: Timings | undefined): (phase: string) => void {
  let last = performance.now();
  let lastCpu = process.cpuUsage();
  return (phase) => {
    if (!timings) return;
    const now = performance.now();
    const cpu = process.cpuUsage(lastCpu);
    const entry = (timings[phase] ??= { wallMs: 0, cpuMs: 0 });
    entry.wallMs += now - last;
    entry.cpuMs += (cpu.user + cpu.system) / 1000;
    last = now;
    lastCpu = process.cpuUsage();
  };
}

/** Draws from a record's body what every later run needs (`BodyFacts`), so that it need not read it. */
function withFacts(r: RawRecord): RawRecord {
  r.facts = { minutes: readingMinutes(r.body), excerpt: makeExcerpt(r.body), lead: leadTerms(r.body).join(' ') };
  return r;
}

/** Title and body, where a run of the keyword line written whole says it is one keyword. */
function articleText(record: RawRecord | undefined): ArticleText {
  return { title: record?.title ?? '', body: () => record?.body.join('\n') ?? '' };
}

/**
 * The topics of each article by a key of what decides them (the record's origin, its tags, the taxonomy),
 * as indexes into the taxonomy's topics: reused from the last run, as matching every body against every
 * topic's forms is a sixth of a full run.
 */
export interface TopicMemo {
  /** A hash of the taxonomy. */
  salt: string;
  previous: Readonly<Record<string, string>>;
  /** Filled with this run's keys. */
  next: Record<string, string>;
}

/**
 * The topics of an article, and the key they are memoised by when there is one: it stands for everything
 * the article's topics and related panel read from it but its id (`RelateOptions.fingerprints`).
 */
function topicsOf(
  record: IdentifiedRecord,
  tags: TagRef[],
  taxonomy: Taxonomy,
  memo: TopicMemo | undefined,
): { topics: TopicRef[]; key?: string } {
  const compute = () => assignTopics({ title: record.title, body: record.body, tags }, taxonomy);
  if (!memo || record.origin === undefined) return { topics: compute() };
  const key = oneShot('sha1', `${memo.salt}\0${record.origin}\0${JSON.stringify(tags)}`, 'base64');
  const known = memo.previous[key];
  const all = topicMatcher(taxonomy).topics;
  if (known !== undefined) {
    memo.next[key] = known;
    return { topics: known === '' ? [] : known.split(',').map((i) => all[Number(i)]!), key };
  }
  const topics = compute();
  memo.next[key] = topics.map((t) => all.indexOf(t)).join(',');
  return { topics, key };
}

/**
 * The corpus before its related pass: ids, tags and topics, in site order. All the search index reads, so
 * that it can start while the related panels are computed.
 */
export type TaggedCorpus = Omit<BuiltCorpus, 'relatedDocs' | 'relateMemo' | 'panelsComputed'> & {
  /** Each article's topics key (`topicsOf`), in site order: what stands for it in the related memo. */
  fingerprints: Array<string | undefined>;
  /** The titles each article names to read, by id. */
  readAlsoOf: Map<string, string[]>;
};

/** Everything after parsing up to the related pass, pure: ids, tags, topics, site order. */
export function tagCorpus(
  records: readonly RawRecord[],
  taxonomy: Taxonomy,
  timings?: Timings,
  topicMemo?: TopicMemo,
): TaggedCorpus {
  const lap = timer(timings);
  const identified = assignIds(records);
  lap('ids');
  const tagging = assignTags(
    identified.records.map((r) => r.keywords),
    taxonomy,
    { text: (i) => articleText(identified.records[i]) },
  );
  lap('tags');
  const fingerprints = new Map<string, string>();
  // The topics key below covers the source's name too: it hashes the whole taxonomy.
  const sourceName = sourceNamer(taxonomy);
  const unsorted = identified.records.map((r, i): CorpusArticle => {
    const tags = tagging.tagsPerArticle[i] ?? [];
    const { topics, key } = topicsOf(r, tags, taxonomy, topicMemo);
    if (key !== undefined) fingerprints.set(r.id, key);
    const article: Omit<CorpusArticle, 'body'> = {
      schemaVersion: SCHEMA_VERSION,
      id: r.id,
      title: r.title,
      date: r.date,
      source: sourceName(r.source),
      url: r.url,
      readingMinutes: r.facts?.minutes ?? readingMinutes(r.body),
      tags,
      topics,
      related: [],
      readAlso: [],
    };
    // Set, not spread: a spread of a conditional object was a third of a second at 100,000 articles.
    if (r.image) article.image = r.image;
    if (r.facts) {
      article.excerpt = r.facts.excerpt;
      article.lead = r.facts.lead;
    }
    // The record's body as it is, added last: one read on demand is read only by what writes the article.
    return withBodyOf(article, r);
  });
  lap('topics');
  const articles = unsorted.sort(compareArticles);
  return {
    articles,
    topics: taxonomy.topics.map((t) => ({ slug: t.slug, label: t.label })),
    rejections: identified.rejections,
    merged: tagging.merged,
    likelyVariants: tagging.likelyVariants,
    phrases: tagging.phrases,
    undecided: tagging.undecided,
    // The key of its topics: shorter than the origin, and it stands for it, the tags and the topics.
    origins: fingerprints,
    fingerprints: articles.map((a) => fingerprints.get(a.id)),
    readAlsoOf: new Map(identified.records.map((r) => [r.id, r.readAlso])),
  };
}

/** The related panels and read-also links of a tagged corpus, set on its articles. */
export function relateCorpus(
  tagged: TaggedCorpus,
  onProgress?: Progress,
  timings?: Timings,
  relateMemo: RelateMemo | null = null,
): BuiltCorpus {
  const lap = timer(timings);
  const { articles, fingerprints, readAlsoOf, ...rest } = tagged;
  const { related, docs, memo, stats } = relateArticles(articles, {
    onProgress: onProgress && ((d, t) => onProgress('relate', d, t)),
    memo: { previous: relateMemo },
    fingerprints,
  });
  // Every title normalised, only when some article names others to read.
  let titles: Map<string, string> | null = null;
  articles.forEach((a, i) => {
    a.related = related[i] ?? [];
    const readAlso = readAlsoOf.get(a.id) ?? [];
    a.readAlso = readAlso.length === 0 ? [] : resolveReadAlso(readAlso, (titles ??= indexTitles(articles)), a.id);
    // Read only by the related pass: a whole corpus of lead words need not live through the write.
    a.lead = undefined;
  });
  lap('related');
  return { ...rest, articles, relatedDocs: docs, relateMemo: memo!, panelsComputed: stats.recomputed };
}

/** Everything after parsing, pure: ids, tags, topics, related, read-also links. */
export function buildCorpus(
  records: readonly RawRecord[],
  taxonomy: Taxonomy,
  onProgress?: Progress,
  timings?: Timings,
  topicMemo?: TopicMemo,
  relateMemo: RelateMemo | null = null,
): BuiltCorpus {
  return relateCorpus(tagCorpus(records, taxonomy, timings, topicMemo), onProgress, timings, relateMemo);
}

export interface IngestOptions {
  inputs: readonly string[];
  out: string;
  taxonomyFile: string;
  search: boolean;
  /** Build from nothing: ignore the build cache (a new one is written). */
  full?: boolean;
  /** Where the build cache lives (default `.cache/ingest`). */
  cacheDir?: string;
  /** Articles a search slice (default DEFAULT_SLICE_SIZE; tests use small ones). */
  sliceSize?: number;
  /** Leave the previous output in place when anything was rejected (--strict, the live preview). */
  strict?: boolean;
  onProgress?: Progress;
  /** A cache that could not be used, and why: the run then builds from nothing. */
  onWarning?: (message: string) => void;
  /** Runs inside the temp folder before the swap; tests use it to fail a run part-way. */
  beforeSwap?: (tempDir: string) => Promise<void>;
  /** Filled with the milliseconds each phase took. */
  timings?: Timings;
}

export interface IngestResult {
  counts: ShardCounts & { rejected: number; warnings: number; files: number };
  out: string;
  /** 'unchanged': inputs, taxonomy, options and code as last time, nothing was touched; 'kept': --strict
   * with rejections, the previous output left in place. */
  outcome: 'written' | 'unchanged' | 'kept';
  rejections: Rejection[];
  warnings: Warning[];
  merged: BuiltCorpus['merged'];
  likelyVariants: BuiltCorpus['likelyVariants'];
  phrases: BuiltCorpus['phrases'];
  undecided: BuiltCorpus['undecided'];
  write: WriteStats;
  search: { files: number; bytes: number; slices: number; built: number; rewritten: number } | null;
  /** Related links and how many share a tag, for the benchmark (the articles are not kept). */
  related: RelatedQuality;
  /** Related panels computed this run; the others were the last run's. */
  panelsComputed: number;
}

/** What a run reports before its files are written. */
type Summary = Omit<IngestResult, 'out' | 'outcome' | 'write'>;

export const DEFAULT_CACHE_DIR = '.cache/ingest';

/**
 * Runs one ingest, holding the output's lock (a second run on the same output is a LockedError), and
 * incrementally: only files whose bytes change are written (docs/decisions/030-incremental-ingest.md).
 */
export async function runIngest(options: IngestOptions): Promise<IngestResult> {
  const out = realOutput(options.out);
  const problem = outputProblem(out, { inputs: options.inputs, taxonomyFile: options.taxonomyFile, cacheDir: options.cacheDir ?? DEFAULT_CACHE_DIR });
  if (problem) throw new InputError(problem);
  await mkdir(path.dirname(out), { recursive: true });
  const release = acquireLock(lockFileFor(out));
  try {
    await removeLeftovers(out);
    return await ingestLocked(options, out);
  } finally {
    release();
  }
}

/**
 * Temp folders of runs that were killed; only a lock holder may remove them. A run killed between its two
 * renames (previous output aside, new one not yet in place) left no output: the previous one, aside as
 * `….old`, goes back, and with it the cache that describes it.
 */
async function removeLeftovers(out: string): Promise<void> {
  const parent = path.dirname(out);
  const prefix = `.${path.basename(out)}.tmp-`;
  const leftovers = (await readdir(parent)).filter((name) => name.startsWith(prefix));
  const aside = leftovers.filter((name) => name.endsWith('.old'));
  if (aside.length === 1 && !existsSync(out)) await rename(path.join(parent, aside[0]!), out);
  for (const name of leftovers) await rm(path.join(parent, name), { recursive: true, force: true });
}

async function ingestLocked(options: IngestOptions, out: string): Promise<IngestResult> {
  const lap = timer(options.timings);
  let taxonomyBytes: Buffer;
  let taxonomy: Taxonomy;
  try {
    taxonomy = await loadTaxonomy(options.taxonomyFile);
    taxonomyBytes = await readFile(options.taxonomyFile);
  } catch (error) {
    throw new InputError((error as Error).message);
  }
  const files = await collectInputFiles(options.inputs, [options.taxonomyFile]);
  // Never an empty site over a live one because a path was wrong or a folder held other files.
  if (files.length === 0) {
    throw new InputError(`no article files (${[...EXTENSIONS].join(', ')}) in ${options.inputs.map((i) => `"${i}"`).join(', ')}`);
  }
  const hash = async (file: string): Promise<string> => {
    try {
      return await hashFile(file);
    } catch (error) {
      throw new InputError(`cannot read "${file}": ${(error as Error).message}`);
    }
  };
  const shownName = (file: string): string => path.relative(process.cwd(), file) || file;

  const cacheFile = cacheFileFor(options.cacheDir ?? DEFAULT_CACHE_DIR, out);
  let head: CacheHead | null = null;
  if (!options.full) {
    const found = await readCache(cacheFile, out);
    if (found.problem) options.onWarning?.(`${found.problem}; building from nothing`);
    head = found.cache;
  }
  lap('cache');
  // What the output depends on, hashed; equal to the cache's, the output is already right. Input files
  // whose size and mtime the cache vouches for are not read.
  const checkedAt = Date.now();
  const inputs = await inputHashes(files, hash, head);
  const version = ingestVersion();
  const digest = createHash('sha256').update(
    JSON.stringify([CACHE_FORMAT, version, options.search, options.sliceSize ?? null, options.strict ?? false]),
  );
  digest.update(taxonomyBytes);
  for (const [i, file] of files.entries()) digest.update(`\0${shownName(file)}\0${inputs[i]!.hash}`);
  const inputsDigest = digest.digest('hex');
  lap('hash inputs');
  if (head && head.digest === inputsDigest) {
    if (hasRacyInputs(head)) {
      await refreshHead(cacheFile, { ...head, inputs, checkedAt });
    }
    return { ...(head.result as Omit<IngestResult, 'out' | 'outcome'>), out: options.out, outcome: 'unchanged' };
  }
  // Something changed: the rest of the cache (one entry a data file) is read only now.
  let cache: CacheBody | null = null;
  if (head) {
    const found = await readCacheBody(cacheFile, head);
    if (found.problem) options.onWarning?.(`${found.problem}; building from nothing`);
    cache = found.body;
  }
  lap('cache');

  // `--full` builds from nothing: the parses kept beside the cache are not trusted either.
  const parsedFiles = new ParsedFiles(cacheFile, { reuse: !options.full });
  const keptCounts = new KeptCounts(cacheFile, { reuse: !options.full });
  try {
    const { records, rejections, warnings } = await readInputs(files, inputs, version, parsedFiles, shownName, options.onProgress);
    options.onProgress?.('read', files.length, files.length);
    lap('read');

    const topicMemo: TopicMemo = { salt: hashBytes(taxonomyBytes), previous: cache?.topics ?? {}, next: {} };
    const tagged = tagCorpus(records, taxonomy, options.timings, topicMemo);
    // The articles hold what is needed of the records from here on: the records can go.
    records.length = 0;
    lap('');
    rejections.push(...tagged.rejections);
    rejections.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line));

    // The related pass, run once the search index has started (below), so that its services index meanwhile.
    const relate = (): BuiltCorpus => relateCorpus(tagged, options.onProgress, options.timings, cache?.related ?? null);
    const summarise = (corpus: BuiltCorpus): Summary => ({
      counts: { ...countShards(corpus), rejected: rejections.length, warnings: warnings.length, files: 0 },
      rejections,
      warnings,
      merged: corpus.merged,
      likelyVariants: corpus.likelyVariants,
      phrases: corpus.phrases,
      undecided: corpus.undecided,
      search: null,
      related: measureRelated(corpus.articles.map((a) => a.related)),
      panelsComputed: corpus.panelsComputed,
    });
    const emptyWrite: WriteStats = { files: 0, bytes: 0, rewritten: 0, largestList: { path: '', bytes: 0 }, largestArticle: { path: '', bytes: 0 } };
    if (options.strict && rejections.length > 0) return { ...summarise(relate()), write: emptyWrite, out: options.out, outcome: 'kept' };

    const previous: PreviousOutput | null = cache ? { dir: out, hashes: cache.files, keys: cache.keys } : null;
    const spareDir = cacheFile.replace(/\.json$/, '.spare');
    const spare = { dir: spareDir, reuse: await isSpare(spareDir, cache), keep: head !== null && cache !== null };
    let summary: Summary | null = null;
    let changed: string[] = [];
    let write = emptyWrite;
    let hashes: Record<string, string> = {};
    let keys: Record<string, [string, number]> = {};
    let slices: BuildCache['slices'] = [];
    let staged: Awaited<ReturnType<typeof stageCache>> | null = null;
    let trash: string | null = null;
    try {
      const { oldRemoved } = await writeAtomically(out, async (temp, inSpare) => {
        if (inSpare) {
          previous!.stale = new Set(cache!.spare!.stale);
          // A trash of its own beside the spare, where the run removes it: the last run's may still be in
          // the hands of its detached `rm`.
          previous!.trash = trash = `${spareDir}.trash-${process.pid}-${Date.now().toString(36)}`;
          // The search index keeps the spare's bundles that stay (`present` below) and sends the rest of
          // its `pagefind/` to the trash, a rename where deleting its files would hold up the index's start.
          await mkdir(path.join(trash, SEARCH_DIR), { recursive: true });
          if (!options.search) await moveIfThere(path.join(temp, SEARCH_DIR), path.join(trash, SEARCH_DIR, 'all'));
        }
        const present = inSpare && {
          slices: new Map(cache!.spare!.slices.map((s) => [s.path, s.key])),
          discard: (entry: string) => renameSync(path.join(temp, SEARCH_DIR, entry), path.join(trash!, SEARCH_DIR, entry)),
        };
        // The search index is started first (it reads ids, tags and topics, not the related panels): its
        // Pagefind services index on the other cores while this thread computes the related panels and
        // writes the data files (`writeShards` never touches `pagefind/`). With search, the profile's
        // `related`, `write` and `search` share the time they overlap.
        const searchHashes: Record<string, string> = {};
        let shardsRewritten = 0;
        const { buildSearchIndex } = options.search ? await import('./search-index.ts') : {};
        if (buildSearchIndex) options.onProgress?.('search', 0, 1);
        // Its synchronous part hands the first slices to their workers before it returns.
        const search = buildSearchIndex?.(tagged.articles, temp, taxonomy, {
          sliceSize: options.sliceSize,
          version,
          origins: tagged.origins,
          previous: new Map((cache?.slices ?? []).map((b) => [b.key, { ...b, dir: path.join(out, SEARCH_DIR, b.path) }])),
          onSlice: options.onProgress && ((done, total) => options.onProgress!('search', done, total)),
          counts: keptCounts,
          ...(present ? { present } : {}),
          reuseFile: (rel, bytes) => {
            if (linkIfSame(temp, path.join(SEARCH_DIR, rel), bytes, previous, searchHashes)) return true;
            shardsRewritten++;
            return false;
          },
        });
        // Awaited below; a failure before then is not an unhandled rejection.
        search?.catch(() => undefined);
        if (search) lap('search');
        let corpus: BuiltCorpus;
        try {
          corpus = relate();
          lap('');
          ({ stats: write, hashes, keys, changed } = await writeShards(temp, buildShards(corpus), previous));
        } catch (error) {
          // Its workers write into `temp`: the run fails only once they have stopped.
          await search?.catch(() => undefined);
          throw error;
        }
        const result = (summary = summarise(corpus));
        result.counts.files = write.files;
        lap('write');
        if (search) {
          const built = await search;
          Object.assign(hashes, searchHashes);
          slices = built.bundles;
          const reusedKeys = new Set(cache?.slices.map((b) => b.key));
          result.search = {
            files: built.files,
            bytes: built.bytes,
            slices: built.bundles.length,
            built: built.built,
            rewritten: built.bundles.reduce(
              (n, b) => n + (reusedKeys.has(b.key) ? 0 : b.files.length),
              shardsRewritten,
            ),
          };
          lap('search');
        }
        writeDataId(temp, dataBuildId([...Object.entries(hashes), ...slices.map((s) => [`${SEARCH_DIR}/${s.path}/`, s.key] as const)]));
        // The cache describes the live output, whose id the list starts from.
        const from = cache && readDataId(out);
        writeDataChanges(temp, from ? { from, paths: changedPaths(cache!, { files: hashes, slices }, SEARCH_DIR) } : null);
        await options.beforeSwap?.(temp);
        staged = await stageCache(cacheFile, {
          format: CACHE_FORMAT,
          version,
          outId: await folderId(temp),
          digest: inputsDigest,
          inputs,
          checkedAt,
          files: hashes,
          keys,
          topics: topicMemo.next,
          related: corpus.relateMemo,
          slices,
          ...(spare.keep
            ? { spare: { id: head!.outId, stale: changed, slices: cache!.slices.map(({ path, key }) => ({ path, key })) } }
            : {}),
          result: { ...result, write },
        });
      }, spare);
      lap('swap');
      await staged!.commit();
      // The spare's old files, moved aside: their blocks are freed once nothing waits for them. A trash
      // left by a run that died first goes too.
      if (trash) {
        const [folder, name] = [path.dirname(spareDir), `${path.basename(spareDir)}.trash-`];
        for (const entry of await readdir(folder)) if (entry.startsWith(name)) await removeDetached(path.join(folder, entry));
      }
      parsedFiles.prune();
      if (options.search) keptCounts.prune();
      // The new output is already live; deleting the previous one is timed apart, as it can cost more than
      // writing (one unlink per file).
      await oldRemoved;
      lap('remove old');
    } catch (error) {
      await (staged as Awaited<ReturnType<typeof stageCache>> | null)?.discard();
      throw error;
    }
    if (options.timings) delete options.timings[''];
    return { ...summary!, write, out: options.out, outcome: 'written' };
  } finally {
    parsedFiles.close();
  }
}

/**
 * Every input file's records (from the parsed-file cache, or parsed now and stored there), each given its
 * origin, with the rejections and warnings of all of them. A function of its own, so that nothing of one
 * file's parse outlives the loop.
 */
async function readInputs(
  files: readonly string[],
  inputs: readonly InputStamp[],
  version: string,
  parsedFiles: ParsedFiles,
  shownName: (file: string) => string,
  onProgress: Progress | undefined,
): Promise<ParseResult> {
  const result: ParseResult = { records: [], rejections: [], warnings: [] };
  for (const [i, file] of files.entries()) {
    onProgress?.('read', i, files.length);
    const parsed = await parsedFiles.get(version, shownName(file), inputs[i]!.hash, (keep) =>
      parseFile(file, shownName(file), (r) => keep(withFacts(r))),
    );
    for (const [at, r] of parsed.records.entries()) {
      r.origin = `${version}:${r.hash ?? `${inputs[i]!.hash}:${at}`}`;
      result.records.push(r);
    }
    result.rejections.push(...parsed.rejections);
    result.warnings.push(...parsed.warnings);
  }
  return result;
}

/** Renames `from` to `to` when `from` is there. */
async function moveIfThere(from: string, to: string): Promise<void> {
  try {
    await rename(from, to);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
}

/** Whether `dir` is the spare folder the cache describes (`Spare`). */
async function isSpare(dir: string, cache: CacheBody | null): Promise<boolean> {
  if (!cache?.spare) return false;
  try {
    return (await folderId(dir)) === cache.spare.id;
  } catch {
    return false;
  }
}

/**
 * The `--report` JSON: counts, every rejection and warning, merged and likely tag variants, the keyword
 * phrases found in space-joined lines with the evidence for each, and the runs left undecided.
 */
export function buildReport(result: IngestResult): string {
  return `${JSON.stringify(
    {
      counts: {
        articles: result.counts.articles,
        rejected: result.counts.rejected,
        warnings: result.counts.warnings,
        tags: result.counts.tags,
        topics: result.counts.topics,
        files: result.write.files,
        bytes: result.write.bytes,
      },
      rejected: result.rejections,
      warnings: result.warnings,
      mergedTags: result.merged,
      likelyTagVariants: result.likelyVariants,
      discoveredPhrases: result.phrases,
      undecidedKeywordRuns: result.undecided,
    },
    null,
    2,
  )}\n`;
}

/** How much of the output this run wrote: the figure an incremental run exists to keep small. */
export function rewriteLine(result: IngestResult): string {
  const search = result.search ?? { files: 0, rewritten: 0 };
  const total = result.write.files + search.files;
  const rewritten = result.outcome === 'written' ? result.write.rewritten + search.rewritten : 0;
  const panels = result.outcome === 'written' ? result.panelsComputed : 0;
  return `ingest: rewrote ${rewritten} of ${total} files, computed ${panels} of ${result.counts.articles} related panels`;
}

/** `--profile`: CPU seconds of each phase in the order they ran, e.g. `ingest: profile read 1.2 s, tags 3.4 s, …`. */
export function profileLine(timings: Timings): string {
  const phases = Object.entries(timings).map(([phase, t]) => `${phase} ${(t.cpuMs / 1000).toFixed(1)} s`);
  return `ingest: profile (CPU) ${phases.join(', ')}`;
}

export function summaryLine(result: IngestResult): string {
  const c = result.counts;
  const kept = result.outcome === 'kept' ? ' (left as it was: --strict)' : '';
  return `ingest: ${c.articles} articles, ${c.rejected} rejected, ${c.tags} tags, ${c.topics} topics -> ${result.out}${kept}`;
}
