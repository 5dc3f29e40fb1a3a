/**
 * Prerendered pages in the browser: each page type hydrates with no console error or warning and no
 * request for its own data, in light and dark, at 360 px and on a desktop; and with JavaScript off a
 * reader still reads an article and pages through a list.
 */
import type { Locator, Page } from '@playwright/test';
import { strings } from '../src/shared/strings.ar.ts';
import {
  BLOCKED_WORKER,
  articleUrl,
  dataFile,
  expect,
  failedResource,
  homeShard,
  manifest,
  readDistJson,
  test,
  whenHydrated,
} from './fixtures.ts';
import type { Article } from '../src/data/schema.ts';
import { articlePath } from '../src/data/paths.ts';

function samplePages() {
  const article = homeShard().items[0]!;
  const full = readDistJson<Article>(dataFile(articlePath(article.id)));
  const topic = manifest().topics.find((t) => t.count > 0)!;
  const tag = full.tags[0]!;
  return { article, full, topic, tag };
}

/** Collects React's hydration complaints (they are console errors or warnings) and the data requests. */
function watch(page: Page) {
  const seen = { warnings: [] as string[], data: [] as string[] };
  page.on('console', (m) => {
    if (m.text() === BLOCKED_WORKER) return;
    if (m.type() === 'warning' || m.type() === 'error') seen.warnings.push(m.text());
  });
  page.on('request', (r) => {
    const path = new URL(r.url()).pathname;
    // build.json is the fresh-news check of list pages (src/features/updates), and the app's pointer
    // (/data/apps/) says where its data is: neither is the view's data.
    if (path.startsWith('/data/') && path !== '/data/build.json' && !path.startsWith('/data/apps/')) seen.data.push(path);
  });
  return seen;
}

for (const colorScheme of ['light', 'dark'] as const) {
  for (const viewport of [
    { width: 360, height: 740 },
    { width: 1280, height: 900 },
  ]) {
    test.describe(`hydration, ${colorScheme}, ${viewport.width} px`, () => {
      test.use({ colorScheme, viewport, allowConsoleErrors: [failedResource(404)] });

      for (const kind of ['home', 'topic', 'tag', 'article'] as const) {
        test(`${kind} hydrates without a warning or a request for its data`, async ({ page }) => {
          const { article, topic, tag } = samplePages();
          const pages: Record<typeof kind, [path: string, heading: string]> = {
            home: ['/', strings.home.heading],
            topic: [`/topics/${topic.slug}`, topic.label],
            tag: [`/tags/${encodeURIComponent(tag.slug)}`, tag.label],
            article: [articleUrl(article.id), article.title],
          };
          const [path, heading] = pages[kind];
          const seen = watch(page);
          await page.goto(path, { waitUntil: 'load' });
          await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible();
          await page.waitForFunction(() => '__reactRouterVersion' in window);
          // React hydrates in tasks after the script runs; a mismatch is logged by then.
          await page.waitForTimeout(500);
          expect(seen.warnings, `${path}: console warnings and errors`).toEqual([]);
          expect(seen.data, `${path}: data requests`).toEqual([]);
        });
      }

      test('the 404 page renders with the 404 status and no warning', async ({ page }) => {
        const seen = watch(page);
        const response = await page.goto('/articles/no-such-article');
        expect(response?.status()).toBe(404);
        await expect(page.getByRole('heading', { level: 1, name: strings.notFound.title })).toBeVisible();
        // The app renders this path afresh once it has its data (a 404 for the shard), then shows the same page.
        await page.waitForFunction(() => '__reactRouterVersion' in window);
        await page.waitForTimeout(500);
        await expect(page.getByRole('heading', { level: 1, name: strings.notFound.title })).toBeVisible();
        expect(seen.warnings.filter((w) => !failedResource(404).test(w))).toEqual([]);
      });
    });
  }
}

test('after hydration, links navigate inside the app without loading a page', async ({ page }) => {
  const { article } = samplePages();
  await page.goto('/');
  await page.waitForFunction(() => '__reactRouterVersion' in window);
  await page.evaluate(() => ((window as unknown as { marker: number }).marker = 1));
  await page.getByRole('link', { name: article.title }).first().click();
  await expect(page.getByRole('heading', { level: 1, name: article.title })).toBeVisible();
  expect(await page.evaluate(() => (window as unknown as { marker?: number }).marker)).toBe(1);
});

