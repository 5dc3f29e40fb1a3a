/**
 * The Content-Security-Policy and security headers, as nginx sends them with deploy/nginx.conf: every page
 * type in light and dark, narrow and wide, must load without a single `securitypolicyviolation` (seen in
 * the page, where the browser reports it), console error or uncaught exception (the console guard of
 * fixtures.ts); and every kind of response carries the headers the build computed.
 */
import { readFileSync, readdirSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { NEWEST_PAGE } from '../src/data/list-pages.ts';
import type { Article, ListPage } from '../src/data/schema.ts';
import { articlePath, topicPagePath } from '../src/data/paths.ts';
import { strings } from '../src/shared/strings.ar.ts';
import { savedHref, tagHref, topicHref } from '../src/shared/lib/hrefs.ts';
import { OFFLINE_PATH } from '../src/shared/lib/offline-caches.ts';
import { headersFile, securityHeaders } from '../scripts/prerender/security-headers.ts';
import { articleUrl, dataFile, distPath, expect as baseExpect, failedResource, homeShard, manifest, readDistJson, test } from './fixtures.ts';

// The search page loads Pagefind and compiles its WebAssembly; four browsers share two busy cores.
const expect = baseExpect.configure({ timeout: 15_000 });

const h1 = (page: Page) => page.getByRole('heading', { level: 1 });
const firstArticle = (): Article => readDistJson<Article>(dataFile(articlePath(homeShard().items[0]!.id)));
const firstTopic = () => manifest().topics.find((t) => t.count > 0)!;

interface PageType {
  name: string;
  url: () => string;
  /** What a reader sees once the page is ready. */
  ready: (page: Page) => Promise<void>;
  /** Console errors this page causes on purpose (the 404 status of the 404 page). */
  allow?: RegExp[];
}

/** One line a page type. */
const pageTypes: PageType[] = [
  { name: 'home', url: () => '/', ready: (page) => expect(h1(page)).toHaveText(strings.home.heading) },
  {
    name: 'a topic',
    url: () => topicHref(firstTopic().slug),
    ready: (page) => expect(h1(page)).toContainText(firstTopic().label),
  },
  {
    name: 'a tag',
    url: () => tagHref(firstArticle().tags[0]!.slug),
    ready: (page) => expect(h1(page)).toContainText(firstArticle().tags[0]!.label),
  },
  {
    name: 'an article',
    url: () => articleUrl(firstArticle().id),
    ready: async (page) => {
      await expect(h1(page)).toHaveText(firstArticle().title);
      await expect(page.getByRole('complementary', { name: strings.article.related })).toBeVisible();
    },
  },
  {
    name: 'search with results and a topic filter',
    // The longest word of the topic's newest title: Pagefind must find that article.
    url: () => {
      const title = readDistJson<ListPage>(dataFile(topicPagePath(firstTopic().slug, NEWEST_PAGE))).items[0]!.title;
      const word = title.split(/\s+/).reduce((a, b) => (b.length > a.length ? b : a));
      return `/search?q=${encodeURIComponent(word)}&topic=${encodeURIComponent(firstTopic().slug)}`;
    },
    ready: (page) =>
      expect(page.getByRole('list', { name: strings.searchPage.resultsLabel }).getByRole('listitem').first()).toBeVisible(),
  },
  { name: 'saved articles', url: () => savedHref(), ready: (page) => expect(h1(page)).toHaveText(strings.saved.heading) },
  { name: 'the offline page', url: () => OFFLINE_PATH, ready: (page) => expect(h1(page)).toHaveText(strings.offline.title) },
  {
    name: 'the 404 page',
    url: () => '/articles/no-such-article',
    ready: (page) => expect(h1(page)).toHaveText(strings.notFound.title),
    allow: [failedResource(404)],
  },
];

const modes = [
  { scheme: 'light', width: 390, height: 844 },
  { scheme: 'dark', width: 390, height: 844 },
  { scheme: 'light', width: 1280, height: 800 },
  { scheme: 'dark', width: 1280, height: 800 },
] as const;

// Once, in the runner (its workers have TEST_WORKER_INDEX): what the suite walks.
if (process.env.TEST_WORKER_INDEX === undefined) {
  process.stdout.write(
    `security: ${pageTypes.length} page types × ${modes.length} modes (light, dark × 390, 1280 px) = ${pageTypes.length * modes.length} walks\n`,
  );
}

declare global {
  interface Window {
    __cspViolations: string[];
  }
}

for (const type of pageTypes) {
  test.describe(type.name, () => {
    test.use({ allowConsoleErrors: type.allow ?? [] });
    for (const mode of modes) {
      test(`${mode.scheme}, ${mode.width} px: no policy violation`, async ({ page }) => {
        await page.addInitScript(() => {
          window.__cspViolations = [];
          document.addEventListener('securitypolicyviolation', (e) => {
            window.__cspViolations.push(`${e.effectiveDirective} refused ${e.blockedURI || 'inline'} (${e.sourceFile}:${e.lineNumber}) ${e.sample}`);
          });
        });
        await page.setViewportSize({ width: mode.width, height: mode.height });
        await page.emulateMedia({ colorScheme: mode.scheme });
        await page.goto(type.url());
        await type.ready(page);
        // The pre-paint theme script ran: its hash is in the policy.
        if (mode.scheme === 'dark') await expect(page.locator('html')).toHaveClass(/\bdark\b/);
        else await expect(page.locator('html')).not.toHaveClass(/\bdark\b/);
        await page.evaluate(() => document.fonts.ready);
        // A violation is reported in a task of its own: let any pending one arrive.
        await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve))));
        expect(await page.evaluate(() => window.__cspViolations)).toEqual([]);
      });
    }
  });
}

test.describe('headers', () => {
  const expected = securityHeaders(readFileSync(distPath('index.html'), 'utf8'));
  const script = readdirSync(distPath('assets')).find((name) => name.endsWith('.js'));

  test('the build wrote them for Netlify and Cloudflare Pages', () => {
    expect(readFileSync(distPath('_headers'), 'utf8')).toBe(headersFile(expected));
  });

  for (const [kind, url, status] of [
    ['an HTML page', '/', 200],
    ['a JSON shard', dataFile('manifest.json'), 200],
    ["the current build's name", '/data/build.json', 200],
    ['the service worker', '/sw.js', 200],
    ['a script asset', `/assets/${script}`, 200],
    ["Pagefind's worker", dataFile('pagefind/pagefind-worker.js'), 200],
    ['a feed', '/feed.xml', 200],
    ['a 404', '/no-such-page', 404],
    ['a missing asset', '/assets/no-such-file.js', 404],
    ['a redirect', `${topicHref(firstTopic().slug)}/`, 301],
  ] as const) {
    test(`nginx sends them on ${kind}`, async ({ request }) => {
      const response = await request.get(url, { maxRedirects: 0 });
      expect(response.status()).toBe(status);
      const headers = response.headers();
      for (const [name, value] of Object.entries(expected)) expect(headers[name.toLowerCase()], name).toBe(value);
    });
  }
});
