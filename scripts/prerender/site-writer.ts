/**
 * Writes the prerender's files into the built site, touching only what changed: a file whose bytes are
 * already there keeps its bytes and mtime, so an incremental deploy uploads only what changed. Each
 * folder is listed once, the first time a file goes into it, or made once if its parent's listing lacks
 * it; so a new file costs one write (no failed read, no mkdir, no stat), and only a file that was there
 * before is read to be compared. Each path is written once a run, so a file the other worker thread
 * wrote after a listing is never one this thread writes.
 */
import { mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export function createSiteWriter(site: string): (file: string, text: string) => boolean {
  const root = path.resolve(site);
  const listed = new Map<string, Set<string>>();

  /** The names in a folder of the site: listed once if it was there, made (once) if its parent lacks it. */
  const namesIn = (dir: string): Set<string> => {
    let names = listed.get(dir);
    if (names === undefined) {
      const parent = path.dirname(dir);
      if (dir === root || namesIn(parent).has(path.basename(dir))) {
        names = new Set(readdirSync(dir));
      } else {
        // recursive: the other worker thread may have made it since the parent was listed.
        mkdirSync(dir, { recursive: true });
        listed.get(parent)!.add(path.basename(dir));
        names = new Set();
      }
      listed.set(dir, names);
    }
    return names;
  };

  /**
   * Writes `file` (relative to the site) unless it already holds `text`; true when it wrote. A file that
   * was there is replaced by a new one (written beside it, then renamed), never written into: the served
   * folder may hold it as a hard link (scripts/deploy/deploy.ts).
   */
  return function writeIfChanged(file: string, text: string): boolean {
    const full = path.join(root, file);
    const names = namesIn(path.dirname(full));
    const name = path.basename(full);
    if (!names.has(name)) {
      names.add(name);
      writeFileSync(full, text);
    } else if (!readFileSync(full).equals(Buffer.from(text))) {
      writeFileSync(`${full}.writing`, text);
      renameSync(`${full}.writing`, full);
    } else {
      return false;
    }
    return true;
  };
}
