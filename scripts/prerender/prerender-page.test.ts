/**
 * A whole prerendered file, made as the build makes it (the app's renderer, the head builder, the
 * template) from the fixture site, and read back as a browser and a crawler read it.
 */
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { HYDRATION_ELEMENT_ID, type HydrationPayload } from '../../src/app/hydration.ts';
import { createPageRenderer } from '../../src/app/render-page.tsx';
import { articleHref, homeHref, tagHref, topicHref } from '../../src/shared/lib/hrefs.ts';
import { inlineJson } from '../../src/shared/lib/inline-json.ts';
import { strings } from '../../src/shared/strings.ar.ts';
import {
  buildFixtureFiles,
  hostileArticle,
  leadArticle,
  topics,
  undatedArticle,
} from '../../src/test/fixtures/data.ts';
import { stubDataFetch } from '../../src/test/fixtures/fetch-stub.ts';
import { documentRenderer } from './document.ts';
import { buildHead, DESCRIPTION_MAX } from './head.ts';
import { pageLinks } from './page-files.ts';
import { machineText } from './text.ts';
import { parseHtml } from './xml-test-helpers.ts';

const renderDocument = documentRenderer(readFileSync(new URL('../../index.html', import.meta.url), 'utf8'));
const site = { origin: 'https://news.example.org' };

afterEach(() => {
  vi.unstubAllGlobals();
});

async function prerendered(path: string) {
  stubDataFetch(buildFixtureFiles());
  const page = await createPageRenderer(site.origin)(path);
  if (page.kind !== 'page') throw new Error(`${path} redirected`);
  const head = buildHead({ site, path, status: page.status, title: page.title, view: page.view });
  const text = renderDocument({
    title: page.title,
    head,
    html: page.html,
    hydration: page.hydration,
  });
  const doc = parseHtml(text);
  const meta = (key: string) =>
    [...doc.querySelectorAll(`meta[property="${key}"], meta[name="${key}"]`)].map((m) =>
      m.getAttribute('content'),
    );
  const jsonLd = [...doc.querySelectorAll('script[type="application/ld+json"]')].map(
    (s) => JSON.parse(s.textContent ?? '') as Record<string, unknown>,
  );
  const hydration = JSON.parse(
    doc.getElementById(HYDRATION_ELEMENT_ID)?.textContent ?? 'null',
  ) as HydrationPayload;
  return { page, text, doc, meta, jsonLd, hydration };
}

describe('a prerendered article', { timeout: 20_000 }, () => {
  it('carries the article, its head and its data', async () => {
    const { doc, meta, jsonLd, hydration, page, text } = await prerendered(articleHref(leadArticle.id));
    expect(page.status).toBe(200);
    expect(doc.title).toBe(leadArticle.title + strings.titleSuffix);
    expect(doc.querySelectorAll('title')).toHaveLength(1);
    expect(doc.querySelector('h1')?.textContent).toBe(leadArticle.title);
    expect(doc.querySelector('link[rel="canonical"]')?.getAttribute('href')).toBe(
      `https://news.example.org/articles/${leadArticle.id}`,
    );
    const [description] = meta('description');
    expect(meta('description')).toHaveLength(1);
    expect(description!.length).toBeLessThanOrEqual(DESCRIPTION_MAX);
    expect(leadArticle.body[0]!.startsWith(description!.replace(/…$/, ''))).toBe(true);
    expect(meta('og:type')).toEqual(['article']);
    expect(meta('og:title')).toEqual([leadArticle.title]);
    expect(meta('og:locale')).toEqual(['ar_AR']);
    expect(meta('og:site_name')).toEqual([strings.siteName]);
    expect(meta('og:url')).toEqual([`https://news.example.org/articles/${leadArticle.id}`]);
    expect(meta('article:published_time')).toEqual([leadArticle.date]);
    expect(meta('article:section')).toEqual([topics.karabakh.label]);
    expect(meta('article:tag')).toEqual(leadArticle.tags.map((t) => t.label));
    expect(meta('twitter:card')).toEqual(['summary']);

    const [news, crumbs] = jsonLd;
    expect(news).toMatchObject({
      '@type': 'NewsArticle',
      headline: leadArticle.title,
      datePublished: leadArticle.date,
      dateModified: leadArticle.date,
      inLanguage: 'ar',
      keywords: leadArticle.tags.map((t) => t.label),
      articleSection: topics.karabakh.label,
      publisher: { '@type': 'Organization', name: strings.siteName },
      mainEntityOfPage: { '@id': `https://news.example.org/articles/${leadArticle.id}` },
      isAccessibleForFree: true,
    });
    expect(crumbs).toMatchObject({ '@type': 'BreadcrumbList' });
    expect((crumbs!.itemListElement as unknown[]).length).toBe(3);

    expect(hydration.hydrate).toBe(true);
    // Not the manifest: its counts move with every article added, and an article page shows none.
    expect(hydration.queries.queries.map((q) => q.queryKey[0]).sort()).toEqual(['articles', 'topics']);
    // The topic list travels once, as a query: the root's loader data does not repeat it.
    expect(hydration.loaderData.root).toBeNull();
    const topicList = hydration.queries.queries.find((q) => q.queryKey[0] === 'topics')!.state.data;
    expect(text.split(inlineJson(topicList))).toHaveLength(2);
    const feed = doc.querySelector('link[rel="alternate"][type="application/atom+xml"]');
    expect(feed?.getAttribute('href')).toBe('https://news.example.org/feed.xml');
  });

  it('links its tags and related articles, which the crawl follows', async () => {
    const { page } = await prerendered(articleHref(leadArticle.id));
    const links = pageLinks(page.html);
    for (const tag of leadArticle.tags) expect(links).toContain(tagHref(tag.slug));
    expect(links).toContain(articleHref('a03'));
    expect(links).toContain(topicHref(topics.karabakh.slug));
  });

  it('keeps hostile text inert in the page, the head and JSON-LD', async () => {
    const { doc, text, meta, jsonLd } = await prerendered(articleHref(hostileArticle.id));
    // The template's theme script and module script, the JSON-LD and the hydration data: nothing more.
    const scripts = [...doc.querySelectorAll('script')].map((s) => s.getAttribute('type') ?? 'classic');
    expect(scripts.sort()).toEqual([
      'application/json',
      'application/ld+json',
      'application/ld+json',
      'classic',
      'module',
    ]);
    expect(doc.querySelector('h1')?.textContent).toBe(hostileArticle.title);
    expect(meta('og:title')).toEqual([machineText(hostileArticle.title)]);
    expect(jsonLd[0]).toMatchObject({ headline: machineText(hostileArticle.title) });
    expect(JSON.stringify(jsonLd)).not.toMatch(/\u202e/);
    expect(JSON.stringify(jsonLd)).not.toContain(String.fromCharCode(7));
    expect(text).not.toContain('<script>alert');
  });

  it('gives an undated article no published time', async () => {
    const { meta, jsonLd } = await prerendered(articleHref(undatedArticle.id));
    expect(meta('article:published_time')).toEqual([]);
    expect(jsonLd[0]).not.toHaveProperty('datePublished');
  });
});

