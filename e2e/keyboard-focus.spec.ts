/**
 * Where the keyboard's focus goes, in real Chromium on the production build: to the new page's heading after
 * a navigation inside the app (src/app/use-route-focus.ts).
 */
import type { Locator, Page } from '@playwright/test';
import { strings } from '../src/shared/strings.ar.ts';
import { articleUrl, expect, homeShard, test, whenHydrated } from './fixtures.ts';

const h1 = (page: Page) => page.getByRole('heading', { level: 1 });

/** Enter on a link reached from the keyboard, as a reader without a mouse opens it. */
async function openWithKeyboard(link: Locator): Promise<void> {
  await link.focus();
  await link.press('Enter');
}

const focusedText = (page: Page) => page.evaluate(() => document.activeElement?.textContent?.trim() ?? '');

test.describe('focus after a navigation in the app', () => {
  test('topic, article, tag: each page’s h1 takes the focus, shows the focus style, and the page stays at its top', async ({
    page,
  }) => {
    await page.goto('/');
    await whenHydrated(page);
    await expect(h1(page)).toHaveText(strings.home.heading);
    await expect(h1(page)).not.toBeFocused();

    const topics = page.getByRole('navigation', { name: strings.nav.topics });
    await openWithKeyboard(topics.getByRole('link', { name: 'كاراباخ' }));
    await expect(h1(page)).toHaveText('كاراباخ');
    await expect(h1(page)).toBeFocused();
    await expect(page).toHaveTitle(`كاراباخ${strings.titleSuffix}`);
    expect(
      await h1(page).evaluate((el) => el.matches(':focus-visible') && getComputedStyle(el).outlineStyle),
    ).toBe('solid');

    const card = page
      .getByRole('main')
      .getByRole('article')
      .first()
      .getByRole('heading', { level: 2 })
      .getByRole('link');
    const title = (await card.textContent())?.trim() ?? '';
    await openWithKeyboard(card);
    await expect(h1(page)).toHaveText(title);
    await expect(h1(page)).toBeFocused();
    expect(await page.evaluate(() => window.scrollY)).toBe(0);

    const chip = page.getByRole('navigation', { name: strings.article.tags }).getByRole('link').first();
    const tag = (await chip.textContent())?.trim() ?? '';
    await openWithKeyboard(chip);
    await expect(page.getByText(strings.list.tagEyebrow, { exact: true })).toBeVisible();
    await expect(h1(page)).toBeFocused();
    expect(tag).toContain((await h1(page).textContent())?.trim() ?? '');

    // The next Tab goes on inside the new page, after its heading.
    await page.keyboard.press('Tab');
    expect(
      await page.evaluate(() => Boolean(document.querySelector('main')?.contains(document.activeElement))),
    ).toBe(true);
    expect(await focusedText(page)).not.toBe('');
  });

  test('back to a page left at its top focuses its heading; a click shows no focus ring', async ({
    page,
  }) => {
    const article = homeShard().items[0];
    await page.goto(articleUrl(article?.id ?? ''));
    await whenHydrated(page);
    await page
      .getByRole('navigation', { name: strings.nav.topics })
      .getByRole('link', { name: 'كاراباخ' })
      .click();
    await expect(h1(page)).toHaveText('كاراباخ');
    await expect(h1(page)).toBeFocused();
    expect(await h1(page).evaluate((el) => el.matches(':focus-visible'))).toBe(false);
    await page.goBack();
    await expect(h1(page)).toHaveText(article?.title ?? '');
    await expect(h1(page)).toBeFocused();
  });
});

interface TabStop {
  name: string;
  top: number;
  bottom: number;
  left: number;
  right: number;
}

/** The header's Tab stops after the skip link, each with its accessible name as the tests know it. */
async function headerTabStops(page: Page): Promise<TabStop[]> {
  await page.keyboard.press('Tab');
  await expect(page.getByRole('link', { name: strings.skipToContent })).toBeFocused();
  const stops: TabStop[] = [];
  for (;;) {
    await page.keyboard.press('Tab');
    const stop = await page.evaluate(() => {
      const el = document.activeElement;
      if (!el || !el.closest('header') || el.closest('nav')) return null;
      const { top, bottom, left, right } = el.getBoundingClientRect();
      const name = el.getAttribute('aria-label') ?? (el.textContent ?? '').trim();
      return { name, top, bottom, left, right };
    });
    if (stop === null) return stops;
    stops.push(stop);
  }
}

/** Whether `next` comes after `previous` in reading order: a row further down, or on the same row to the left. */
function readsAfter(previous: TabStop, next: TabStop): boolean {
  const sameRow = next.top < previous.bottom && previous.top < next.bottom;
  return sameRow ? next.right <= previous.left + 1 : next.top >= previous.bottom;
}

test.describe('the header’s Tab order is its order on screen', () => {
  // The same order at every width: the controls, then the search box (docs/decisions/047).
  const names = [
    strings.siteName,
    strings.saved.nav,
    strings.textSize.smaller,
    strings.textSize.larger,
    strings.theme.toggleDark,
    '',
    strings.search.submit,
  ];
  for (const width of [390, 1280]) {
    test(`at ${width} px: rows top to bottom, right to left on a row`, async ({ page }) => {
      await page.setViewportSize({ width, height: 800 });
      await page.goto('/');
      await whenHydrated(page);
      const stops = await headerTabStops(page);
      // '' is the search box, named by its hidden label rather than aria-label or text.
      expect(stops.map((stop) => stop.name)).toEqual(names);
      for (let i = 1; i < stops.length; i++) {
        expect(
          readsAfter(stops[i - 1]!, stops[i]!),
          `${stops[i]!.name || 'the search box'} after ${stops[i - 1]!.name}`,
        ).toBe(true);
      }
    });
  }
});
