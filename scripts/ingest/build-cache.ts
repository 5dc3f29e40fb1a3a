/**
 * The build cache (docs/decisions/030-incremental-ingest.md): what the last run wrote, so the next one
 * rewrites only what changed. One JSON file per output folder under the cache folder (default
 * `.cache/ingest/`), never inside the output (which is served as is). It holds:
 * - `digest`: the inputs, the taxonomy, the options and the code's version, hashed: equal digests, equal
 *   output, so the run stops there;
 * - `inputs`: each input file's size, mtime and hash, so the next run re-reads only files whose size or
 *   mtime moved (`inputHashes`);
 * - `files`: the hash of every data file, so a file whose new bytes hash the same is hard-linked from the
 *   previous output instead of written (same bytes, same mtime);
 * - `keys`: a fingerprint of what each data file was built from (`ShardFile.key`), so a file whose
 *   fingerprint is unchanged is hard-linked without even being built;
 * - `topics`: each article's topics by a key of what decides them, so they are not matched again;
 * - `slices`: the search bundles by key, reused the same way; each slice's token counts are kept beside
 *   the cache file by the same key (`KeptCounts`), so a reused slice's bodies are not read again;
 * - `spare`: the output before last, kept in `<cache>.spare/`, where it differs from the output, and its
 *   search bundles (the next run keeps those that stay in place);
 * - `outId`: the output folder it describes, by inode and birth time (`folderId`). The output is swapped in
 *   by renaming a folder, which keeps both, so a cache that does not describe the output now in place (a run
 *   killed between the two renames, an output replaced by hand) is seen, and the run builds from nothing.
 *   The birth time matters: a folder made right after another was removed often gets its inode.
 */
import { transcode } from 'node:buffer';
import { createHash, hash as oneShot } from 'node:crypto';
import {
  closeSync,
  createReadStream,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  readSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import { mkdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as z from 'zod/mini';
import { streamLines, type KeepRecord } from './parse-json.ts';
import { readBodyFrom, type BodySource, type ParseResult, type RawRecord } from './record.ts';
import type { RelateMemo } from './related.ts';

/** Bumped when the cache's own shape changes. */
export const CACHE_FORMAT = 8;

/** What a run needs to decide that nothing changed: small, read on every run. */
const headSchema = z.object({
  format: z.literal(CACHE_FORMAT),
  version: z.string(),
  outId: z.string(),
  digest: z.string(),
  inputs: z.array(z.object({ file: z.string(), size: z.number(), mtimeMs: z.number(), hash: z.string() })),
  /** When the run that wrote this cache looked at its inputs (ms since the epoch). */
  checkedAt: z.number(),
  /** The hash of the body file written with this head: a head and body of two runs do not match. */
  bodyHash: z.string(),
  /** The last run's result, returned as is when nothing changed. */
  result: z.unknown(),
});
/** What a run that writes needs: one entry a data file, read only when something changed. */
export interface CacheBody {
  files: Record<string, string>;
  /** Each data file's key (`ShardFile.key`) and size: an equal key reuses the file without building it. */
  keys: Record<string, [string, number]>;
  /** Each article's topics by what decides them (`TopicMemo`). */
  topics: Record<string, string>;
  /** The related panels and what decides them. */
  related: RelateMemo;
  /** The search bundles by key (`SliceBundle`). */
  slices: Array<{ key: string; path: string; files: string[]; bytes: number }>;
  /**
   * The output before this one, kept as the next run's spare (`Spare` in `write-output.ts`): its folder's
   * id, the paths where it is not the output's file, and its search bundles' folders and keys.
   */
  spare?: { id: string; stale: string[]; slices: Array<{ path: string; key: string }> };
}
export type CacheHead = z.infer<typeof headSchema>;

/**
 * The body's shape, checked only at the top: its bytes hash to the `bodyHash` of a head that was checked
 * whole, so it is the body that head's run wrote. Checking every entry with the schema cost more than a
 * second a run at 20,000 articles.
 */
function isBody(value: unknown): value is CacheBody {
  if (typeof value !== 'object' || value === null) return false;
  const body = value as Record<string, unknown>;
  const isObject = (field: unknown) => typeof field === 'object' && field !== null && !Array.isArray(field);
  return isObject(body.files) && isObject(body.keys) && isObject(body.topics) && isObject(body.related) && Array.isArray(body.slices);
}
export type BuildCache = Omit<CacheHead, 'bodyHash'> & CacheBody;

/** The cache file of an output folder: named by a hash of its absolute path. */
export function cacheFileFor(cacheDir: string, out: string): string {
  const key = createHash('sha256').update(path.resolve(out)).digest('hex').slice(0, 16);
  return path.join(cacheDir, `${path.basename(path.resolve(out))}-${key}.json`);
}

const bodyFileOf = (file: string): string => file.replace(/\.json$/, '.body.json');
const corrupt = (file: string): string => `the build cache ${file} is corrupt or from another version`;

/**
 * The cache of `out` (its head), or null with the reason when it cannot be trusted (missing: no reason;
 * another format, corrupt, or describing another output: a reason, which the run shows as its one warning).
 */
export async function readCache(file: string, out: string): Promise<{ cache: CacheHead | null; problem: string | null }> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    return { cache: null, problem: null };
  }
  let parsed;
  try {
    parsed = headSchema.safeParse(JSON.parse(text));
  } catch {
    parsed = null;
  }
  if (!parsed?.success) return { cache: null, problem: corrupt(file) };
  let id: string | null = null;
  try {
    id = await folderId(out);
  } catch {
    // No output: nothing to reuse.
  }
  if (id !== parsed.data.outId) return { cache: null, problem: `the build cache ${file} does not describe the output in ${out}` };
  return { cache: parsed.data, problem: null };
}

