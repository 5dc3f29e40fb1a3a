/**
 * Publishes a built site (dist/) over the folder a web server serves, so that no open tab ever mixes two
 * builds (docs/decisions/043-build-addressed-data.md):
 *
 * 1. everything but the entry files is copied beside what is there: the new `data/<id>/` folder and new
 *    hashed assets; nothing served is replaced or deleted, so an open tab of the previous build keeps
 *    its data and its lazy chunks;
 * 2. then the entry files, each replaced by a rename (a request sees the old file or the new one, never
 *    half of one): the app's pointer to its data (`data/apps/<app id>.json`) first, so a page of the new
 *    app finds its data however early it is served, then every HTML page, and `data/build.json` last;
 * 3. then pages, feeds and sitemaps the new build no longer has are deleted, and data folders and assets
 *    that no deployed build has used for `keepDays` are pruned, with the pointers that name a pruned data
 *    folder. A ledger in the served folder (`.deploys.json`) remembers when each build stopped being
 *    current.
 *
 *   npm run deploy -- DIST ROOT [--keep-days 7]     npm run deploy:prune -- ROOT [--keep-days 7]
 */
import {
  existsSync,
  mkdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { linkOrCopy, listFiles, sameBytes } from '../file-tree.ts';
import { appPointerFile } from '../../src/data/app-pointer.ts';
import { BUILD_FILE, buildInfoSchema } from '../../src/data/build.ts';

export const DEFAULT_KEEP_DAYS = 7;
export const LEDGER_FILE = '.deploys.json';
const DAY_MS = 24 * 60 * 60 * 1000;

/** One deploy: when it went live, its data folder and its assets. */
export interface LedgerEntry {
  at: string;
  data: string;
  assets: string[];
}

const POINTERS_DIR = path.posix.dirname(`data/${appPointerFile('x')}`);
const isPointer = (file: string): boolean => path.posix.dirname(file) === POINTERS_DIR;
/** When an entry file is switched: pointers, then pages, then build.json. */
const entryRank = (file: string): number => (isPointer(file) ? 0 : file === `data/${BUILD_FILE}` ? 2 : 1);
const isEntryFile = (file: string): boolean =>
  file.endsWith('.html') || file === `data/${BUILD_FILE}` || isPointer(file);

/** The entry files among `files`, in the order a deploy switches them. */
export function entryFiles(files: readonly string[]): string[] {
  return files.filter(isEntryFile).sort((a, b) => entryRank(a) - entryRank(b));
}
/** Kept across deploys until pruned: the builds' data folders and the hashed assets. */
const isBuildOwned = (file: string): boolean => file.startsWith('data/') || file.startsWith('assets/');

/** What a deploy did with the built site's files. */
export interface Placed {
  copied: number;
  linked: number;
  /** Already there: the same file (a link to it), or the same bytes. */
  unchanged: number;
}

/**
 * Puts `file` of the built site into the served folder, unless it is there already, so a deploy after one
 * edit sends the few files that changed, not the whole site. Where both folders are on one file system the
 * file is hard-linked, so not one byte is copied, and a file deployed before is known by its inode without
 * being read: nothing ever writes into a file of the built site (the ingest, the prerender and its writer
 * write a new version as a new file, scripts/prerender/site-writer.ts). Elsewhere it is copied, and a file
 * of the same size is compared byte by byte first. Either way under a temporary name first, then renamed,
 * so a request sees the old file or the new one, never half of one.
 */
function placeInto(from: string, to: string, file: string, placed: Placed): void {
  const source = path.join(from, file);
  const target = path.join(to, file);
  const is = statSync(source);
  const was = statSync(target, { throwIfNoEntry: false });
  if (was && ((was.ino === is.ino && was.dev === is.dev) || sameBytes(source, target))) {
    placed.unchanged++;
    return;
  }
  mkdirSync(path.dirname(target), { recursive: true });
  const temp = `${target}.deploying`;
  rmSync(temp, { force: true });
  placed[linkOrCopy(source, temp)]++;
  renameSync(temp, target);
}

export function readLedger(root: string): LedgerEntry[] {
  const file = path.join(root, LEDGER_FILE);
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as LedgerEntry[]) : [];
}

