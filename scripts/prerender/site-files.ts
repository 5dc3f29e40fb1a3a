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
  type Dirent,
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
import { DATA_CHANGES_FILE, type DataChanges } from '../ingest/data-changes.ts';
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
/** The folder a landing brings up to date before it takes the new id. */
const PARTIAL = 'partial';

/** What making a data build's folder takes: worked out while the site is untouched, done when it lands. */
export interface DataBuildPlan {
  dataDir: string;
  siteDir: string;
  id: string;
  /** The folder to bring up to date (the last build's, or one a killed landing left), or null. */
  from: string | null;
  /** Files of `from` to remove (gone, or another version). */
  unlink: string[];
  /** Files of the data to link into it. */
  link: string[];
}

/**
 * Works out how `site/data/<id>/` becomes the ingest's output `dataDir` (its id file and change list aside),
 * reading only: from nothing when there is no last build, or else from the last build's folder, where only
 * the files that differ are linked anew (at 100,000 articles, a few hundred of 146,000 for one edit). Which
 * files differ, the ingest's `changes` say when they start from the last build's data; else each file's
 * inode is compared. Nothing to do when a previous build made this id's folder already.
 */
export function planDataBuild(
  dataDir: string,
  siteDir: string,
  id: string,
  changes: DataChanges | null = null,
): DataBuildPlan {
  const builds = path.join(siteDir, 'data');
  const plan: DataBuildPlan = { dataDir, siteDir, id, from: null, unlink: [], link: [] };
  if (existsSync(path.join(builds, id))) return plan;
  const partial = path.join(builds, PARTIAL);
  const last = existsSync(partial) ? PARTIAL : readdirIfThere(builds).find((name) => BUILD_FOLDER.test(name));
  plan.from = last === undefined ? null : path.join(builds, last);
  if (plan.from !== null && changes !== null && changes.from === last) {
    for (const file of changes.paths) {
      if (existsSync(path.join(plan.from, file))) plan.unlink.push(file);
      if (existsSync(path.join(dataDir, file))) plan.link.push(file);
    }
    return plan;
  }
  const wanted = listFiles(dataDir).filter((file) => file !== DATA_ID_FILE && file !== DATA_CHANGES_FILE);
  const wantedSet = new Set(wanted);
  for (const file of plan.from === null ? [] : listFiles(plan.from)) {
    if (!wantedSet.has(file)) plan.unlink.push(file);
  }
  for (const file of wanted) {
    const there = plan.from === null ? null : inodeOf(path.join(plan.from, file));
    if (there !== null && there === inodeOf(path.join(dataDir, file))) continue;
    if (there !== null) plan.unlink.push(file);
    plan.link.push(file);
  }
  return plan;
}

/**
 * Makes the planned folder: the last build's folder is renamed `partial`, brought up to date and renamed to
 * the new id, so a build killed half-way leaves no half folder under an id (the next plan starts from
 * `partial`). Returns the number of files linked. Where the two folders are on different file systems, the
 * files are copied instead.
 */
export function placeDataBuild(plan: DataBuildPlan): number {
  const builds = path.join(plan.siteDir, 'data');
  const target = path.join(builds, plan.id);
  if (existsSync(target)) return 0;
  const partial = path.join(builds, PARTIAL);
  mkdirSync(builds, { recursive: true });
  if (plan.from !== null && plan.from !== partial) renameSync(plan.from, partial);
  const emptied = new Set<string>();
  for (const file of plan.unlink) {
    unlinkSync(path.join(partial, file));
    emptied.add(path.dirname(path.join(partial, file)));
  }
  const made = new Set<string>();
  for (const file of plan.link) {
    const to = path.join(partial, file);
    const folder = path.dirname(to);
    if (!made.has(folder)) {
      mkdirSync(folder, { recursive: true });
      made.add(folder);
    }
    linkOrCopy(path.join(plan.dataDir, file), to);
  }
  mkdirSync(partial, { recursive: true });
  for (const folder of emptied) removeIfEmpty(folder, partial);
  renameSync(partial, target);
  return plan.link.length;
}

