/**
 * sitemap.xml as a sitemap index over files of at most 50,000 URLs (the protocol's limit), a Google News
 * sitemap of the articles published in the 48 hours before the newest one, and robots.txt naming both.
 */
import { strings } from '../../src/shared/strings.ar.ts';
import { absoluteUrl, type Site } from './site.ts';
import { escapeMarkup } from './text.ts';

export const MAX_SITEMAP_URLS = 50_000;
/** Google News reads articles of the last two days. */
export const NEWS_WINDOW_MS = 48 * 60 * 60 * 1000;

export interface SitemapEntry {
  /** Site-relative, as the app links to it. */
  path: string;
  /** ISO 8601, or null when the page has no date. */
  lastmod: string | null;
}

export interface NewsEntry {
  path: string;
  title: string;
  date: string;
}

export interface OutputFile {
  /** Site-relative path of the file, e.g. `/sitemap-1.xml`. */
  path: string;
  text: string;
}

const HEAD = '<?xml version="1.0" encoding="utf-8"?>';
const SITEMAP_NS = 'http://www.sitemaps.org/schemas/sitemap/0.9';

/** The index at /sitemap.xml, the part files it lists and the news sitemap; entries in a stable order. */
export function sitemapFiles(
  site: Site,
  entries: readonly SitemapEntry[],
  news: readonly NewsEntry[],
  maxUrls = MAX_SITEMAP_URLS,
): OutputFile[] {
  const sorted = [...entries].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const files: OutputFile[] = [];
  for (let i = 0; i * maxUrls < sorted.length || i === 0; i++) {
    const part = sorted.slice(i * maxUrls, (i + 1) * maxUrls);
    const urls = part.map(
      (e) =>
        `  <url><loc>${escapeMarkup(absoluteUrl(site, e.path))}</loc>${e.lastmod ? `<lastmod>${e.lastmod}</lastmod>` : ''}</url>`,
    );
    files.push({
      path: `/sitemap-${i + 1}.xml`,
      text: [HEAD, `<urlset xmlns="${SITEMAP_NS}">`, ...urls, '</urlset>', ''].join('\n'),
    });
  }
  const newsFile = { path: '/sitemap-news.xml', text: newsSitemap(site, news) };
  const index = [
    HEAD,
    `<sitemapindex xmlns="${SITEMAP_NS}">`,
    ...[...files, newsFile].map((f, i) => {
      const lastmod =
        i < files.length ? newest(sorted.slice(i * maxUrls, (i + 1) * maxUrls)) : newestNews(news);
      return `  <sitemap><loc>${escapeMarkup(absoluteUrl(site, f.path))}</loc>${lastmod ? `<lastmod>${lastmod}</lastmod>` : ''}</sitemap>`;
    }),
    '</sitemapindex>',
    '',
  ].join('\n');
  return [{ path: '/sitemap.xml', text: index }, ...files, newsFile];
}

/** The articles of the 48 hours up to the newest dated one, newest first. */
export function newsWindow(articles: readonly NewsEntry[]): NewsEntry[] {
  let newestTime = -Infinity;
  for (const a of articles) newestTime = Math.max(newestTime, Date.parse(a.date));
  if (!Number.isFinite(newestTime)) return [];
  return articles
    .filter((a) => newestTime - Date.parse(a.date) <= NEWS_WINDOW_MS)
    .sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : a.path < b.path ? -1 : 1));
}

function newsSitemap(site: Site, news: readonly NewsEntry[]): string {
  const x = escapeMarkup;
  const urls = newsWindow(news).map((a) =>
    [
      '  <url>',
      `    <loc>${x(absoluteUrl(site, a.path))}</loc>`,
      '    <news:news>',
      `      <news:publication><news:name>${x(strings.siteName)}</news:name><news:language>ar</news:language></news:publication>`,
      `      <news:publication_date>${a.date}</news:publication_date>`,
      `      <news:title>${x(a.title)}</news:title>`,
      '    </news:news>',
      '  </url>',
    ].join('\n'),
  );
  return [
    HEAD,
    `<urlset xmlns="${SITEMAP_NS}" xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">`,
    ...urls,
    '</urlset>',
    '',
  ].join('\n');
}

function newest(entries: readonly SitemapEntry[]): string | null {
  let best: string | null = null;
  for (const e of entries) if (e.lastmod !== null && (best === null || e.lastmod > best)) best = e.lastmod;
  return best;
}

function newestNews(news: readonly NewsEntry[]): string | null {
  return newest(news.map((n) => ({ path: n.path, lastmod: n.date })));
}

/** The Sitemap line needs an absolute URL: without SITE_URL there is none to give. */
export function robotsTxt(site: Site): string {
  const sitemap = site.origin === null ? [] : ['', `Sitemap: ${absoluteUrl(site, '/sitemap.xml')}`];
  return ['User-agent: *', 'Allow: /', ...sitemap, ''].join('\n');
}
