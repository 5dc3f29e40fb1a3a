/**
 * The built site's files, and how a build lands in it. A build writes nothing into the site until it is
 * whole: the pages that changed, the app's changed files and the rest are written into a staging folder
 * beside the site (site-writer.ts), and moved in at the end (`commitStaged`), so a build that fails or is
 * killed while it renders leaves the site as the last build made it, byte for byte
 * (docs/decisions/030-incremental-ingest.md, twelfth round). Nothing is rewritten that is already there,
 * so a build that changed nothing leaves every file and its mtime as it was, and a deploy (or rsync) sends
 * only what changed (eleventh round):
 * - an app file is staged only when its bytes differ;
 * - the data becomes `/data/<id>/` (decision 043) as hard links to the ingest's files, made once per id:
 *   no byte is copied, and the ingest never writes into a file it has written (a new version is a new
 *   file), so the links keep the bytes they were made with;
 * - whatever the site holds that this build did not make is removed once its pages are in.
 */
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  readdirSync,
  renameSync,
  rmdirSync,
  rmSync,
  statSync,
  unlinkSync,
} from 'node:fs';
import path from 'node:path';
import { linkOrCopy, listFiles, sameBytes } from '../file-tree.ts';
import { DATA_ID_FILE } from '../ingest/data-id.ts';

/** Vite's index.html: the pages' template, never a file of the site (the home page takes its place). */
export const TEMPLATE_FILE = 'index.html';

/** Where a build of `siteDir` stages its files: beside it, on its disk, so that moving them in is a rename. */
export const stagingFolderFor = (siteDir: string): string =>
  path.join(path.dirname(siteDir), `.${path.basename(siteDir)}.next`);

/**
 * Stages the app's files (all but the template) that the site lacks or holds other bytes for; returns their
 * paths, all of them, and how many were staged.
 */
export function placeAppFiles(
  appDir: string,
  siteDir: string,
  stagingDir: string,
): { files: string[]; copied: number } {
  const files = listFiles(appDir).filter((file) => file !== TEMPLATE_FILE);
  let copied = 0;
  for (const file of files) {
    const from = path.join(appDir, file);
    if (sameBytes(from, path.join(siteDir, file))) continue;
    const to = path.join(stagingDir, file);
    mkdirSync(path.dirname(to), { recursive: true });
    copyFileSync(from, to);
    copied++;
  }
  return { files, copied };
}

/**
 * Moves every file of the staging folder into the site, each by a rename (a reader of the site sees the old
 * file or the new one, never half of one; a served hard link keeps the old bytes), then removes the staging
 * folder. Returns the files moved.
 */
export function commitStaged(stagingDir: string, siteDir: string): string[] {
  const files = listFiles(stagingDir);
  const made = new Set<string>();
  for (const file of files) {
    const to = path.join(siteDir, file);
    const folder = path.dirname(to);
    if (!made.has(folder)) {
      mkdirSync(folder, { recursive: true });
      made.add(folder);
    }
    renameSync(path.join(stagingDir, file), to);
  }
  rmSync(stagingDir, { recursive: true, force: true });
  return files;
}

/** A data build's folder in the site: its id (decision 043). */
const BUILD_FOLDER = /^[0-9a-f]{16}$/;

/**
 * Makes `site/data/<id>/` the ingest's output `dataDir` (its id file aside), as hard links, unless a
 * previous build made it already; returns the number of files linked (0 when it was there). The last
 * build's folder, when there is one, is brought up to date instead of made again: only the files whose
 * inode differs are linked anew (at 100,000 articles, a few hundred of 146,000 for one edit). The folder is
 * made under a temporary name and renamed, so a build killed half-way leaves no half folder under an id.
 * Where the two folders are on different file systems, the files are copied instead.
 */
export function placeDataBuild(dataDir: string, siteDir: string, id: string): number {
  const builds = path.join(siteDir, 'data');
  const target = path.join(builds, id);
  if (existsSync(target)) return 0;
  const partial = path.join(builds, 'partial');
  mkdirSync(builds, { recursive: true });
  if (!existsSync(partial)) {
    const last = readdirSync(builds).find((name) => BUILD_FOLDER.test(name));
    if (last) renameSync(path.join(builds, last), partial);
  }
  const wanted = new Set(listFiles(dataDir).filter((file) => file !== DATA_ID_FILE));
  const made = new Set<string>();
  let linked = 0;
  for (const file of listFiles(partial)) {
    if (!wanted.has(file)) unlinkSync(path.join(partial, file));
  }
  for (const file of wanted) {
    const from = path.join(dataDir, file);
    const to = path.join(partial, file);
    const there = inodeOf(to);
    if (there !== null && there === inodeOf(from)) continue;
    if (there !== null) unlinkSync(to);
    const folder = path.dirname(to);
    if (there === null && !made.has(folder)) {
      mkdirSync(folder, { recursive: true });
      made.add(folder);
    }
    linkOrCopy(from, to);
    linked++;
  }
  mkdirSync(partial, { recursive: true });
  removeEmptyFolders(partial);
  renameSync(partial, target);
  return linked;
}

function inodeOf(file: string): bigint | null {
  try {
    return statSync(file, { bigint: true }).ino;
  } catch {
    return null;
  }
}

/** Removes the folders under `dir` (not `dir` itself) that hold no file; true when `dir` holds none. */
function removeEmptyFolders(dir: string): boolean {
  let empty = true;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.isDirectory() && removeEmptyFolders(path.join(dir, entry.name)))
      rmdirSync(path.join(dir, entry.name));
    else empty = false;
  }
  return empty;
}

/**
 * Removes every file of the site that is not in `keep` (paths relative to the site), and every data build
 * folder but `id`'s, then the folders left empty; returns how many files went. The current data folder is
 * not walked: it is the ingest's output as a whole.
 */
export function removeStaleFiles(siteDir: string, keep: ReadonlySet<string>, id: string): number {
  let removed = 0;
  const sweep = (dir: string, rel: string): boolean => {
    let empty = true;
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const entryRel = rel === '' ? entry.name : `${rel}/${entry.name}`;
      const full = path.join(dir, entry.name);
      if (
        rel === 'data' &&
        entry.isDirectory() &&
        (BUILD_FOLDER.test(entry.name) || entry.name === 'partial')
      ) {
        if (entry.name === id) {
          empty = false;
        } else {
          rmSync(full, { recursive: true, force: true });
          removed++;
        }
      } else if (entry.isDirectory()) {
        if (sweep(full, entryRel)) rmdirSync(full);
        else empty = false;
      } else if (keep.has(entryRel)) {
        empty = false;
      } else {
        unlinkSync(full);
        removed++;
      }
    }
    return empty;
  };
  sweep(siteDir, '');
  return removed;
}
