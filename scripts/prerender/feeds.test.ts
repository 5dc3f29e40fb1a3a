import { describe, expect, it } from 'vitest';
import type { ArticleSummary } from '../../src/data/schema.ts';
import { atomFeed, FEED_SIZE, feedPath } from './feeds.ts';
import { parseXml } from './xml-test-helpers.ts';

const hostile = `عنوان & < > " ' ]]> </script> \u202eمقلوب\u202c \u200fعلامة`;

function item(i: number, over: Partial<ArticleSummary> = {}): ArticleSummary {
  return {
    id: `a/${i}?x`,
    title: `خبر رقم ${i}`,
    date: new Date(Date.UTC(2024, 0, 60 - i)).toISOString(),
    source: 'وكالة',
    excerpt: 'مقتطف',
    topics: [{ slug: 'karabakh', label: 'كاراباخ' }],
    ...over,
  };
}

const site = { origin: 'https://news.example.org' };

describe('atomFeed', () => {
  it('is well-formed with hostile text in every field, and gives it back as written', () => {
    const xml = atomFeed({
      site,
      kind: 'tag',
      slug: 'وسم & <x>',
      label: hostile,
      items: [
        item(1, {
          title: hostile,
          source: hostile,
          excerpt: hostile,
          topics: [{ slug: 'a&b', label: hostile }],
        }),
      ],
    });
    const doc = parseXml(xml);
    const entry = doc.getElementsByTagName('entry')[0]!;
    const title = entry.getElementsByTagName('title')[0]!.textContent;
    expect(title).toContain(`& < > " ' ]]> </script>`);
    expect(title).not.toContain('\u202e');
    expect(doc.documentElement.getAttribute('xml:lang')).toBe('ar');
  });

  it('holds the latest 50, newest first, with absolute links', () => {
    const items = Array.from({ length: 80 }, (_, i) => item(i));
    const doc = parseXml(atomFeed({ site, kind: 'home', slug: null, label: null, items }));
    const entries = [...doc.getElementsByTagName('entry')];
    expect(entries).toHaveLength(FEED_SIZE);
    expect(entries[0]!.getElementsByTagName('id')[0]!.textContent).toBe(
      'https://news.example.org/articles/a%2F0%3Fx',
    );
    const self = [...doc.getElementsByTagName('link')].find((l) => l.getAttribute('rel') === 'self');
    expect(self?.getAttribute('href')).toBe('https://news.example.org/feed.xml');
    expect(doc.getElementsByTagName('updated')[0]!.textContent).toBe(items[0]!.date);
  });

  it('gives an undated article no published date but still a valid updated', () => {
    const doc = parseXml(
      atomFeed({ site, kind: 'home', slug: null, label: null, items: [item(1, { date: null })] }),
    );
    expect(doc.getElementsByTagName('published')).toHaveLength(0);
    expect(doc.getElementsByTagName('entry')[0]!.getElementsByTagName('updated')[0]!.textContent).toMatch(
      /^\d{4}-/,
    );
  });

  it('lives beside the pages it follows', () => {
    expect(feedPath('home', null)).toBe('/feed.xml');
    expect(feedPath('topic', 'karabakh')).toBe('/topics/karabakh/feed.xml');
    expect(feedPath('tag', 'وقف-اطلاق-النار')).toBe(
      `/tags/${encodeURIComponent('وقف-اطلاق-النار')}/feed.xml`,
    );
  });
});