function readdirIfThere(dir: string): string[] {
  return existsSync(dir) ? readdirSync(dir) : [];
}

function inodeOf(file: string): bigint | null {
  try {
    return statSync(file, { bigint: true }).ino;
  } catch {
    return null;
  }
}

/** Removes `folder` if it is empty, then each parent that it leaves empty, up to `root` (kept). */
function removeIfEmpty(folder: string, root: string): void {
  for (let dir = folder; dir !== root && dir.startsWith(root); dir = path.dirname(dir)) {
    if (!existsSync(dir) || readdirSync(dir).length > 0) return;
    rmdirSync(dir);
  }
}

/**
 * The site's folders as a build finds them, its data build folders not opened (each is the ingest's output
 * as a whole). Nothing is written into the site until the build lands, so one listing serves the whole
 * build: which kept pages are still there, and what is stale.
 */
export interface SiteListing {
  /** Every file, relative to the site and `/`-separated. */
  files: Set<string>;
  /** Each folder's entries, by its path relative to the site (`''` for the site). */
  folders: Map<string, Dirent[]>;
}

/** A data build's folder (or the one a killed landing left) among the entries of the site's `data/`. */
const isDataBuild = (rel: string, entry: Dirent): boolean =>
  rel === 'data' && entry.isDirectory() && (BUILD_FOLDER.test(entry.name) || entry.name === PARTIAL);

/** Lists the site (none when it is not there yet). */
export function listSite(siteDir: string): SiteListing {
  const listing: SiteListing = { files: new Set(), folders: new Map() };
  const walk = (dir: string, rel: string): void => {
    const entries = readdirSync(dir, { withFileTypes: true });
    listing.folders.set(rel, entries);
    for (const entry of entries) {
      const entryRel = rel === '' ? entry.name : `${rel}/${entry.name}`;
      if (!entry.isDirectory()) listing.files.add(entryRel);
      else if (!isDataBuild(rel, entry)) walk(path.join(dir, entry.name), entryRel);
    }
  };
  if (existsSync(siteDir)) walk(siteDir, '');
  return listing;
}

/** What the site holds that a build did not make: worked out before the build lands, removed as it lands. */
export interface Stale {
  /** Files, and data build folders, relative to the site. */
  entries: string[];
  /** Folders holding nothing else, deepest first: removed if they are empty once the build has landed. */
  folders: string[];
}

/**
 * Every file of the site that is not in `keep` (paths relative to the site), and every data build folder
 * but `id`'s and the last build's one (which becomes `id`'s when the build lands); from the site's listing.
 */
export function staleFiles(site: SiteListing, keep: ReadonlySet<string>, plan: DataBuildPlan): Stale {
  const stale: Stale = { entries: [], folders: [] };
  const buildFolder = (name: string) => path.join(plan.siteDir, 'data', name);
  const sweep = (rel: string): boolean => {
    let empty = true;
    for (const entry of site.folders.get(rel) ?? []) {
      const entryRel = rel === '' ? entry.name : `${rel}/${entry.name}`;
      if (isDataBuild(rel, entry)) {
        if (entry.name === plan.id || buildFolder(entry.name) === plan.from) empty = false;
        else stale.entries.push(entryRel);
      } else if (entry.isDirectory()) {
        if (sweep(entryRel)) stale.folders.push(entryRel);
        else empty = false;
      } else if (keep.has(entryRel)) {
        empty = false;
      } else {
        stale.entries.push(entryRel);
      }
    }
    return empty;
  };
  sweep('');
  return stale;
}

/** Removes what `staleFiles` found, and the folders it leaves empty; returns how many entries went. */
export function removeStale(siteDir: string, stale: Stale): number {
  for (const entry of stale.entries) rmSync(path.join(siteDir, entry), { recursive: true, force: true });
  for (const folder of stale.folders) {
    const full = path.join(siteDir, folder);
    if (existsSync(full) && readdirSync(full).length === 0) rmdirSync(full);
  }
  return stale.entries.length;
}
