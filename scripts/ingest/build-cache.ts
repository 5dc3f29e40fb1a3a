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
 * - `slices`: the search bundles by key, reused the same way;
 * - `outIno`: the inode of the output folder it describes. The output is swapped in by renaming a folder,
 *   which keeps its inode, so a cache that does not describe the output now in place (a run killed between
 *   the two renames, an output replaced by hand) is seen, and the run builds from nothing.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { mkdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as z from 'zod/mini';

/** Bumped when the cache's own shape changes. */
export const CACHE_FORMAT = 2;

const bundleSchema = z.object({ key: z.string(), path: z.string(), files: z.array(z.string()), bytes: z.number() });
const cacheSchema = z.object({
  format: z.literal(CACHE_FORMAT),
  version: z.string(),
  outIno: z.number(),
  digest: z.string(),
  inputs: z.array(z.object({ file: z.string(), size: z.number(), mtimeMs: z.number(), hash: z.string() })),
  /** When the run that wrote this cache looked at its inputs (ms since the epoch). */
  checkedAt: z.number(),
  files: z.record(z.string(), z.string()),
  /** Each data file's key (`ShardFile.key`) and size: an equal key reuses the file without building it. */
  keys: z.record(z.string(), z.tuple([z.string(), z.number()])),
  slices: z.array(bundleSchema),
  /** The last run's result, returned as is when nothing changed. */
  result: z.unknown(),
});
export type BuildCache = z.infer<typeof cacheSchema>;

/** The cache file of an output folder: named by a hash of its absolute path. */
export function cacheFileFor(cacheDir: string, out: string): string {
  const key = createHash('sha256').update(path.resolve(out)).digest('hex').slice(0, 16);
  return path.join(cacheDir, `${path.basename(path.resolve(out))}-${key}.json`);
}

/**
 * The cache of `out`, or null with the reason when it cannot be trusted (missing: no reason; another format,
 * corrupt, or describing another output: a reason, which the run shows as its one warning).
 */
export async function readCache(file: string, out: string): Promise<{ cache: BuildCache | null; problem: string | null }> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    return { cache: null, problem: null };
  }
  let parsed;
  try {
    parsed = cacheSchema.safeParse(JSON.parse(text));
  } catch {
    parsed = null;
  }
  if (!parsed?.success) return { cache: null, problem: `the build cache ${file} is corrupt or from another version` };
  let ino: number | null = null;
  try {
    ino = (await stat(out)).ino;
  } catch {
    // No output: nothing to reuse.
  }
  if (ino !== parsed.data.outIno) return { cache: null, problem: `the build cache ${file} does not describe the output in ${out}` };
  return { cache: parsed.data, problem: null };
}

/** Writes the cache beside its final name; `commit` renames it into place once the output is swapped in. */
export async function stageCache(file: string, cache: BuildCache): Promise<{ commit: () => Promise<void>; discard: () => Promise<void> }> {
  await mkdir(path.dirname(file), { recursive: true });
  const staged = `${file}.${process.pid}.tmp`;
  await writeFile(staged, JSON.stringify(cache));
  return { commit: () => rename(staged, file), discard: () => rm(staged, { force: true }) };
}

export type InputStamp = BuildCache['inputs'][number];

/**
 * A file is trusted unread when its size and mtime are those the cache saw, and it was last modified at
 * least this long before the cached run looked at it: a file written in the same tick as that look could
 * change again without its mtime moving (git's "racily clean" entries, handled the same way).
 */
const RACY_MS = 2_000;

/**
 * The hash of every input file (SHA-1, base64), each read only when the cache cannot vouch for it.
 * Returns the stamps to record for the next run.
 */
export async function inputHashes(
  files: readonly string[],
  read: (file: string) => Promise<Uint8Array>,
  cache: Pick<BuildCache, 'inputs' | 'checkedAt'> | null,
): Promise<InputStamp[]> {
  const known = new Map((cache?.inputs ?? []).map((stamp) => [stamp.file, stamp]));
  const trustedBefore = (cache?.checkedAt ?? 0) - RACY_MS;
  const stamps: InputStamp[] = [];
  for (const file of files) {
    const info = await stat(file);
    const was = known.get(path.resolve(file));
    const unchanged = was && was.size === info.size && was.mtimeMs === info.mtimeMs && info.mtimeMs < trustedBefore;
    const hash = unchanged ? was.hash : hashBytes(await read(file));
    stamps.push({ file: path.resolve(file), size: info.size, mtimeMs: info.mtimeMs, hash });
  }
  return stamps;
}

export const hashBytes = (bytes: Uint8Array): string => createHash('sha1').update(bytes).digest('base64');

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
