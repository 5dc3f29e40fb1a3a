/**
 * Paging without JavaScript: a corpus of 30 articles (more than one page of 24) is built into a site of its
 * own and served by nginx; with scripts off, home and a tag page show their newest 24 cards, and their
 * «أخبار أقدم» and «أخبار أحدث» links lead to the prerendered older page (`/page/1`: older pages count
 * from the oldest, src/data/list-pages.ts), which says under its heading the days it covers, and back.
 */
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { PAGE_SIZE } from '../src/data/schema.ts';
import { listDays } from '../src/shared/lib/list-days.ts';
import { strings } from '../src/shared/strings.ar.ts';
import { expect, test } from './fixtures.ts';
import { buildSites, type Draft, serve } from './small-site.ts';

const COUNT = PAGE_SIZE + 6;
const TAG = 'الاقتصاد';
/** Newest first, as the lists show them: article 1 is the newest. */
const DRAFTS: Draft[] = Array.from({ length: COUNT }, (_, i) => ({
  id: `economy-${i + 1}`,
  title: `تقرير اقتصادي رقم ${i + 1} عن الأسواق والأسعار`,
  date: new Date(Date.UTC(2026, 10, 30, 12) - i * 3_600_000).toISOString(),
  tags: [TAG, i % 2 ? 'الأسواق' : 'الأسعار'],
}));

let work: string;
let server: ChildProcess;
let origin: string;

test.beforeAll(async () => {
  test.setTimeout(300_000);
  work = mkdtempSync(path.join(tmpdir(), 'paging-'));
  const { site } = buildSites(work, { site: DRAFTS });
  ({ origin, server } = await serve(site));
});

test.afterAll(() => {
  server?.kill('SIGTERM');
  if (work) rmSync(work, { recursive: true, force: true });
});

test.describe.configure({ mode: 'serial' });
test.use({ javaScriptEnabled: false });

const cards = (page: Page) => page.getByRole('main').getByRole('article').getByRole('heading', { level: 2 });
const pager = (page: Page) => page.getByRole('navigation', { name: strings.pagination.label });

async function walkTwoPages(page: Page, firstUrl: RegExp) {
  await expect(cards(page)).toHaveCount(PAGE_SIZE);
  await expect(cards(page).first()).toHaveText(DRAFTS[0]!.title);
  await expect(pager(page).getByRole('link', { name: strings.pagination.newer })).toHaveCount(0);

  await pager(page).getByRole('link', { name: strings.pagination.older }).click();
  await expect(page).toHaveURL(/\/page\/1$/);
  await expect(cards(page)).toHaveText(DRAFTS.slice(PAGE_SIZE).map((d) => d.title));
  // The six older articles were all published on one day, which the page names.
  await expect(page.locator('h1 + p')).toHaveText(listDays(DRAFTS.slice(PAGE_SIZE))!);
  await expect(pager(page).getByRole('link', { name: strings.pagination.older })).toHaveCount(0);

  await pager(page).getByRole('link', { name: strings.pagination.newer }).click();
  await expect(page).toHaveURL(firstUrl);
  await expect(cards(page)).toHaveCount(PAGE_SIZE);
}

test('home pages forward and back with scripts off', async ({ page }) => {
  await page.goto(`${origin}/`);
  await walkTwoPages(page, /\/$/);
});

test("a tag's pages, reached from an article's chip, page forward and back with scripts off", async ({ page }) => {
  await page.goto(`${origin}/articles/economy-3`);
  await page.getByRole('navigation', { name: strings.article.tags }).getByRole('link', { name: TAG, exact: true }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText(TAG);
  await walkTwoPages(page, /\/tags\/[^/]+$/);
});
