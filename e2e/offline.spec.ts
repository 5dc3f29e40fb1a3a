/**
 * Saved articles and reading offline, as a reader does it: through the service worker (src/sw.ts) and
 * nginx, with the network cut by `context.setOffline(true)`. Service workers run on http://127.0.0.1.
 */
import type { BrowserContext, Page } from '@playwright/test';
import { strings } from '../src/shared/strings.ar.ts';
import { topicHref } from '../src/shared/lib/hrefs.ts';
import { DATA_CACHE } from '../src/shared/lib/offline-caches.ts';
import { articleUrl, expect, homeShard, manifest, test, whenHydrated } from './fixtures.ts';

test.use({
  serviceWorkers: 'allow',
  // Offline, Chromium logs every request the page makes that nothing answers. (One pattern: a second
  // element would make Playwright read the array as a [value, options] pair.)
  allowConsoleErrors: [/ERR_INTERNET_DISCONNECTED|Failed to fetch|Failed to load resource/],
});

const h1 = (page: Page, name?: string) => page.getByRole('heading', { level: 1, ...(name ? { name } : {}) });

/** Waits until the service worker controls the page and has kept `path` (the page it was opened on). */
async function whenKept(page: Page, path: string): Promise<void> {
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 30_000 });
  await page.waitForFunction(async (p) => (await caches.match(p)) !== undefined, path, { timeout: 30_000 });
}

async function goOffline(context: BrowserContext, page: Page): Promise<void> {
  await context.setOffline(true);
  await page.waitForFunction(() => !navigator.onLine);
  // Chromium 150 cuts the network of a page loaded after this (it comes from the service worker) but tells
  // it navigator.onLine === true, unlike a device that is really offline: say what such a device says.
  await context.addInitScript(() => Object.defineProperty(Navigator.prototype, 'onLine', { configurable: true, get: () => false }));
}

const items = () => homeShard().items;

/** A first visit to home, then the article titled `title` opened in the app, its shard kept by the worker. */
async function openArticleFromHome(page: Page, title: string): Promise<void> {
  await page.goto('/');
  await whenKept(page, '/');
  await whenHydrated(page);
  await page.getByRole('link', { name: title }).first().click();
  await expect(h1(page, title)).toBeVisible();
  await page.waitForFunction(
    async (name) => (await (await caches.open(name)).keys()).some((r) => r.url.includes('/articles/')),
    DATA_CACHE,
  );
}

test('an article opened before reads in full offline after a reload', async ({ page, context }) => {
  const article = items()[1] ?? items()[0]!;
  await page.goto(articleUrl(article.id));
  await whenKept(page, articleUrl(article.id));
  await goOffline(context, page);
  await page.reload();
  await expect(h1(page, article.title)).toBeVisible();
  await expect(page.getByRole('main').locator('p').filter({ hasText: article.excerpt.slice(0, 30) }).first()).toBeVisible();
  await expect(page.getByText(strings.offline.notice)).toBeVisible();
});

test('on a connection that answers nothing, a page opened before reads after a few seconds, and says so', async ({
  page,
  context,
}) => {
  const article = items()[0]!;
  await page.goto(articleUrl(article.id));
  await whenKept(page, articleUrl(article.id));
  await page.reload();
  await whenHydrated(page);
  // Answered by the network, through the worker: no notice.
  await expect(page.locator('[aria-live]').filter({ hasText: strings.offline.keptNotice })).toHaveCount(0);
  // "Lie-fi": the device says it is online, but no request is ever answered (the service worker's included).
  await context.route('**/*', () => new Promise(() => undefined));
  await page.goto(articleUrl(article.id), { waitUntil: 'commit', timeout: 15_000 });
  await expect(h1(page, article.title)).toBeVisible();
  await expect(page.getByText(strings.offline.keptNotice)).toBeVisible();
  await expect(page.getByText(strings.offline.notice)).toHaveCount(0);
});

test('on a connection that answers nothing, an article opened in the app comes from the kept shard, and says so', async ({
  page,
  context,
}) => {
  const article = items()[0]!;
  await openArticleFromHome(page, article.title);
  // A fresh start, answered by the network: the app holds no shard in memory.
  await page.goto('/');
  await whenHydrated(page);
  await context.route('**/*', () => new Promise(() => undefined));
  await page.getByRole('link', { name: article.title }).first().click();
  await expect(h1(page, article.title)).toBeVisible({ timeout: 15_000 });
  await expect(page.getByText(strings.offline.keptNotice)).toBeVisible();
});

test('on a first visit, an article opened in the app reads offline after a reload, its data found through the app’s kept pointer', async ({
  page,
  context,
}) => {
  // The first page and its app's pointer came from the network before the worker took over: it keeps both.
  const article = items()[0]!;
  await openArticleFromHome(page, article.title);
  await page.goBack();
  await expect(h1(page, strings.home.heading)).toBeVisible();

  await goOffline(context, page);
  await page.reload();
  await whenHydrated(page);
  await page.getByRole('link', { name: article.title }).first().click();
  await expect(h1(page, article.title)).toBeVisible();
  await expect(page.getByRole('main').locator('p').filter({ hasText: article.excerpt.slice(0, 30) }).first()).toBeVisible();
});