/** A folder's identity across renames: its inode, and its birth time where the file system keeps one. */
export async function folderId(dir: string): Promise<string> {
  const { ino, birthtimeMs } = await stat(dir);
  return `${ino}:${birthtimeMs}`;
}

/** The rest of the cache whose head is `head`, or null with the reason (then the run builds from nothing). */
export async function readCacheBody(file: string, head: CacheHead): Promise<{ body: CacheBody | null; problem: string | null }> {
  try {
    const text = await readFile(bodyFileOf(file));
    if (hashBytes(text) !== head.bodyHash) return { body: null, problem: corrupt(file) };
    const body: unknown = JSON.parse(text.toString('utf8'));
    return isBody(body) ? { body, problem: null } : { body: null, problem: corrupt(file) };
  } catch {
    return { body: null, problem: corrupt(file) };
  }
}

/**
 * Writes the cache beside its final names; `commit` renames it into place once the output is swapped in,
 * the body first: a run killed between the two renames leaves a head whose body hash does not match.
 */
export async function stageCache(file: string, cache: BuildCache): Promise<{ commit: () => Promise<void>; discard: () => Promise<void> }> {
  await mkdir(path.dirname(file), { recursive: true });
  const { files, keys, topics, related, slices, spare, ...head } = cache;
  const body = Buffer.from(JSON.stringify({ files, keys, topics, related, slices, spare } satisfies CacheBody));
  const staged = `${file}.${process.pid}.tmp`;
  const stagedBody = `${bodyFileOf(file)}.${process.pid}.tmp`;
  await writeFile(stagedBody, body);
  await writeFile(staged, JSON.stringify({ ...head, bodyHash: hashBytes(body) } satisfies CacheHead));
  return {
    commit: async () => {
      await rename(stagedBody, bodyFileOf(file));
      await rename(staged, file);
    },
    discard: async () => {
      await rm(staged, { force: true });
      await rm(stagedBody, { force: true });
    },
  };
}

/**
 * Rewrites the head alone, with the stamps of a run that found nothing changed: files it had to read
 * because they were modified just before the last look are then trusted unread by the next run.
 */
export async function refreshHead(file: string, head: CacheHead): Promise<void> {
  const staged = `${file}.${process.pid}.tmp`;
  await writeFile(staged, JSON.stringify(head satisfies CacheHead));
  await rename(staged, file);
}

/** Whether the head lists a file modified just before its run looked (one the next run must read). */
export const hasRacyInputs = (head: CacheHead): boolean => head.inputs.some((s) => s.mtimeMs >= head.checkedAt - RACY_MS);

export type InputStamp = BuildCache['inputs'][number];

