/**
 * Pictures, text size, sharing and print (issue #10 items 1, 3, 4, 5), the way a reader meets them, on the
 * production build through nginx. The seed gives the Kremlin article a local picture; the journey of a
 * picture that fails answers that picture's request with a 404 itself, so the real content ships no
 * broken picture.
 */
import { strings } from '../src/shared/strings.ar.ts';
import { articleUrl, expect, failedResource, homeShard, pageWidths, test, whenHydrated } from './fixtures.ts';

function sample(pattern: RegExp) {
  const item = homeShard().items.find((i) => pattern.test(i.title));
  if (!item) throw new Error('the build lacks the sample articles (npm run build)');
  return item;
}
const kremlin = () => sample(/^الكرملين/);


test.describe('pictures', () => {
  test.use({ allowConsoleErrors: [failedResource(404)] });

  test('the article shows its picture under the headline with caption and credit, without a layout shift', async ({ page }) => {
    await page.addInitScript(() => {
      (window as unknown as { cls: number }).cls = 0;
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries() as Array<PerformanceEntry & { value: number; hadRecentInput: boolean }>) {
          if (!entry.hadRecentInput) (window as unknown as { cls: number }).cls += entry.value;
        }
      }).observe({ type: 'layout-shift', buffered: true });
    });
    await page.goto(articleUrl(kremlin().id));
    const figure = page.getByRole('main').getByRole('figure');
    await expect(figure).toContainText('مبنى الكرملين في موسكو');
    await expect(figure).toContainText(`${strings.picture.credit}: قارئ الأخبار`);
    const img = figure.locator('img');
    await expect(img).toHaveAttribute('fetchpriority', 'high');
    await expect(img).not.toHaveAttribute('loading', 'lazy');
    await expect.poll(() => img.evaluate((el: HTMLImageElement) => el.complete && el.naturalWidth > 0)).toBe(true);
    await whenHydrated(page);
    await page.waitForTimeout(500);
    const cls = await page.evaluate(() => (window as unknown as { cls: number }).cls);
    console.log(`CLS on the article with a picture: ${cls}`);
    expect(cls).toBeLessThan(0.01);
    const og = await page.locator('meta[property="og:image"]').getAttribute('content');
    expect(og).toMatch(/\/images\/kremlin\.jpg$/);

    // On a list, the first card's picture is the likely largest paint: fetched first, never lazily.
    await page.goto('/');
    const first = page.getByRole('main').getByRole('article').first().locator('img');
    await expect(first).toHaveAttribute('fetchpriority', 'high');
    await expect(first).toHaveAttribute('loading', 'eager');
  });

  test('a picture that fails to load leaves no icon and no hole, on the article and its card', async ({ page }) => {
    await page.route('**/images/kremlin.jpg', (route) => route.fulfill({ status: 404, body: 'not found' }));
    await page.goto(articleUrl(kremlin().id));
    await whenHydrated(page);
    await expect(page.getByRole('heading', { level: 1 })).toContainText('الكرملين');
    await expect(page.getByRole('main').getByRole('figure')).toHaveCount(0);
    await expect(page.locator('main img[src*="kremlin"]')).toHaveCount(0);

    await page.goto('/');
    await whenHydrated(page);
    const card = page.getByRole('main').getByRole('article').filter({ hasText: 'الكرملين' });
    await expect(card.getByRole('heading')).toBeVisible();
    await expect(card.locator('img')).toHaveCount(0);
  });
});

test.describe('text size', () => {
  test('steps up with the keyboard, is kept across a reload without a jump, and never scrolls sideways at 360 px', async ({ page }) => {
    await page.setViewportSize({ width: 360, height: 740 });
    await page.goto(articleUrl(kremlin().id));
    await whenHydrated(page);
    const headline = page.getByRole('heading', { level: 1 });
    const before = (await headline.boundingBox())!;
    const larger = page.getByRole('button', { name: strings.textSize.larger });
    await larger.focus();
    for (let i = 0; i < 3; i++) await page.keyboard.press('Enter');
    await expect(larger).toHaveAttribute('aria-disabled', 'true');
    await expect(page.locator('html')).toHaveAttribute('data-text-size', 'xl');
    const grown = (await headline.boundingBox())!;
    expect(grown.height).toBeGreaterThan(before.height);
    expect(await page.evaluate(() => localStorage.getItem('text-size'))).toBe('xl');
    const widths = await pageWidths(page);
    expect(widths.scrollWidth).toBeLessThanOrEqual(widths.clientWidth);

    // The headline's box at the first frame it is painted (the prerendered HTML, before the app runs), and
    // after hydration, in the same load.
    await page.addInitScript(() => {
      const frame = () => {
        const h1 = document.querySelector('h1');
        if (!h1) return requestAnimationFrame(frame);
        const r = h1.getBoundingClientRect();
        (window as unknown as { painted: object }).painted = { x: r.x, y: r.y, width: r.width, height: r.height, hydrated: '__reactRouterVersion' in window };
      };
      requestAnimationFrame(frame);
    });
    await page.reload();
    await whenHydrated(page);
    await expect(larger).toHaveAttribute('aria-disabled', 'true');
    const { hydrated: early, ...painted } = await page.evaluate(() => (window as unknown as { painted: { hydrated: boolean } }).painted);
    expect(early).toBe(false);
    const after = (await headline.boundingBox())!;
    expect(painted).toEqual(after);
    expect(after.height).toBeGreaterThan(before.height);

    await page.getByRole('button', { name: strings.textSize.smaller }).click();
    await expect(page.locator('html')).toHaveAttribute('data-text-size', 'lg');
    const list = await pageWidths(page);
    expect(list.scrollWidth).toBeLessThanOrEqual(list.clientWidth);
  });
});

