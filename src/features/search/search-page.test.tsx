import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createMemoryRouter } from 'react-router';
import { RouterProvider } from 'react-router/dom';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { SCHEMA_VERSION, type TopicList } from '../../data/schema.ts';
import { topicListQuery } from '../../shared/lib/topic-list-query.ts';
import { strings } from '../../shared/strings.ar.ts';
import { getSearchEngine } from './pagefind-client.ts';
import { createSearchEngine, type PagefindModule, type SearchManifest } from './search-engine.ts';
import { SearchPage } from './search-page.tsx';

vi.mock('./pagefind-client.ts', () => ({ getSearchEngine: vi.fn() }));

const s = strings.searchPage;
const manifest: SearchManifest = {
  schemaVersion: 1,
  slices: [{ path: '', count: 2, newest: null, oldest: null }],
  topics: [{ slug: 'karabakh', label: 'كاراباخ' }],
  tags: [{ slug: 'روسيا', label: 'روسيا' }],
  groups: [],
};

function fakePagefind(excerpt: string, ids: string[]): PagefindModule {
  return {
    search: async () => ({
      results: ids.map((id) => ({
        id,
        score: 1,
        data: async () => ({ url: `/articles/${id}`, excerpt, meta: { title: `عنوان ${id}`, date: '2023-09-25T00:00:00.000Z', source: 'الأسبوع' } }),
      })),
      filters: { topic: { karabakh: ids.length }, tag: { 'روسيا': 1 } },
    }),
  };
}

/** The site's topic list, which the root loader has loaded before any view. */
const topicList: TopicList = {
  schemaVersion: SCHEMA_VERSION,
  topics: [
    { slug: 'karabakh', label: 'كاراباخ' },
    { slug: 'ukraine', label: 'أوكرانيا' },
  ],
};

function renderAt(url: string) {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  queryClient.setQueryData(topicListQuery().queryKey, topicList);
  const router = createMemoryRouter([{ path: '/search', element: <SearchPage /> }], { initialEntries: [url] });
  render(
    <QueryClientProvider client={queryClient}>
      <RouterProvider router={router} />
    </QueryClientProvider>,
  );
  return router;
}

const useEngine = (pagefind: PagefindModule) =>
  vi.mocked(getSearchEngine).mockResolvedValue(createSearchEngine(manifest, async () => pagefind));

