/**
 * Search journeys against the production build (the sample content: the seed's two articles). The
 * console guard of fixtures.ts fails a test on any console error or uncaught exception.
 */
import type { Page } from '@playwright/test';
import { formatNumber } from '../src/shared/lib/format.ts';
import { MAX_QUERY_CHARS } from '../src/shared/lib/search-terms.ts';
import { strings } from '../src/shared/strings.ar.ts';
import { expect as baseExpect, test, whenHydrated } from './fixtures.ts';

const s = strings.searchPage;
const results = (page: Page) => page.getByRole('list', { name: s.resultsLabel });
const facets = (page: Page) => page.getByRole('navigation', { name: s.facetsLabel });
// The first search of a page loads Pagefind and its WASM; two workers share two cores.
const expect = baseExpect.configure({ timeout: 15_000 });
test.use({ actionTimeout: 15_000 });

test('a query typed in the header shows results with a highlighted excerpt', async ({ page }) => {
  await page.goto('/');
  // Typing before the app has taken over the page would be lost when it renders the header again.
  await expect(page.getByRole('heading', { level: 1, name: strings.home.heading })).toBeVisible();
  const box = page.getByRole('search').getByRole('combobox', { name: strings.search.label });
  await box.fill('بيسكوف');
  await box.press('Enter');
  await expect(page).toHaveURL(/\/search\?q=%D8%A8/);
  await expect(page.getByRole('heading', { level: 1 })).toContainText('بيسكوف');
  const first = results(page).getByRole('listitem').first();
  await expect(first.getByRole('link')).toContainText('الكرملين');
  await expect(first.locator('mark').first()).toContainText('بيسكوف');
  await expect(first.locator('time')).toBeVisible();
  await first.getByRole('link').click();
  await expect(page).toHaveURL(/\/articles\//);
});

test('a topic facet and then a tag facet narrow the results, and back restores each state', async ({ page }) => {
  // Seven searches in one test: on the shared 2-core machine they pass the default 30 s.
  test.slow();
  await page.goto('/search?q=روسيا');
  await expect(results(page).getByRole('listitem')).toHaveCount(2);

  await facets(page).getByRole('link', { name: /كاراباخ/ }).first().click();
  await expect(page).toHaveURL(/topic=karabakh/);
  await expect(results(page).getByRole('listitem')).toHaveCount(1);

  const tagLinks = facets(page).getByRole('region', { name: s.tags }).getByRole('link');
  const tagName = (await tagLinks.first().textContent()) ?? '';
  await tagLinks.first().click();
  await expect(page).toHaveURL(/topic=karabakh&tag=/);
  await expect(page.getByRole('group', { name: s.activeFilters })).toContainText(tagName.replace(/\s*\(.*\)$/, ''));
  await expect(results(page).getByRole('listitem')).toHaveCount(1);

  await page.goBack();
  await expect(page).toHaveURL(/topic=karabakh$/);
  await expect(results(page).getByRole('listitem')).toHaveCount(1);
  await page.goBack();
  await expect(page).not.toHaveURL(/topic=/);
  await expect(results(page).getByRole('listitem')).toHaveCount(2);

  await page.reload();
  await expect(results(page).getByRole('listitem')).toHaveCount(2);
});

test('filters alone browse the corpus, newest first', async ({ page }) => {
  await page.goto('/search?topic=karabakh');
  await expect(page.getByRole('heading', { level: 1, name: s.browseHeading })).toBeVisible();
  await expect(results(page).getByRole('listitem')).toHaveCount(1);
});

test('a search with no results shows a helpful empty state', async ({ page }) => {
  await page.goto('/search?q=زمردستان&topic=karabakh');
  await expect(page.getByRole('heading', { name: s.emptyTitle })).toBeVisible();
  await expect(page.getByText(s.checkSpelling)).toBeVisible();
  await expect(page.getByRole('link', { name: 'كاراباخ' }).last()).toHaveAttribute('href', '/topics/karabakh');
  await expect(page.getByText(s.emptyForFiltered('زمردستان'))).toBeVisible();
  await page.getByRole('link', { name: s.searchWithoutFilters('زمردستان') }).click();
  await expect(page).toHaveURL(/\/search\?q=[^&]+$/);
});

const hostile = [
  ['a broken percent escape', '/search?q=%E0%A4%A'],
  // ASCII, since 5,000 Arabic letters percent-encoded overflow any server's request-line limit.
  ['a 5,000-character query', `/search?q=${'ab '.repeat(1667)}`],
  ['a script tag', `/search?q=${encodeURIComponent('<script>window.__pwned=1</script>')}`],
  ['an image with onerror', `/search?q=${encodeURIComponent('<img src=x onerror="window.__pwned=1">')}&tag=${encodeURIComponent('<b>')}`],
  ['markup in the filters', `/search?topic=${encodeURIComponent('"><svg onload=alert(1)>')}`],
];

for (const [name, url] of hostile) {
  test(`a hostile query (${name}) renders safely and runs nothing`, async ({ page }) => {
    page.on('dialog', (dialog) => {
      throw new Error(`unexpected dialog: ${dialog.message()}`);
    });
    await page.goto(url!);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await expect(page.getByText(s.loading)).toHaveCount(0);
    expect(await page.evaluate(() => 'pwned' in window || '__pwned' in window)).toBe(false);
    await expect(page.locator('main img[src="x"], main svg[onload], main script')).toHaveCount(0);
  });
}

const variants = [
  ['أرمينيا finds the text that says وأرمينيا', 'أرمينيا'],
  ['اذربيجان (no hamza) finds أذربيجان', 'اذربيجان'],
  ['كراباخ finds كاراباخ', 'كراباخ'],
  ['a query with tashkeel finds plain text', 'الكَرْمَلِين'],
  ['Arabic-Indic digits find 2023', '٢٠٢٣'],
];

for (const [name, q] of variants) {
  test(`Arabic search: ${name}`, async ({ page }) => {
    await page.goto(`/search?q=${encodeURIComponent(q!)}`);
    await expect(results(page).getByRole('link', { name: /الكرملين/ })).toBeVisible();
  });
}

test('a word in a headline ranks that article above one that says it only in its body and tags', async ({ page }) => {
  // روسيا is in the Macron article's headline once, and in the Kremlin article's body three times and its tags.
  await page.goto(`/search?q=${encodeURIComponent('روسيا')}`);
  const items = results(page).getByRole('listitem');
  await expect(items).toHaveCount(2);
  await expect(items.first().getByRole('link')).toContainText('ماكرون');
});

test('the home page does not load Pagefind; the search page loads it on demand', async ({ page }) => {
  const requested: string[] = [];
  page.on('request', (request) => requested.push(new URL(request.url()).pathname));
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  expect(requested.filter((p) => p.includes('pagefind') || p.includes('search-page'))).toEqual([]);
  await page.goto('/search?q=بيسكوف');
  await expect(results(page)).toBeVisible();
  expect(requested.some((p) => /^\/data\/[0-9a-f]+\/pagefind\/pagefind\.js$/.test(p))).toBe(true);
});

test('the header box suggests a topic and a headline as one types, and opens one by keyboard', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1, name: strings.home.heading })).toBeVisible();
  // Suggestions are the app's: the prerendered box is a plain form until the app starts (after 'load').
  await whenHydrated(page);
  const box = page.getByRole('search').getByRole('combobox', { name: strings.search.label });
  await box.pressSequentially('كارا');
  const listbox = page.getByRole('listbox', { name: strings.search.suggestionsLabel });
  await expect(listbox.getByRole('option', { name: /كاراباخ/ }).first()).toBeVisible();
  await expect(box).toHaveAttribute('aria-expanded', 'true');
  await box.press('ArrowDown');
  await expect(listbox.getByRole('option').first()).toHaveAttribute('aria-selected', 'true');
  await box.press('Enter');
  await expect(page).toHaveURL(/\/topics\/karabakh/);
  await expect(box).toHaveValue('');
});

