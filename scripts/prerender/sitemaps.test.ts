import { describe, expect, it } from 'vitest';
import { MAX_SITEMAP_URLS, newsWindow, robotsTxt, sitemapFiles, type SitemapEntry } from './sitemaps.ts';
import { parseXml } from './xml-test-helpers.ts';

const site = { origin: 'https://news.example.org' };
const hour = 3_600_000;
const at = (h: number) => new Date(Date.UTC(2024, 5, 10) - h * hour).toISOString();

describe('sitemapFiles', () => {
  it('puts at most 50,000 URLs in a file', () => {
    const entries = Array.from({ length: MAX_SITEMAP_URLS + 1 }, (_, i) => ({
      path: `/articles/a${i}`,
      lastmod: null,
    }));
    const files = sitemapFiles(site, entries, []);
    expect(files.map((f) => f.text.split('<url>').length - 1)).toEqual([0, MAX_SITEMAP_URLS, 1, 0]);
  });

  it('splits into parts under one index', () => {
    const entries: SitemapEntry[] = Array.from({ length: 2 * 3 + 1 }, (_, i) => ({
      path: `/articles/a${i}`,
      lastmod: i % 2 ? at(i) : null,
    }));
    const files = sitemapFiles(site, entries, [], 3);
    expect(files.map((f) => f.path)).toEqual([
      '/sitemap.xml',
      '/sitemap-1.xml',
      '/sitemap-2.xml',
      '/sitemap-3.xml',
      '/sitemap-news.xml',
    ]);
    const counts = files.slice(1, 4).map((f) => parseXml(f.text).getElementsByTagName('url').length);
    expect(counts).toEqual([3, 3, 1]);
    const index = parseXml(files[0]!.text);
    const locs = [...index.getElementsByTagName('loc')].map((l) => l.textContent);
    expect(locs).toEqual(files.slice(1).map((f) => `https://news.example.org${f.path}`));
    expect(index.getElementsByTagName('lastmod')[0]!.textContent).toBe(at(1));
  });

  it('escapes URLs and leaves lastmod out for an undated page', () => {
    const [, part] = sitemapFiles(site, [{ path: '/tags/a&b', lastmod: null }], []);
    const doc = parseXml(part!.text);
    expect(doc.getElementsByTagName('loc')[0]!.textContent).toBe('https://news.example.org/tags/a&b');
    expect(doc.getElementsByTagName('lastmod')).toHaveLength(0);
  });

  it('writes a Google News sitemap of the 48 hours before the newest article', () => {
    const news = [
      { path: '/articles/new', title: 'جديد & <مهم>', date: at(0) },
      { path: '/articles/day', title: 'أمس', date: at(47) },
      { path: '/articles/old', title: 'قديم', date: at(49) },
    ];
    const file = sitemapFiles(site, [], news).find((f) => f.path === '/sitemap-news.xml')!;
    const doc = parseXml(file.text);
    const locs = [...doc.getElementsByTagName('loc')].map((l) => l.textContent);
    expect(locs).toEqual(['https://news.example.org/articles/new', 'https://news.example.org/articles/day']);
    expect(doc.getElementsByTagName('news:title')[0]!.textContent).toBe('جديد & <مهم>');
    expect(doc.getElementsByTagName('news:language')[0]!.textContent).toBe('ar');
  });

  it('has an empty news window when nothing is dated', () => {
    expect(newsWindow([])).toEqual([]);
  });
});

describe('robotsTxt', () => {
  it('names the sitemap', () => {
    expect(robotsTxt(site)).toContain('Sitemap: https://news.example.org/sitemap.xml');
  });

  it('names no sitemap when the site has no absolute URL', () => {
    expect(robotsTxt({ origin: null })).not.toContain('Sitemap');
  });
});
