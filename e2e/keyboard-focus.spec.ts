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