test('a page hydrates while its app’s pointer to its data is still on its way; the next page waits for it', async ({ page }) => {
  const { article } = samplePages();
  let release = () => {};
  const pointerAsked = new Promise<void>((asked) => {
    void page.route('**/data/apps/*.json', async (route) => {
      asked();
      await new Promise<void>((resolve) => (release = resolve));
      await route.continue();
    });
  });
  const seen = watch(page);
  await page.goto('/');
  await pointerAsked;
  await whenHydrated(page);
  // Hydrated, so the click is the app's: a page load would wait for no pointer.
  await page.evaluate(() => ((window as unknown as { marker: number }).marker = 1));
  await page.getByRole('link', { name: article.title }).first().click();
  await page.waitForTimeout(300);
  expect(seen.data, 'no shard before the pointer answers').toEqual([]);
  release();
  await expect(page.getByRole('heading', { level: 1, name: article.title })).toBeVisible();
  expect(seen.data).toEqual([dataFile(articlePath(article.id))]);
  expect(await page.evaluate(() => (window as unknown as { marker?: number }).marker)).toBe(1);
});

test('the first paint and the lead picture wait for neither the app nor the web font; the next page uses the cached font', async ({
  page,
}) => {
  const { article, full } = samplePages();
  expect(full.image, 'the sample article has a lead picture').toBeTruthy();
  // A picture slower than the text: the app must still wait for it (under the pre-paint script's 3 s cap).
  await page.route(`**${full.image!.src}`, async (route) => {
    await new Promise((resolve) => setTimeout(resolve, 1500));
    await route.continue();
  });
  const fonts: string[] = [];
  page.on('request', (request) => request.url().endsWith('.woff2') && fonts.push(request.url()));
  await page.goto(articleUrl(article.id));
  await page.waitForFunction(() => '__reactRouterVersion' in window);
  const { paintedAt, loadedAt, appRequestedAt } = await page.evaluate(() => ({
    paintedAt: performance.getEntriesByName('first-contentful-paint')[0]?.startTime,
    // 'load' waits for the page's eager pictures, the lead picture (its largest paint) among them.
    loadedAt: (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming).loadEventEnd,
    appRequestedAt: performance
      .getEntriesByType('resource')
      .find((entry) => /\/assets\/index-[^/]+\.js$/.test(entry.name))?.startTime,
  }));
  expect(paintedAt).toBeDefined();
  expect(appRequestedAt).toBeGreaterThan(paintedAt!);
  expect(appRequestedAt).toBeGreaterThan(loadedAt);
  const bodyFont = () => page.evaluate(() => getComputedStyle(document.body).fontFamily);
  expect(await bodyFont()).not.toContain('Noto Sans Arabic');

  await expect.poll(() => fonts.length).toBe(2);
  await expect.poll(() => page.evaluate(() => localStorage.getItem('web-fonts'))).toBe('cached');
  await page.reload();
  expect(await bodyFont()).toMatch(/^"?Noto Sans Arabic/);
});

/** Whether an element's colour is light or dark, whatever syntax the browser reports it in. */
function tone(locator: Locator, property: 'color' | 'backgroundColor'): Promise<'light' | 'dark'> {
  return locator.evaluate((element, name) => {
    const canvas = document.createElement('canvas');
    canvas.width = canvas.height = 1;
    const context = canvas.getContext('2d')!;
    context.fillStyle = getComputedStyle(element)[name];
    context.fillRect(0, 0, 1, 1);
    const [red = 0, green = 0, blue = 0] = context.getImageData(0, 0, 1, 1).data;
    return 0.2126 * red + 0.7152 * green + 0.0722 * blue > 127 ? 'light' : 'dark';
  }, property);
}

/** The page, an article's headline and a list's card are all in the dark theme, or all in the light one. */
async function expectTheme(page: Page, theme: 'light' | 'dark') {
  const { article, full } = samplePages();
  await page.goto(articleUrl(article.id));
  const headline = page.getByRole('heading', { level: 1, name: full.title });
  await expect(headline).toBeVisible();
  const pageTone = await tone(page.locator('body'), 'backgroundColor');
  const headlineTone = await tone(headline, 'color');
  await page.goto('/');
  const cardTone = await tone(page.getByRole('main').getByRole('article').first(), 'backgroundColor');
  expect({ page: pageTone, headline: headlineTone, card: cardTone }).toEqual({
    page: theme,
    headline: theme === 'dark' ? 'light' : 'dark',
    card: theme,
  });
  // Form controls and scroll bars too.
  await expect(page.locator('html')).toHaveCSS('color-scheme', theme);
}

test('with the app, a saved theme still rules over the system setting', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.addInitScript(() => localStorage.setItem('theme', 'light'));
  await expectTheme(page, 'light');
});

/** The controls only the app makes work, on an article page: the header's, and the article's save and share. */
function appControls(page: Page) {
  const hidden = { includeHidden: true };
  return [
    page.getByRole('group', { name: strings.textSize.label, ...hidden }),
    page.getByRole('button', { name: strings.theme.toggleDark, ...hidden }),
    page.getByRole('button', { name: strings.saved.save, exact: true, ...hidden }),
    page.getByRole('button', { name: strings.share.button, ...hidden }),
  ];
}