test('the header box shows the search on its page, and is empty once the reader leaves, even of words left unsearched', async ({
  page,
}) => {
  await page.goto('/');
  await whenHydrated(page);
  const box = page.getByRole('search').getByRole('combobox', { name: strings.search.label });
  await box.fill('بيسكوف');
  await box.press('Enter');
  await expect(page.getByRole('heading', { level: 1 })).toContainText('بيسكوف');
  await expect(box).toHaveValue('بيسكوف');
  await box.pressSequentially(' كرملين');
  await results(page).getByRole('link').first().click();
  await expect(page).toHaveURL(/\/articles\//);
  await expect(box).toHaveValue('');
  await box.pressSequentially('أرمينيا');
  await page
    .getByRole('navigation', { name: strings.nav.topics })
    .getByRole('link', { name: strings.nav.home })
    .click();
  await expect(page.getByRole('heading', { level: 1, name: strings.home.heading })).toBeVisible();
  await expect(box).toHaveValue('');
  await page.goBack();
  await page.goBack();
  await expect(page).toHaveURL(/\/search\?q=/);
  await expect(box).toHaveValue('بيسكوف');
});

test('words typed into the header box before the app starts are kept and get suggestions once it does', async ({ page }) => {
  // Hold the app's code until the reader has typed, as on a slow connection.
  let release!: () => void;
  const typed = new Promise<void>((resolve) => (release = resolve));
  await page.route(/\/assets\/index-[^/]+\.js$/, async (route) => {
    await typed;
    await route.continue();
  });
  await page.goto('/');
  const box = page.getByRole('search').getByRole('combobox', { name: strings.search.label });
  await box.pressSequentially('كارا');
  release();
  await whenHydrated(page);
  const listbox = page.getByRole('listbox', { name: strings.search.suggestionsLabel });
  await expect(listbox.getByRole('option', { name: /كاراباخ/ }).first()).toBeVisible();
  await expect(box).toHaveValue('كارا');
});

test('a misspelt word finds the article at once, says «هل تقصد» and links back to the words as typed', async ({ page }) => {
  await page.goto('/search?q=بيسكف');
  await expect(page.getByText(s.showingFor('بيسكوف'))).toBeVisible();
  await expect(results(page).getByRole('listitem').first().getByRole('link')).toContainText('الكرملين');
  await page.getByRole('link', { name: s.searchLiteral('بيسكف') }).click();
  await expect(page).toHaveURL(/literal=1/);
  await expect(page.getByRole('heading', { name: s.emptyTitle })).toBeVisible();
});

test('the sort switch orders by date and keeps the query in the URL', async ({ page }) => {
  await page.goto('/search?q=روسيا');
  const sort = page.getByRole('navigation', { name: s.sortLabel });
  await expect(sort.getByRole('link', { name: s.sortRelevance })).toHaveAttribute('aria-current', 'true');
  await sort.getByRole('link', { name: s.sortNewest }).click();
  await expect(page).toHaveURL(/sort=newest/);
  await expect(results(page).getByRole('listitem')).toHaveCount(2);
});

test('punctuation alone gets an explanation, not an error', async ({ page }) => {
  await page.goto(`/search?q=${encodeURIComponent('؟!… \u200f')}`);
  await expect(page.getByText(s.noWords)).toBeVisible();
});

// The bad input: each gets a page that says what happened, never an error (the console guard of
// fixtures.ts fails a journey on any exception). Punctuation alone, markup, a broken escape and Arabic-Indic
// digits are covered above.
test('a query of function words alone says they tell no article apart', async ({ page }) => {
  await page.goto(`/search?q=${encodeURIComponent('في من على')}`);
  await expect(page.getByRole('heading', { level: 1 })).toContainText('في من على');
  await expect(page.getByText(strings.searchInput.commonWordsOnly)).toBeVisible();
});

test('a query of 2,000 characters typed in the header is cut, says so, and still finds', async ({ page }) => {
  await page.goto('/');
  await whenHydrated(page);
  const box = page.getByRole('search').getByRole('combobox', { name: strings.search.label });
  // Typed, not put in the address: 2,000 Arabic letters percent-encoded pass a server's request-line limit.
  await box.fill('بيسكوف '.repeat(286));
  await box.press('Enter');
  await expect(page.getByText(strings.searchInput.cut(formatNumber(MAX_QUERY_CHARS)))).toBeVisible();
  await expect(results(page).getByRole('link', { name: /الكرملين/ }).first()).toBeVisible();
});

const mixed = [
  ['Latin and Arabic mixed', 'Peskov بيسكوف'],
  ['invisible marks inside a word', 'بيس\u200cكو\u200bف\u2066'],
];

for (const [name, q] of mixed) {
  test(`a query of ${name} finds the article the Arabic word names`, async ({ page }) => {
    await page.goto(`/search?q=${encodeURIComponent(q!)}`);
    await expect(results(page).getByRole('link', { name: /الكرملين/ }).first()).toBeVisible();
  });
}

test('a search page opened from its address asks for its first results’ files at once after its first paint, and uses each', async ({
  page,
}) => {
  const warnings: string[] = [];
  page.on('console', (message) => /preload/i.test(message.text()) && warnings.push(message.text()));
  await page.goto(`/search?q=${encodeURIComponent('بيسكوف')}`);
  await expect(results(page).getByRole('listitem').first()).toContainText('الكرملين');
  const timing = await page.evaluate(() => {
    const start = (pattern: RegExp) =>
      performance.getEntriesByType('resource').filter((e) => pattern.test(e.name)).map((e) => e.startTime);
    return {
      paint: performance.getEntriesByName('first-contentful-paint')[0]!.startTime,
      entry: start(/\/pagefind\/pagefind-entry\.json/),
      meta: start(/\/pagefind\/pagefind\.[^/]+\.pf_meta$/),
      wasm: start(/\/pagefind\/wasm\.[^/]+\.pagefind$/),
      searchPage: start(/\/assets\/search-page-[^/]+\.js$/),
    };
  });
  // Without the preloads each of these waits for the one before: the search page's chunk for the app's
  // entry, Pagefind's metadata and WebAssembly for its entry file.
  for (const [name, starts] of Object.entries({ meta: timing.meta, wasm: timing.wasm, searchPage: timing.searchPage })) {
    expect(starts.length, `${name} requested`).toBeGreaterThan(0);
    expect(starts[0], `${name} after the first paint`).toBeGreaterThanOrEqual(timing.paint);
    expect(starts[0], `${name} before Pagefind's entry`).toBeLessThan(timing.entry[0]!);
  }
  // A preload left unused within a few seconds of 'load' is a console warning.
  await page.waitForTimeout(4000);
  expect(warnings, 'warnings about preloads').toEqual([]);
});
