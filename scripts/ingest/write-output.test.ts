import { mkdtemp, readdir, readFile, rm, stat, writeFile, mkdir } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { removeDetached, writeAtomically, writeShards } from './write-output.ts';

let root: string;
beforeEach(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), 'write-output-'));
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('writeAtomically', () => {
  it('replaces the previous output with the new one', async () => {
    const out = path.join(root, 'data');
    await mkdir(out);
    await writeFile(path.join(out, 'old.json'), 'old');
    const { oldRemoved } = await writeAtomically(out, async (temp) => {
      await writeFile(path.join(temp, 'new.json'), 'new');
    });
    expect(await readdir(out)).toEqual(['new.json']);
    await oldRemoved;
    expect(await readdir(root)).toEqual(['data']);
  });

  it('leaves the previous output untouched and no temp folder when the build fails part-way', async () => {
    const out = path.join(root, 'data');
    await mkdir(out);
    await writeFile(path.join(out, 'old.json'), 'old');
    await expect(
      writeAtomically(out, async (temp) => {
        await writeFile(path.join(temp, 'half.json'), 'half');
        throw new Error('disk on fire');
      }),
    ).rejects.toThrow('disk on fire');
    expect(await readdir(out)).toEqual(['old.json']);
    expect(await readFile(path.join(out, 'old.json'), 'utf8')).toBe('old');
    expect(await readdir(root)).toEqual(['data']);
  });

  it('creates the output and its parent when neither exists', async () => {
    const out = path.join(root, 'a', 'b', 'data');
    await writeAtomically(out, async (temp) => writeFile(path.join(temp, 'x.json'), '1'));
    expect(await readdir(out)).toEqual(['x.json']);
  });
});

describe('writeAtomically with a spare', () => {
  it('keeps the replaced output as the spare, and builds the next output in it', async () => {
    const out = path.join(root, 'data');
    const spare = { dir: path.join(root, 'cache', 'data.spare'), reuse: false, keep: true };
    await mkdir(path.dirname(spare.dir));
    await writeAtomically(out, async (temp) => writeFile(path.join(temp, 'one.json'), '1'));
    const first = await writeAtomically(out, async (temp, inSpare) => {
      expect(inSpare).toBe(false);
      await writeFile(path.join(temp, 'two.json'), '2');
    }, spare);
    await first.oldRemoved;
    expect(await readdir(spare.dir)).toEqual(['one.json']);
    const second = await writeAtomically(out, async (temp, inSpare) => {
      expect(inSpare).toBe(true);
      expect(await readdir(temp)).toEqual(['one.json']);
    }, { ...spare, reuse: true });
    await second.oldRemoved;
    expect(await readdir(out)).toEqual(['one.json']);
    expect(await readdir(spare.dir)).toEqual(['two.json']);
    expect(await readdir(root)).toEqual(['cache', 'data']);
  });

  it('builds in a new folder when the spare is missing, and removes a spare it does not keep', async () => {
    const out = path.join(root, 'data');
    const spare = { dir: path.join(root, 'data.spare'), reuse: true, keep: false };
    await writeAtomically(out, async (temp, inSpare) => {
      expect(inSpare).toBe(false);
      await writeFile(path.join(temp, 'one.json'), '1');
    }, spare);
    await mkdir(spare.dir);
    const { oldRemoved } = await writeAtomically(out, async (temp) => writeFile(path.join(temp, 'two.json'), '2'), { ...spare, reuse: false });
    await oldRemoved;
    expect(await readdir(root)).toEqual(['data']);
  });
});

describe('writeShards', () => {
  it('writes nested files and measures them', async () => {
    const { stats } = await writeShards(root, [
      { path: 'manifest.json', content: '{}' },
      { path: 'home/1.json', content: '[1,2]' },
      { path: 'articles/ab/abcd.json', content: '"نص"' },
    ]);
    expect(stats).toEqual({
      files: 3,
      bytes: 2 + 5 + 6,
      rewritten: 3,
      largestList: { path: 'home/1.json', bytes: 5 },
      largestArticle: { path: 'articles/ab/abcd.json', bytes: 6 },
    });
    expect(await readFile(path.join(root, 'articles/ab/abcd.json'), 'utf8')).toBe('"نص"');
  });

  it('links a file whose bytes did not change from the previous output, and writes the others', async () => {
    const old = path.join(root, 'old');
    const { hashes } = await writeShards(old, [
      { path: 'same.json', content: '"نفسه"' },
      { path: 'changed.json', content: '1' },
    ]);
    const next = path.join(root, 'next');
    const { stats } = await writeShards(next, [
      { path: 'same.json', content: '"نفسه"' },
      { path: 'changed.json', content: '2' },
      { path: 'new.json', content: '3' },
    ], { dir: old, hashes });
    expect(stats.rewritten).toBe(2);
    expect((await stat(path.join(next, 'same.json'))).ino).toBe((await stat(path.join(old, 'same.json'))).ino);
    expect((await stat(path.join(next, 'changed.json'))).ino).not.toBe((await stat(path.join(old, 'changed.json'))).ino);
    expect(await readFile(path.join(next, 'changed.json'), 'utf8')).toBe('2');
  });

  it('updates a spare in place, moving its stale files to the trash instead of deleting them', async () => {
    const live = path.join(root, 'live');
    const spare = path.join(root, 'spare');
    const trash = path.join(root, 'trash');
    const { hashes } = await writeShards(live, [
      { path: 'same.json', content: '1' },
      { path: 'relinked.json', content: '2' },
    ]);
    // The spare: same.json is the live file (linked), relinked.json an older version, gone.json only there.
    await writeShards(spare, [{ path: 'same.json', content: '1' }], { dir: live, hashes });
    await writeFile(path.join(spare, 'relinked.json'), 'old');
    await mkdir(path.join(spare, 'sub'));
    await writeFile(path.join(spare, 'sub/gone.json'), 'old');
    const { stats } = await writeShards(
      spare,
      [
        { path: 'same.json', content: '1' },
        { path: 'relinked.json', content: '2' },
        { path: 'new.json', content: '3' },
      ],
      { dir: live, hashes, stale: new Set(['relinked.json', 'sub/gone.json']), trash },
    );
    expect(stats.rewritten).toBe(1);
    expect(await readdir(spare)).toEqual(['new.json', 'relinked.json', 'same.json']);
    expect((await stat(path.join(spare, 'relinked.json'))).ino).toBe((await stat(path.join(live, 'relinked.json'))).ino);
    expect((await Promise.all((await readdir(trash)).map((name) => readFile(path.join(trash, name), 'utf8')))).sort()).toEqual(['old', 'old']);
    await removeDetached(trash);
    for (let tries = 0; tries < 100 && (await readdir(root)).includes('trash'); tries++) await new Promise((r) => setTimeout(r, 20));
    expect(await readdir(root)).not.toContain('trash');
  });

  it('writes a lone surrogate as U+FFFD, as Node does', async () => {
    await writeShards(root, [{ path: 'x.json', content: 'a\ud800b' }]);
    expect((await readFile(path.join(root, 'x.json'))).toString('hex')).toBe('61efbfbd62');
  });
});
