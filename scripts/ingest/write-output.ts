import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, linkSync, mkdirSync, renameSync, rmdirSync, rmSync, writeFileSync } from 'node:fs';
import { transcode } from 'node:buffer';
import { chmod, mkdir, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { hashBytes } from './build-cache.ts';
import type { ShardFile } from './shard.ts';

/**
 * The output before last, kept as a folder beside the build cache (`dir`) so that the next run can update
 * it to the new output in place of making a whole tree of hard links: it is not served, so a run killed while
 * updating it leaves the live output whole (docs/decisions/030-incremental-ingest.md, sixth round).
 */
export interface Spare {
  dir: string;
  /** Build the new output in the spare folder (it is what the caller's `PreviousOutput.stale` describes). */
  reuse: boolean;
  /** Keep the output this run replaces as the next spare, in place of deleting it. */
  keep: boolean;
}

/**
 * Builds the output in a temp folder beside `outDir` (same parent, hence same file system, so the renames
 * are atomic), then swaps it in. If `build` throws, the temp folder is removed and `outDir` is untouched;
 * readers of the old output never see a half-written site. With a `spare` to reuse, the temp folder is the
 * spare, moved there (`build` is told so by its second argument: false when it could not be moved).
 *
 * Resolves once the new output is in place, with `oldRemoved`: the previous output, renamed out of the way,
 * is then kept as the spare or deleted, after the swap and apart from it. Deleting 100,000 files costs more
 * than writing them (45 s measured on a loaded machine), and no reader waits for it.
 */
export async function writeAtomically(
  outDir: string,
  build: (tempDir: string, inSpare: boolean) => Promise<void>,
  spare: Spare | null = null,
): Promise<{ oldRemoved: Promise<void> }> {
  const target = path.resolve(outDir);
  const parent = path.dirname(target);
  await mkdir(parent, { recursive: true });
  // Not `mkdtemp`, whose folder is private (0700) whatever the umask: the output is served as it is.
  const temp = path.join(parent, `.${path.basename(target)}.tmp-${randomBytes(6).toString('hex')}`);
  await mkdir(temp);
  let inSpare = false;
  if (spare?.reuse) {
    try {
      // Over the empty temp folder: a run killed from here on leaves it to `removeLeftovers`, not as the spare.
      await rename(spare.dir, temp);
      inSpare = true;
    } catch {
      await mkdir(temp, { recursive: true });
    }
  }
  try {
    await build(temp, inSpare);
  } catch (error) {
    await rm(temp, { recursive: true, force: true });
    throw error;
  }
  const old = `${temp}.old`;
  const hadOld = await exists(target);
  // The output keeps the permissions it was given (a spare's may be those of an older one).
  if (hadOld) await chmod(temp, (await stat(target)).mode & 0o7777);
  if (hadOld) await rename(target, old);
  try {
    await rename(temp, target);
  } catch (error) {
    if (hadOld) await rename(old, target);
    await rm(temp, { recursive: true, force: true });
    throw error;
  }
  const settle = async (): Promise<void> => {
    // A spare no run describes any more (one left unused, or by a run killed after its swap).
    if (spare && (await exists(spare.dir))) await removeTree(spare.dir);
    if (!hadOld) return;
    if (spare?.keep) {
      try {
        await rename(old, spare.dir);
        return;
      } catch {
        // Another file system: the cache folder cannot hold it.
      }
    }
    await removeTree(old);
  };
  return { oldRemoved: settle() };
}

/**
 * Deletes a folder tree. `rm -rf` does it in its own process at about a third of the CPU of Node's
 * recursive rm (which stats and unlinks through the thread pool one entry at a time); Node's rm is the
 * fallback where there is no `rm` or it fails.
 */
async function removeTree(dir: string): Promise<void> {
  if (process.platform !== 'win32') {
    const code = await new Promise<number | null>((resolve) => {
      const child = spawn('rm', ['-rf', '--', dir], { stdio: 'ignore' });
      child.on('error', () => resolve(null));
      child.on('close', resolve);
    });
    if (code === 0) return;
  }
  await rm(dir, { recursive: true, force: true });
}

/**
 * Removes a folder tree in a process of its own that outlives this one (`rm -rf`, detached): for files
 * whose blocks the disk frees slowly, once nothing waits for them. A folder left by a run that died first
 * is a temp leftover, removed by the next run. Where there is no `rm`, removed here.
 */
export async function removeDetached(dir: string): Promise<void> {
  if (!(await exists(dir))) return;
  if (process.platform !== 'win32') {
    const started = await new Promise<boolean>((resolve) => {
      const child = spawn('rm', ['-rf', '--', dir], { stdio: 'ignore', detached: true });
      child.on('error', () => resolve(false));
      child.on('spawn', () => {
        // Not waited for: it no longer keeps this process alive.
        child.unref();
        resolve(true);
      });
    });
    if (started) return;
  }
  await rm(dir, { recursive: true, force: true });
}

async function exists(file: string): Promise<boolean> {
  try {
    await stat(file);
    return true;
  } catch {
    return false;
  }
}

export interface WriteStats {
  files: number;
  bytes: number;
  /** Files written this run; the others were hard-linked from the previous output. */
  rewritten: number;
  largestList: { path: string; bytes: number };
  largestArticle: { path: string; bytes: number };
}

/** The output before this run and the hash of each of its files (from the build cache). */
export interface PreviousOutput {
  dir: string;
  hashes: Readonly<Record<string, string>>;
  /** The key and byte size of each file that had one (`ShardFile.key`). */
  keys?: Readonly<Record<string, readonly [key: string, bytes: number]>>;
  /**
   * When the folder written to is the output before last (`Spare`): the paths where it is not `dir`'s file
   * (another inode, or a file only one of them has). Every other path there is already `dir`'s file.
   */
  stale?: ReadonlySet<string> | null;
  /**
   * Where a spare's stale files are moved instead of deleted (a folder on the same file system, made when
   * needed). Deleting a file's last link frees its blocks, which on this machine's disk costs 0.1 to 0.5 ms
   * of wall time each (2.4 s for one edit at 100,000 articles); the caller removes the folder once the new
   * output is live (`removeDetached`).
   */
  trash?: string;
}

export interface WrittenShards {
  stats: WriteStats;
  hashes: Record<string, string>;
  keys: Record<string, [key: string, bytes: number]>;
  /**
   * The paths where the written folder is not the previous output's file: written this run, or only in the
   * previous output. Once the previous output is the spare, its `stale` set.
   */
  changed: string[];
}

/**
 * Writes shard files under `dir` and measures them. A file whose bytes hash as in `previous` is hard-linked
 * from there instead: the same inode, so its mtime stays and whatever watches it sees no change.
 * Synchronous on purpose: for many small files one thread of plain syscalls is about 3× faster than
 * promise-based writes through libuv's thread pool (measured here: 15,000 files of 4 KB in 0.9 s vs 2.6 s).
 */
export async function writeShards(
  dir: string,
  files: Iterable<ShardFile>,
  previous: PreviousOutput | null = null,
): Promise<WrittenShards> {
  const stats: WriteStats = {
    files: 0,
    bytes: 0,
    rewritten: 0,
    largestList: { path: '', bytes: 0 },
    largestArticle: { path: '', bytes: 0 },
  };
  const hashes: Record<string, string> = {};
  const keys: Record<string, [string, number]> = {};
  const changed: string[] = [];
  const stale = previous?.stale ?? null;
  const made = new Set<string>();
  let trashed = 0;
  /** Takes a spare's file out of the way (it may be the live output's inode: never written into). */
  const discard = (file: string): void => {
    if (!previous?.trash) {
      rmSync(file, { force: true });
      return;
    }
    if (trashed === 0) mkdirSync(previous.trash, { recursive: true });
    try {
      renameSync(file, path.join(previous.trash, String(trashed++)));
    } catch (error) {
      // Nothing to take away; but a file still there must never be written into.
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT' || existsSync(file)) throw error;
    }
  };
  for (const shard of files) {
    const rel = shard.path;
    // Its place, with its folder made, only when it is written or linked: in a spare, most files are neither.
    const file = (): string => {
      const place = path.join(dir, rel);
      const folder = path.dirname(place);
      if (!made.has(folder)) {
        mkdirSync(folder, { recursive: true });
        made.add(folder);
      }
      return place;
    };
    const was = previous?.keys?.[rel];
    const known = shard.key && was?.[0] === shard.key ? previous!.hashes[rel] : undefined;
    let size: number;
    if (known !== undefined && reuse(previous!, rel, file, discard)) {
      // Same key, same bytes: the content is not even built.
      hashes[rel] = known;
      size = was![1];
    } else {
      const bytes = encodeUtf8(shard.content);
      const hash = hashBytes(bytes);
      hashes[rel] = hash;
      size = bytes.length;
      if (previous?.hashes[rel] !== hash || !reuse(previous, rel, file, discard)) {
        // Never into the file there: in a spare, it may be the live output's inode.
        const place = file();
        if (stale) discard(place);
        writeFileSync(place, bytes);
        stats.rewritten++;
        changed.push(rel);
      }
    }
    if (shard.key) keys[rel] = [shard.key, size];
    stats.files++;
    stats.bytes += size;
    const largest = rel.startsWith('articles/') ? stats.largestArticle : rel === 'manifest.json' ? null : stats.largestList;
    if (largest && size > largest.bytes) {
      largest.bytes = size;
      largest.path = rel;
    }
  }
  if (previous) {
    for (const rel of Object.keys(previous.hashes)) if (!(rel in hashes) && !rel.startsWith(`${SEARCH_DIR}/`)) changed.push(rel);
  }
  // A spare's files that the new output does not have: those the previous output had, and its own.
  if (stale) for (const rel of [...changed, ...stale]) if (!(rel in hashes)) removeFile(dir, rel, discard);
  return { stats, hashes, keys, changed };
}

/**
 * Links the previous output's `rel` into `temp` when `bytes` are its bytes (by hash), so its mtime stays;
 * records the hash. False when the file is to be written: new bytes, or no such file there any more.
 */
export function linkIfSame(
  temp: string,
  rel: string,
  bytes: Buffer,
  previous: PreviousOutput | null,
  hashes: Record<string, string>,
): boolean {
  const hash = hashBytes(bytes);
  hashes[rel] = hash;
  if (previous?.hashes[rel] !== hash) return false;
  try {
    linkSync(path.join(previous.dir, rel), path.join(temp, rel));
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw error;
  }
}

/** The search index's folder: built apart (`search-index.ts`), never in `writeShards`' sets. */
export const SEARCH_DIR = 'pagefind';

/** Removes `rel` under `dir` if it is there, and its folders left empty (a full build would not have them). */
function removeFile(dir: string, rel: string, discard: (file: string) => void): void {
  discard(path.join(dir, rel));
  for (let folder = path.dirname(rel); folder !== '.'; folder = path.dirname(folder)) {
    try {
      rmdirSync(path.join(dir, folder));
    } catch {
      return;
    }
  }
}

/**
 * Makes `file` the previous output's copy of `rel` (a hard link); false when that is not there (an output
 * changed behind the cache's back), and the caller writes the file instead. In a spare, a path the spare
 * does not have stale is that copy already.
 */
function reuse(previous: PreviousOutput, rel: string, fileOf: () => string, discard: (file: string) => void): boolean {
  if (previous.stale && !previous.stale.has(rel)) return true;
  const file = fileOf();
  if (previous.stale) discard(file);
  try {
    linkSync(path.join(previous.dir, rel), file);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw error;
  }
}

/**
 * UTF-8 bytes of a string. ICU's transcode from the string's UTF-16 is about 2.5× faster than V8's UTF-8
 * encoder on Arabic text; it refuses lone surrogates (JSON.stringify never leaves any), which go the
 * usual way and become U+FFFD as before.
 */
function encodeUtf8(text: string): Buffer {
  if (text.length === 0) return Buffer.alloc(0);
  try {
    return transcode(Buffer.from(text, 'utf16le'), 'utf16le', 'utf8');
  } catch {
    return Buffer.from(text, 'utf8');
  }
}
