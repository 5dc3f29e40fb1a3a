import { screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { tagHref } from '../../shared/lib/hrefs.ts';
import { strings } from '../../shared/strings.ar.ts';
import { tags } from '../../test/fixtures/data.ts';
import { ROUTE_TEST_TIMEOUT, renderRoute } from '../../test/render-route.tsx';

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('tag page', { timeout: ROUTE_TEST_TIMEOUT }, () => {
  it('shows the tag label, its count and its articles', async () => {
    renderRoute(tagHref(tags.azerbaijan.slug));
    expect(await screen.findByRole('heading', { level: 1, name: 'أذربيجان' })).toBeInTheDocument();
    expect(screen.getByText('مقال واحد')).toBeInTheDocument();
    expect(document.title).toBe('وسم «أذربيجان» — قارئ الأخبار');
    expect(
      screen.getByRole('link', { name: 'وزراء الخارجية يبحثون وقف إطلاق النار في كاراباخ' }),
    ).toHaveAttribute('href', '/articles/a01');
  });

  it.each([
    [tags.ceasefire.slug, 'مقالان'],
    [tags.karabakh.slug, '١١ مقالاً'],
  ])('counts the articles of %s as «%s»', async (slug, count) => {
    renderRoute(tagHref(slug));
    expect(await screen.findByText(count)).toBeInTheDocument();
  });

  it('is reached from a tag chip on an article', async () => {
    const { user } = renderRoute('/articles/a01');
    const chip = await screen.findByRole('link', { name: 'وقف إطلاق النار' });
    await user.click(chip);
    expect(await screen.findByRole('heading', { level: 1, name: 'وقف إطلاق النار' })).toBeInTheDocument();
  });

  it.each(['أذربيجان', 'وقف إطلاق النار'])('takes a tag written as readers write it, «%s», to its page', async (written) => {
    renderRoute(`/tags/${encodeURIComponent(written)}`);
    expect(await screen.findByRole('heading', { level: 1, name: written })).toBeInTheDocument();
  });

  it('answers an unknown tag with the 404 page', async () => {
    renderRoute(tagHref('لا-يوجد'));
    expect(
      await screen.findByRole('heading', { level: 1, name: strings.notFound.title }),
    ).toBeInTheDocument();
  });
});
