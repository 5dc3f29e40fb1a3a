import { screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { articleHref } from '../../shared/lib/hrefs.ts';
import { strings } from '../../shared/strings.ar.ts';
import { leadArticle, markupArticle, slashedArticle, undatedArticle } from '../../test/fixtures/data.ts';
import { ROUTE_TEST_TIMEOUT, renderRoute } from '../../test/render-route.tsx';

afterEach(() => {
  vi.unstubAllGlobals();
});

async function openLead() {
  const rendered = renderRoute(articleHref(leadArticle.id));
  await screen.findByRole('heading', { level: 1, name: leadArticle.title });
  return rendered;
}

describe('article page', { timeout: ROUTE_TEST_TIMEOUT }, () => {
  it('shows the headline as h1 and in the document title', async () => {
    await openLead();
    expect(document.title).toBe(`${leadArticle.title} — قارئ الأخبار`);
  });

  it('shows the date in Arabic with the Hijri date beside it, in a <time>', async () => {
    await openLead();
    const time = screen.getByText(/٢٥ سبتمبر ٢٠٢٣/, { selector: 'time' });
    expect(time).toHaveAttribute('dateTime', '2023-09-25T00:00:00.000Z');
    expect(time).toHaveTextContent('٢٥ سبتمبر ٢٠٢٣');
    expect(time).toHaveTextContent('١٠ ربيع الأول ١٤٤٥ هـ');
  });

  it('shows no date at all for an undated article', async () => {
    renderRoute(articleHref(undatedArticle.id));
    await screen.findByRole('heading', { level: 1, name: undatedArticle.title });
    expect(document.querySelector('time')).toBeNull();
    expect(screen.queryByText(/Invalid Date/)).not.toBeInTheDocument();
  });

  it('shows the source, the reading time and every paragraph', async () => {
    await openLead();
    expect(screen.getByText(/وكالة الأنباء التجريبية/)).toBeInTheDocument();
    expect(screen.getByText('دقيقة قراءة')).toBeInTheDocument();
    for (const paragraph of leadArticle.body) expect(screen.getByText(paragraph)).toBeInTheDocument();
  });

  it('links every tag chip to its tag page', async () => {
    await openLead();
    const tagNav = screen.getByRole('navigation', { name: strings.article.tags });
    const links = within(tagNav).getAllByRole('link');
    expect(links.map((a) => a.textContent)).toEqual(leadArticle.tags.map((t) => t.label));
    expect(within(tagNav).getByRole('link', { name: 'أذربيجان' })).toHaveAttribute(
      'href',
      `/tags/${encodeURIComponent('اذربيجان')}`,
    );
  });

  it('links the article’s topics to their pages', async () => {
    await openLead();
    const topicNav = screen.getByRole('navigation', { name: strings.article.topics });
    expect(within(topicNav).getByRole('link', { name: 'كاراباخ' })).toHaveAttribute(
      'href',
      '/topics/karabakh',
    );
  });

  it('shows related articles with the tags they share', async () => {
    await openLead();
    const panel = screen.getByRole('complementary', { name: strings.article.related });
    const cards = within(panel).getAllByRole('article');
    expect(cards).toHaveLength(3);
    const first = cards[0]!;
    expect(within(first).getByRole('link')).toHaveAttribute('href', '/articles/a03');
    expect(first).toHaveTextContent(`${strings.article.sharedTags} كاراباخ، أرمينيا`);
  });

  it('links «اقرأ أيضاً» titles the site has, and leaves the others as plain text', async () => {
    await openLead();
    const section = screen.getByRole('region', { name: strings.article.readAlso });
    expect(within(section).getByRole('link', { name: leadArticle.readAlso![0]!.title })).toHaveAttribute(
      'href',
      '/articles/a03',
    );
    const plain = within(section).getByText(leadArticle.readAlso![1]!.title);
    expect(plain.closest('a')).toBeNull();
  });

  it('follows a related card to that article', async () => {
    const { user } = await openLead();
    const panel = screen.getByRole('complementary', { name: strings.article.related });
    await user.click(within(panel).getAllByRole('link')[0]!);
    expect(
      await screen.findByRole('heading', { level: 1, name: /جولة مفاوضات جديدة حول كاراباخ/ }),
    ).toBeInTheDocument();
  });

  it('renders markup in article text as text', async () => {
    renderRoute(articleHref(markupArticle.id));
    expect(await screen.findByRole('heading', { level: 1, name: markupArticle.title })).toBeInTheDocument();
    expect(document.querySelector('main img')).toBeNull();
    expect(document.querySelector('main script')).toBeNull();
    expect(screen.getByText(markupArticle.body[0]!)).toBeInTheDocument();
  });

  it('opens an article whose id holds / ? and #', async () => {
    renderRoute(articleHref(slashedArticle.id));
    expect(await screen.findByRole('heading', { level: 1, name: slashedArticle.title })).toBeInTheDocument();
  });
});
