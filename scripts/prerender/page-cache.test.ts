import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDirs } from '../temp-dirs.ts';
import { globalKey, PageCache, type KeptPage } from './page-cache.ts';

const temp = tempDirs();

const page = (p: string): KeptPage => ({
  path: p,
  status: 200,
  file: `${p.slice(1)}.html`,
  bytes: 10,
  indexable: true,
  lastmod: null,
  news: null,
  feed: null,
});

function setUp() {
  const dir = temp('page-cache-');
  const data = path.join(dir, 'data');
  mkdirSync(path.join(data, 'articles'), { recursive: true });
  for (const name of ['manifest.json', 'articles/a.json', 'articles/b.json'])
    writeFileSync(path.join(data, name), name);
  const file = path.join(dir, 'cache.json');
  const first = new PageCache(file, globalKey(['app 1']), data, 'data 1');
  first.remember('/articles/a', page('/articles/a'), ['manifest.json', 'articles/a.json']);
  first.remember('/articles/b', page('/articles/b'), ['manifest.json', 'articles/b.json']);
  first.save();
  return { data, file };
}

describe('PageCache', () => {
  it('keeps a page whose data files did not change, and only that one', () => {
    const { data, file } = setUp();
    // A new version of a.json: a new file, as the ingest writes it.
    writeFileSync(path.join(data, 'articles/a.new'), 'a2');
    renameSync(path.join(data, 'articles/a.new'), path.join(data, 'articles/a.json'));
    const next = new PageCache(file, globalKey(['app 1']), data, 'data 1');
    expect(next.knownPaths().sort()).toEqual(['/articles/a', '/articles/b']);
    expect(next.unchanged('/articles/a')).toBeNull();
    expect(next.unchanged('/articles/b')).toEqual(page('/articles/b'));
    expect(next.unchanged('/articles/c')).toBeNull();
  });

  it("takes the ingest's change list from the cache's data at its word, and ignores one from other data", () => {
    const { data, file } = setUp();
    for (const name of ['a', 'b']) {
      writeFileSync(path.join(data, `articles/${name}.new`), `${name}2`);
      renameSync(path.join(data, `articles/${name}.new`), path.join(data, `articles/${name}.json`));
    }
    const changes = (from: string) => ({ from, paths: ['articles/a.json'] });
    const next = new PageCache(file, globalKey(['app 1']), data, 'data 2', false, changes('data 1'));
    expect(next.unchanged('/articles/a')).toBeNull();
    // b.json changed on disk, but the list says not: it is not looked at.
    expect(next.unchanged('/articles/b')).toEqual(page('/articles/b'));
    const other = new PageCache(file, globalKey(['app 1']), data, 'data 2', false, changes('data 0'));
    expect(other.unchanged('/articles/b')).toBeNull();
  });

  it('keeps no page that read a file shared with others once it changed', () => {
    const { data, file } = setUp();
    writeFileSync(path.join(data, 'manifest.new'), 'm2');
    renameSync(path.join(data, 'manifest.new'), path.join(data, 'manifest.json'));
    const next = new PageCache(file, globalKey(['app 1']), data, 'data 1');
    expect(next.unchanged('/articles/a')).toBeNull();
    expect(next.unchanged('/articles/b')).toBeNull();
  });

  it('keeps nothing when a data file is gone, when the app changed, with full, or when the cache is garbled', () => {
    const { data, file } = setUp();
    expect(new PageCache(file, globalKey(['app 2']), data, 'data 1').unchanged('/articles/b')).toBeNull();
    expect(new PageCache(file, globalKey(['app 1']), data, 'data 1', true).unchanged('/articles/b')).toBeNull();
    renameSync(path.join(data, 'articles/b.json'), path.join(data, 'b.json'));
    expect(new PageCache(file, globalKey(['app 1']), data, 'data 1').unchanged('/articles/b')).toBeNull();
    writeFileSync(file, '{"format":2,');
    expect(new PageCache(file, globalKey(['app 1']), data, 'data 1').knownPaths()).toEqual([]);
  });

  it('knows a build of the same data, app and site', () => {
    const { data, file } = setUp();
    expect(new PageCache(file, globalKey(['app 1']), data, 'data 1').sameBuild()).toBe(true);
    expect(new PageCache(file, globalKey(['app 1']), data, 'data 1').lastBuild()).toEqual({ pages: 2, bytes: 20 });
    expect(new PageCache(file, globalKey(['app 1']), data, 'data 2').sameBuild()).toBe(false);
    expect(new PageCache(file, globalKey(['app 2']), data, 'data 1').sameBuild()).toBe(false);
    expect(new PageCache(file, globalKey(['app 1']), data, 'data 1', true).sameBuild()).toBe(false);
  });

  it('carries a kept page over to the next cache', () => {
    const { data, file } = setUp();
    const second = new PageCache(file, globalKey(['app 1']), data, 'data 1');
    expect(second.unchanged('/articles/b')).not.toBeNull();
    second.save();
    expect(new PageCache(file, globalKey(['app 1']), data, 'data 1').knownPaths()).toEqual(['/articles/b']);
  });
});
