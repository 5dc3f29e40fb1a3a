/**
 * The data id (docs/decisions/043-build-addressed-data.md): a name for the ingest's output as a whole, from
 * every data file's path and hash and every search slice's key, which the ingest already knows (its build
 * cache, decision 030). The same output always gets the same id, whether built in full or incrementally,
 * so an unchanged corpus deploys as nothing new. The ingest writes it into its output as `data-id`; the
 * prerender names the site's data folder by it (`/data/<id>/`) without reading the data again.
 */
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import path from 'node:path';

/** The id's file in the ingest's output; not a file the app reads, and not part of a build's folder. */
export const DATA_ID_FILE = 'data-id';

const ID_HEX_DIGITS = 16;

/** An id from each file's path (relative, `/`-separated) and a hash (or key) of its bytes, in any order. */
export function dataBuildId(files: ReadonlyArray<readonly [path: string, hash: string]>): string {
  const lines = files.map(([file, hash]) => `${file}\0${hash}\n`).sort();
  return createHash('sha256').update(lines.join('')).digest('hex').slice(0, ID_HEX_DIGITS);
}

/**
 * Writes `dir/data-id` unless it already says `id` (its mtime then stays); by a rename, so a reader never
 * sees half an id and no inode shared with another output is written into.
 */
export function writeDataId(dir: string, id: string): void {
  const file = path.join(dir, DATA_ID_FILE);
  if (readDataId(dir) === id) return;
  writeFileSync(`${file}.tmp`, `${id}\n`);
  renameSync(`${file}.tmp`, file);
}

/** The id an output names, or null when it names none (not made by this ingest, or by an older one). */
export function readDataId(dir: string): string | null {
  try {
    const id = readFileSync(path.join(dir, DATA_ID_FILE), 'utf8').trim();
    return /^[0-9a-f]{16}$/.test(id) ? id : null;
  } catch {
    return null;
  }
}