export function deploy(
  dist: string,
  root: string,
  { keepDays = DEFAULT_KEEP_DAYS, now = new Date() } = {},
): LedgerEntry & { placed: Placed } {
  const buildFile = path.join(dist, 'data', BUILD_FILE);
  // The prerender writes it last, once the site is whole (scripts/prerender/cli.ts).
  if (!existsSync(buildFile)) throw new Error(`${dist} names no build (no data/${BUILD_FILE}): its build did not finish`);
  const build = buildInfoSchema.parse(JSON.parse(readFileSync(buildFile, 'utf8')));
  const files = listFiles(dist);
  const entries = entryFiles(files);
  // A build folder is named by its bytes: one already there is this very data, left as it is.
  const alreadyThere = existsSync(path.join(root, 'data', build.data));
  const placed: Placed = { copied: 0, linked: 0, unchanged: 0 };
  const dataFolder = `data/${build.data}/`;
  for (const file of files) {
    if (isEntryFile(file) || (alreadyThere && file.startsWith(dataFolder))) continue;
    placeInto(dist, root, file, placed);
  }
  for (const file of entries) placeInto(dist, root, file, placed);

  const current = new Set(files);
  for (const file of listFiles(root)) {
    if (!current.has(file) && !isBuildOwned(file) && file !== LEDGER_FILE) rmSync(path.join(root, file));
  }
  const entry: LedgerEntry = {
    at: now.toISOString(),
    data: build.data,
    assets: files.filter((f) => f.startsWith('assets/')),
  };
  writeFileSync(path.join(root, LEDGER_FILE), `${JSON.stringify([...readLedger(root), entry], null, 1)}\n`);
  prune(root, { keepDays, now });
  return { ...entry, placed };
}

/**
 * Deletes the data folders and assets of builds that stopped being current more than `keepDays` ago and
 * that no later build shares. What the ledger does not know of (files put there by hand) is left alone.
 */
export function prune(root: string, { keepDays = DEFAULT_KEEP_DAYS, now = new Date() } = {}): string[] {
  const ledger = readLedger(root);
  const cutoff = now.getTime() - keepDays * DAY_MS;
  const keep = new Set<string>();
  const known = new Set<string>();
  ledger.forEach((entry, i) => {
    const owned = [`data/${entry.data}`, ...entry.assets];
    for (const item of owned) known.add(item);
    const supersededAt = ledger[i + 1]?.at;
    if (supersededAt === undefined || Date.parse(supersededAt) > cutoff) for (const item of owned) keep.add(item);
  });
  const removed = [...known].filter((item) => !keep.has(item) && existsSync(path.join(root, item)));
  for (const item of removed) rmSync(path.join(root, item), { recursive: true, force: true });
  // A pointer to a pruned folder leads nowhere: an app that reads it would find no data either way.
  for (const file of listFiles(path.join(root, POINTERS_DIR)).map((name) => `${POINTERS_DIR}/${name}`)) {
    const pointer = buildInfoSchema.safeParse(JSON.parse(readFileSync(path.join(root, file), 'utf8')));
    if (pointer.success && removed.includes(`data/${pointer.data.data}`)) {
      rmSync(path.join(root, file));
      removed.push(file);
    }
  }
  const kept = ledger.filter((entry, i) => i === ledger.length - 1 || keep.has(`data/${entry.data}`));
  writeFileSync(path.join(root, LEDGER_FILE), `${JSON.stringify(kept, null, 1)}\n`);
  return removed;
}

function main(argv: string[]): number {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { 'keep-days': { type: 'string', default: String(DEFAULT_KEEP_DAYS) }, prune: { type: 'boolean', default: false } },
  });
  const keepDays = Number(values['keep-days']);
  if (!Number.isFinite(keepDays) || keepDays < 0) {
    process.stderr.write('deploy: --keep-days must be a number of days\n');
    return 2;
  }
  if (values.prune && positionals.length === 1) {
    const removed = prune(positionals[0]!, { keepDays });
    process.stdout.write(`deploy: pruned ${removed.length} data folders and assets older than ${keepDays} days\n`);
    return 0;
  }
  if (values.prune || positionals.length !== 2) {
    process.stderr.write('usage: npm run deploy -- DIST ROOT [--keep-days N] | npm run deploy:prune -- ROOT [--keep-days N]\n');
    return 2;
  }
  let entry: ReturnType<typeof deploy>;
  try {
    entry = deploy(positionals[0]!, positionals[1]!, { keepDays });
  } catch (error) {
    process.stderr.write(`deploy: ${error instanceof Error ? error.message : String(error)}; nothing was changed\n`);
    return 1;
  }
  const { copied, linked, unchanged } = entry.placed;
  process.stdout.write(
    `deploy: build ${entry.data} is live in ${positionals[1]} (${copied} files copied, ${linked} linked, ${unchanged} already there; previous builds kept ${keepDays} days)\n`,
  );
  return 0;
}

if (import.meta.url === `file://${process.argv[1]}`) process.exitCode = main(process.argv.slice(2));