/**
 * A file is trusted unread when its size and mtime are those the cache saw, and it was last modified at
 * least this long before the cached run looked at it: a file written in the same tick as that look could
 * change again without its mtime moving (git's "racily clean" entries, handled the same way).
 */
const RACY_MS = 2_000;

/**
 * The hash of every input file (SHA-1, base64, `hashFile`), each read only when the cache cannot vouch
 * for it. Returns the stamps to record for the next run.
 */
export async function inputHashes(
  files: readonly string[],
  hash: (file: string) => Promise<string>,
  cache: Pick<CacheHead, 'inputs' | 'checkedAt'> | null,
): Promise<InputStamp[]> {
  const known = new Map((cache?.inputs ?? []).map((stamp) => [stamp.file, stamp]));
  const trustedBefore = (cache?.checkedAt ?? 0) - RACY_MS;
  const stamps: InputStamp[] = [];
  for (const file of files) {
    const info = await stat(file);
    const was = known.get(path.resolve(file));
    const unchanged = was && was.size === info.size && was.mtimeMs === info.mtimeMs && info.mtimeMs < trustedBefore;
    stamps.push({ file: path.resolve(file), size: info.size, mtimeMs: info.mtimeMs, hash: unchanged ? was.hash : await hash(file) });
  }
  return stamps;
}

export const hashBytes = (bytes: Uint8Array): string => oneShot('sha1', bytes, 'base64');

/** `hashBytes` of a file's bytes, read as a stream: no buffer the size of the file. */
export async function hashFile(file: string): Promise<string> {
  const hash = createHash('sha1');
  for await (const chunk of createReadStream(file, { highWaterMark: 1 << 20 })) hash.update(chunk as Buffer);
  return hash.digest('base64');
}

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
/** The code whose change can change the output: the ingest, the data contract, the shared text modules. */
const SOURCE_DIRS = ['scripts/ingest', 'src/data', 'src/shared/lib'];

let version: string | null = null;

/** The ingest's own version: a hash of its source files and of Pagefind's version. */
export function ingestVersion(): string {
  if (version) return version;
  const hash = createHash('sha256');
  for (const dir of SOURCE_DIRS) {
    for (const name of readdirSync(path.join(ROOT, dir)).sort()) {
      if (!/\.(ts|mjs)$/.test(name) || name.endsWith('.test.ts')) continue;
      hash.update(`${dir}/${name}\0`).update(readFileSync(path.join(ROOT, dir, name))).update('\0');
    }
  }
  hash.update(readFileSync(path.join(ROOT, 'node_modules/pagefind/package.json')));
  return (version = hash.digest('hex'));
}

/**
 * Parsed input files, kept beside the cache file (`<cache>.parsed/`) by a hash of the ingest's version, the
 * file's name and its bytes: parsing is most of a run whose input barely changed. An entry is two files:
 * the records without their bodies, as JSON (what every run reads: ids, titles, dates, keywords and the
 * facts drawn from the body), and the bodies (`<entry>.bodies`, each body's JSON one after the other). A
 * record's `body` is read from there when something asks for it, and not kept: a run that rewrites a
 * handful of articles reads a handful of bodies, and a full build does not hold every body at once.
 * An entry that cannot be read is parsed again.
 */
export class ParsedFiles {
  private readonly dir: string;
  private readonly used = new Set<string>();
  private readonly open = new Map<string, number>();

  /** `reuse: false` (a `--full` run) parses every file again and stores the new parses. */
  constructor(
    cacheFile: string,
    private readonly options: { reuse: boolean } = { reuse: true },
  ) {
    this.dir = cacheFile.replace(/\.json$/, '.parsed');
  }

  private fileOf(version: string, name: string, hash: string): string {
    const key = createHash('sha1').update(`${version}\0${name}\0${hash}`).digest('hex');
    this.used.add(key);
    return path.join(this.dir, key);
  }

  /**
   * The parse of `name` whose bytes hash to `hash`: from the cache, or from `parse` (then stored). Either
   * way each record's body is read from the entry's bodies file when asked for: `parse` hands each record
   * to `keep` as soon as it is parsed, which appends its body to the bodies file and drops it, so a parse
   * holds no body longer than its own line.
   */
  async get(version: string, name: string, hash: string, parse: (keep: KeepRecord) => Promise<ParseResult>): Promise<ParseResult> {
    const file = this.fileOf(version, name, hash);
    const stored = (this.options.reuse ? await readEntry(file) : null) ?? (await writeEntry(file, parse));
    return this.withBodies(file, stored);
  }

