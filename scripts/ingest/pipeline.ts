import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Article, TopicRef } from '../../src/data/schema.ts';
import { assignIds } from './ids.ts';
import { parseJsonArray, parseJsonl } from './parse-json.ts';
import { parseTxt } from './parse-txt.ts';
import type { ParseResult, RawRecord, Rejection, Warning } from './record.ts';
import {
  compareArticles,
  indexTitles,
  measureRelated,
  relateArticles,
  resolveReadAlso,
  type RelatedQuality,
} from './related.ts';
import { buildShards, countShards, readingMinutes, type ShardCounts } from './shard.ts';
import type { ArticleText } from './phrases.ts';
import { assignTags, type TagResult } from './tags.ts';
import { loadTaxonomy, type Taxonomy } from './taxonomy.ts';
import { assignTopics } from './topics.ts';
import { writeAtomically, writeShards, type WriteStats } from './write-output.ts';

/** The ingest as one call: read → parse → identify → tag → topic → relate → shard → write atomically. */

/** Bad usage or unreadable input: the CLI exits with 2. */
export class InputError extends Error {}

const EXTENSIONS = new Set(['.txt', '.jsonl', '.json']);
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

/** Parses one file by its extension (`.txt`, `.jsonl`, `.json`). */
export function parseFile(bytes: Uint8Array, file: string): ParseResult {
  const ext = path.extname(file).toLowerCase();
  if (ext === '.jsonl') return parseJsonl(bytes, file);
  if (ext === '.json') return parseJsonArray(bytes, file);
  if (ext === '.txt') return parseTxt(bytes, file);
  return { records: [], rejections: [{ file, line: 1, reason: `unknown file type "${ext}"` }], warnings: [] };
}

