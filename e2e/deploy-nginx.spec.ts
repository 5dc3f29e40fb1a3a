/**
 * The deploy recipe, exercised: every journey runs against nginx with deploy/nginx.conf over the
 * production build (scripts/serve-nginx.ts, started by playwright.config.ts). Here, without a browser
 * where a crawler or a link preview has none: prerendered pages, the 404 status, feeds and sitemaps, cache
 * headers, gzip, MIME types; and the bytes a first visit really transfers.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { parseHtml, parseXml } from '../scripts/prerender/xml-test-helpers.ts';
import { strings } from '../src/shared/strings.ar.ts';
import { SCHEMA_VERSION } from '../src/data/schema.ts';
import { appPointerFile } from '../src/data/app-pointer.ts';
import { homePagePath } from '../src/data/paths.ts';
import { articleUrl, dataFile, distBuild, distPath, expect, homeShard, manifest, test } from './fixtures.ts';

const BUDGET_BYTES = 250 * 1024;

interface Transfer {
  url: string;
  status: number;
  encoding: string;
  bytes: number;
}

/** Loads `path` in a fresh page (empty cache) and sums what crossed the wire: headers + encoded bodies. */
async function firstVisit(
  page: Page,
  url: string,
  ready: (page: Page) => Promise<void>,
): Promise<Transfer[]> {
  const pending: Promise<Transfer>[] = [];
  page.on('requestfinished', (request) => {
    pending.push(
      (async () => {
        const response = await request.response();
        const sizes = await request.sizes();
        return {
          url: new URL(request.url()).pathname,
          status: response?.status() ?? 0,
          encoding: (await response?.headerValue('content-encoding')) ?? '-',
          bytes: sizes.responseHeadersSize + sizes.responseBodySize,
        };
      })(),
    );
  });
  await page.goto(url, { waitUntil: 'networkidle' });
  await ready(page);
  await page.waitForLoadState('networkidle');
  return Promise.all(pending);
}

/** The first view's bytes. The web font is fetched after the app starts, for the next page (src/app/web-fonts.ts). */
function printTransfers(label: string, all: Transfer[]): number {
  const forNextPage = (t: Transfer) => t.url.endsWith('.woff2');
  const transfers = all.filter((t) => !forNextPage(t));
  const total = transfers.reduce((sum, t) => sum + t.bytes, 0);
  const later = all.filter(forNextPage).reduce((sum, t) => sum + t.bytes, 0);
  const rows = transfers.map(
    (t) => `  ${String(t.bytes).padStart(8)}  ${t.status}  ${t.encoding.padEnd(4)}  ${t.url}`,
  );
  console.log(
    `${label}: ${total} bytes (${(total / 1024).toFixed(1)} KB) in ${transfers.length} responses, then ${later} bytes of web font for the next page\n${rows.join('\n')}`,
  );
  return total;
}

