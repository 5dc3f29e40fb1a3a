/**
 * The hostile corpus (e2e/fixtures/hostile) built into its own site and served by its own nginx with
 * deploy/nginx.conf: every article page, prerendered (JavaScript off) and hydrated, shows its text inert
 * and literal, opens no dialog, goes nowhere, asks no other origin for anything, and keeps the page's
 * right-to-left layout; every feed and sitemap parses as XML and every JSON-LD block as JSON.
 *
 * Builds dist-hostile/ first (about half a minute) unless E2E_HOSTILE_DIST names a built one; serves it on
 * E2E_HOSTILE_PORT (default: the journeys' port + 100).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { buildHostile, reportFileOf, type HostileReport } from '../scripts/build-hostile.ts';
import { BUILD_FILE, type BuildInfo } from '../src/data/build.ts';
import type { Article } from '../src/data/schema.ts';
import { articleUrl } from './fixtures.ts';

const PORT = Number(process.env.E2E_HOSTILE_PORT ?? Number(process.env.E2E_PORT ?? 4173) + 100);
const ORIGIN = `http://127.0.0.1:${PORT}`;
const OUT = process.env.E2E_HOSTILE_DIST ?? 'dist-hostile';
const DIST = path.resolve(OUT);

const BIDI_CONTROLS = /[\u202A-\u202E\u2066-\u2069]/;

let server: ChildProcess | undefined;
let report: HostileReport;

test.beforeAll(async () => {
  test.setTimeout(300_000);
  report = process.env.E2E_HOSTILE_DIST
    ? (JSON.parse(readFileSync(reportFileOf(OUT), 'utf8')) as HostileReport)
    : buildHostile(OUT);
  // Its own process group, so that stopping it stops nginx too.
  server = spawn(process.execPath, ['--import', 'tsx', 'scripts/serve-nginx.ts', '--root', DIST, '--port', String(PORT)], {
    stdio: 'ignore',
    detached: true,
  });
  await expect
    .poll(() => fetch(ORIGIN).then((r) => r.status, () => 0), { timeout: 30_000 })
    .toBe(200);
});

test.afterAll(() => {
  if (server?.pid !== undefined) process.kill(-server.pid, 'SIGTERM');
});

function files(dir: string, ext: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith(ext))
    .map((f) => path.join(dir, f))
    .sort();
}

/** The articles of the build's data folder, `data/<build>/articles/` (src/data/build.ts). */
function builtArticles(): Article[] {
  const build = JSON.parse(readFileSync(path.join(DIST, 'data', BUILD_FILE), 'utf8')) as BuildInfo;
  const dir = path.join(DIST, 'data', build.data, 'articles');
  return files(dir, '.json').map((f) => JSON.parse(readFileSync(f, 'utf8')) as Article);
}

/** What would betray live content: foreign elements, handler attributes, script that is not the app's. */
function liveMarkup(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const found: string[] = [];
    for (const el of document.querySelectorAll('*')) {
      for (const attr of el.getAttributeNames()) if (attr.startsWith('on')) found.push(`${el.tagName} ${attr}`);
      if (/^(IFRAME|OBJECT|EMBED|BASE|FRAME)$/.test(el.tagName)) found.push(el.tagName);
      if (el.tagName === 'IMG' && (el as HTMLImageElement).getAttribute('src') === 'x') found.push('img src=x');
    }
    for (const script of document.scripts) {
      const data = script.type === 'application/json' || script.type === 'application/ld+json';
      const own = script.src !== '' && new URL(script.src).origin === location.origin;
      if (!data && !own && script.text.includes('alert')) found.push(`script: ${script.text.slice(0, 60)}`);
      if (data && script.text.includes('<')) found.push(`unescaped < in ${script.type}`);
    }
    return found;
  });
}

/** Where the parts of the page stand: the header at the top, right-aligned; the date line below the title. */
function layout(page: Page) {
  return page.evaluate(() => {
    const box = (el: Element | null) => el?.getBoundingClientRect() ?? null;
    const h1 = document.querySelector('h1');
    const brand = document.querySelector('body header a[href="/"]');
    return {
      dir: getComputedStyle(document.documentElement).direction,
      titleDir: h1 ? getComputedStyle(h1).direction : null,
      width: document.documentElement.clientWidth,
      title: box(h1),
      byline: box(h1?.nextElementSibling ?? null),
      brand: box(brand),
    };
  });
}

