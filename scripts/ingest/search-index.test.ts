import { readFile, readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { SCHEMA_VERSION, type Article } from '../../src/data/schema.ts';
import { buildLexicon } from '../../src/shared/lib/search-terms.ts';
import { aliasGroups, buildSearchIndex, planSlices, searchRecord, sliceKey } from './search-index.ts';
import { parseTaxonomy } from './taxonomy.ts';
import { tempDirs } from '../temp-dirs.ts';

const temp = tempDirs();

const taxonomy = parseTaxonomy({
  topics: [{ slug: 'karabakh', label: 'كاراباخ', aliases: ['كراباخ', 'قره باغ'] }],
  tags: [{ label: 'أرمينيا', aliases: ['ارمينيا'] }, { label: 'روسيا' }],
});

function article(id: string, date: string | null, body: string): Article {
  return {
    schemaVersion: SCHEMA_VERSION,
    id,
    title: `عنوان ${id}`,
    date,
    source: 'مصدر',
    url: null,
    body: [body],
    readingMinutes: 1,
    tags: [{ slug: 'ارمينيا', label: 'أرمينيا' }],
    topics: [{ slug: 'karabakh', label: 'كاراباخ' }],
    related: [],
    readAlso: [],
  };
}

const articles = [
  article('a/1', '2023-09-25T00:00:00.000Z', 'قال المتحدث إن موسكو وأرمينيا تتابعان الوضع في كاراباخ.'),
  article('b', '2023-09-26T00:00:00.000Z', 'اجتمع مسؤول روسي مع نظيره.'),
  article('c', null, 'خبر بلا تاريخ.'),
];

describe('aliasGroups', () => {
  it('makes a group of each topic and of each tag with other spellings', () => {
    expect(aliasGroups(taxonomy).map((g) => [g.kind, g.forms[0]])).toEqual([
      ['topic', 'كاراباخ'],
      ['tag', 'أرمينيا'],
    ]);
  });
});

describe('planSlices', () => {
  const dated = (n: number): Article[] =>
    Array.from({ length: n }, (_, i) => article(`d${String(i).padStart(3, '0')}`, new Date(Date.UTC(2024, 0, 1 + i)).toISOString(), 'نص'));
  const ids = (slices: ReturnType<typeof planSlices>) => slices.map((s) => [s.index, s.articles.map((a) => a.id)]);

  it('cuts dated articles from the oldest, undated ones into slices of their own listed last', () => {
    expect(ids(planSlices(articles, 2))).toEqual([[0, ['b', 'a/1']], [1, ['c']]]);
    expect(ids(planSlices(articles, 1))).toEqual([[1, ['b']], [0, ['a/1']], [2, ['c']]]);
  });
  it('moves no dated slice when an undated article arrives', () => {
    const undated = (n: number): Article[] => Array.from({ length: n }, (_, i) => article(`u${i}`, null, 'نص'));
    const before = planSlices([...dated(40), ...undated(3)], 10);
    const after = planSlices([...undated(4), ...dated(40)], 10);
    expect(ids(after).slice(0, 4)).toEqual(ids(before).slice(0, 4));
    expect(ids(after)[4]).toEqual([4, ['u0', 'u1', 'u2', 'u3']]);
  });
  it('cuts all together, undated oldest, when the dated ones are fewer than half a slice', () => {
    const mixed = [...dated(4), article('u', null, 'نص')];
    expect(ids(planSlices(mixed, 10))).toEqual([[0, ['d003', 'd002', 'd001', 'd000', 'u']]]);
  });
  it('keeps one slice for a small corpus', () => {
    expect(planSlices(articles, 10)).toHaveLength(1);
  });
  it('leaves every older slice as it was when new articles arrive', () => {
    const before = planSlices(dated(40), 10);
    const after = planSlices(dated(47), 10);
    expect(ids(after).slice(1)).toEqual(ids(before));
    expect(after[0]!.articles).toHaveLength(7);
  });
  it('folds a tail under half a slice into the slice before', () => {
    expect(Math.max(...planSlices(dated(44), 10).map((s) => s.articles.length))).toBe(14);
  });
});

describe('searchRecord', () => {
  const record = searchRecord(articles[0]!, buildLexicon(aliasGroups(taxonomy)), () => true);
  it('links to the article with its id encoded', () => {
    expect(record.url).toBe('/articles/a%2F1');
  });
  it('carries title, date and source as meta, and the hidden terms', () => {
    expect(record.meta).toMatchObject({ title: 'عنوان a/1', date: '2023-09-25T00:00:00.000Z', source: 'مصدر' });
    expect(record.meta.terms?.split(' ')).toContain('ارمينيا');
  });
  it('filters by topic and tag slugs and sorts by date', () => {
    expect(record.filters).toEqual({ topic: ['karabakh'], tag: ['ارمينيا'] });
    expect(record.sort).toEqual({ date: '2023-09-25T00:00:00.000Z' });
  });
  it('gives an undated article a sort key, so sorted results keep it', () => {
    expect(searchRecord(articles[2]!, null, () => false).sort.date).toMatch(/^0000/);
  });
});

describe('buildSearchIndex', () => {
  it('writes a Pagefind bundle per slice and the search manifest', async () => {
    const dir = temp('search-index-');
    const kept = new Map<string, ReadonlyMap<string, number>>();
    const counts = {
      get: (key: string) => (kept.has(key) ? new Map(kept.get(key)) : null),
      set: (key: string, c: ReadonlyMap<string, number>) => void kept.set(key, c),
    };
    const stats = await buildSearchIndex(articles, dir, taxonomy, { sliceSize: 2, counts });
    expect([...kept.keys()].sort()).toEqual(stats.bundles.map((b) => b.key).sort());
    const root = path.join(dir, 'pagefind');
    const files = await readdir(root);
    expect(files).toEqual(expect.arrayContaining(['pagefind.js', 'pagefind-entry.json', 'wasm.ar.pagefind', 'search-manifest.json', 'slice-1']));
    expect(files.some((f) => f.includes('-ui.'))).toBe(false);
    expect(await readdir(path.join(root, 'slice-1'))).toContain('pagefind.js');
    const manifest = JSON.parse(await readFile(path.join(root, 'search-manifest.json'), 'utf8'));
    expect(manifest.slices.map((s: { path: string; count: number }) => [s.path, s.count])).toEqual([['', 2], ['slice-1/', 1]]);
    expect(manifest.topics).toEqual([{ slug: 'karabakh', label: 'كاراباخ' }]);
    expect(stats.files).toBeGreaterThan(10);
    expect(stats.bytes).toBeGreaterThan(0);
    expect(stats.built).toBe(2);

    // Again, with the first build as the previous one: nothing is built, every file is a hard link.
    const again = temp('search-index-');
    const previous = new Map(stats.bundles.map((b) => [b.key, { dir: path.join(root, b.path), files: b.files, bytes: b.bytes }]));
    // The slices' token counts come from the store: no body is counted again, and the vocabulary is the same.
    const noCounting = { get: counts.get, set: () => expect.unreachable('a reused slice was counted again') };
    const reused = await buildSearchIndex(articles, again, taxonomy, { sliceSize: 2, previous, counts: noCounting });
    expect(reused.built).toBe(0);
    expect(reused.bundles).toEqual(stats.bundles);
    expect(reused.shards).toEqual(stats.shards);
    const file = path.join('slice-1', stats.bundles[1]!.files[0]!);
    expect((await stat(path.join(again, 'pagefind', file))).ino).toBe((await stat(path.join(root, file))).ino);
  }, 60_000);

  it('builds the same bytes when one worker builds every slice as when each has its own', async () => {
    const base = temp('search-index-');
    const tree = async (root: string): Promise<Map<string, string>> => {
      const out = new Map<string, string>();
      for (const entry of await readdir(root, { withFileTypes: true, recursive: true })) {
        if (!entry.isFile()) continue;
        const full = path.join(entry.parentPath, entry.name);
        out.set(path.relative(root, full), (await readFile(full)).toString('base64'));
      }
      return out;
    };
    const [one, each] = ['one', 'each'].map((name) => path.join(base, name));
    await buildSearchIndex(articles, one!, taxonomy, { sliceSize: 1, parallel: 1 });
    await buildSearchIndex(articles, each!, taxonomy, { sliceSize: 1, parallel: 3 });
    const files = await tree(path.join(one!, 'pagefind'));
    expect([...files.keys()].filter((f) => f.endsWith('pagefind.js')).sort()).toEqual(['pagefind.js', 'slice-0/pagefind.js', 'slice-2/pagefind.js']);
    expect([...files.keys()].some((f) => f.startsWith('vocab/'))).toBe(true);
    expect(await tree(path.join(each!, 'pagefind'))).toEqual(files);
  }, 60_000);
});

describe('buildSearchIndex, when Pagefind rejects a record', () => {
  it('fails with the message Pagefind gives and stops its workers', async () => {
    const dir = temp('search-index-');
    // A source that is not a string reaches Pagefind, which refuses the record (nothing else reads it:
    // a title would also fail the vocabulary shards, which may now come first).
    const bad = { ...article('bad', '2023-09-27T00:00:00.000Z', 'نص.'), source: 5 as unknown as string };
    await expect(buildSearchIndex([bad, ...articles], dir, taxonomy, { sliceSize: 1, parallel: 2 })).rejects.toThrow(/pagefind/i);
    if (process.platform === 'linux') {
      // No Pagefind service of ours is left running (an exited one may wait to be reaped: state Z). A stopped
      // service takes a moment to exit, longer on a busy machine: wait for it, up to a bound.
      const running = async (): Promise<string[]> => {
        const pids: string[] = [];
        for (const pid of (await readdir('/proc')).filter((d) => /^\d+$/.test(d))) {
          const stat = await readFile(`/proc/${pid}/stat`, 'utf8').catch(() => '');
          const [state, ppid] = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
          if (stat.includes('(pagefind') && Number(ppid) === process.pid && state !== 'Z') pids.push(pid);
        }
        return pids;
      };
      await expect.poll(running, { timeout: 10_000 }).toEqual([]);
    }
  }, 60_000);
});

describe('buildSearchIndex, when a slice made ahead cannot be', () => {
  it('fails with that error where the slice is taken, not as an uncaught exception', async () => {
    const dir = temp('search-index-');
    // The oldest slice's body reads once (for the slice keys), then its source is gone: its records,
    // made while the newer slices index, fail.
    let reads = 0;
    const gone = Object.defineProperty({ ...articles[2]! }, 'body', {
      enumerable: true,
      get: () => {
        if (++reads > 1) throw new Error('the body is gone');
        return ['خبر بلا تاريخ.'];
      },
    });
    await expect(buildSearchIndex([articles[0]!, articles[1]!, gone], dir, taxonomy, { sliceSize: 1, parallel: 1 })).rejects.toThrow(
      'the body is gone',
    );
  }, 60_000);
});

describe('sliceKey', () => {
  const groups = aliasGroups(taxonomy);
  it('ignores related links but not the text', () => {
    const key = sliceKey(articles, 'v1', groups, false);
    const withRelated = articles.map((a) => ({ ...a, related: [{ id: 'x', title: 'ت', date: null, source: null, sharedTags: [] }] }));
    expect(sliceKey(withRelated, 'v1', groups, false)).toBe(key);
    expect(sliceKey([{ ...articles[0]!, title: 'آخر' }, ...articles.slice(1)], 'v1', groups, false)).not.toBe(key);
    expect(sliceKey(articles, 'v2', groups, false)).not.toBe(key);
  });
  it('keys an article by its id and origin when it has one, without reading its body', () => {
    const origins = new Map(articles.map((a) => [a.id, `origin-${a.id}`]));
    const key = sliceKey(articles, 'v1', groups, false, origins);
    const bodyless = articles.map((a) => ({ ...a, get body(): string[] { throw new Error('body read'); } }));
    expect(sliceKey(bodyless, 'v1', groups, false, origins)).toBe(key);
    expect(sliceKey(articles, 'v1', groups, false, new Map([...origins, ['b', 'another']]))).not.toBe(key);
    // The origin stands for the tags too: the pipeline's is the key of the article's topics (`topicsOf`).
    const retagged = [{ ...articles[0]!, tags: [{ slug: 'روسيا', label: 'روسيا' }] }, ...articles.slice(1)];
    expect(sliceKey(retagged, 'v1', groups, false, origins)).toBe(key);
    expect(key).not.toBe(sliceKey(articles, 'v1', groups, false));
  });
});
