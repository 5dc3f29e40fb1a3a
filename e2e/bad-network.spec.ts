/**
 * A bad network: a seeded random 30 % of data and search requests (shards, the manifest, and every file
 * of Pagefind: its script, worker, WebAssembly, metadata, index, filter and fragment chunks, the app's
 * vocabulary shards) fail with a 500, a 503, a dropped connection, a slow answer, a body cut short or an
 * HTML error page sent with 200, while a reader walks the site. Every journey must end on the right page
 * with the right content, through the app's own retries or its retry button; never a blank page, never
 * an uncaught error, never a raw slug where a name belongs.
 *
 * The fault of a request is drawn from the seed, its path and how many times that path was asked for, so
 * a seed breaks the same requests whatever order parallel requests go out in. Three fixed seeds run in
 * `npm test`; `BAD_NETWORK_SEED=n` runs one more.
 */
import { gzipSync } from 'node:zlib';
import type { Locator, Page, Route, TestInfo } from '@playwright/test';
import { random } from '../scripts/bench/random.ts';
import { strings } from '../src/shared/strings.ar.ts';
import { articlePath } from '../src/data/paths.ts';
import type { Article } from '../src/data/schema.ts';
import { articleUrl, dataFile, expect, homeShard, readDistJson, test } from './fixtures.ts';

const SEEDS = [7, 1009, 20261130, ...(process.env.BAD_NETWORK_SEED ? [Number(process.env.BAD_NETWORK_SEED)] : [])];
const FAULT_RATE = 0.3;
const FAULTS = ['http-500', 'http-503', 'abort', 'delay', 'truncated', 'html-200'] as const;
type Fault = (typeof FAULTS)[number];
/**
 * A slow answer takes 5 s (well past the 200 ms after which a skeleton shows; nothing in the app times a
 * request out, so it then succeeds). One per test at most: each costs the suite 5 s of wall time.
 */
const DELAY_MS = 5_000;
const MAX_DELAYS = 1;
/** How many times a reader is willing to press «إعادة المحاولة» on one step before the test gives up. */
const MAX_RETRY_CLICKS = 5;

/** The first bytes of every file Pagefind gzips, once inflated. */
const PAGEFIND_SIGNATURE = 'pagefind_dcd';

const HTML_ERROR_PAGE = '<!doctype html><html lang="en"><title>502 Bad Gateway</title><h1>502 Bad Gateway</h1></html>';

/** FNV-1a: a request's path as a number, to seed its draw. */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

class BadNetwork {
  readonly broken = new Map<Fault, number>();
  /** Every broken request in order, printed with BAD_NETWORK_VERBOSE=1. */
  readonly log: string[] = [];
  requests = 0;
  retryClicks = 0;
  private readonly asked = new Map<string, number>();

  constructor(readonly seed: number) {}

