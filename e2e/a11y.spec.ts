/**
 * axe-core on every kind of view, in light and dark mode: contrast, names, landmarks, headings, lang.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { strings } from '../src/shared/strings.ar.ts';
import { articleUrl, expect, failedResource, homeShard, test, whenHydrated } from './fixtures.ts';

interface View {
  name: string;
  open: (page: Page) => Promise<void>;
}

const h1 = (page: Page, name?: string) => page.getByRole('heading', { level: 1, ...(name ? { name } : {}) });

const views: View[] = [
  {
    name: 'home',
    open: async (page) => {
      await page.goto('/');
      await expect(h1(page, strings.home.heading)).toBeVisible();
    },
  },
  {
    name: 'a topic',
    open: async (page) => {
      await page.goto('/');
      await page
        .getByRole('navigation', { name: strings.topicFilter.label })
        .getByRole('link', { name: /كاراباخ/ })
        .click();
      await expect(h1(page)).toContainText('كاراباخ');
    },
  },
  {
    name: 'a tag',
    open: async (page) => {
      const article = homeShard().items[0];
      await page.goto(articleUrl(article?.id ?? ''));
      await page.getByRole('navigation', { name: strings.article.tags }).getByRole('link').first().click();
      await expect(page.getByText(strings.list.tagEyebrow, { exact: true })).toBeVisible();
    },
  },
  {
    name: 'an article',
    open: async (page) => {
      const article = homeShard().items[0];
      await page.goto(articleUrl(article?.id ?? ''));
      await expect(h1(page, article?.title)).toBeVisible();
      await expect(page.getByRole('complementary', { name: strings.article.related })).toBeVisible();
    },
  },
  {
    name: 'the saved articles, with one saved',
    open: async (page) => {
      const article = homeShard().items[0];
      await page.goto(articleUrl(article?.id ?? ''));
      await whenHydrated(page);
      await page.getByRole('button', { name: strings.saved.save, exact: true }).click();
      await expect(page.getByRole('button', { name: strings.saved.savedLabel, exact: true })).toHaveAttribute(
        'aria-pressed',
        'true',
      );
      await page.goto('/saved');
      await expect(page.getByRole('button', { name: strings.saved.removeNamed(article?.title ?? '') })).toBeVisible();
    },
  },
  {
    name: 'the offline page',
    open: async (page) => {
      await page.goto('/offline');
      await expect(h1(page, strings.offline.title)).toBeVisible();
      await expect(page.getByText(strings.offline.noSaved)).toBeVisible();
    },
  },
  {
    name: 'the 404 page',
    open: async (page) => {
      await page.goto('/articles/no-such-article');
      await expect(h1(page, strings.notFound.title)).toBeVisible();
    },
  },
];

test.use({ allowConsoleErrors: [failedResource(404)] });

for (const scheme of ['light', 'dark'] as const) {
  test.describe(`${scheme} mode`, () => {
    for (const view of views) {
      test(`${view.name} has no axe violations`, async ({ page }) => {
        await page.emulateMedia({ colorScheme: scheme });
        await view.open(page);
        if (scheme === 'dark') await expect(page.locator('html')).toHaveClass(/\bdark\b/);
        else await expect(page.locator('html')).not.toHaveClass(/\bdark\b/);
        await page.evaluate(() => document.fonts.ready);
        const results = await new AxeBuilder({ page })
          .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'])
          .analyze();
        const summary = results.violations.map(
          (v) =>
            `${v.id} (${v.impact}): ${v.help}\n    ${v.nodes.map((n) => n.target.join(' ')).join('\n    ')}`,
        );
        expect(summary, summary.join('\n')).toEqual([]);
      });
    }
  });
}
