import { describe, expect, it } from 'vitest';
import { articlePath, homePagePath, manifestPath, tagPagePath, topicListPath, topicPagePath } from '../../src/data/paths.ts';
import {
  PAGE_SIZE,
  SCHEMA_VERSION,
  articleSchema,
  listPageSchema,
  manifestSchema,
  topicListSchema,
  type Article,
  type ListPage,
} from '../../src/data/schema.ts';
import { buildShards, makeExcerpt, readingMinutes } from './shard.ts';

const ukraine = { slug: 'ukraine', label: 'أوكرانيا' };
const karabakh = { slug: 'karabakh', label: 'كاراباخ' };

function article(i: number, extra: Partial<Article> = {}): Article {
  return {
    schemaVersion: SCHEMA_VERSION,
    id: `a${String(i).padStart(3, '0')}`,
    title: `عنوان الخبر ${i}`,
    date: `2024-01-01T00:00:${String(59 - (i % 60)).padStart(2, '0')}.000Z`,
    source: null,
    url: null,
    body: ['نص الخبر.'],
    readingMinutes: 1,
    tags: [],
    topics: [],
    related: [],
    readAlso: [],
    ...extra,
  };
}

function build(articles: Article[]): Map<string, unknown> {
  return new Map([...buildShards({ articles, topics: [ukraine, karabakh] })].map((f) => [f.path, JSON.parse(f.content)]));
}

describe('buildShards', () => {
  const articles = Array.from({ length: 30 }, (_, i) =>
    article(i, {
      tags: i % 3 === 0 ? [{ slug: 'جسور', label: 'جسور' }] : [],
      topics: i < 25 ? [ukraine] : [],
    }),
  );
  const files = build(articles);

  it('writes a manifest with counts and every topic in taxonomy order', () => {
    expect(manifestSchema.parse(files.get(manifestPath()))).toEqual({
      schemaVersion: SCHEMA_VERSION,
      pageSize: PAGE_SIZE,
      counts: { articles: 30, tags: 1, topics: 1 },
      topics: [
        { ...ukraine, count: 25 },
        { ...karabakh, count: 0 },
      ],
    });
  });

  it('writes the topic bar apart: the topics with an article, no count, the same when articles are added', () => {
    const topicList = topicListSchema.parse(files.get(topicListPath()));
    expect(topicList).toEqual({ schemaVersion: SCHEMA_VERSION, topics: [ukraine] });
    const more = build([...articles, article(30, { topics: [ukraine] })]);
    expect(more.get(manifestPath())).not.toEqual(files.get(manifestPath()));
    expect(more.get(topicListPath())).toEqual(topicList);
    expect(topicListSchema.parse(build([article(0, { topics: [karabakh] })]).get(topicListPath())).topics).toEqual([karabakh]);
  });

  it('pages home in the given order: the newest 24 first, the older ones counted from the oldest', () => {
    const first = listPageSchema.parse(files.get(homePagePath(0)));
    const older = listPageSchema.parse(files.get(homePagePath(1)));
    expect(first).toMatchObject({ page: 0, older: 1, newer: null, total: 30 });
    expect(first.items.map((s) => s.id)).toEqual(articles.slice(0, 24).map((a) => a.id));
    // Only the first page names the count: an older page stays the same bytes as articles arrive.
    expect(older).toMatchObject({ page: 1, older: null, newer: 0, total: null });
    expect(older.items.map((s) => s.id)).toEqual(articles.slice(24).map((a) => a.id));
    expect(files.has(homePagePath(2))).toBe(false);
  });

  it('keeps the older pages of a list as they were when articles arrive on top', () => {
    const many = Array.from({ length: 100 }, (_, i) => article(i + 100));
    const before = build(many);
    const after = build([article(99), article(98), ...many]);
    // 100 articles: the newest 24, then pages 1 to 3 (24, 24, 28); two more join the newest older page.
    expect(listPageSchema.parse(after.get(homePagePath(3))).items).toHaveLength(30);
    for (const page of [1, 2]) expect(after.get(homePagePath(page))).toEqual(before.get(homePagePath(page)));
    expect(after.get(homePagePath(0))).not.toEqual(before.get(homePagePath(0)));
  });

  it('writes topic and tag pages, and one page even for an empty topic', () => {
    const empty = listPageSchema.parse(files.get(topicPagePath('karabakh', 0)));
    expect(empty).toMatchObject({ kind: 'topic', slug: 'karabakh', label: 'كاراباخ', page: 0, older: null, total: 0, items: [] });
    const tagPage = files.get(tagPagePath('جسور', 0)) as ListPage;
    expect(tagPage).toMatchObject({ kind: 'tag', slug: 'جسور', total: 10 });
    expect(listPageSchema.parse(files.get(topicPagePath('ukraine', 1))).items).toHaveLength(1);
  });

  it('writes every article under its path, valid against the schema', () => {
    for (const a of articles) expect(articleSchema.parse(files.get(articlePath(a.id)))).toEqual(a);
  });

  it('writes one home page when there are no articles', () => {
    const none = build([]);
    expect(listPageSchema.parse(none.get(homePagePath(0)))).toMatchObject({ page: 0, older: null, newer: null, total: 0, items: [] });
  });

  it('gives the same bytes for the same input', () => {
    const once = [...buildShards({ articles, topics: [ukraine] })];
    const twice = [...buildShards({ articles: structuredClone(articles), topics: [ukraine] })];
    expect(twice).toEqual(once);
  });
});

describe('readingMinutes', () => {
  it.each([
    [[], 1],
    [['كلمة'], 1],
    [[Array(200).fill('كلمة').join(' ')], 1],
    [[Array(201).fill('كلمة').join(' ')], 2],
    [[Array(150).fill('كلمة').join(' '), Array(150).fill('كلمة').join(' ')], 2],
  ])('%#: %j words → %i', (body, minutes) => {
    expect(readingMinutes(body)).toBe(minutes);
  });
});

describe('makeExcerpt', () => {
  it('keeps a short body whole', () => {
    expect(makeExcerpt(['جملة قصيرة.', 'وأخرى.'])).toBe('جملة قصيرة. وأخرى.');
  });

  it('cuts a long body at a word, near 160 characters', () => {
    const excerpt = makeExcerpt([Array(60).fill('كلمات').join(' ')]);
    expect(excerpt.endsWith('…')).toBe(true);
    expect(excerpt.length).toBeLessThanOrEqual(161);
    expect(excerpt.length).toBeGreaterThan(140);
    expect(excerpt.slice(0, -1).split(' ').every((w) => w === 'كلمات')).toBe(true);
  });
});

describe('buildShards with pictures', () => {
  const image = { src: '/images/a.jpg', alt: 'جسر', caption: 'الجسر', credit: 'رويترز', width: 1200, height: 800 };
  const files = build([article(1, { image }), article(2)]);

  it('keeps the picture on the article shard, valid against the schema', () => {
    expect(articleSchema.parse(files.get(articlePath('a001'))).image).toEqual(image);
  });

  it('gives the card its thumbnail src', () => {
    const home = listPageSchema.parse(files.get(homePagePath(0)));
    expect(home.items.map((item) => item.image)).toEqual(['/images/a.jpg', undefined]);
  });

  it('writes no image key for an article without a picture, so its bytes do not change', () => {
    const shard = [...buildShards({ articles: [article(2)], topics: [] })].find((f) => f.path === articlePath('a002'));
    expect(shard!.content).not.toContain('"image"');
  });
});