test('home offline shows what it last had, with a notice', async ({ page, context }) => {
  await page.goto('/');
  await whenKept(page, '/');
  await goOffline(context, page);
  await page.reload();
  await expect(h1(page, strings.home.heading)).toBeVisible();
  await expect(page.getByRole('link', { name: items()[0]!.title })).toBeVisible();
  await expect(page.getByText(strings.offline.notice)).toBeVisible();
});

test('save → reload → /saved lists it → offline → it reads; a page never visited offers the saved ones', async ({
  page,
  context,
}) => {
  const [first, second] = [items()[0]!, items()[1]!];
  const neverVisited = topicHref(manifest().topics.find((t) => t.count > 0)!.slug);
  await page.goto('/');
  await whenKept(page, '/');
  const save = (title: string) => page.getByRole('button', { name: strings.saved.saveNamed(title) });
  const saved = (title: string) => page.getByRole('button', { name: strings.saved.savedNamed(title) });
  await save(first.title).click();
  await expect(saved(first.title)).toHaveAttribute('aria-pressed', 'true');
  await save(second.title).click();
  await expect(page.getByRole('link', { name: /المحفوظات/ })).toContainText('٢');

  await page.reload();
  await expect(saved(first.title)).toHaveAttribute('aria-pressed', 'true');
  await page.getByRole('link', { name: /المحفوظات/ }).click();
  await expect(h1(page, strings.saved.heading)).toBeVisible();
  const cards = page.getByRole('main').getByRole('article');
  // Latest saved first.
  await expect(cards.first()).toContainText(second.title);
  await expect(cards.nth(1)).toContainText(first.title);

  // Saved, never opened: it reads offline, page and all.
  await goOffline(context, page);
  await page.goto(articleUrl(first.id));
  await expect(h1(page, first.title)).toBeVisible();

  await page.goto(neverVisited);
  await expect(h1(page, strings.offline.title)).toBeVisible();
  const savedLinks = page.getByRole('navigation', { name: strings.offline.savedHeading });
  await expect(savedLinks.getByRole('link', { name: second.title })).toBeVisible();
  await savedLinks.getByRole('link', { name: second.title }).click();
  await expect(h1(page, second.title)).toBeVisible();
});

test('removing a saved article takes it off the list', async ({ page }) => {
  const article = items()[0]!;
  await page.goto(articleUrl(article.id));
  await whenHydrated(page);
  await page.getByRole('button', { name: strings.saved.save, exact: true }).click();
  await expect(page.getByRole('button', { name: strings.saved.savedLabel, exact: true })).toHaveAttribute(
    'aria-pressed',
    'true',
  );
  await page.goto('/saved');
  await page.getByRole('button', { name: strings.saved.removeNamed(article.title) }).click();
  await expect(page.getByText(strings.saved.empty)).toBeVisible();
  await page.reload();
  await expect(page.getByText(strings.saved.empty)).toBeVisible();
});

test('search offline says it needs a connection', async ({ page, context }) => {
  await page.goto('/');
  await whenKept(page, '/');
  await goOffline(context, page);
  await page.getByRole('combobox', { name: strings.search.label }).fill('روسيا');
  await page.getByRole('combobox', { name: strings.search.label }).press('Enter');
  await expect(page.getByText(strings.offline.search)).toBeVisible();
});

test('a new deployment is offered once its worker waits, and taken on the reader\'s word', async ({ page }) => {
  await page.goto('/');
  await whenKept(page, '/');
  // The next deployment's worker. The journey cannot change the served sw.js (context.route never sees a
  // worker's script), so it installs the same script under another URL: a new worker all the same, which
  // waits while the open tab's worker controls it.
  await page.evaluate(() => navigator.serviceWorker.register('/sw.js?next-deployment'));
  const notice = page.locator('[aria-live]').filter({ hasText: strings.updates.newVersion });
  await expect(notice).toBeVisible({ timeout: 30_000 });
  expect(await page.evaluate(() => navigator.serviceWorker.controller?.scriptURL)).not.toContain('next-deployment');
  await notice.getByRole('button', { name: strings.updates.reload }).click();
  await page.waitForFunction(() => navigator.serviceWorker.controller?.scriptURL.endsWith('?next-deployment'));
  await expect(h1(page, strings.home.heading)).toBeVisible();
});

test('/ focuses the search box, but not while typing in it', async ({ page }) => {
  await page.goto('/');
  await page.waitForFunction(() => '__reactRouterVersion' in window);
  const box = page.getByRole('combobox', { name: strings.search.label });
  await page.locator('body').press('/');
  await expect(box).toBeFocused();
  await box.pressSequentially('أ/ب');
  await expect(box).toHaveValue('أ/ب');
});