export interface BuiltCorpus {
  /** In site order: newest first, undated last, ties by id. */
  articles: Article[];
  topics: TopicRef[];
  rejections: Rejection[];
  merged: Array<{ slug: string; label: string; variants: string[] }>;
  likelyVariants: Array<{ a: string; b: string; reason: string }>;
  phrases: TagResult['phrases'];
  undecided: TagResult['undecided'];
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

/** Title and body, where a run of the keyword line written whole says it is one keyword. */
function articleText(record: RawRecord | undefined): ArticleText {
  return { title: record?.title ?? '', body: () => record?.body.join('\n') ?? '' };
}

/** Everything after parsing, pure: ids, tags, topics, related, read-also links. */
export function buildCorpus(
  records: readonly RawRecord[],
  taxonomy: Taxonomy,
  onProgress?: Progress,
  timings?: Timings,
): BuiltCorpus {
  const lap = timer(timings);
  const identified = assignIds(records);
  lap('ids');
  const tagging = assignTags(
    identified.records.map((r) => r.keywords),
    taxonomy,
    { text: (i) => articleText(identified.records[i]) },
  );
  lap('tags');
  const unsorted: Article[] = identified.records.map((r, i) => {
    const tags = tagging.tagsPerArticle[i] ?? [];
    return {
      schemaVersion: 1,
      id: r.id,
      title: r.title,
      date: r.date,
      source: r.source,
      url: r.url,
      body: r.body,
      readingMinutes: readingMinutes(r.body),
      tags,
      topics: assignTopics({ title: r.title, body: r.body, tags }, taxonomy),
      related: [],
      readAlso: [],
    };
  });
  lap('topics');
  const readAlsoOf = new Map(identified.records.map((r) => [r.id, r.readAlso]));
  const articles = unsorted.sort(compareArticles);
  const { related } = relateArticles(articles, { onProgress: onProgress && ((d, t) => onProgress('relate', d, t)) });
  lap('related');
  const titles = indexTitles(articles);
  articles.forEach((a, i) => {
    a.related = related[i] ?? [];
    a.readAlso = resolveReadAlso(readAlsoOf.get(a.id) ?? [], titles, a.id);
  });
  lap('related');
  return {
    articles,
    topics: taxonomy.topics.map((t) => ({ slug: t.slug, label: t.label })),
    rejections: identified.rejections,
    merged: tagging.merged,
    likelyVariants: tagging.likelyVariants,
    phrases: tagging.phrases,
    undecided: tagging.undecided,
  };
}

export interface IngestOptions {
  inputs: readonly string[];
  out: string;
  taxonomyFile: string;
  search: boolean;
  onProgress?: Progress;
  /** Runs inside the temp folder before the swap; tests use it to fail a run part-way. */
  beforeSwap?: (tempDir: string) => Promise<void>;
  /** Filled with the milliseconds each phase took. */
  timings?: Timings;
}

export interface IngestResult {
  counts: ShardCounts & { rejected: number; warnings: number; files: number };
  out: string;
  rejections: Rejection[];
  warnings: Warning[];
  merged: BuiltCorpus['merged'];
  likelyVariants: BuiltCorpus['likelyVariants'];
  phrases: BuiltCorpus['phrases'];
  undecided: BuiltCorpus['undecided'];
  write: WriteStats;
  search: { files: number; bytes: number } | null;
  /** Related links and how many share a tag, for the benchmark (the articles are not kept). */
  related: RelatedQuality;
}

export async function runIngest(options: IngestOptions): Promise<IngestResult> {
  const lap = timer(options.timings);
  let taxonomy: Taxonomy;
  try {
    taxonomy = await loadTaxonomy(options.taxonomyFile);
  } catch (error) {
    throw new InputError((error as Error).message);
  }
  const files = await collectInputFiles(options.inputs, [options.taxonomyFile]);
  const records: RawRecord[] = [];
  const rejections: Rejection[] = [];
  const warnings: Warning[] = [];
  for (const [i, file] of files.entries()) {
    options.onProgress?.('read', i, files.length);
    let bytes: Uint8Array;
    try {
      bytes = await readFile(file);
    } catch (error) {
      throw new InputError(`cannot read "${file}": ${(error as Error).message}`);
    }
    const parsed = parseFile(bytes, path.relative(process.cwd(), file) || file);
    for (const r of parsed.records) records.push(r);
    rejections.push(...parsed.rejections);
    warnings.push(...parsed.warnings);
  }
  options.onProgress?.('read', files.length, files.length);
  lap('read');

  const corpus = buildCorpus(records, taxonomy, options.onProgress, options.timings);
  lap('');
  rejections.push(...corpus.rejections);
  rejections.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line));

  let write: WriteStats | undefined;
  let search: IngestResult['search'] = null;
  const { oldRemoved } = await writeAtomically(options.out, async (temp) => {
    write = await writeShards(temp, buildShards({ articles: corpus.articles, topics: corpus.topics }));
    lap('write');
    if (options.search) {
      options.onProgress?.('search', 0, 1);
      const { buildSearchIndex } = await import('./search-index.ts');
      search = await buildSearchIndex(corpus.articles, temp, taxonomy);
      options.onProgress?.('search', 1, 1);
      lap('search');
    }
    await options.beforeSwap?.(temp);
  });
  lap('swap');
  // The new output is already live; deleting the previous one is timed apart, as it can cost more than
  // writing (one unlink per file).
  await oldRemoved;
  lap('remove old');
  if (options.timings) delete options.timings[''];

  return {
    counts: {
      ...countShards({ articles: corpus.articles, topics: corpus.topics }),
      rejected: rejections.length,
      warnings: warnings.length,
      files: write!.files,
    },
    out: options.out,
    rejections,
    warnings,
    merged: corpus.merged,
    likelyVariants: corpus.likelyVariants,
    phrases: corpus.phrases,
    undecided: corpus.undecided,
    write: write!,
    search,
    related: measureRelated(corpus.articles.map((a) => a.related)),
  };
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

export function summaryLine(result: IngestResult): string {
  const c = result.counts;
  return `ingest: ${c.articles} articles, ${c.rejected} rejected, ${c.tags} tags, ${c.topics} topics -> ${result.out}`;
}