test('every article of the hostile corpus renders inert, literal and in place', async ({ browser }) => {
  test.setTimeout(300_000);
  const articles = builtArticles();
  const records = report.counts.articles + report.counts.rejected;
  const rendered = { prerendered: 0, hydrated: 0 };

  for (const javaScriptEnabled of [false, true]) {
    const context = await browser.newContext({ javaScriptEnabled, locale: 'ar', viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    // The one request to another origin allowed: an article's picture, at the address its data names
    // (img-src https:), answered here since the test has no internet. Anything else is content at work.
    const pictures = new Set(builtArticles().flatMap((a) => (a.image ? [a.image.src] : [])));
    await page.route(
      (url) => pictures.has(url.href),
      (route) => route.fulfill({ contentType: 'image/svg+xml', body: '<svg xmlns="http://www.w3.org/2000/svg" width="16" height="9"/>' }),
    );
    const foreign: string[] = [];
    page.on('request', (request) => {
      const url = request.url();
      if (!url.startsWith(`${ORIGIN}/`) && !url.startsWith('data:') && !pictures.has(url)) foreign.push(url);
    });
    const dialogs: string[] = [];
    const errors: string[] = [];
    const navigations: string[] = [];
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    page.on('pageerror', (error) => errors.push(error.message));
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
    page.on('framenavigated', (frame) => {
      if (frame === page.mainFrame()) navigations.push(frame.url());
    });

    for (const article of articles) {
      const url = `${ORIGIN}${articleUrl(article.id)}`;
      const where = `${article.id} (${javaScriptEnabled ? 'hydrated' : 'prerendered'})`;
      navigations.length = 0;
      await page.goto(url);
      if (javaScriptEnabled) {
        await page.waitForFunction(() => '__reactRouterVersion' in window);
        // Handlers in content would have fired by now: an <img onerror> fails at once.
        await page.waitForTimeout(200);
      }
      await expect(page.getByRole('heading', { level: 1 }), where).toHaveText(article.title, { useInnerText: false });
      expect(await page.locator('h1').textContent(), `${where}: the headline, literally`).toBe(article.title);
      // The router may replace the history entry with the same URL; any other URL is a navigation away.
      expect([...new Set(navigations)], `${where}: no navigation away`).toEqual([url]);
      expect(page.url()).toBe(url);
      expect(await liveMarkup(page), `${where}: live markup`).toEqual([]);
      expect(BIDI_CONTROLS.test(await page.locator('body').innerText()), `${where}: bidi controls in the page`).toBe(false);

      const at = await layout(page);
      expect([at.dir, at.titleDir], `${where}: direction`).toEqual(['rtl', 'rtl']);
      expect(at.brand!.top, `${where}: header at the top`).toBeLessThan(at.title!.top);
      expect(at.brand!.right, `${where}: header at the right`).toBeGreaterThan(at.width * 0.75);
      expect(at.byline!.top, `${where}: date and source line after the title`).toBeGreaterThanOrEqual(at.title!.bottom - 1);

      for (const json of await page.locator('script[type="application/ld+json"]').allTextContents()) {
        const parsed = JSON.parse(json) as { headline?: string };
        if (parsed.headline !== undefined) expect(BIDI_CONTROLS.test(parsed.headline), `${where}: JSON-LD headline`).toBe(false);
      }
      rendered[javaScriptEnabled ? 'hydrated' : 'prerendered']++;
    }
    expect(dialogs, 'dialogs opened').toEqual([]);
    expect(foreign, 'requests to other origins').toEqual([]);
    expect(errors, 'console errors and uncaught exceptions').toEqual([]);

    if (javaScriptEnabled) {
      // Feeds and sitemaps, parsed by the browser's XML parser.
      const xmlFiles = files(DIST, '.xml').map((f) => `/${path.relative(DIST, f).split(path.sep).map(encodeURIComponent).join('/')}`);
      const problems = await page.evaluate(async (paths) => {
        const found: Array<[string, string]> = [];
        for (const file of paths) {
          const text = await (await fetch(file)).text();
          const error = new DOMParser().parseFromString(text, 'application/xml').querySelector('parsererror');
          if (error) found.push([file, error.textContent ?? 'parsererror']);
          // eslint-disable-next-line no-control-regex
          if (/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\u202A-\u202E\u2066-\u2069]/.test(text)) found.push([file, 'forbidden characters']);
        }
        return found;
      }, xmlFiles);
      expect(problems, 'feeds and sitemaps that are not well-formed XML of allowed characters').toEqual([]);
      console.log(`hostile corpus: ${xmlFiles.length} feeds and sitemaps parsed`);
    }
    await context.close();
  }

  console.log(
    `hostile corpus: ${records} records, ${report.counts.rejected} rejected, ${report.counts.warnings} warnings, ` +
      `${articles.length} articles rendered (${rendered.prerendered} prerendered, ${rendered.hydrated} hydrated)`,
  );
  expect(articles).toHaveLength(report.counts.articles);
});
