/**
 * The journeys a reader makes, on the production build (dist/ served by nginx), in real Chromium. Queries go
 * by role and by the Arabic text readers see (src/shared/strings.ar.ts), never by class.
 */
import type { Page, Route } from '@playwright/test';
import { strings } from '../src/shared/strings.ar.ts';
import { articleUrl, expect, failedResource, homeShard, navigateInApp, pageWidths, test, whenHydrated } from './fixtures.ts';

const KREMLIN = /^الكرملين: نرفض الانتقادات/;
const MACRON = /ماكرون/;

function sampleArticles() {
  const items = homeShard().items;
  const kremlin = items.find((item) => KREMLIN.test(item.title));
  const macron = items.find((item) => MACRON.test(item.title));
  if (!kremlin || !macron) throw new Error('the build lacks the two sample articles (npm run build)');
  return { kremlin, macron };
}

/** The titles of the article cards in the main list, in order. */
async function listedTitles(page: Page): Promise<string[]> {
  const headings = page.getByRole('main').getByRole('article').getByRole('heading', { level: 2 });
  await expect(headings.first()).toBeVisible();
  return headings.allInnerTexts();
}

const topicNav = (page: Page) => page.getByRole('navigation', { name: strings.topicFilter.label });

test.describe('home and topics', () => {
  test('html is Arabic, right to left', async ({ page }) => {
    await page.goto('/');
    await expect(page.locator('html')).toHaveAttribute('lang', 'ar');
    await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  });

  test('home lists the sample articles newest first, the undated one last', async ({ page }) => {
    await page.goto('/');
    await expect(page.getByRole('heading', { level: 1, name: strings.home.heading })).toBeVisible();
    await expect(page).toHaveTitle(`${strings.home.heading}${strings.titleSuffix}`);
    const titles = await listedTitles(page);
    const kremlin = titles.findIndex((title) => KREMLIN.test(title));
    const macron = titles.findIndex((title) => MACRON.test(title));
    expect(kremlin, `titles: ${titles.join(' | ')}`).toBeGreaterThanOrEqual(0);
    expect(macron, `titles: ${titles.join(' | ')}`).toBeGreaterThan(kremlin);
  });

  test('topic chips filter the list, and back restores it', async ({ page }) => {
    await page.goto('/');
    const before = await listedTitles(page);
    expect(before.length).toBeGreaterThanOrEqual(2);
    await expect(
      topicNav(page).getByRole('link', { name: new RegExp(`^${strings.topicFilter.all}`) }),
    ).toHaveAttribute('aria-current', 'page');

    await topicNav(page)
      .getByRole('link', { name: /كاراباخ/ })
      .click();
    await expect(page).toHaveURL(/\/topics\/[^/]+$/);
    await expect(page.getByRole('heading', { level: 1, name: /كاراباخ/ })).toBeVisible();
    await expect(topicNav(page).getByRole('link', { name: /كاراباخ/ })).toHaveAttribute(
      'aria-current',
      'page',
    );
    const karabakh = await listedTitles(page);
    expect(karabakh).toHaveLength(1);
    expect(karabakh[0]).toMatch(KREMLIN);

    await topicNav(page)
      .getByRole('link', { name: /أوكرانيا/ })
      .click();
    await expect(page.getByRole('heading', { level: 1, name: /أوكرانيا/ })).toBeVisible();
    const ukraine = await listedTitles(page);
    expect(ukraine).toHaveLength(1);
    expect(ukraine[0]).toMatch(MACRON);

    await page.goBack();
    await expect(page.getByRole('heading', { level: 1, name: /كاراباخ/ })).toBeVisible();
    expect(await listedTitles(page)).toEqual(karabakh);
    await page.goBack();
    await expect(page.getByRole('heading', { level: 1, name: strings.home.heading })).toBeVisible();
    expect(await listedTitles(page)).toEqual(before);
  });
});