test('the controls only the app makes work are there from the first paint, before the app runs', async ({
  page,
}) => {
  const { article } = samplePages();
  // The app never starts (its entry is an empty module): what shows is the prerendered page, scripting on.
  await page.route('**/assets/index-*.js', (route) =>
    route.fulfill({ contentType: 'text/javascript', body: '' }),
  );
  await page.goto(articleUrl(article.id));
  for (const control of appControls(page)) await expect(control).toBeVisible();
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('an article shows its headline, date, source, body, tag links and related links', async ({ page }) => {
    const { article, full } = samplePages();
    await page.goto(articleUrl(article.id));
    await expect(page.getByRole('heading', { level: 1, name: full.title })).toBeVisible();
    if (full.date) await expect(page.locator('article time').first()).toBeVisible();
    if (full.source) await expect(page.getByText(full.source).first()).toBeVisible();
    await expect(page.getByText(full.body[0]!.slice(0, 40))).toBeVisible();
    const tags = page.getByRole('navigation', { name: strings.article.tags });
    for (const tag of full.tags) {
      await expect(tags.getByRole('link', { name: tag.label, exact: true })).toHaveAttribute(
        'href',
        `/tags/${encodeURIComponent(tag.slug)}`,
      );
    }
    if (full.related[0]) {
      await expect(page.getByRole('link', { name: full.related[0].title }).first()).toHaveAttribute(
        'href',
        articleUrl(full.related[0].id),
      );
    }
    // A tag chip is a plain link that works without the app.
    await tags.getByRole('link').first().click();
    await expect(page.getByRole('heading', { level: 1, name: full.tags[0]!.label })).toBeVisible();
  });

  test('the header search and the saved page say they need JavaScript, never «loading», and lead back to the news', async ({
    page,
  }) => {
    const topic = manifest().topics.find((t) => t.count > 0)!;
    await page.goto('/');
    const box = page.getByRole('search').getByRole('combobox', { name: strings.search.label });
    await box.fill('روسيا');
    await box.press('Enter');
    await expect(page).toHaveURL(/\/search\?q=/);
    // Playwright's text matching skips a <noscript> and its text (it assumes scripting is on): the notice's
    // first paragraph is found by its place.
    const notice = page.locator('noscript p').first();
    await expect(notice).toBeVisible();
    await expect(notice).toHaveText(strings.noScript.search);
    await expect(page.getByText(strings.searchPage.loading)).toBeHidden();
    const links = page.getByRole('navigation', { name: strings.noScript.links });
    await expect(links.getByRole('link', { name: strings.noScript.home })).toHaveAttribute('href', '/');
    await links.getByRole('link', { name: topic.label }).click();
    await expect(page.getByRole('heading', { level: 1, name: topic.label })).toBeVisible();

    await page.goto('/saved');
    await expect(notice).toBeVisible();
    await expect(notice).toHaveText(strings.noScript.saved);
    await expect(page.getByText(strings.loading)).toBeHidden();
    await expect(
      page
        .getByRole('navigation', { name: strings.noScript.links })
        .getByRole('link', { name: strings.noScript.home }),
    ).toBeVisible();
  });

  test('an article hides the controls only the app makes work: text size, theme, save and share', async ({
    page,
  }) => {
    const { article, full } = samplePages();
    await page.goto(articleUrl(article.id));
    await expect(page.getByRole('heading', { level: 1, name: full.title })).toBeVisible();
    for (const control of appControls(page)) {
      await expect(control).toHaveCount(1);
      await expect(control).toBeHidden();
    }
    await page.goto('/');
    const save = page.getByRole('button', {
      name: strings.saved.saveNamed(article.title),
      includeHidden: true,
    });
    await expect(save).toHaveCount(1);
    await expect(save).toBeHidden();
  });

  for (const colorScheme of ['dark', 'light'] as const) {
    test.describe(`on a system set to ${colorScheme}`, () => {
      test.use({ colorScheme });

      test(`the pages follow it: ${colorScheme} page, headline and cards`, async ({ page }) => {
        await expectTheme(page, colorScheme);
      });
    });
  }

  test('a list shows its cards and its paging links work', async ({ page }) => {
    await page.goto('/');
    const titles = page.getByRole('main').getByRole('article').getByRole('heading', { level: 2 });
    await expect(titles).toHaveCount(homeShard().items.length);
    const older = page.getByRole('link', { name: strings.pagination.older });
    const { older: olderPage } = homeShard();
    if (olderPage !== null) {
      await older.click();
      await expect(page).toHaveURL(new RegExp(`/page/${olderPage}$`));
      await expect(page.getByRole('link', { name: strings.pagination.newer })).toBeVisible();
    } else {
      await expect(older).toHaveCount(0);
    }
  });
});
