import { mkdtemp, readFile, rm, utimes, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashBytes, inputHashes } from './build-cache.ts';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'build-cache-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** Reads files and remembers which. */
function reader(): { read: (file: string) => Promise<Buffer>; readFiles: string[] } {
  const readFiles: string[] = [];
  return { readFiles, read: (file) => (readFiles.push(path.basename(file)), readFile(file)) };
}

describe('inputHashes', () => {
  it('reads only the files whose size or mtime moved, or that were written just before the last look', async () => {
    const [a, b, c, d] = ['a.jsonl', 'b.jsonl', 'c.jsonl', 'd.jsonl'].map((name) => path.join(dir, name));
    const hour = Date.now() / 1000 - 3600;
    for (const file of [a!, b!, c!]) {
      await writeFile(file, `{"title":"${path.basename(file)}"}`);
      await utimes(file, hour, hour);
    }
    await writeFile(d!, '{"title":"racy"}');
    const first = reader();
    const stamps = await inputHashes([a!, b!, c!, d!], first.read, null);
    expect(first.readFiles).toEqual(['a.jsonl', 'b.jsonl', 'c.jsonl', 'd.jsonl']);
    expect(stamps[0]!.hash).toBe(hashBytes(await readFile(a!)));

    // b: same size, new mtime; c: new size, old mtime; d: unchanged but written in the second the cache looked.
    await writeFile(b!, '{"title":"B.jsonl"}');
    await writeFile(c!, '{"title":"a longer title"}');
    await utimes(c!, hour, hour);
    const second = reader();
    const again = await inputHashes([a!, b!, c!, d!], second.read, { inputs: stamps, checkedAt: Date.now() });
    expect(second.readFiles).toEqual(['b.jsonl', 'c.jsonl', 'd.jsonl']);
    expect(again.map((s) => s.hash)).toEqual(await Promise.all([a!, b!, c!, d!].map(async (f) => hashBytes(await readFile(f)))));
  });
});
