import { screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { homePagePath } from '../../data/paths.ts';
import type { ListPage } from '../../data/schema.ts';
import { listDays } from '../../shared/lib/list-days.ts';
import { strings } from '../../shared/strings.ar.ts';
import { buildFixtureFiles, fixtureCounts } from '../../test/fixtures/data.ts';
import { ROUTE_TEST_TIMEOUT, renderRoute } from '../../test/render-route.tsx';

afterEach(() => {
  vi.unstubAllGlobals();
});

const articleHeadings = () => screen.getAllByRole('heading', { level: 2 }).map((h) => h.textContent);

describe('home', { timeout: ROUTE_TEST_TIMEOUT }, () => {
  it('lists the latest articles, newest first', async () => {
    renderRoute('/');
    expect(await screen.findByRole('heading', { level: 1, name: strings.home.heading })).toBeInTheDocument();
    expect(articleHeadings()).toEqual(fixtureCounts.newestFirst.slice(0, 24));
  });

  it('shows a chip per topic with its article count, «الكل» marked current', async () => {
    renderRoute('/');
    const filter = await screen.findByRole('navigation', { name: strings.topicFilter.label });
    const all = within(filter).getByRole('link', { name: /^الكل/ });
    expect(all).toHaveAttribute('aria-current', 'page');
    expect(all).toHaveTextContent('٣٢');
    const karabakh = within(filter).getByRole('link', { name: /^كاراباخ/ });
    expect(karabakh).toHaveAttribute('href', '/topics/karabakh');
    expect(karabakh).not.toHaveAttribute('aria-current');
    expect(karabakh).toHaveTextContent('١١');
    // A topic without articles leads nowhere, so it gets no chip.
    expect(within(filter).queryByRole('link', { name: /المناخ/ })).not.toBeInTheDocument();
  });

  it('filters by topic when a chip is followed, and back restores the full list', async () => {
    const { user, router } = renderRoute('/');
    const filter = await screen.findByRole('navigation', { name: strings.topicFilter.label });
    await user.click(within(filter).getByRole('link', { name: /^الاقتصاد/ }));
    expect(await screen.findByRole('heading', { level: 1, name: 'الاقتصاد' })).toBeInTheDocument();
    expect(
      within(screen.getByRole('navigation', { name: strings.topicFilter.label })).getByRole('link', {
        name: /^الاقتصاد/,
      }),
    ).toHaveAttribute('aria-current', 'page');
    expect(articleHeadings()).toHaveLength(fixtureCounts.byTopic('economy'));

    await router.navigate(-1);
    expect(await screen.findByRole('heading', { level: 1, name: strings.home.heading })).toBeInTheDocument();
  });

  it('pages to older news and back, an older page saying which days it covers', async () => {
    const { user, router } = renderRoute('/');
    const pager = await screen.findByRole('navigation', { name: strings.pagination.label });
    expect(articleHeadings()).toEqual(fixtureCounts.newestFirst.slice(0, 24));
    expect(within(pager).queryByRole('link', { name: strings.pagination.newer })).not.toBeInTheDocument();

    await user.click(within(pager).getByRole('link', { name: strings.pagination.older }));
    expect(await screen.findByRole('link', { name: strings.pagination.newer })).toBeInTheDocument();
    // Older pages count from the oldest: the fixture's 30 articles make one, page 1.
    expect(router.state.location.pathname).toBe('/page/1');
    expect(articleHeadings()).toEqual(fixtureCounts.newestFirst.slice(24));
    expect(screen.getByText(listDays((buildFixtureFiles().get(homePagePath(1)) as ListPage).items)!)).toBeInTheDocument();
    expect(screen.queryByRole('link', { name: strings.pagination.older })).not.toBeInTheDocument();
    expect(screen.queryByRole('navigation', { name: strings.topicFilter.label })).not.toBeInTheDocument();
    expect(document.title).toBe(`${strings.pagination.titled(strings.home.heading, '١')}${strings.titleSuffix}`);

    await user.click(screen.getByRole('link', { name: strings.pagination.newer }));
    expect(await screen.findByRole('navigation', { name: strings.topicFilter.label })).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/');
  });

  it("sends an old ?page=N link, which counted from the newest, to the list's first page", async () => {
    const { router } = renderRoute('/?page=2');
    expect(await screen.findByRole('heading', { level: 1, name: strings.home.heading })).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/');
    expect(router.state.location.search).toBe('');
  });

  it.each(['/page/0', '/page/-1', '/page/abc', '/page/1.5', '/page/2', '/page/01'])('answers %s with the 404 page', async (url) => {
    renderRoute(url);
    expect(
      await screen.findByRole('heading', { level: 1, name: strings.notFound.title }),
    ).toBeInTheDocument();
  });
});