test.describe('an article', () => {
  test('shows its date in Arabic with the Hijri date, tag chips and the related panel', async ({ page }) => {
    const { kremlin } = sampleArticles();
    await page.goto('/');
    await page.getByRole('link', { name: kremlin.title }).click();
    await expect(page).toHaveURL(articleUrl(kremlin.id));
    await expect(page.getByRole('heading', { level: 1, name: kremlin.title })).toBeVisible();
    await expect(page).toHaveTitle(`${kremlin.title}${strings.titleSuffix}`);

    const header = page.getByRole('article').first().locator('header');
    const time = header.locator('time');
    await expect(time).toHaveAttribute('datetime', /^2023-09-25/);
    // 25 September 2023 is 10 Rabi' al-Awwal 1445 (Umm al-Qura), both in Arabic-Indic digits.
    await expect(time).toContainText('٢٥ سبتمبر ٢٠٢٣');
    await expect(time).toContainText(/ربيع الأول ١٤٤٥/);
    await expect(page.getByRole('main')).not.toContainText('Invalid Date');

    const tags = page.getByRole('navigation', { name: strings.article.tags });
    await expect(tags.getByRole('link').first()).toBeVisible();
    expect(await tags.getByRole('link').count()).toBeGreaterThanOrEqual(3);
    await expect(tags.getByRole('link', { name: 'كاراباخ', exact: true })).toBeVisible();

    const related = page.getByRole('complementary', { name: strings.article.related });
    await expect(related.getByRole('heading', { name: strings.article.related })).toBeVisible();
    await expect(related.getByRole('link').first()).toBeVisible();
  });

  test('on a short laptop screen, every related headline can be reached while reading, not only at the article’s end', async ({ page }) => {
    // The panel follows the reader down the article; taller than the screen, its end used to stay below it.
    await page.setViewportSize({ width: 1280, height: 420 });
    await page.goto(articleUrl(sampleArticles().kremlin.id));
    await whenHydrated(page);
    const related = page.getByRole('complementary', { name: strings.article.related });
    // The sample's panel has one headline; a real corpus's has six.
    await related.getByRole('list').evaluate((list) => {
      while (list.children.length < 6) list.append(list.firstElementChild!.cloneNode(true));
    });
    const height = await related.evaluate((panel) => panel.scrollHeight);
    expect(height, 'a panel taller than the screen').toBeGreaterThan(420);
    await page.evaluate(() => window.scrollTo(0, 300));
    const last = related.getByRole('link').last();
    // What the browser does for a reader who tabs to it.
    await last.evaluate((link) => link.scrollIntoView({ block: 'nearest' }));
    const box = (await last.boundingBox())!;
    expect(box.y + box.height, 'the last headline, on screen').toBeLessThanOrEqual(420);
    expect(await page.evaluate(() => window.scrollY), 'the article where the reader was').toBe(300);
  });

  test('the undated article shows no date at all', async ({ page }) => {
    const { macron } = sampleArticles();
    await page.goto(articleUrl(macron.id));
    await expect(page.getByRole('heading', { level: 1, name: macron.title })).toBeVisible();
    await expect(page.getByRole('article').first().locator('header time')).toHaveCount(0);
    await expect(page.locator('body')).not.toContainText(/Invalid Date|NaN|undefined|null/);
  });

  test('a tag chip leads to the tag page, which lists the article', async ({ page }) => {
    const { kremlin } = sampleArticles();
    await page.goto(articleUrl(kremlin.id));
    const tags = page.getByRole('navigation', { name: strings.article.tags });
    await tags.getByRole('link', { name: 'دميتري بيسكوف', exact: true }).click();
    await expect(page).toHaveURL(/\/tags\/[^/]+$/);
    await expect(page.getByRole('heading', { level: 1, name: 'دميتري بيسكوف' })).toBeVisible();
    await expect(page.getByText(strings.list.tagEyebrow, { exact: true })).toBeVisible();
    await expect(page.getByRole('main').getByRole('link', { name: kremlin.title })).toBeVisible();
  });

  test('markup inside article text is shown as text and never runs', async ({ page }) => {
    const { kremlin } = sampleArticles();
    const payload = '<img src=x onerror="window.__xss=1;alert(1)">';
    let dialogs = 0;
    page.on('dialog', (dialog) => {
      dialogs++;
      void dialog.dismiss();
    });
    await page.route('**/data/*/articles/**', async (route) => {
      const response = await route.fetch();
      const article = await response.json();
      article.title = `خبر ${payload}`;
      article.body = [`فقرة <script>window.__xss=2</script> ${payload}`, ...article.body];
      article.tags = [{ slug: 'x"><svg onload=alert(3)>', label: `<b>وسم</b>${payload}` }, ...article.tags];
      await route.fulfill({ response, json: article });
    });
    await navigateInApp(page, articleUrl(kremlin.id));
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(`خبر ${payload}`);
    await expect(page.getByText('فقرة <script>window.__xss=2</script>', { exact: false })).toBeVisible();
    await expect(
      page.getByRole('navigation', { name: strings.article.tags }).getByRole('link').first(),
    ).toHaveText(`<b>وسم</b>${payload}`);
    // The article's own lead picture is an img too; the payload's is the one with src=x.
    await expect(page.locator('main img[src="x"], main script, main svg[onload]')).toHaveCount(0);
    expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
    expect(dialogs).toBe(0);
  });
});

