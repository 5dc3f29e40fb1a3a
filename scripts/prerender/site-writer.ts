/**
 * Writes the prerender's files for the built site, touching only what changed: a file whose bytes the site
 * already holds is not written at all (it keeps its bytes and mtime, so an incremental deploy uploads only
 * what changed), and any other goes into the build's staging folder, which site-files.ts moves into the
 * site once the build is whole: until then the site is the last build's, byte for byte.
 *
 * Each folder of the site is listed once, the first time a file is meant for it, so a new file costs one
 * write (no failed read, no stat), and only a file that was there before, with the new bytes' length, is
 * read to be compared. Each path is written once a run, and the staging folder holds only what this run
 * wrote, so two writers (the two worker threads) never meet on a file.
 */
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** `site`: the built site, compared with; `staging`: where the files that differ are written. */
export function createSiteWriter(site: string, staging: string): (file: string, text: string) => boolean {
  const root = path.resolve(site);
  const listed = new Map<string, Set<string>>();
  const made = new Set<string>();

  /** The names in a folder of the site; empty when it is not there (its parent's listing lacks it). */
  const namesIn = (dir: string): Set<string> => {
    let names = listed.get(dir);
    if (names === undefined) {
      const there = dir === root || namesIn(path.dirname(dir)).has(path.basename(dir));
      names = there ? new Set(readdirSync(dir)) : new Set();
      listed.set(dir, names);
    }
    return names;
  };

  /** Stages `file` (relative to the site) unless the site already holds `text` there; true when it did. */
  return function writeIfChanged(file: string, text: string): boolean {
    const full = path.join(root, file);
    const bytes = Buffer.from(text);
    // A page that changed nearly always changed its length: its old file is read only when it did not.
    if (
      namesIn(path.dirname(full)).has(path.basename(full)) &&
      statSync(full).size === bytes.length &&
      readFileSync(full).equals(bytes)
    ) {
      return false;
    }
    const staged = path.join(staging, file);
    const folder = path.dirname(staged);
    if (!made.has(folder)) {
      // recursive: the other worker thread may have made it already.
      mkdirSync(folder, { recursive: true });
      made.add(folder);
    }
    writeFileSync(staged, bytes);
    return true;
  };
}
