/**
 * Gives the built site's data a build id and a folder of its own (docs/decisions/043-build-addressed-data.md):
 * `dist/data/*` moves into `dist/data/<id>/`, where the id is a hash of every data file's path and bytes,
 * and `dist/data/build.json` names that id and the app's (a hash of Vite's index.html, which names every
 * hashed asset). The same data always gets the same id, so an unchanged input still deploys as nothing new.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { BUILD_FILE, buildInfoSchema, type BuildInfo } from '../../src/data/build.ts';

const ID_HEX_DIGITS = 16;

/** A data id from each file's path (relative, `/`-separated) and the hash of its bytes. */
export function dataBuildId(files: ReadonlyArray<readonly [path: string, hash: string]>): string {
  const lines = files.map(([file, hash]) => `${file}\0${hash}\n`).sort();
  return createHash('sha256').update(lines.join('')).digest('hex').slice(0, ID_HEX_DIGITS);
}

/** The app's id: Vite's index.html names every hashed script and stylesheet, so it changes with the code. */
export function appBuildId(template: string): string {
  return createHash('sha256').update(template).digest('hex').slice(0, ID_HEX_DIGITS);
}

/**
 * Hashes every file a thread of its own: the whole corpus's data is read here (1.1 GB in 134,000 files at
 * 100,000 articles), before any page can name its build. Plain JavaScript, so the threads need no loader.
 */
const HASH_THREAD = `
const { createHash } = require('node:crypto');
const { readFileSync } = require('node:fs');
const { parentPort, workerData } = require('node:worker_threads');
parentPort.postMessage(workerData.map((file) => createHash('sha1').update(readFileSync(file)).digest('hex')));
`;

async function hashFiles(root: string, threads: number): Promise<Array<[string, string]>> {
  const files = readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.join(entry.parentPath, entry.name));
  const count = Math.max(1, threads);
  const shares = Array.from({ length: count }, (_, i) => files.filter((_, j) => j % count === i));
  const hashes = await Promise.all(
    shares.map(
      (share) =>
        new Promise<string[]>((resolve, reject) => {
          const thread = new Worker(HASH_THREAD, { eval: true, workerData: share });
          thread.once('message', resolve);
          thread.once('error', reject);
        }),
    ),
  );
  return shares.flatMap((share, i) =>
    share.map((file, j): [string, string] => [path.relative(root, file).split(path.sep).join('/'), hashes[i]![j]!]),
  );
}

/**
 * Moves `distDir/data/*` into its build folder and writes build.json; returns the build. The files are
 * hashed on `threads` threads. Run again over the same dist (a second `npm run prerender`), it finds
 * build.json and changes nothing.
 */
export async function publishDataBuild(distDir: string, template: string, threads = 1): Promise<BuildInfo> {
  const dataDir = path.join(distDir, 'data');
  const buildFile = path.join(dataDir, BUILD_FILE);
  if (existsSync(buildFile)) return buildInfoSchema.parse(JSON.parse(readFileSync(buildFile, 'utf8')));
  const build: BuildInfo = { data: dataBuildId(await hashFiles(dataDir, threads)), app: appBuildId(template) };
  const entries = readdirSync(dataDir);
  mkdirSync(path.join(dataDir, build.data));
  for (const entry of entries) renameSync(path.join(dataDir, entry), path.join(dataDir, build.data, entry));
  writeFileSync(buildFile, `${JSON.stringify(build)}\n`);
  return build;
}
