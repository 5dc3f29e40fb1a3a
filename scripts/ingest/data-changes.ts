/**
 * What an incremental ingest changed (docs/decisions/030-incremental-ingest.md, thirteenth round): beside
 * `data-id`, the output names the id of the output it replaced and every path where the two differ (a file
 * added, rewritten or removed). The prerender then links only those files into the site's data folder and
 * stats only those for its page cache, where it would otherwise walk and stat the whole output twice (about
 * 4 s at 100,000 articles). The list comes from the build cache's records of both outputs, which the
 * ingest keeps anyway: no file is read or stat'd for it. A full build, or a run whose previous output has
 * no id, writes no list, and the prerender compares the folders as before.
 */
import { readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** The list's file in the ingest's output; like `data-id`, not a file the app reads. */
export const DATA_CHANGES_FILE = 'data-changes.json';

/** An output as the build cache records it: each data file's hash, and each search bundle's files. */
export interface OutputRecord {
  files: Readonly<Record<string, string>>;
  slices: ReadonlyArray<{ path: string; key: string; files: readonly string[] }>;
}

export interface DataChanges {
  /** The data id of the output these changes were made to. */
  from: string;
  /** Relative, `/`-separated, sorted. */
  paths: string[];
}

/**
 * Every path where `after` is not `before`: a data file whose hash differs or that only one has, and every
 * file of a search bundle whose key at that place differs (a bundle is built whole, so all of it is new).
 * `bundleRoot` is the search index's folder in the output.
 */
export function changedPaths(before: OutputRecord, after: OutputRecord, bundleRoot: string): string[] {
  const changed = new Set<string>();
  for (const [file, hash] of Object.entries(after.files)) if (before.files[file] !== hash) changed.add(file);
  for (const file of Object.keys(before.files)) if (!(file in after.files)) changed.add(file);
  const keyAt = (record: OutputRecord): Map<string, string> =>
    new Map(record.slices.map((s) => [s.path, s.key]));
  const [was, is] = [keyAt(before), keyAt(after)];
  for (const [record, other] of [
    [before, is],
    [after, was],
  ] as const) {
    for (const slice of record.slices) {
      if (other.get(slice.path) === slice.key) continue;
      for (const file of slice.files) changed.add(`${bundleRoot}/${slice.path}${file}`);
    }
  }
  return [...changed].sort();
}

/** Writes the list into `dir` by a rename (a spare's file may be the live output's inode), or removes it. */
export function writeDataChanges(dir: string, changes: DataChanges | null): void {
  const file = path.join(dir, DATA_CHANGES_FILE);
  if (changes === null) {
    rmSync(file, { force: true });
    return;
  }
  writeFileSync(`${file}.tmp`, JSON.stringify(changes));
  renameSync(`${file}.tmp`, file);
}

/** A relative `/`-separated path with no empty, `.` or `..` segment. */
function isInside(file: unknown): boolean {
  return (
    typeof file === 'string' &&
    file.split('/').every((part) => part !== '' && part !== '.' && part !== '..' && !part.includes('\\'))
  );
}

/** The list an output holds, or null when it holds none or one that is not whole. */
export function readDataChanges(dir: string): DataChanges | null {
  try {
    const parsed = JSON.parse(
      readFileSync(path.join(dir, DATA_CHANGES_FILE), 'utf8'),
    ) as Partial<DataChanges>;
    if (typeof parsed.from !== 'string' || !Array.isArray(parsed.paths)) return null;
    // Paths inside the output only: a list that names anything else is not this ingest's.
    if (!parsed.paths.every(isInside)) return null;
    return { from: parsed.from, paths: parsed.paths };
  } catch {
    return null;
  }
}
