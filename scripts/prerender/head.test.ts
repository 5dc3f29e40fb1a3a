import { describe, expect, it } from 'vitest';
import { SCHEMA_VERSION, type Article, type ArticleImage, type ListPage } from '../../src/data/schema.ts';
import { buildHead } from './head.ts';
import { parseHtml } from './xml-test-helpers.ts';

const site = { origin: 'https://news.example.org' };

function head(image?: ArticleImage) {
  const article: Article = {
    schemaVersion: SCHEMA_VERSION,
    id: 'p1',
    title: 'افتتاح جسر جديد',
    date: null,
    source: null,
    url: null,
    ...(image ? { image } : {}),
    body: ['افتتحت البلدية جسراً جديداً.'],
    readingMinutes: 1,
    tags: [],
    topics: [],
    related: [],
    readAlso: [],
  };
  const html = buildHead({ site, path: '/articles/p1', status: 200, title: article.title, view: { kind: 'article', article } });
  const doc = parseHtml(`<html><head>${html}</head></html>`);
  const meta = (key: string) =>
    [...doc.querySelectorAll(`meta[property="${key}"], meta[name="${key}"]`)].map((m) => m.getAttribute('content'));
  const [news] = [...doc.querySelectorAll('script[type="application/ld+json"]')].map(
    (s) => JSON.parse(s.textContent ?? '') as Record<string, unknown>,
  );
  return { meta, news };
}

const picture = (src: string): ArticleImage => ({ src, alt: 'الجسر', caption: null, credit: null, width: null, height: null });

describe('the head of an article with a picture', () => {
  it('gives link previews the picture as a whole address and a large card', () => {
    const { meta, news } = head(picture('/images/bridge.jpg'));
    expect(meta('og:image')).toEqual(['https://news.example.org/images/bridge.jpg']);
    expect(meta('og:image:alt')).toEqual(['الجسر']);
    expect(meta('twitter:card')).toEqual(['summary_large_image']);
    expect(meta('twitter:image')).toEqual(['https://news.example.org/images/bridge.jpg']);
    expect(news).toMatchObject({ '@type': 'NewsArticle', image: ['https://news.example.org/images/bridge.jpg'] });
  });

  it('keeps a picture on another host as it is', () => {
    expect(head(picture('https://cdn.example/a.jpg')).meta('og:image')).toEqual(['https://cdn.example/a.jpg']);
  });

  it('without a picture, keeps the small card and names no image', () => {
    const { meta, news } = head();
    expect(meta('og:image')).toEqual([]);
    expect(meta('twitter:card')).toEqual(['summary']);
    expect(news).not.toHaveProperty('image');
  });
});

describe('the head of a tag page', () => {
  const list = (page: number, total: number | null, dates: Array<string | null>): ListPage => ({
    schemaVersion: SCHEMA_VERSION,
    kind: 'tag',
    slug: 'economy',
    label: 'الاقتصاد',
    page,
    older: null,
    newer: page === 0 ? null : 0,
    total,
    items: dates.map((date, i) => ({ id: `a${i}`, title: 'خبر', date, source: null, excerpt: '', topics: [] })),
  });
  const description = (l: ListPage) => {
    const html = buildHead({ site, path: '/tags/economy', status: 200, title: 'الاقتصاد', view: { kind: 'list', list: l } });
    return parseHtml(`<html><head>${html}</head></html>`).querySelector('meta[name="description"]')?.getAttribute('content');
  };

  it('counts the articles on the first page, and gives an older page its days, not a count that moves', () => {
    expect(description(list(0, 30, ['2024-01-05T10:00:00.000Z']))).toBe('كل ما نشر قارئ الأخبار عن «الاقتصاد»: ٣٠ مقالاً.');
    expect(description(list(3, null, ['2024-01-05T10:00:00.000Z', '2024-01-03T08:00:00.000Z']))).toBe(
      'كل ما نشر قارئ الأخبار عن «الاقتصاد»: من ٣ يناير ٢٠٢٤ إلى ٥ يناير ٢٠٢٤. — صفحة ٣',
    );
    expect(description(list(1, null, [null]))).toBe('أخبار «الاقتصاد» في قارئ الأخبار. — صفحة ١');
  });
});