test.describe('not found', () => {
  test.use({ allowConsoleErrors: [failedResource(404)] });

  const cases: [string, string][] = [
    ['an unknown path', '/no/such/page'],
    ['an unknown article id', '/articles/no-such-article'],
    ['an unknown tag', `/tags/${encodeURIComponent('وسم-لا-وجود-له')}`],
    ['an unknown topic', '/topics/atlantis'],
    ['a 3,000-character article id', `/articles/${'a'.repeat(3000)}`],
    // Longer Arabic overflows the 16 KB request line of Node and nginx (431/414) before reaching the app.
    ['a 1,000-letter Arabic tag', `/tags/${encodeURIComponent('ب'.repeat(1000))}`],
    ['a path climbing out of articles', '/articles/../../etc'],
    ['an unknown page of home', '/page/999'],
    ['an invalid page number', '/page/abc'],
  ];
  for (const [label, path] of [
    ['a malformed escape in a tag', '/tags/%E0%A4%A'],
    ['an encoded path climbing out of articles', '/articles/..%2F..%2Fetc%2Fpasswd'],
  ]) {
    test(`${label} (${path}) reached in the app shows the 404 page`, async ({ page }) => {
      // nginx answers this URL with its own 400 before the app loads (deploy-nginx.spec.ts), so the app
      // meets it only through client-side navigation.
      await navigateInApp(page, path!);
      await expect(page.getByRole('heading', { level: 1, name: strings.notFound.title })).toBeVisible();
      await expect(page.getByRole('link', { name: strings.notFound.home })).toBeVisible();
    });
  }

  for (const [label, path] of cases) {
    test(`${label} shows the 404 page with a way home`, async ({ page }) => {
      await page.goto(path);
      await expect(page.getByRole('heading', { level: 1, name: strings.notFound.title })).toBeVisible();
      const home = page.getByRole('link', { name: strings.notFound.home });
      await expect(home).toBeVisible();
      await home.click();
      await expect(page.getByRole('heading', { level: 1, name: strings.home.heading })).toBeVisible();
    });
  }
});