test.describe('sharing', () => {
  test('without navigator.share, the menu copies the link and links to WhatsApp, Telegram, X and Facebook', async ({ page, context }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await page.addInitScript(() => {
      delete (Navigator.prototype as { share?: unknown }).share;
    });
    const article = kremlin();
    await page.goto(articleUrl(article.id));
    await whenHydrated(page);
    const share = page.getByRole('button', { name: strings.share.button });
    await share.click();
    await expect(share).toHaveAttribute('aria-expanded', 'true');
    const menu = page.getByRole('group', { name: strings.share.menu });
    await menu.getByRole('button', { name: strings.share.copyLink }).click();
    await expect(page.getByRole('status').filter({ hasText: strings.share.copied })).toBeVisible();
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(new URL(copied).pathname).toBe(articleUrl(article.id));

    const href = async (name: string) => new URL((await menu.getByRole('link', { name }).getAttribute('href'))!);
    expect((await href(strings.share.whatsapp)).searchParams.get('text')).toBe(`${article.title} ${copied}`);
    const telegram = await href(strings.share.telegram);
    expect([telegram.searchParams.get('url'), telegram.searchParams.get('text')]).toEqual([copied, article.title]);
    const x = await href(strings.share.x);
    expect([x.host, x.searchParams.get('url'), x.searchParams.get('text')]).toEqual(['x.com', copied, article.title]);
    expect((await href(strings.share.facebook)).searchParams.get('u')).toBe(copied);

    await page.keyboard.press('Escape');
    await expect(share).toHaveAttribute('aria-expanded', 'false');
    await expect(menu).toBeHidden();
    await expect(share).toBeFocused();
  });
});

test.describe('print', () => {
  test('prints only the article, black on white, with its address at the end', async ({ page }) => {
    await page.emulateMedia({ colorScheme: 'dark' });
    const article = kremlin();
    await page.goto(articleUrl(article.id));
    await whenHydrated(page);
    await page.emulateMedia({ media: 'print', colorScheme: 'dark' });

    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await expect(page.getByRole('main').getByRole('figure')).toBeVisible();
    await expect(page.getByRole('navigation', { name: strings.article.tags })).toBeVisible();
    await expect(page.getByRole('banner')).toBeHidden();
    await expect(page.getByRole('contentinfo')).toBeHidden();
    await expect(page.getByRole('button', { name: strings.share.button })).toBeHidden();
    await expect(page.getByRole('heading', { name: strings.article.related })).toBeHidden();
    await expect(page.getByText(strings.print.url)).toBeVisible();
    await expect(page.getByText(strings.print.url)).toContainText(articleUrl(article.id));

    const colours = await page.evaluate(() => {
      const h1 = document.querySelector('h1')!;
      const p = document.querySelector('main article p')!;
      return [getComputedStyle(h1).color, getComputedStyle(p).color, getComputedStyle(document.body).backgroundColor];
    });
    expect(colours).toEqual(['rgb(0, 0, 0)', 'rgb(0, 0, 0)', 'rgb(255, 255, 255)']);
    await page.pdf({ path: '/tmp/shots-pictures/article.pdf' }).catch(() => undefined);
  });
});

test('the «·» between an article’s date, source and reading time is drawn between two items, never at a line’s start', async ({ page }) => {
  let wrapped = false;
  for (const width of [340, 390, 1280]) {
    await page.setViewportSize({ width, height: 800 });
    await page.goto(articleUrl(kremlin().id));
    const dots = await page
      .getByRole('article')
      .locator('header p')
      .first()
      .evaluate((line) => {
        const box = line.getBoundingClientRect();
        return [...line.querySelectorAll('[aria-hidden="true"]')]
          .filter((dot) => dot.textContent === '·')
          .map((dot) => {
            const drawn = dot.getBoundingClientRect();
            // Right to left: an item that starts a line has its right edge at the line's.
            const startsLine = Math.abs(dot.parentElement!.getBoundingClientRect().right - box.right) < 1;
            // Overflow is clipped: a dot outside the paragraph's box is not drawn.
            const visible = drawn.left >= box.left - 0.5 && drawn.right <= box.right + 0.5;
            return { startsLine, visible };
          });
      });
    expect(dots.length, `${width} px`).toBe(2);
    for (const dot of dots) expect(dot.visible, `${width} px: ${JSON.stringify(dots)}`).toBe(!dot.startsLine);
    wrapped ||= dots.some((dot) => dot.startsLine);
  }
  expect(wrapped, 'at one width at least an item starts a second line').toBe(true);
});
