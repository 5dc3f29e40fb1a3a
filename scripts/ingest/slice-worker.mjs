/**
 * Builds Pagefind bundles in a worker thread (docs/decisions/030-incremental-ingest.md): each worker has
 * its own Pagefind service process, so slices build on every core. The thread is kept for every slice it
 * is given (starting one with its loader cost about a second of CPU); the service is not: it keeps 300 to
 * 700 MB after `deleteIndex` (docs/decisions/001, sixth round), so each slice gets a fresh one, which
 * starts in about 25 ms. Plain JavaScript so that it runs in a worker under tsx, Vitest or plain Node
 * alike; it receives ready records and only writes files.
 *
 * Messages in: `{ records, dir }`, one slice at a time; `null` to close. Out: `{ files, bytes }`, or
 * `{ error }`.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';
import * as pagefind from 'pagefind';

const unusedFile = new RegExp(workerData.unused);

/** The bundle of `records`, in memory; the service stops once it is out, and its memory goes with it. */
async function indexRecords(records) {
  const { index, errors } = await pagefind.createIndex({ forceLanguage: 'ar' });
  if (!index) throw new Error(`pagefind: cannot create an index: ${errors.join('; ')}`);
  try {
    for (const record of records) {
      const res = await index.addCustomRecord(record);
      if (res.errors.length > 0) throw new Error(`pagefind: ${record.url}: ${res.errors.join('; ')}`);
    }
    const built = await index.getFiles();
    if (built.errors.length > 0) throw new Error(`pagefind: ${built.errors.join('; ')}`);
    return built.files;
  } finally {
    await pagefind.close();
  }
}

/** Indexes `records` and writes the bundle into `dir`. */
async function buildBundle(records, dir) {
  const files = [];
  let bytes = 0;
  for (const file of await indexRecords(records)) {
    if (unusedFile.test(file.path)) continue;
    const target = path.join(dir, file.path);
    mkdirSync(path.dirname(target), { recursive: true });
    writeFileSync(target, file.content);
    files.push(file.path);
    bytes += file.content.byteLength;
  }
  files.sort();
  return { files, bytes };
}

parentPort.on('message', async (job) => {
  if (job === null) {
    await pagefind.close();
    parentPort.close();
    return;
  }
  try {
    parentPort.postMessage(await buildBundle(job.records, job.dir));
  } catch (error) {
    parentPort.postMessage({
      error: error instanceof Error ? (error.stack ?? error.message) : String(error),
    });
  }
});
