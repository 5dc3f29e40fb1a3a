/**
 * Builds one Pagefind bundle in a worker thread (docs/decisions/030-incremental-ingest.md): each worker
 * has its own Pagefind service process, so slices build on every core. Plain JavaScript so that it runs
 * in a worker under tsx, Vitest or plain Node alike; it receives ready records and only writes files.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';
import * as pagefind from 'pagefind';

const { records, dir, unused } = workerData;
const unusedFile = new RegExp(unused);

try {
  const { index, errors } = await pagefind.createIndex({ forceLanguage: 'ar' });
  if (!index) throw new Error(`pagefind: cannot create an index: ${errors.join('; ')}`);
  for (const record of records) {
    const res = await index.addCustomRecord(record);
    if (res.errors.length > 0) throw new Error(`pagefind: ${record.url}: ${res.errors.join('; ')}`);
  }
  const built = await index.getFiles();
  if (built.errors.length > 0) throw new Error(`pagefind: ${built.errors.join('; ')}`);
  const files = [];
  let bytes = 0;
  for (const file of built.files) {
    if (unusedFile.test(file.path)) continue;
    const target = path.join(dir, file.path);
    mkdirSync(path.dirname(target), { recursive: true });
    writeFileSync(target, file.content);
    files.push(file.path);
    bytes += file.content.byteLength;
  }
  files.sort();
  parentPort.postMessage({ files, bytes });
} finally {
  await pagefind.close();
}
