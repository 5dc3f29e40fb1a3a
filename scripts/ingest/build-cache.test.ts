import { mkdir, mkdtemp, readdir, readFile, rename, rm, utimes, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { folderId, hashBytes, hashFile, hasRacyInputs, inputHashes, KeptCounts, ParsedFiles, type CacheHead } from './build-cache.ts';
import type { KeepRecord } from './parse-json.ts';
import type { ParseResult } from './record.ts';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'build-cache-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** Hashes files and remembers which. */
function reader(): { read: (file: string) => Promise<string>; readFiles: string[] } {
  const readFiles: string[] = [];
  return { readFiles, read: (file) => (readFiles.push(path.basename(file)), hashFile(file)) };
}

describe('folderId', () => {
  it('follows a folder through a rename, and tells a folder made again at the same path from the old one', async () => {
    const out = path.join(dir, 'out');
    await mkdir(path.join(dir, 'staged'));
    const staged = await folderId(path.join(dir, 'staged'));
    await rename(path.join(dir, 'staged'), out);
    expect(await folderId(out)).toBe(staged);
    // Removed and made again: file systems hand the freed inode straight back, so the inode alone is not enough.
    for (let i = 0; i < 5; i++) {
      const before = await folderId(out);
      await rm(out, { recursive: true });
      await mkdir(out);
      expect(await folderId(out)).not.toBe(before);
    }
  });
});

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

describe('ParsedFiles', () => {
  const record = (i: number) => ({
    id: `r${i}`,
    title: `عنوان ${i}`,
    body: ['نص', `فقرة ${i}`],
    date: null,
    source: null,
    url: null,
    keywords: { joined: null, whole: [] },
    readAlso: [],
    image: null,
    file: 'in.jsonl',
    line: i + 1,
  });
  const result = {
    records: Array.from({ length: 50 }, (_, i) => record(i)),
    rejections: [{ file: 'in.jsonl', line: 9, reason: 'سبب' }],
    warnings: [{ file: 'in.jsonl', line: 3, message: 'تنبيه' }],
  } as unknown as ParseResult;
  /** A parse as plain data: every body read through its getter; without each record's hash. */
  const plain = (parsed: ParseResult) => ({ ...parsed, records: parsed.records.map(({ hash: _, ...r }) => ({ ...r })) });

  it('parses a file once and gives back the same result; a damaged entry is parsed again; unused ones are pruned', async () => {
    const cacheFile = path.join(dir, 'out-1.json');
    let parses = 0;
    const parse = async (keep: KeepRecord) => {
      parses++;
      const parsed = structuredClone(result);
      return { ...parsed, records: parsed.records.map(keep) };
    };
    const first = new ParsedFiles(cacheFile);
    expect(plain(await first.get('v1', 'in.jsonl', 'h1', parse))).toStrictEqual(result);
    first.close();
    const again = new ParsedFiles(cacheFile);
    expect(plain(await again.get('v1', 'in.jsonl', 'h1', parse))).toStrictEqual(result);
    again.close();
    expect(parses).toBe(1);
    // Each record's own hash: of its fields, not of its line.
    const hashes = (await again.get('v1', 'in.jsonl', 'h1', parse)).records.map((r) => r.hash);
    expect(new Set(hashes).size).toBe(50);
    const moved = async (records: ParseResult['records']) =>
      (await new ParsedFiles(path.join(dir, 'other.json')).get('v1', 'in.jsonl', String(records.length), async (keep) => ({ ...result, records: records.map(keep) }))).records.map((r) => r.hash);
    const shifted = structuredClone(result.records.slice(1)).map((r) => ({ ...r, line: r.line - 1 }));
    expect(await moved(shifted)).toEqual(hashes.slice(1));
    expect((await moved([{ ...structuredClone(result.records[0]!), body: ['نص آخر'] }]))[0]).not.toBe(hashes[0]);
    // Another version, name or hash is another entry.
    await new ParsedFiles(cacheFile).get('v2', 'in.jsonl', 'h1', parse);
    expect(parses).toBe(2);

    const parsedDir = path.join(dir, 'out-1.parsed');
    for (const name of await readdir(parsedDir)) {
      // Records that are not JSON, or a bodies file cut short: both are parsed again.
      await writeFile(path.join(parsedDir, name), name.endsWith('.bodies') ? '["نص"]' : 'not json');
    }
    const afterDamage = new ParsedFiles(cacheFile);
    expect(plain(await afterDamage.get('v1', 'in.jsonl', 'h1', parse))).toStrictEqual(result);
    expect(parses).toBe(3);
    afterDamage.prune();
    afterDamage.close();
    expect((await readdir(parsedDir)).sort()).toHaveLength(2);

    // A parse that reads well but says something else: a run that does not reuse (`--full`) parses again.
    for (const name of await readdir(parsedDir)) {
      if (name.endsWith('.bodies')) continue;
      const entry = path.join(parsedDir, name);
      await writeFile(entry, (await readFile(entry, 'utf8')).replace('عنوان 7', 'عنوان آخر'));
    }
    const reused = await new ParsedFiles(cacheFile).get('v1', 'in.jsonl', 'h1', parse);
    expect(reused.records[7]!.title).toBe('عنوان آخر');
    const full = new ParsedFiles(cacheFile, { reuse: false });
    expect(plain(await full.get('v1', 'in.jsonl', 'h1', parse))).toStrictEqual(result);
    full.close();
    expect(parses).toBe(4);
    expect((await new ParsedFiles(cacheFile).get('v1', 'in.jsonl', 'h1', parse)).records[7]!.title).toBe('عنوان 7');
  }, 30_000);

  it('reads a body only when it is asked for, and does not keep it', async () => {
    const cacheFile = path.join(dir, 'out-2.json');
    const kept: unknown[] = [];
    const first = new ParsedFiles(cacheFile);
    const fresh = await first.get('v1', 'in.jsonl', 'h1', async (keep) => {
      const parsed = structuredClone(result);
      // Each record is kept without its body as soon as it is handed over.
      const records = parsed.records.map((r) => {
        const record = keep(r);
        kept.push(Object.getOwnPropertyDescriptor(record, 'body'));
        return record;
      });
      return { ...parsed, records };
    });
    expect(kept.every((d) => d === undefined)).toBe(true);
    expect(fresh.records[7]!.body).toEqual(['نص', 'فقرة 7']);
    first.close();
    const files = new ParsedFiles(cacheFile);
    const parsed = await files.get('v1', 'in.jsonl', 'h1', () => Promise.reject(new Error('parsed again')));
    const bodies = path.join(dir, 'out-2.parsed', (await readdir(path.join(dir, 'out-2.parsed'))).find((n) => n.endsWith('.bodies'))!);
    expect(parsed.records[7]!.body).toEqual(['نص', 'فقرة 7']);
    // Read from the file each time: what is there now is what a reader gets.
    const text = await readFile(bodies, 'utf8');
    await writeFile(bodies, text.replace('فقرة 8"', 'فقرة 9"'));
    expect(parsed.records[8]!.body).toEqual(['نص', 'فقرة 9']);
    files.close();
  });
});

describe('KeptCounts', () => {
  it('gives back counts in their order; a damaged file, or a run that does not reuse, counts again; prune keeps what was used', async () => {
    const cacheFile = path.join(dir, 'out-3.json');
    const counts = new Map([['نهر', 3], ['جسر', 1], ['ا', 2]]);
    new KeptCounts(cacheFile).set('k1', counts);
    new KeptCounts(cacheFile).set('k2', new Map([['سوق', 1]]));
    const got = new KeptCounts(cacheFile).get('k1');
    expect(got && [...got]).toEqual([...counts]);
    expect(new KeptCounts(cacheFile).get('k3')).toBeNull();
    expect(new KeptCounts(cacheFile, { reuse: false }).get('k1')).toBeNull();

    const countsDir = path.join(dir, 'out-3.counts');
    await writeFile(path.join(countsDir, 'k2.json'), '[["سوق", "واحد"]]');
    expect(new KeptCounts(cacheFile).get('k2')).toBeNull();
    await writeFile(path.join(countsDir, 'k2.json'), '[["سوق", 1');
    expect(new KeptCounts(cacheFile).get('k2')).toBeNull();

    const run = new KeptCounts(cacheFile);
    run.get('k1');
    run.prune();
    expect(await readdir(countsDir)).toEqual(['k1.json']);
  });
});

describe('hasRacyInputs', () => {
  it('says when the head lists a file modified in the two seconds before its run looked', () => {
    const head = (mtimeMs: number): CacheHead =>
      ({ checkedAt: 100_000, inputs: [{ file: '/a', size: 1, mtimeMs: 10, hash: 'x' }, { file: '/b', size: 1, mtimeMs, hash: 'y' }] }) as CacheHead;
    expect(hasRacyInputs(head(97_000))).toBe(false);
    expect(hasRacyInputs(head(99_000))).toBe(true);
  });
});
