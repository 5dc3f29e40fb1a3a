import { describe, expect, it } from 'vitest';
import { SCHEMA_VERSION, type Article, type ArticleImage } from '../../src/data/schema.ts';
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