test.describe('deploy: nginx with deploy/nginx.conf', () => {
  const gzip = { headers: { 'accept-encoding': 'gzip' } };

  test('/ serves prerendered home as UTF-8 HTML that is always revalidated', async ({ request }) => {
    const response = await request.get('/');
    expect(response.status()).toBe(200);
    expect(response.headers()['content-type']).toBe('text/html; charset=utf-8');
    expect(response.headers()['cache-control']).toBe('no-cache');
    const doc = parseHtml(await response.text());
    expect(doc.documentElement.getAttribute('dir')).toBe('rtl');
    expect(doc.querySelector('h1')?.textContent).toBe(strings.home.heading);
    const titles = [...doc.querySelectorAll('main article h2')].map((h) => h.textContent);
    expect(titles).toEqual(homeShard().items.map((i) => i.title));
  });

  test('a shared link to an article carries its text and preview tags in the raw HTML', async ({ request }) => {
    const article = homeShard().items[0];
    if (!article) throw new Error('the build has no articles');
    const response = await request.get(articleUrl(article.id));
    expect(response.status()).toBe(200);
    expect(response.headers()['cache-control']).toBe('no-cache');
    const doc = parseHtml(await response.text());
    expect(doc.querySelector('h1')?.textContent).toBe(article.title);
    expect(doc.querySelector('meta[property="og:title"]')?.getAttribute('content')).toBe(article.title);
    expect(doc.querySelector('meta[property="og:type"]')?.getAttribute('content')).toBe('article');
    expect(doc.querySelector('meta[name="description"]')?.getAttribute('content')).toBeTruthy();
    expect(doc.querySelector('link[rel="canonical"]')?.getAttribute('href')).toMatch(/\/articles\//);
    const ld = [...doc.querySelectorAll('script[type="application/ld+json"]')].map((s) => JSON.parse(s.textContent ?? ''));
    expect(ld.map((d) => d['@type'])).toEqual(['NewsArticle', 'BreadcrumbList']);
  });

  for (const [label, path] of [
    ['an unknown article', '/articles/no-such-article'],
    ['an unknown tag', `/tags/${encodeURIComponent('وسم-لا-وجود-له')}`],
    ['an unknown topic', '/topics/atlantis'],
    ['an unknown page of home', '/page/999'],
    ['an unknown path', '/no/such/path'],
    ['the 404 page asked for by name', '/404'],
    ['the 404 page asked for by its file', '/404.html'],
  ]) {
    test(`${label} answers 404 with the Arabic 404 page`, async ({ request }) => {
      const response = await request.get(path!);
      expect(response.status()).toBe(404);
      expect(response.headers()['content-type']).toBe('text/html; charset=utf-8');
      const doc = parseHtml(await response.text());
      expect(doc.querySelector('h1')?.textContent).toBe(strings.notFound.title);
      expect(doc.querySelector('meta[name="robots"]')?.getAttribute('content')).toBe('noindex');
    });
  }

  test('a trailing slash redirects to the one URL of a page', async ({ request }) => {
    const topic = manifest().topics[0]!;
    const response = await request.get(`/topics/${topic.slug}/`, { maxRedirects: 0 });
    expect(response.status()).toBe(301);
    expect(response.headers()['location']).toBe(`/topics/${topic.slug}`);
  });

  test('a page asked for by its file name redirects to its URL', async ({ request }) => {
    const id = homeShard().items[0]!.id;
    for (const [from, to] of [
      ['/index', '/'],
      ['/index.html', '/'],
      [`/articles/${encodeURIComponent(id)}.html`, `/articles/${encodeURIComponent(id)}`],
      ['/search.html', '/search'],
    ]) {
      const response = await request.get(from!, { maxRedirects: 0 });
      expect(response.status(), from).toBe(301);
      expect(response.headers()['location'], from).toBe(to);
    }
  });

  test('/search with any query serves the search shell, and the app renders it', async ({ request, page }) => {
    const response = await request.get(`/search?q=${encodeURIComponent('روسيا')}`);
    expect(response.status()).toBe(200);
    // Crawlable, with every query URL folded into the shell (docs/decisions/046).
    const shell = parseHtml(await response.text());
    expect(shell.querySelector('meta[name="robots"]')).toBeNull();
    expect(shell.querySelector('link[rel="canonical"]')?.getAttribute('href')).toMatch(/^https?:\/\/[^/]+\/search$|^\/search$/);
    await page.goto(`/search?q=${encodeURIComponent('روسيا')}`);
    await expect(page.getByRole('heading', { level: 1, name: strings.searchPage.headingFor('روسيا') })).toBeVisible({ timeout: 15_000 });
  });

  for (const [label, path] of [
    ['a malformed escape (/tags/%E0%A4%A)', '/tags/%E0%A4%A'],
    ['an encoded path climbing out of the site', '/articles/..%2F..%2Fetc%2Fpasswd'],
  ]) {
    test(`${label} is refused by nginx itself with a 400, on the Arabic 404 page`, async ({ request }) => {
      // nginx rejects the request line before any location applies, so the app only ever meets such a
      // path through client-side navigation (covered in reader.spec.ts); the reader still gets our page.
      const response = await request.get(path!);
      expect(response.status()).toBe(400);
      expect(response.headers()['content-type']).toBe('text/html; charset=utf-8');
      expect(parseHtml(await response.text()).querySelector('h1')?.textContent).toBe(strings.notFound.title);
    });
  }

  test('feeds are Atom, well-formed, announced by the pages they follow', async ({ request }) => {
    const home = parseHtml(await (await request.get('/')).text());
    const announced = home.querySelector('link[rel="alternate"][type="application/atom+xml"]')?.getAttribute('href');
    expect(announced).toBe('/feed.xml');
    const topic = manifest().topics.find((t) => t.count > 0)!;
    for (const path of ['/feed.xml', `/topics/${topic.slug}/feed.xml`]) {
      const response = await request.get(path, gzip);
      expect(response.status(), path).toBe(200);
      expect(response.headers()['content-type']).toBe('application/atom+xml; charset=utf-8');
      const feed = parseXml(await response.text());
      expect(feed.getElementsByTagName('entry').length, path).toBeGreaterThan(0);
    }
  });

  test('sitemap.xml indexes sitemaps whose every URL is a page that answers 200', async ({ request }) => {
    expect((await request.get('/robots.txt')).status()).toBe(200);
    const index = parseXml(await (await request.get('/sitemap.xml')).text());
    const parts = [...index.getElementsByTagName('loc')].map((l) => new URL(l.textContent!, 'http://x').pathname);
    expect(parts).toContain('/sitemap-news.xml');
    const urls = parseXml(await (await request.get(parts[0]!)).text());
    const locs = [...urls.getElementsByTagName('loc')].map((l) => new URL(l.textContent!, 'http://x').pathname);
    expect(locs).toContain('/');
    expect(locs).toContain(articleUrl(homeShard().items[0]!.id));
    for (const loc of locs) expect((await request.get(loc)).status(), loc).toBe(200);
  });

  test("data shards are UTF-8 JSON in their build's folder, cached for a year", async ({ request }) => {
    const response = await request.get(dataFile('manifest.json'));
    expect(response.status()).toBe(200);
    expect(response.headers()['content-type']).toBe('application/json; charset=utf-8');
    expect(response.headers()['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(await response.json()).toMatchObject({ schemaVersion: SCHEMA_VERSION });
  });

  test('build.json names the deployed build and is always revalidated', async ({ request }) => {
    const response = await request.get('/data/build.json');
    expect(response.status()).toBe(200);
    expect(response.headers()['cache-control']).toBe('no-cache');
    expect(await response.json()).toEqual(distBuild());
  });

  test("the app's pointer names its data build and is always revalidated", async ({ request }) => {
    const response = await request.get(`/data/${appPointerFile(distBuild().app)}`);
    expect(response.status()).toBe(200);
    expect(response.headers()['content-type']).toBe('application/json; charset=utf-8');
    expect(response.headers()['cache-control']).toBe('no-cache');
    expect(await response.json()).toEqual(distBuild());
  });

  for (const [label, path] of [
    ['a missing shard', dataFile('nope.json')],
    ['a missing article shard', dataFile('articles/00/0000000000000000.json')],
    ['a missing asset (a stale chunk after a deploy)', '/assets/index-gone.js'],
  ]) {
    test(`${label} is a real 404, not index.html`, async ({ request }) => {
      const response = await request.get(path as string);
      expect(response.status()).toBe(404);
      expect(response.headers()['cache-control'], 'a 404 is not cached').toBeUndefined();
    });
  }

  test('hashed assets are cached for a year, immutable', async ({ request }) => {
    const html = readFileSync(distPath('index.html'), 'utf8');
    const script = /<meta name="app-entry" content="([^"]+)"/.exec(html)?.[1];
    expect(script).toMatch(/^\/assets\/.+\.js$/);
    const response = await request.get(script as string);
    expect(response.status()).toBe(200);
    expect(response.headers()['content-type']).toBe('application/javascript; charset=utf-8');
    expect(response.headers()['cache-control']).toBe('public, max-age=31536000, immutable');
  });

  test('JS, CSS and JSON are gzipped; woff2 is sent as is', async ({ request }) => {
    const html = readFileSync(distPath('index.html'), 'utf8');
    const script = /<meta name="app-entry" content="([^"]+)"/.exec(html)?.[1] as string;
    const style = /<link rel="stylesheet"[^>]*href="([^"]+)"/.exec(html)?.[1] as string;
    for (const path of [script, style, dataFile('manifest.json'), dataFile(homePagePath(0))]) {
      const response = await request.get(path, gzip);
      expect.soft(response.headers()['content-encoding'], path).toBe('gzip');
      expect.soft(response.headers()['vary'], path).toBe('Accept-Encoding');
    }
    const font = readdirSync(distPath('assets')).find((file) => file.endsWith('.woff2'));
    if (font) {
      const response = await request.get(`/assets/${font}`, gzip);
      expect(response.headers()['content-type']).toBe('font/woff2');
      expect(response.headers()['content-encoding']).toBeUndefined();
    }
  });

  test('Pagefind and wasm files get their MIME types, and its own gzip files say so', async ({ request }) => {
    const folder = [`data/${distBuild().data}/pagefind`].find((dir) => existsSync(distPath(dir, 'pagefind.js')));
    test.skip(!folder, 'this build has no Pagefind index');
    const files = readdirSync(distPath(folder as string));
    const expected: [RegExp, string][] = [
      [/^pagefind\.js$/, 'application/javascript; charset=utf-8'],
      [/^pagefind-entry\.json$/, 'application/json; charset=utf-8'],
      [/\.pf_meta$/, 'application/octet-stream'],
      [/\.pagefind$/, 'application/octet-stream'],
      [/\.wasm$/, 'application/wasm'],
    ];
    let checked = 0;
    for (const [pattern, type] of expected) {
      const file = files.find((name) => pattern.test(name));
      if (!file) continue;
      const response = await request.get(`/${folder}/${file}`, gzip);
      expect.soft(response.status(), file).toBe(200);
      expect.soft(response.headers()['content-type'], file).toBe(type);
      if (type === 'application/octet-stream') {
        // Pagefind gzips these itself: sent as they are, saying gzip, so the client inflates them once and
        // finds Pagefind's signature (Pagefind then skips inflating them in JavaScript).
        expect.soft(response.headers()['content-encoding'], file).toBe('gzip');
        expect.soft((await response.body()).subarray(0, 12).toString('latin1'), file).toBe('pagefind_dcd');
      }
      checked++;
    }
    expect(checked).toBeGreaterThanOrEqual(3);
  });

  test('bytes transferred by a first visit to home and to an article', async ({
    page,
    browser,
  }, testInfo) => {
    const home = await firstVisit(page, '/', async (p) => {
      await expect(p.getByRole('link', { name: homeShard().items[0]?.title }).first()).toBeVisible();
    });
    const homeBytes = printTransfers('first view of home through nginx (gzip)', home);

    const article = homeShard().items[0];
    if (!article) throw new Error('the build has no articles');
    // A new context: an empty cache, as for a reader who arrives from a shared link.
    const context = await browser.newContext({ baseURL: testInfo.project.use.baseURL });
    const fresh = await context.newPage();
    const articleTransfers = await firstVisit(fresh, articleUrl(article.id), async (p) => {
      await expect(p.getByRole('heading', { level: 1, name: article.title })).toBeVisible();
    });
    await context.close();
    const articleBytes = printTransfers('first view of an article through nginx (gzip)', articleTransfers);

    testInfo.annotations.push(
      { type: 'home bytes', description: String(homeBytes) },
      { type: 'article bytes', description: String(articleBytes) },
    );
    expect(
      home.every((t) => t.status < 400),
      'every response of home succeeded',
    ).toBe(true);
    expect(homeBytes).toBeLessThanOrEqual(BUDGET_BYTES);
    expect(articleBytes).toBeLessThanOrEqual(BUDGET_BYTES);
  });
});
