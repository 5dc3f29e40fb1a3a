/**
 * Shared by the journeys: a `test` that fails on any console error or uncaught page error, and readers of
 * the built data (dist/data), so journeys find real ids without hard-coding the ingest's hashes.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { test as base, expect, type Page } from '@playwright/test';
import { distDir } from '../playwright.config.ts';
import { BUILD_FILE, type BuildInfo } from '../src/data/build.ts';
import { NEWEST_PAGE } from '../src/data/list-pages.ts';
import { homePagePath } from '../src/data/paths.ts';
import type { ListPage, Manifest } from '../src/data/schema.ts';

export { expect };

export interface ConsoleGuard {
  /** Errors seen so far (console.error and uncaught exceptions), minus the allowed ones. */
  errors: string[];
}

interface Fixtures {
  /**
   * Console errors a test expects: Chromium logs every 404/500 response as "Failed to load resource",
   * which is the point of the 404 and retry journeys, not a fault.
   */
  allowConsoleErrors: RegExp[];
  consoleGuard: ConsoleGuard;
}

/** Playwright's own warning when the app registers its service worker (blocked outside e2e/offline.spec.ts). */
export const BLOCKED_WORKER = 'Service Worker registration blocked by Playwright';

export const test = base.extend<Fixtures>({
  allowConsoleErrors: [[], { option: true }],
  consoleGuard: [
    async ({ page, allowConsoleErrors }, use, testInfo) => {
      const guard: ConsoleGuard = { errors: [] };
      const record = (text: string): void => {
        if (!allowConsoleErrors.some((pattern) => pattern.test(text))) guard.errors.push(text);
      };
      page.on('console', (message) => {
        if (message.type() === 'error')
          record(`console.error: ${message.text()} (${message.location().url})`);
      });
      page.on('pageerror', (error) => record(`uncaught: ${error.stack ?? error.message}`));
      await use(guard);
      if (testInfo.status === testInfo.expectedStatus) {
        expect(guard.errors, 'no console errors or uncaught exceptions').toEqual([]);
      }
    },
    { auto: true },
  ],
});

/** Chromium's line for a failed response, e.g. the 404 of a missing shard. */
export const failedResource = (status: number): RegExp =>
  new RegExp(`Failed to load resource: the server responded with a status of ${status}`);

/** The build under test: the one `vite preview` serves (playwright.config.ts). */
const DIST = resolve(fileURLToPath(new URL('..', import.meta.url)), distDir);

export function readDistJson<T>(sitePath: string): T {
  return JSON.parse(readFileSync(join(DIST, ...sitePath.split('/').filter(Boolean)), 'utf8')) as T;
}

export const distPath = (...parts: string[]): string => join(DIST, ...parts);

/** The build dist/ holds: its data is in `/data/<build.data>/`. */
export const distBuild = (): BuildInfo => readDistJson<BuildInfo>(`/data/${BUILD_FILE}`);

/** The site path of a file of the build's data (`src/data/paths.ts`). */
export const dataFile = (path: string): string => `/data/${distBuild().data}/${path}`;

export const homeShard = (): ListPage => readDistJson<ListPage>(dataFile(homePagePath(NEWEST_PAGE)));

export const manifest = (): Manifest => readDistJson<Manifest>(dataFile('manifest.json'));

/** The app's URL of an article (ids are URL-encoded in links). */
export const articleUrl = (id: string): string => `/articles/${encodeURIComponent(id)}`;

/** The document's scroll width against the viewport's: wider means the page scrolls sideways. */
export async function pageWidths(page: Page): Promise<{ scrollWidth: number; clientWidth: number }> {
  return page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    clientWidth: document.documentElement.clientWidth,
  }));
}

/**
 * Waits until React owns the page: the app's code loads after the first paint, and a click on a button
 * before `hydrateRoot` is lost (after it, React replays it).
 */
export async function whenHydrated(page: Page): Promise<void> {
  await page.waitForFunction(() => {
    const root = document.getElementById('root');
    return root !== null && Object.keys(root).some((key) => key.startsWith('__reactContainer'));
  });
}

/**
 * Opens `from` (prerendered: its data is in the HTML) and then goes to `to` inside the app, as a click
 * would, so `to`'s shards come through fetch, where a journey can intercept them.
 */
export async function navigateInApp(page: Page, to: string, from = '/'): Promise<void> {
  await page.goto(from);
  // react-router sets this as its module runs; the router is created in the same synchronous task.
  await page.waitForFunction(() => '__reactRouterVersion' in window);
  await page.evaluate((url) => {
    history.pushState(null, '', url);
    dispatchEvent(new PopStateEvent('popstate'));
  }, to);
}
