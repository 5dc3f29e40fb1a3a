import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { SCHEMA_VERSION, type Article } from '../../src/data/schema.ts';
import { buildLexicon } from '../../src/shared/lib/search-terms.ts';
import { aliasGroups, buildSearchIndex, planSlices, searchRecord } from './search-index.ts';
import { parseTaxonomy } from './taxonomy.ts';

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
  it('orders newest first and cuts slices of the given size', () => {
    expect(planSlices(articles, 2).map((s) => s.map((a) => a.id))).toEqual([['b', 'a/1'], ['c']]);
  });
  it('keeps one slice for a small corpus', () => {
    expect(planSlices(articles, 10)).toHaveLength(1);
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
  let dir = '';
  afterAll(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('writes a Pagefind bundle per slice and the search manifest', async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'search-index-'));
    const stats = await buildSearchIndex(articles, dir, taxonomy, { sliceSize: 2 });
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
  }, 60_000);
});
