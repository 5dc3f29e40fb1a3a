/**
 * A deploy while a reader is on the site (docs/decisions/043-build-addressed-data.md): build A and build B
 * from two small corpora (different articles, so different lists and related panels), serve A with nginx
 * and deploy/nginx.conf, open an article, deploy B over the served folder the documented way
 * (`npm run deploy`'s function), and go on clicking. Until the reader accepts the new build every view is
 * A's, read from A's folder; then the list is B's as a whole, without a reload. Build C is A with one
 * article edited: the pages that do not show it are the same bytes as A's, since no page names its data.
 */
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { appPointerFile } from '../src/data/app-pointer.ts';
import { deploy } from '../scripts/deploy/deploy.ts';
import type { BuildInfo } from '../src/data/build.ts';
import { strings } from '../src/shared/strings.ar.ts';
import { expect, test } from './fixtures.ts';
import { buildSites, type Draft, serve } from './small-site.ts';

const SHARED: Draft[] = [
  { id: 'shared-1', title: 'اجتماع وزراء الطاقة يبحث أسعار النفط', date: '2026-11-20T08:00:00Z', tags: ['الطاقة', 'النفط'] },
  { id: 'shared-2', title: 'شركات الطاقة تعلن خطط استثمار جديدة', date: '2026-11-19T08:00:00Z', tags: ['الطاقة'] },
  { id: 'shared-3', title: 'صادرات النفط ترتفع في الربع الثالث', date: '2026-11-18T08:00:00Z', tags: ['النفط'] },
];
const ONLY_A: Draft[] = [
  { id: 'a-only', title: 'مؤتمر الطاقة يختتم أعماله في الرياض', date: '2026-11-21T08:00:00Z', tags: ['الطاقة', 'النفط'] },
];
const ONLY_B: Draft[] = [
  { id: 'b-only-1', title: 'اتفاق جديد بين منتجي النفط على خفض الإنتاج', date: '2026-11-25T08:00:00Z', tags: ['الطاقة', 'النفط'] },
  { id: 'b-only-2', title: 'محطة طاقة شمسية تبدأ العمل في الصحراء', date: '2026-11-24T08:00:00Z', tags: ['الطاقة'] },
];
/** SHARED's third article, one sentence of its body changed: in C, which is otherwise A. */
const EDITED: Draft = {
  ...SHARED[2]!,
  body: ['صادرات النفط ترتفع في الربع الثالث بعد تحسن الطلب.', 'وقال محللون إن الارتفاع قد يستمر حتى نهاية العام.'],
};
const titlesOf = (drafts: Draft[]) => new Set(drafts.map((d) => d.title));
const A_TITLES = titlesOf([...SHARED, ...ONLY_A]);

const buildOf = (dist: string): BuildInfo => JSON.parse(readFileSync(path.join(dist, 'data/build.json'), 'utf8'));

/** Every HTML page of a built site: its path in the site → its text. */
function htmlPages(dist: string): Map<string, string> {
  const files = readdirSync(dist, { recursive: true, encoding: 'utf8' }).filter((file) => file.endsWith('.html'));
  return new Map(files.sort().map((file) => [file, readFileSync(path.join(dist, file), 'utf8')]));
}

/**
 * Opens `url` and waits until its app has read its pointer (it starts after the first paint): from then on
 * the tab reads the data build the pointer named, whatever is deployed next. Returns what it named.
 */
async function openAndStart(page: Page, url: string): Promise<BuildInfo> {
  const pointerRead = page.waitForResponse((response) => new URL(response.url()).pathname.startsWith('/data/apps/'));
  await page.goto(url);
  return (await pointerRead).json() as Promise<BuildInfo>;
}

async function cardTitles(page: Page): Promise<string[]> {
  return page.locator('main article h2').allTextContents();
}

test.describe.configure({ mode: 'serial' });

let work: string;
let sites: { a: string; b: string; c: string };
let served: string;
let server: ChildProcess;
let ORIGIN: string;

test.beforeAll(async () => {
  test.setTimeout(300_000);
  work = mkdtempSync(path.join(tmpdir(), 'deploy-switch-'));
  sites = buildSites(work, {
    a: [...SHARED, ...ONLY_A],
    b: [...SHARED, ...ONLY_B],
    c: [...SHARED.slice(0, 2), EDITED, ...ONLY_A],
  });
  served = path.join(work, 'served');
  deploy(sites.a, served);
  ({ origin: ORIGIN, server } = await serve(served));
});

test.afterAll(() => {
  server?.kill('SIGTERM');
  if (work) rmSync(work, { recursive: true, force: true });
});