  private withBodies(file: string, { records, bodyAt, rejections, warnings }: StoredEntry): ParseResult {
    const bodies = `${file}${BODIES}`;
    records.forEach((record, i) => readBodyFrom(record, new StoredBody(this, bodies, ...bodyAt[i]!)));
    return { records: records as RawRecord[], rejections, warnings };
  }

  /** The JSON text of the body at `at` in a bodies file, read now. */
  readBody(file: string, at: number, length: number): string {
    let fd = this.open.get(file);
    if (fd === undefined) this.open.set(file, (fd = openSync(file, 'r')));
    const bytes = Buffer.allocUnsafe(length);
    if (readSync(fd, bytes, 0, length, at) !== length) throw new Error(`the parsed-file cache ${file} was cut short; run again with --full`);
    // ICU's UTF-8 to UTF-16 is several times faster than V8's decoder on Arabic (see parse-json.ts).
    return transcode(bytes, 'utf8', 'utf16le').toString('utf16le');
  }

  /** Closes the bodies files read this run. */
  close(): void {
    for (const fd of this.open.values()) closeSync(fd);
    this.open.clear();
  }

  /** Removes the parses this run did not use: the cache keeps one per input file. */
  prune(): void {
    pruneUnused(this.dir, this.used, (name) => name.replace(BODIES, ''));
  }
}

const BODIES = '.bodies';

/** Removes the files of `dir` whose key (`keyOf` their name) is not in `used`. */
function pruneUnused(dir: string, used: ReadonlySet<string>, keyOf: (name: string) => string): void {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return;
  }
  for (const name of names) if (!used.has(keyOf(name))) rmSync(path.join(dir, name), { force: true });
}

/**
 * Each search slice's token counts (`countTokens` over its articles' text), kept beside the cache file
 * (`<cache>.counts/`) by the slice's key (`sliceKey`, which hashes the code's version and every field of
 * its articles that search reads): the whole corpus's vocabulary sums every slice's counts, and counting a
 * reused slice again meant reading and splitting every body of the corpus on each run. A file that cannot
 * be read is counted again; `reuse: false` (a `--full` run) counts every slice again.
 */
export class KeptCounts {
  private readonly dir: string;
  private readonly used = new Set<string>();

  constructor(
    cacheFile: string,
    private readonly options: { reuse: boolean } = { reuse: true },
  ) {
    this.dir = cacheFile.replace(/\.json$/, '.counts');
  }

  /** The counts kept for `key`, in the order they were counted, or null. */
  get(key: string): Map<string, number> | null {
    this.used.add(key);
    if (!this.options.reuse) return null;
    try {
      const pairs: unknown = JSON.parse(readFileSync(path.join(this.dir, `${key}.json`), 'utf8'));
      const isPair = (p: unknown) => Array.isArray(p) && typeof p[0] === 'string' && typeof p[1] === 'number';
      return Array.isArray(pairs) && pairs.every(isPair) ? new Map(pairs as Array<[string, number]>) : null;
    } catch {
      return null;
    }
  }

  /** Keeps `counts` for `key` (written whole, then renamed into place). */
  set(key: string, counts: ReadonlyMap<string, number>): void {
    this.used.add(key);
    mkdirSync(this.dir, { recursive: true });
    const file = path.join(this.dir, `${key}.json`);
    const staged = `${file}.${process.pid}.tmp`;
    writeFileSync(staged, JSON.stringify([...counts]));
    renameSync(staged, file);
  }

  /** Removes the counts of slices this run did not have (and any staged file a killed run left). */
  prune(): void {
    pruneUnused(this.dir, this.used, (name) => name.replace(/\.json$/, ''));
  }
}

/** A body in a bodies file: an object of four fields a record, where a closure would cost its context too. */
class StoredBody implements BodySource {
  constructor(
    private readonly files: ParsedFiles,
    private readonly file: string,
    private readonly at: number,
    private readonly length: number,
  ) {}