test.describe('failures', () => {
  test.use({ allowConsoleErrors: [failedResource(500)] });

  /** Answers 500 for matching data while `failing` says so, and counts the failed answers. */
  async function failData(page: Page, pattern: string) {
    const state = { failing: true, failures: 0 };
    await page.route(pattern, async (route: Route) => {
      if (!state.failing) return route.continue();
      state.failures++;
      return route.fulfill({ status: 500, body: 'server error' });
    });
    return state;
  }

  test('a data request that fails once is retried without bothering the reader', async ({ page }) => {
    let failures = 0;
    await page.route('**/data/*/home/**', async (route) => {
      if (failures++ === 0) return route.fulfill({ status: 500, body: 'server error' });
      return route.continue();
    });
    await navigateInApp(page, '/', articleUrl(sampleArticles().kremlin.id));
    // The query retries after its back-off (1 s), so allow more than the default 5 s on a busy machine.
    await expect(page.getByRole('heading', { level: 1, name: strings.home.heading })).toBeVisible({
      timeout: 15_000,
    });
    await expect(page.getByRole('main').getByRole('heading', { level: 2 }).first()).toBeVisible();
    expect(failures, 'one failed answer, then one that succeeded').toBe(2);
  });

  test('a data failure shows the error view, and its retry button recovers', async ({ page }) => {
    const { kremlin } = sampleArticles();
    const state = await failData(page, '**/data/*/articles/**');
    await navigateInApp(page, articleUrl(kremlin.id));
    await expect(page.getByRole('heading', { name: strings.error.title })).toBeVisible({ timeout: 20_000 });
    await expect(
      page.getByText(strings.error.generic).or(page.getByText(strings.error.network)),
    ).toBeVisible();
    console.log(`error view shown after ${state.failures} failed attempt(s)`);

    state.failing = false;
    await page.getByRole('button', { name: strings.error.retry }).click();
    await expect(page.getByRole('heading', { level: 1, name: kremlin.title })).toBeVisible();
  });

  test('a failing list shows the error view and recovers too', async ({ page }) => {
    const state = await failData(page, '**/data/*/home/**');
    await navigateInApp(page, '/', articleUrl(sampleArticles().kremlin.id));
    await expect(page.getByRole('heading', { name: strings.error.title })).toBeVisible({ timeout: 20_000 });
    state.failing = false;
    await page.getByRole('button', { name: strings.error.retry }).click();
    await expect(page.getByRole('heading', { level: 1, name: strings.home.heading })).toBeVisible();
    expect((await listedTitles(page)).length).toBeGreaterThanOrEqual(2);
  });
});