  /**
   * The fault for the `n`th request of `path`, or null: the same for a seed on every run, and on every build
   * of the same content (the data build's folder, named by a hash that covers the code's version too, and
   * the app's id in its pointer's name are left out of the draw).
   */
  faultFor(path: string, n: number): Fault | null {
    const drawn = path.replace(/^\/data\/[0-9a-f]{16}\//, '/data/').replace(/^\/data\/apps\/[0-9a-f]+\.json$/, '/data/apps/app.json');
    const next = random((this.seed ^ hash(`${drawn}#${n}`)) >>> 0);
    if (next() >= FAULT_RATE) return null;
    const choices = (this.broken.get('delay') ?? 0) < MAX_DELAYS ? FAULTS : FAULTS.filter((f) => f !== 'delay');
    return choices[Math.floor(next() * choices.length)]!;
  }

  async install(page: Page): Promise<void> {
    await page.route(
      (url) => url.pathname.startsWith('/data/'),
      (route) => this.handle(route),
    );
  }

  private async handle(route: Route): Promise<void> {
    const path = new URL(route.request().url()).pathname;
    const n = this.asked.get(path) ?? 0;
    this.asked.set(path, n + 1);
    this.requests++;
    const fault = this.faultFor(path, n);
    if (fault === null) return route.continue();
    this.broken.set(fault, (this.broken.get(fault) ?? 0) + 1);
    this.log.push(`${fault} ${path} #${n}`);
    switch (fault) {
      case 'http-500':
        return route.fulfill({ status: 500, contentType: 'text/plain', body: 'Internal Server Error' });
      case 'http-503':
        return route.fulfill({ status: 503, contentType: 'text/plain', headers: { 'retry-after': '1' }, body: 'Service Unavailable' });
      case 'abort':
        return route.abort('connectionreset');
      case 'delay':
        await new Promise((resolve) => setTimeout(resolve, DELAY_MS));
        return route.continue();
      case 'truncated': {
        const response = await route.fetch();
        const body = await response.body();
        const contentType = response.headers()['content-type'] ?? 'application/octet-stream';
        // Pagefind's own files are gzip on the server and sent saying so (deploy/nginx.conf): a connection cut
        // short leaves the browser half a gzip stream, which it cannot inflate. (route.fetch() inflated it.)
        if (body.subarray(0, 12).toString('latin1') === PAGEFIND_SIGNATURE) {
          const gzip = gzipSync(body);
          return route.fulfill({ status: 200, contentType, headers: { 'content-encoding': 'gzip' }, body: gzip.subarray(0, Math.floor(gzip.length / 2)) });
        }
        return route.fulfill({ status: 200, contentType, body: body.subarray(0, Math.floor(body.length / 2)) });
      }
      case 'html-200':
        return route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: HTML_ERROR_PAGE });
    }
  }

  get brokenCount(): number {
    return [...this.broken.values()].reduce((a, b) => a + b, 0);
  }

  report(testInfo: TestInfo): void {
    const kinds = [...this.broken].map(([fault, count]) => `${fault}×${count}`).join(', ');
    const line =
      `bad network, seed ${this.seed}: broke ${this.brokenCount} of ${this.requests} data and search requests` +
      ` (${kinds || 'none'}); retry pressed ${this.retryClicks}×`;
    console.log(`${testInfo.title}: ${line}`);
    if (process.env.BAD_NETWORK_VERBOSE) console.log(this.log.map((entry) => `  ${entry}`).join('\n'));
    testInfo.annotations.push({ type: 'bad-network', description: line });
  }
}

/**
 * Waits until `expected` shows. An error view on the way is answered as a reader would, by pressing its
 * «إعادة المحاولة»; anything else (a blank page, a wrong page, a spinner for ever) fails the wait.
 */
async function reach(page: Page, network: BadNetwork, expected: Locator): Promise<void> {
  const retry = page.getByRole('button', { name: strings.error.retry }).or(page.getByRole('button', { name: strings.searchPage.retry }));
  for (let clicks = 0; clicks <= MAX_RETRY_CLICKS; clicks++) {
    await expect(expected.or(retry).first()).toBeVisible({ timeout: 30_000 });
    if (await expected.first().isVisible()) break;
    // The view may move on by itself between the check and the click (a query's own retry).
    const clicked = await retry
      .first()
      .click({ timeout: 5_000 })
      .then(() => true)
      .catch(() => false);
    if (clicked) network.retryClicks++;
  }
  await expect(expected.first()).toBeVisible();
  // The site's frame is there on every step: never a blank page.
  await expect(page.getByRole('banner')).toBeVisible();
}

const heading = (page: Page, name: string | RegExp): Locator =>
  page.getByRole('heading', { level: 1, name, exact: typeof name === 'string' });
const topicNav = (page: Page) => page.getByRole('navigation', { name: strings.topicFilter.label });
const searchResults = (page: Page) => page.getByRole('list', { name: strings.searchPage.resultsLabel });
const activeFilters = (page: Page) => page.getByRole('group', { name: strings.searchPage.activeFilters });

function sampleArticles(): { kremlin: Article; macron: Article } {
  const items = homeShard().items;
  const find = (pattern: RegExp): Article => {
    const item = items.find((i) => pattern.test(i.title));
    if (!item) throw new Error(`the build lacks the sample article ${pattern} (npm run build)`);
    return readDistJson<Article>(dataFile(articlePath(item.id)));
  };
  return { kremlin: find(/^الكرملين/), macron: find(/ماكرون/) };
}

