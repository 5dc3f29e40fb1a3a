/**
 * Relative dates («قبل ٣ ساعات») depend on the reader's clock, so the prerendered HTML never has them and
 * the hydrated page adds them without a hydration mismatch. The clock is fixed with page.clock.
 */
import { BLOCKED_WORKER, articleUrl, expect, homeShard, test } from './fixtures.ts';

const HOURS = 3;

function newestDated() {
  const article = homeShard().items.find((item) => item.date !== null);
  if (!article?.date) throw new Error('the build has no dated article');
  return { ...article, date: article.date };
}

for (const [label, path] of [
  ['home', '/'],
  ['an article', articleUrl(newestDated().id)],
] as const) {
  test(`${label}: the relative time comes after hydration, never in the HTML`, async ({ page, request }) => {
    const article = newestDated();
    const raw = await (await request.get(path)).text();
    const times = [...raw.matchAll(/<time [^>]*>(.*?)<\/time>/gi)].map((m) => m[1]!.replaceAll('<!-- -->', ''));
    expect(raw.toLowerCase()).toContain(`datetime="${article.date}"`.toLowerCase());
    expect(times.length).toBeGreaterThan(0);
    for (const text of times) expect(text, 'the prerendered date alone').not.toMatch(/·|قبل|أمس|هذه الدقيقة/);

    const warnings: string[] = [];
    page.on('console', (message) => {
      if (message.text() === BLOCKED_WORKER) return;
      if (message.type() === 'warning' || message.type() === 'error') warnings.push(message.text());
    });
    await page.clock.install({ time: Date.parse(article.date) + HOURS * 60 * 60 * 1000 + 60_000 });
    await page.goto(path);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    const time = page.locator(`time[datetime="${article.date}"]`).first();
    await expect(time).toContainText('قبل ٣ ساعات');
    await expect(time).toContainText('٢٠');
    expect(warnings, 'no hydration warning').toEqual([]);
  });
}