test.describe('layout and preferences', () => {
  test.describe('at 360 px wide', () => {
    test.use({ viewport: { width: 360, height: 740 } });

    for (const [label, path] of [
      ['home', '/'],
      ['an article', 'article'],
      ['a topic', 'topic'],
    ] as const) {
      test(`${label} never scrolls sideways`, async ({ page }) => {
        if (path === 'article') await page.goto(articleUrl(sampleArticles().kremlin.id));
        else if (path === 'topic') {
          await page.goto('/');
          await topicNav(page)
            .getByRole('link', { name: /كاراباخ/ })
            .click();
        } else await page.goto(path);
        await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
        await page.evaluate(() => document.fonts.ready);
        const { scrollWidth } = await pageWidths(page);
        expect(scrollWidth).toBeLessThanOrEqual(360);
      });
    }
  });

  test('a headline, paragraph or related headline that is one long word (a pasted link) wraps at 390 px instead of widening the page', async ({ page }) => {
    await page.setViewportSize({ width: 390, height: 800 });
    // What a feed can carry: a link pasted whole into a headline or a paragraph.
    const link = `https://example.org/${'a'.repeat(150)}`;
    const paste = (selectors: string[]) =>
      page.evaluate(
        ([text, ...all]) => {
          for (const selector of all) document.querySelector(selector)!.textContent = text!;
        },
        [link, ...selectors],
      );
    await page.goto('/');
    await whenHydrated(page);
    await paste(['main h2 a', 'main .card-excerpt']);
    expect((await pageWidths(page)).scrollWidth, 'home').toBeLessThanOrEqual(390);

    await page.goto(articleUrl(sampleArticles().kremlin.id));
    await whenHydrated(page);
    await paste(['main h1', 'main article p:not([class])', 'main aside h3']);
    expect((await pageWidths(page)).scrollWidth, 'article').toBeLessThanOrEqual(390);
  });

  test('an article’s long tag wraps inside its chip at 320 px instead of running off the screen', async ({ page }) => {
    await page.setViewportSize({ width: 320, height: 740 });
    await page.goto(articleUrl(sampleArticles().kremlin.id));
    await whenHydrated(page);
    const tags = page.getByRole('navigation', { name: strings.article.tags });
    // A keyword line or a feed's tag of many words (the ingest keeps tags up to 200 characters).
    await tags.getByRole('link').first().evaluate((chip) => {
      chip.lastChild!.textContent = 'الانتخابات الرئاسية والتشريعية المبكرة في الجمهورية';
    });
    expect((await pageWidths(page)).scrollWidth).toBeLessThanOrEqual(320);
  });

  test('a row of chips that runs past the screen fades out at its end until it is scrolled there, and not while a chip has the focus', async ({ page }) => {
    const fadeOf = (row: ReturnType<Page['getByRole']>) =>
      row.evaluate((el) => parseFloat(getComputedStyle(el).getPropertyValue('--scroll-fade')));
    await page.setViewportSize({ width: 390, height: 800 });
    await page.goto('/');
    await whenHydrated(page);
    const chips = page.getByRole('navigation', { name: strings.topicFilter.label });
    expect(await chips.evaluate((el) => el.scrollWidth > el.clientWidth)).toBe(true);
    expect(await fadeOf(chips)).toBeGreaterThan(30);
    expect(await fadeOf(page.getByRole('navigation', { name: strings.nav.topics }).getByRole('list'))).toBeGreaterThan(30);
    // Right to left, the end is the left: scrolled there, nothing is left to hint at.
    await chips.evaluate((el) => el.scrollTo({ left: -el.scrollWidth }));
    await expect.poll(() => fadeOf(chips)).toBeLessThan(1);
    await chips.evaluate((el) => el.scrollTo({ left: 0 }));
    await chips.getByRole('link').nth(1).focus();
    expect(await chips.evaluate((el) => getComputedStyle(el).maskImage)).toBe('none');

    // A row that fits does not fade.
    await page.setViewportSize({ width: 1280, height: 800 });
    await expect.poll(() => fadeOf(chips)).toBe(0);
  });

  test('the dark-mode toggle persists across a reload', async ({ page }) => {
    await page.emulateMedia({ colorScheme: 'light' });
    await page.goto('/');
    await whenHydrated(page);
    const toggle = page.getByRole('button', { name: strings.theme.toggleDark });
    await expect(toggle).toHaveAttribute('aria-pressed', 'false');
    await expect(page.locator('html')).not.toHaveClass(/\bdark\b/);
    const lightBackground = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);

    await toggle.click();
    await expect(toggle).toHaveAttribute('aria-pressed', 'true');
    await expect(page.locator('html')).toHaveClass(/\bdark\b/);
    const darkBackground = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    expect(darkBackground).not.toBe(lightBackground);

    await page.reload();
    await expect(page.locator('html')).toHaveClass(/\bdark\b/);
    await expect(page.getByRole('button', { name: strings.theme.toggleDark })).toHaveAttribute(
      'aria-pressed',
      'true',
    );

    await page.getByRole('button', { name: strings.theme.toggleDark }).click();
    await page.reload();
    await expect(page.locator('html')).not.toHaveClass(/\bdark\b/);
  });

  test('the system dark setting applies when no choice is saved', async ({ page }) => {
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.goto('/');
    await expect(page.locator('html')).toHaveClass(/\bdark\b/);
    await expect(page.getByRole('button', { name: strings.theme.toggleDark })).toHaveAttribute(
      'aria-pressed',
      'true',
    );
  });

  test('the skip link is the first Tab stop and moves focus to main', async ({ page }) => {
    await page.goto('/');
    await expect(page.getByRole('heading', { level: 1, name: strings.home.heading })).toBeVisible();
    await page.keyboard.press('Tab');
    const skip = page.getByRole('link', { name: strings.skipToContent });
    await expect(skip).toBeFocused();
    await expect(skip).toBeVisible();
    await page.keyboard.press('Enter');
    const focusedInMain = await page.evaluate(() => {
      const main = document.querySelector('main');
      return Boolean(main && document.activeElement && main.contains(document.activeElement));
    });
    expect(focusedInMain, 'focus moved into <main>').toBe(true);
    // The next Tab continues inside the content, not back at the header.
    await page.keyboard.press('Tab');
    expect(
      await page.evaluate(() => Boolean(document.querySelector('main')?.contains(document.activeElement))),
    ).toBe(true);
  });
});