// Console errors are the point here (Chromium logs each failed response, Pagefind logs each failed file);
// uncaught exceptions and unhandled rejections still fail every test (fixtures.ts).
test.use({
  allowConsoleErrors: [
    /^console\.error: (Failed to load resource|Failed to load module script|Failed to load (Pagefind metadata|the )|Decompressing |Pagefind: WASM Error)/,
  ],
});

for (const seed of SEEDS) {
  test.describe(`seed ${seed}`, () => {
    let network: BadNetwork;

    test.beforeEach(async ({ page }) => {
      // Retries wait 1 s and 2 s, slow answers 5 s: a journey takes longer than the default minute allows.
      test.slow();
      network = new BadNetwork(seed);
      await network.install(page);
    });

    // eslint-disable-next-line no-empty-pattern -- Playwright wants the fixtures argument destructured
    test.afterEach(async ({}, testInfo) => {
      network.report(testInfo);
    });

    test('home → topic → article → tag → back → related article → back → search with a topic filter', async ({ page }) => {
      const { kremlin, macron } = sampleArticles();
      const related = kremlin.related[0];
      if (related?.id !== macron.id) throw new Error('the sample Kremlin article should relate to the Macron one');

      await page.goto('/');
      await reach(page, network, heading(page, strings.home.heading));

      await topicNav(page).getByRole('link', { name: /كاراباخ/ }).click();
      await reach(page, network, heading(page, /كاراباخ/));
      await expect(page).toHaveURL(/\/topics\/karabakh$/);

      await page.getByRole('main').getByRole('link', { name: kremlin.title }).click();
      await reach(page, network, heading(page, kremlin.title));
      await expect(page).toHaveURL(articleUrl(kremlin.id));

      await page.getByRole('navigation', { name: strings.article.tags }).getByRole('link', { name: 'دميتري بيسكوف', exact: true }).click();
      await reach(page, network, heading(page, 'دميتري بيسكوف'));
      await expect(page.getByRole('main').getByRole('link', { name: kremlin.title })).toBeVisible();

      await page.goBack();
      await reach(page, network, heading(page, kremlin.title));

      const panel = page.getByRole('complementary', { name: strings.article.related });
      await panel.getByRole('link', { name: macron.title }).click();
      await reach(page, network, heading(page, macron.title));
      await expect(page).toHaveURL(articleUrl(macron.id));

      await page.goBack();
      await reach(page, network, heading(page, kremlin.title));
      await expect(page).toHaveURL(articleUrl(kremlin.id));

      const box = page.getByRole('search').getByRole('combobox', { name: strings.search.label });
      await box.fill('روسيا');
      await box.press('Enter');
      await reach(page, network, searchResults(page).getByRole('link', { name: kremlin.title }));
      await expect(searchResults(page).getByRole('listitem')).toHaveCount(2);

      const facets = page.getByRole('navigation', { name: strings.searchPage.facetsLabel });
      await facets.getByRole('region', { name: strings.searchPage.topics }).getByRole('link', { name: /كاراباخ/ }).click();
      await expect(page).toHaveURL(/topic=karabakh/);
      await expect(activeFilters(page)).toContainText('كاراباخ');
      await reach(page, network, searchResults(page).getByRole('listitem'));
      await expect(searchResults(page).getByRole('listitem')).toHaveCount(1);
      await expect(searchResults(page).getByRole('link', { name: kremlin.title })).toBeVisible();
      await expect(activeFilters(page)).not.toContainText('karabakh');
    });

    test('a first visit to a filtered search, whose shell has no data, ends on its results', async ({ page }) => {
      const { macron } = sampleArticles();
      await page.goto('/search?q=روسيا&topic=ukraine');
      // The filter is named from the start, before and whatever the search index does: never its slug.
      await reach(page, network, activeFilters(page));
      await expect(activeFilters(page)).toContainText('أوكرانيا');
      await expect(activeFilters(page)).not.toContainText('ukraine');
      await expect(heading(page, strings.searchPage.headingFor('روسيا'))).toBeVisible();

      await reach(page, network, searchResults(page).getByRole('listitem'));
      await expect(searchResults(page).getByRole('listitem')).toHaveCount(1);
      await searchResults(page).getByRole('link', { name: macron.title }).click();
      await reach(page, network, heading(page, macron.title));
      await expect(page).toHaveURL(articleUrl(macron.id));
    });
  });
}
