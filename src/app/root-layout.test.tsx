import { screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { articlePath } from '../data/paths.ts';
import { suggestionsQuery } from '../features/search/search-box.tsx';
import { DEFAULT_SEARCH_PARAMS, searchHref } from '../features/search/search-params.ts';
import { articleHref, tagHref } from '../shared/lib/hrefs.ts';
import { strings } from '../shared/strings.ar.ts';
import { leadArticle, tags, topics } from '../test/fixtures/data.ts';
import { ROUTE_TEST_TIMEOUT, renderRoute } from '../test/render-route.tsx';

afterEach(() => {
  vi.unstubAllGlobals();
  document.documentElement.classList.remove('dark');
  localStorage.clear();
});

describe('layout', { timeout: ROUTE_TEST_TIMEOUT }, () => {
  it('has the landmarks: banner, topics navigation, main, contentinfo', async () => {
    renderRoute('/');
    await screen.findByRole('heading', { level: 1, name: strings.home.heading });
    expect(within(screen.getByRole('banner')).getByRole('link', { name: strings.siteName })).toHaveAttribute(
      'href',
      '/',
    );
    expect(screen.getByRole('navigation', { name: strings.nav.topics })).toBeInTheDocument();
    expect(screen.getByRole('main')).toHaveAttribute('id', 'main');
    expect(screen.getByRole('contentinfo')).toBeInTheDocument();
  });

  it('names the site once in the footer, then says what it is', async () => {
    renderRoute('/');
    await screen.findByRole('heading', { level: 1, name: strings.home.heading });
    const footer = screen.getByRole('contentinfo');
    expect(footer.textContent!.split('قارئ الأخبار')).toHaveLength(2);
    expect(footer).toHaveTextContent('الأخبار العربية حسب الموضوع والوسم.');
  });

  it('makes the skip link the first thing the keyboard reaches', async () => {
    const { user } = renderRoute('/');
    await screen.findByRole('heading', { level: 1, name: strings.home.heading });
    await user.tab();
    const skip = screen.getByRole('link', { name: strings.skipToContent });
    expect(skip).toHaveFocus();
    expect(skip).toHaveAttribute('href', '#main');
  });

  it('sends a search to /search?q=', async () => {
    const { user, router } = renderRoute('/');
    // The first-load frame has its own box, which the loaded layout replaces.
    await screen.findByRole('heading', { level: 1, name: strings.home.heading });
    const form = await screen.findByRole('search');
    await user.type(within(form).getByRole('combobox', { name: strings.search.label }), 'كاراباخ');
    await user.click(within(form).getByRole('button', { name: strings.search.submit }));
    // The search route's code is loaded lazily, as in the browser: slow on a busy machine.
    await vi.waitFor(() => expect(router.state.location.pathname).toBe('/search'), { timeout: 10_000 });
    expect(new URLSearchParams(router.state.location.search).get('q')).toBe('كاراباخ');
  });

  describe('the header search box after a navigation', () => {
    const searchBox = () =>
      within(screen.getByRole('search')).getByRole('combobox', { name: strings.search.label });

    it('is empty on the next page when the reader typed without searching and followed a link', async () => {
      const { user } = renderRoute('/');
      await screen.findByRole('heading', { level: 1, name: strings.home.heading });
      await user.type(searchBox(), 'كارا');
      expect(searchBox()).toHaveValue('كارا');
      const bar = screen.getByRole('navigation', { name: strings.nav.topics });
      await user.click(within(bar).getByRole('link', { name: topics.karabakh.label }));
      await screen.findByRole('heading', { level: 1, name: topics.karabakh.label });
      expect(searchBox()).toHaveValue('');
    });

    it('shows the query on the search page, keeps what the reader types there, and is empty on an article', async () => {
      const search = (topic?: string) =>
        searchHref({ ...DEFAULT_SEARCH_PARAMS, q: 'كاراباخ', topic: topic ?? null });
      const { user, router, queryClient } = renderRoute(search());
      expect(await screen.findByRole('heading', { level: 1 })).toBeInTheDocument();
      expect(searchBox()).toHaveValue('كاراباخ');
      await user.type(searchBox(), ' أرمينيا');
      // Once the suggestions for these words have loaded (after a pause, from a lazy module: no fixed wait
      // is sure to be past them on a busy machine), nothing puts the old query back.
      const suggested = suggestionsQuery('كاراباخ أرمينيا').queryKey;
      await waitFor(() => expect(queryClient.getQueryState(suggested)?.status).toBe('success'));
      expect(searchBox()).toHaveValue('كاراباخ أرمينيا');
      // A facet keeps the query: the box shows it again, not the words left unsearched.
      await router.navigate(search(topics.karabakh.slug));
      await waitFor(() => expect(searchBox()).toHaveValue('كاراباخ'));
      await router.navigate(articleHref(leadArticle.id));
      await screen.findByRole('heading', { level: 1, name: leadArticle.title });
      expect(searchBox()).toHaveValue('');
    });

    it('is empty on any page but search, whatever its address carries', async () => {
      renderRoute(`${tagHref(tags.karabakh.slug)}?q=${encodeURIComponent('روسيا')}`);
      await screen.findByRole('heading', { level: 1, name: tags.karabakh.label });
      expect(searchBox()).toHaveValue('');
    });
  });

  it('toggles dark mode and remembers the choice', async () => {
    const { user } = renderRoute('/');
    // The loading frame has a toggle of its own, replaced when the page arrives: press the page's.
    await screen.findByRole('heading', { level: 1, name: strings.home.heading });
    const toggle = screen.getByRole('button', { name: strings.theme.toggleDark });
    expect(toggle).toHaveAttribute('aria-pressed', 'false');
    await user.click(toggle);
    expect(document.documentElement).toHaveClass('dark');
    expect(localStorage.getItem('theme')).toBe('dark');
    expect(toggle).toHaveAttribute('aria-pressed', 'true');
    await user.click(toggle);
    expect(document.documentElement).not.toHaveClass('dark');
    expect(localStorage.getItem('theme')).toBe('light');
  });

  it('shows a skeleton while a slow navigation loads', async () => {
    let release = () => {};
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    const { user } = renderRoute('/', {
      override: async (path) => {
        if (path === articlePath('a01')) await gate;
        return undefined;
      },
    });
    await user.click(
      await screen.findByRole('link', { name: 'وزراء الخارجية يبحثون وقف إطلاق النار في كاراباخ' }),
    );
    expect(await screen.findByRole('status')).toHaveTextContent(strings.loading);
    release();
    expect(await screen.findByRole('heading', { level: 1, name: /وزراء الخارجية/ })).toBeInTheDocument();
  });
});