describe('a prerendered list', { timeout: 20_000 }, () => {
  it('is a CollectionPage with breadcrumbs and its own feed', async () => {
    const { doc, jsonLd, meta, page } = await prerendered(topicHref(topics.karabakh.slug));
    expect(doc.querySelector('h1')?.textContent).toBe(topics.karabakh.label);
    expect(jsonLd.map((d) => d['@type'])).toEqual(['CollectionPage', 'BreadcrumbList']);
    expect(meta('og:type')).toEqual(['website']);
    const feeds = [...doc.querySelectorAll('link[rel="alternate"]')].map((l) => l.getAttribute('href'));
    expect(feeds).toEqual([
      'https://news.example.org/feed.xml',
      'https://news.example.org/topics/karabakh/feed.xml',
    ]);
    expect(pageLinks(page.html)).not.toContain(homeHref(1));
  });

  it('links to its older page by path, and the older page back to it', async () => {
    const { page, doc } = await prerendered(homeHref());
    expect(pageLinks(page.html)).toContain(homeHref(1));
    expect(doc.querySelector('a[rel="next"]')?.getAttribute('href')).toBe('/page/1');
    const older = await prerendered(homeHref(1));
    expect(older.doc.querySelector('a[rel="prev"]')?.getAttribute('href')).toBe('/');
    expect(older.doc.querySelector('a[rel="next"]')).toBeNull();
  });

  it('has a title unique to each page', async () => {
    const first = await prerendered(homeHref());
    const second = await prerendered(homeHref(1));
    expect(first.doc.title).not.toBe(second.doc.title);
  });
});

describe('pages that are not hydrated', { timeout: 20_000 }, () => {
  it('answers an unknown article with 404, noindex and no canonical', async () => {
    const { page, doc, meta, hydration } = await prerendered('/articles/nope');
    expect(page.status).toBe(404);
    expect(doc.querySelector('h1')?.textContent).toBe(strings.notFound.title);
    expect(meta('robots')).toEqual(['noindex']);
    expect(doc.querySelector('link[rel="canonical"]')).toBeNull();
    expect(hydration.hydrate).toBe(false);
  });

  it('prerenders /search as an indexable shell the browser renders afresh, its own canonical page', async () => {
    const { page, doc, hydration, meta } = await prerendered('/search');
    expect(page.status).toBe(200);
    expect(hydration.hydrate).toBe(false);
    expect(meta('robots')).toEqual([]);
    expect(doc.querySelector('link[rel="canonical"]')?.getAttribute('href')).toBe('https://news.example.org/search');
  });

  it('keeps the saved list out of search engines', async () => {
    const { meta, doc } = await prerendered('/saved');
    expect(meta('robots')).toEqual(['noindex']);
    expect(doc.querySelector('link[rel="canonical"]')).toBeNull();
  });
});