describe('SearchPage', () => {
  beforeEach(() => vi.mocked(getSearchEngine).mockReset());

  it('shows each result with a link, a date, a source and the marked words', async () => {
    useEngine(fakePagefind('قال <mark>بيسكوف</mark> إن', ['a']));
    renderAt('/search?q=بيسكوف');
    const list = await screen.findByRole('list', { name: s.resultsLabel });
    expect(within(list).getByRole('link', { name: 'عنوان a' })).toHaveAttribute('href', '/articles/a');
    expect(within(list).getByText('بيسكوف', { selector: 'mark' })).toBeInTheDocument();
    expect(within(list).getByText('الأسبوع')).toBeInTheDocument();
    expect(list.querySelector('time')).toHaveAttribute('dateTime', '2023-09-25T00:00:00.000Z');
  });

  it('renders markup in the excerpt and the query as text', async () => {
    useEngine(fakePagefind('&lt;img src=x onerror=alert(1)&gt; <mark>x</mark>', ['a']));
    renderAt(`/search?q=${encodeURIComponent('<img src=x onerror=alert(1)>')}`);
    const list = await screen.findByRole('list', { name: s.resultsLabel });
    expect(list.querySelector('img')).toBeNull();
    expect(within(list).getByText(/<img src=x onerror=alert\(1\)>/)).toBeInTheDocument();
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('<img src=x onerror=alert(1)>');
  });

  it('links facets that add a topic and a tag to the URL', async () => {
    useEngine(fakePagefind('نص', ['a', 'b']));
    renderAt('/search?q=روسيا');
    const facets = await screen.findByRole('navigation', { name: s.facetsLabel });
    expect(within(facets).getByRole('link', { name: /كاراباخ/ })).toHaveAttribute('href', '/search?q=%D8%B1%D9%88%D8%B3%D9%8A%D8%A7&topic=karabakh');
    expect(within(facets).getByRole('link', { name: /روسيا/ }).getAttribute('href')).toContain('tag=');
  });

  it('suggests spelling, dropping filters and topics when nothing matches', async () => {
    useEngine(fakePagefind('', []));
    renderAt('/search?q=زمردستان&topic=karabakh');
    expect(await screen.findByRole('heading', { name: s.emptyTitle })).toBeInTheDocument();
    expect(screen.getByText(s.checkSpelling)).toBeInTheDocument();
    expect(screen.getByRole('link', { name: s.searchWithoutFilters('زمردستان') })).toHaveAttribute(
      'href',
      '/search?q=%D8%B2%D9%85%D8%B1%D8%AF%D8%B3%D8%AA%D8%A7%D9%86',
    );
    expect(screen.getByRole('link', { name: 'كاراباخ' })).toHaveAttribute('href', '/topics/karabakh');
  });

  it('says that no article matches the query with its filters, not that none matches the query', async () => {
    useEngine(fakePagefind('', []));
    renderAt('/search?q=روسيا&topic=ukraine&tag=بريطانيا');
    expect(await screen.findByText(s.emptyForFiltered('روسيا'))).toBeInTheDocument();
    expect(screen.queryByText(s.emptyFor('روسيا'))).not.toBeInTheDocument();
    expect(screen.getByRole('link', { name: s.searchWithoutFilters('روسيا') })).toHaveAttribute(
      'href',
      `/search?q=${encodeURIComponent('روسيا')}`,
    );
  });

  it('says a page past the last one is past it, with a link to the first page', async () => {
    useEngine(fakePagefind('نص', ['a', 'b']));
    renderAt('/search?q=روسيا&page=999');
    expect(await screen.findByRole('heading', { name: s.pastLastTitle })).toBeInTheDocument();
    expect(screen.getByText(s.pastLast('٩٩٩', '٢'))).toBeInTheDocument();
    expect(screen.queryByText(s.emptyFor('روسيا'))).not.toBeInTheDocument();
    expect(screen.getByRole('link', { name: s.firstPage })).toHaveAttribute(
      'href',
      `/search?q=${encodeURIComponent('روسيا')}`,
    );
  });

  it('names a filter the site does not know by its slug, never by an empty placeholder', async () => {
    useEngine(fakePagefind('', []));
    renderAt('/search?q=x&topic=nope&tag=no-such-tag');
    const filters = await screen.findByRole('group', { name: s.activeFilters });
    await screen.findByRole('heading', { name: s.emptyTitle });
    expect(within(filters).getByRole('link', { name: `${s.removeFilter('nope')} ×` })).toHaveAttribute(
      'href',
      '/search?q=x&tag=no-such-tag',
    );
    expect(
      within(filters).getByRole('link', { name: `${s.removeFilter('no such tag')} ×` }),
    ).toBeInTheDocument();
    expect(filters).not.toHaveTextContent(strings.pendingLabel);
  });

  it('says when every word of the query is a function word, and still lists what it finds', async () => {
    useEngine(fakePagefind('نص', ['a']));
    renderAt(`/search?q=${encodeURIComponent('في من على')}`);
    expect(await screen.findByText(strings.searchInput.commonWordsOnly)).toBeInTheDocument();
    expect(screen.getByRole('list', { name: s.resultsLabel })).toBeInTheDocument();
  });

  it('says a query too long to search whole was cut', async () => {
    useEngine(fakePagefind('نص', ['a']));
    renderAt(`/search?q=${encodeURIComponent('الكرملين '.repeat(250))}`);
    expect(await screen.findByText(/البحث طويل جداً/)).toBeInTheDocument();
    expect(screen.queryByText(strings.searchInput.commonWordsOnly)).toBeNull();
  });

  it('shows an error with a retry that searches again', async () => {
    useEngine(fakePagefind('نص', ['a']));
    vi.mocked(getSearchEngine).mockRejectedValueOnce(new Error('offline'));
    renderAt('/search?q=x');
    const alert = await screen.findByRole('alert');
    await userEvent.click(within(alert).getByRole('button', { name: s.retry }));
    expect(await screen.findByRole('list', { name: s.resultsLabel })).toBeInTheDocument();
  });

  it('names a topic filter from the site topic list and a tag filter never by its slug while search fails', async () => {
    vi.mocked(getSearchEngine).mockRejectedValueOnce(new Error('offline'));
    renderAt('/search?q=x&topic=ukraine&tag=ukraine-war');
    const filters = await screen.findByRole('group', { name: s.activeFilters });
    await screen.findByRole('alert');
    expect(within(filters).getByRole('link', { name: `${s.removeFilter('أوكرانيا')} ×` })).toBeInTheDocument();
    expect(within(filters).getByRole('link', { name: `${s.removeFilter(strings.pendingLabel)} ×` })).toBeInTheDocument();
    expect(filters).not.toHaveTextContent(/ukraine/);
  });
});