test('a reader who keeps clicking through a deploy sees one build at a time and is offered the new one', async ({
  page,
}) => {
  const [a, b] = [buildOf(sites.a), buildOf(sites.b)];
  expect(a.data).not.toBe(b.data);
  const dataRequests: string[] = [];
  const pointer = `/data/${appPointerFile(a.app)}`;
  page.on('request', (request) => {
    const { pathname } = new URL(request.url());
    if (pathname.startsWith('/data/') && pathname !== '/data/build.json' && pathname !== pointer)
      dataRequests.push(pathname);
  });
  const foldersRead = () => new Set(dataRequests.map((p) => p.split('/')[2]));

  // The page names its app; the app's pointer, read at start, names A's data.
  expect(await openAndStart(page, `${ORIGIN}/articles/shared-1`)).toEqual(a);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('اجتماع وزراء الطاقة يبحث أسعار النفط');
  await page.evaluate(() => Object.assign(window, { sameDocument: true }));

  deploy(sites.b, served);

  // A's related panel: a related article of A, read from A's folder.
  const related = page.getByRole('complementary', { name: strings.article.related });
  await expect(related.getByRole('link', { name: 'مؤتمر الطاقة يختتم أعماله في الرياض' })).toBeVisible();
  await related.getByRole('link', { name: 'مؤتمر الطاقة يختتم أعماله في الرياض' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('مؤتمر الطاقة يختتم أعماله في الرياض');

  // A tag chip: A's tag list, nothing of B in it.
  await page.getByRole('navigation', { name: strings.article.tags }).getByRole('link', { name: 'الطاقة' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('الطاقة');
  const tagTitles = await cardTitles(page);
  expect(tagTitles).toContain('مؤتمر الطاقة يختتم أعماله في الرياض');
  for (const title of tagTitles) expect(A_TITLES, title).toContain(title);

  await page.goBack();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('مؤتمر الطاقة يختتم أعماله في الرياض');

  // Home: still A's list, and the new build is offered.
  await page.getByRole('link', { name: strings.nav.home, exact: true }).first().click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(strings.home.heading);
  for (const title of await cardTitles(page)) expect(A_TITLES, title).toContain(title);
  expect([...foldersRead()]).toEqual([a.data]);
  const offer = page.getByRole('button', { name: strings.updates.showNewArticles });
  await expect(offer).toBeVisible();

  await offer.click();
  await expect(page.locator('main article h2').first()).toHaveText('اتفاق جديد بين منتجي النفط على خفض الإنتاج');
  const homeTitles = await cardTitles(page);
  expect(homeTitles).not.toContain('مؤتمر الطاقة يختتم أعماله في الرياض');
  await expect(offer).toBeHidden();
  expect(await page.evaluate(() => 'sameDocument' in window), 'no reload').toBe(true);

  // From now on, B's folder only: its new article opens with B's related panel.
  const before = dataRequests.length;
  await page.getByRole('link', { name: 'محطة طاقة شمسية تبدأ العمل في الصحراء' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('محطة طاقة شمسية تبدأ العمل في الصحراء');
  await expect(related.getByRole('link', { name: 'اتفاق جديد بين منتجي النفط على خفض الإنتاج' })).toBeVisible();
  expect(new Set(dataRequests.slice(before).map((p) => p.split('/')[2]))).toEqual(new Set([b.data]));
});

test('an edit leaves every page that does not show the edited article the same bytes, and no page names its data', () => {
  const [a, c] = [buildOf(sites.a), buildOf(sites.c)];
  expect(c.app).toBe(a.app);
  expect(c.data).not.toBe(a.data);
  const [pagesA, pagesC] = [htmlPages(sites.a), htmlPages(sites.c)];
  expect([...pagesC.keys()]).toEqual([...pagesA.keys()]);
  for (const [file, html] of pagesA) expect(html, file).not.toContain(a.data);
  for (const [file, html] of pagesC) expect(html, file).not.toContain(c.data);

  const changed = [...pagesA.keys()].filter((file) => pagesA.get(file) !== pagesC.get(file));
  console.log(`pages changed by one edit: ${changed.join(' ')} (of ${pagesA.size})`);
  expect(changed).toContain('articles/shared-3.html');
  // Tag «الطاقة» does not list the edited article (tagged «النفط» only); nor do the 404 and offline pages.
  for (const file of ['tags/الطاقة.html', '404.html', 'offline.html']) expect(changed, file).not.toContain(file);
});

test('an open home page notices a deploy when the tab becomes visible again', async ({ page }) => {
  // The served site is B now; a tab opened on it sees A deployed (a rollback is a deploy too).
  expect(await openAndStart(page, `${ORIGIN}/`)).toEqual(buildOf(sites.b));
  await expect(page.locator('main article h2').first()).toHaveText('اتفاق جديد بين منتجي النفط على خفض الإنتاج');
  const offer = page.getByRole('button', { name: strings.updates.showNewArticles });
  await expect(page.getByText(strings.updates.newArticles)).toBeHidden();

  deploy(sites.a, served);
  await page.evaluate(() => document.dispatchEvent(new Event('visibilitychange', { bubbles: true })));
  await expect(offer).toBeVisible();
  await offer.click();
  await expect(page.locator('main article h2').first()).toHaveText('مؤتمر الطاقة يختتم أعماله في الرياض');
});