  read(): string[] {
    return JSON.parse(this.json()) as string[];
  }

  json(): string {
    return this.files.readBody(this.file, this.at, this.length);
  }
}

/** A parse as stored: records without bodies, and where each body is in the bodies file. */
interface StoredEntry extends Omit<ParseResult, 'records'> {
  records: Array<Omit<RawRecord, 'body'>>;
  bodyAt: Array<[at: number, length: number]>;
}

/**
 * The last line of an entry's records file: what is not one record, and the counts that tell a whole
 * entry from one cut short (the bodies file's size is checked before any body is read from it).
 */
interface EntryTail extends Omit<ParseResult, 'records'> {
  records: number;
  bodiesBytes: number;
}

/**
 * A stored parse, or null when it is missing, damaged or cut short. The records file is JSONL, one
 * `[at, length, record]` a line and the `EntryTail` last, read line by line: a file of a million
 * articles holds more text than one JavaScript string can.
 */
async function readEntry(file: string): Promise<StoredEntry | null> {
  const records: StoredEntry['records'] = [];
  const bodyAt: StoredEntry['bodyAt'] = [];
  let tail: EntryTail | null = null;
  let name: string | undefined;
  try {
    for await (const lines of streamLines(createReadStream(file, { highWaterMark: 1 << 20 }))) {
      for (const line of lines) {
        if (line === '') continue;
        if (tail || line === null) return null;
        const value = JSON.parse(line) as [number, number, Omit<RawRecord, 'body'>] | EntryTail;
        if (!Array.isArray(value)) {
          tail = value;
          continue;
        }
        const [at, length, record] = value;
        // Every record of a file names it: one string for all, not one each.
        if (record.file === name) record.file = name;
        name = record.file;
        bodyAt.push([at, length]);
        records.push(record);
      }
    }
    if (!tail || tail.records !== records.length || statSync(`${file}${BODIES}`).size !== tail.bodiesBytes) return null;
  } catch {
    return null;
  }
  return { records, bodyAt, rejections: tail.rejections, warnings: tail.warnings };
}

/**
 * Parses and stores: each record's body and the record without it are appended to the entry's two files
 * as the record is parsed, and the tail once the parse is done; both files are written beside their names
 * and renamed, the bodies first, so a run killed while writing leaves no entry, or one whose bodies are all
 * there.
 */
async function writeEntry(file: string, parse: (keep: KeepRecord) => Promise<ParseResult>): Promise<StoredEntry> {
  mkdirSync(path.dirname(file), { recursive: true });
  const bodies = `${file}${BODIES}`;
  const stagedBodies = `${bodies}.${process.pid}.tmp`;
  const staged = `${file}.${process.pid}.tmp`;
  const bodiesFd = openSync(stagedBodies, 'w');
  const fd = openSync(staged, 'w');
  const bodyAt: StoredEntry['bodyAt'] = [];
  let at = 0;
  let result: ParseResult;
  try {
    result = await parse((record) => {
      const bytes = Buffer.from(JSON.stringify(record.body));
      writeSync(bodiesFd, bytes);
      const { body: _, ...rest } = record;
      // The record's own hash (`RawRecord.hash`): not of its line, which moves when a record above is removed.
      rest.hash = createHash('sha1').update(JSON.stringify({ ...rest, line: 0 })).update(bytes).digest('base64');
      writeSync(fd, `${JSON.stringify([at, bytes.length, rest])}\n`);
      bodyAt.push([at, bytes.length]);
      at += bytes.length;
      return rest as RawRecord;
    });
    if (result.records.length !== bodyAt.length) throw new Error(`the parse of ${file} did not keep every record`);
    const tail: EntryTail = { rejections: result.rejections, warnings: result.warnings, records: bodyAt.length, bodiesBytes: at };
    writeSync(fd, `${JSON.stringify(tail)}\n`);
  } catch (error) {
    closeSync(bodiesFd);
    closeSync(fd);
    rmSync(stagedBodies, { force: true });
    rmSync(staged, { force: true });
    throw error;
  }
  closeSync(bodiesFd);
  closeSync(fd);
  renameSync(stagedBodies, bodies);
  renameSync(staged, file);
  return { records: result.records, bodyAt, rejections: result.rejections, warnings: result.warnings };
}
