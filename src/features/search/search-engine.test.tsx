import { describe, expect, it, vi } from 'vitest';
import { groupKey, spellingKey } from '../../shared/lib/search-terms.ts';
import {
  articleIdFromUrl,
  createSearchEngine,
  mergeOrdered,
  type PagefindModule,
  type SliceCopy,
  type PagefindResult,
  type SearchManifest,
} from './search-engine.ts';
import { DEFAULT_SEARCH_PARAMS } from './search-params.ts';

const manifest = (slices: number): SearchManifest => ({
  schemaVersion: 1,
  slices: Array.from({ length: slices }, (_, i) => ({ path: i === 0 ? '' : `slice-${i}/`, count: 3, newest: null, oldest: null })),
  topics: [{ slug: 'karabakh', label: 'كاراباخ' }],
  tags: [{ slug: 'روسيا', label: 'روسيا' }],
  groups: [{ key: groupKey(0), kind: 'topic', forms: ['كاراباخ', 'كراباخ'] }],
});

function result(id: string, score = 1, said = id): PagefindResult {
  return {
    id,
    score,
    data: async () => ({
      url: `/articles/${encodeURIComponent(id)}`,
      excerpt: `نص <mark>${said}</mark>`,
      meta: { title: `عنوان ${id}`, date: '2023-09-25T00:00:00.000Z', source: 'المصدر' },
    }),
  };
}

function fakeSlice(ids: string[], filters = {}): PagefindModule & { search: ReturnType<typeof vi.fn> } {
  return { search: vi.fn(async () => ({ results: ids.map((id) => result(id)), filters })) };
}

describe('createSearchEngine', () => {
  it('shows one page of hits with title, date, source and marked excerpt', async () => {
    const slice = fakeSlice(['a', 'b'], { topic: { karabakh: 2 }, tag: { 'روسيا': 1 } });
    const engine = createSearchEngine(manifest(1), async () => slice);
    const outcome = await engine.search({ ...DEFAULT_SEARCH_PARAMS, q: 'موسكو' });
    expect(outcome.hits.map((h) => h.id)).toEqual(['a', 'b']);
    expect(outcome.hits[0]).toMatchObject({ date: '2023-09-25T00:00:00.000Z', source: 'المصدر' });
    expect(outcome.hits[0]?.excerpt).toContainEqual({ text: 'a', mark: true });
    expect(outcome.facets.topics).toEqual([{ slug: 'karabakh', label: 'كاراباخ', count: 2 }]);
    expect(outcome.facets.tags).toEqual([{ slug: 'روسيا', label: 'روسيا', count: 1 }]);
    expect(outcome.complete).toBe(true);
  });

  it('browses by filters alone, newest first, when the query is empty', async () => {
    const slice = fakeSlice(['a']);
    const engine = createSearchEngine(manifest(1), async () => slice);
    await engine.search({ ...DEFAULT_SEARCH_PARAMS, topic: 'karabakh', tags: ['x', 'y'] });
    expect(slice.search).toHaveBeenCalledWith(null, {
      filters: { topic: ['karabakh'], tag: ['x', 'y'] },
      sort: { date: 'desc' },
    });
  });

  it('also searches the spelling key of a topic alias and merges the results', async () => {
    const slice: PagefindModule = {
      search: async (term) => ({ results: term === spellingKey(0) ? [result('other')] : [result('typed')] }),
    };
    const engine = createSearchEngine(manifest(1), async () => slice);
    const outcome = await engine.search({ ...DEFAULT_SEARCH_PARAMS, q: 'كراباخ' });
    expect(outcome.hits.map((h) => h.id).sort()).toEqual(['other', 'typed']);
  });

  it('ranks what only the topic key finds below what the words find', async () => {
    const slice: PagefindModule = {
      search: async (term) => ({ results: term === groupKey(0) ? [result('about')] : [result('named')] }),
    };
    const engine = createSearchEngine(manifest(1), async () => slice);
    const outcome = await engine.search({ ...DEFAULT_SEARCH_PARAMS, q: 'كراباخ' });
    expect(outcome.hits.map((h) => h.id)).toEqual(['named', 'about']);
  });

  it('loads an older slice only when the page needs it', async () => {
    const newest = fakeSlice(Array.from({ length: 12 }, (_, i) => `n${i}`));
    const older = fakeSlice(['o1']);
    const load = vi.fn(async (path: string) => (path === '' ? newest : older));
    const engine = createSearchEngine(manifest(2), load);
    const first = await engine.search({ ...DEFAULT_SEARCH_PARAMS, q: 'x' });
    expect(load).toHaveBeenCalledTimes(1);
    expect(first).toMatchObject({ complete: false, hasNext: true });
    const second = await engine.search({ ...DEFAULT_SEARCH_PARAMS, q: 'x', page: 2 });
    expect(second.hits.map((h) => h.id)).toEqual(['n10', 'n11', 'o1']);
    expect(second.complete).toBe(true);
  });

  it('turns to page 2 without running the search again, and counts the facets with a search of its own', async () => {
    const slice = { ...fakeSlice(Array.from({ length: 12 }, (_, i) => `n${i}`)), filters: vi.fn(async () => ({})) };
    const engine = createSearchEngine(manifest(1), async () => slice);
    await engine.search({ ...DEFAULT_SEARCH_PARAMS, q: 'x' });
    const calls = slice.search.mock.calls.length;
    const second = await engine.search({ ...DEFAULT_SEARCH_PARAMS, q: 'x', page: 2 });
    expect(second.hits.map((h) => h.id)).toEqual(['n10', 'n11']);
    expect(slice.search).toHaveBeenCalledTimes(calls);
    await engine.search({ ...DEFAULT_SEARCH_PARAMS, q: 'x', page: 2 }, { facets: true });
    expect(slice.search).toHaveBeenCalledTimes(calls * 2);
    // Another query, or the same one sorted another way, asks Pagefind again.
    await engine.search({ ...DEFAULT_SEARCH_PARAMS, q: 'x', sort: 'newest' });
    expect(slice.search).toHaveBeenCalledTimes(calls * 3);
  });

  it('keeps the first page to the newest slice, however few it finds, unless asked for the whole archive', async () => {
    const newest = fakeSlice(['n1']);
    const older = fakeSlice(['o1']);
    const load = vi.fn(async (path: string) => (path === '' ? newest : older));
    const engine = createSearchEngine(manifest(2), load);
    const recent = await engine.search({ ...DEFAULT_SEARCH_PARAMS, q: 'x' });
    expect(load).toHaveBeenCalledTimes(1);
    expect(recent).toMatchObject({ total: 1, complete: false, hasNext: false, searchedArticles: 3 });
    const all = await engine.search({ ...DEFAULT_SEARCH_PARAMS, q: 'x', scope: 'all' });
    expect(all.hits.map((h) => h.id)).toEqual(['n1', 'o1']);
    expect(all.complete).toBe(true);
  });

  it('starts loading every slice at once for the whole archive', async () => {
    let release = (): void => undefined;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const load = vi.fn(async (path: string) => {
      if (path === '') await gate;
      return fakeSlice([path === '' ? 'n1' : 'o1']);
    });
    const engine = createSearchEngine(manifest(3), load);
    const searching = engine.search({ ...DEFAULT_SEARCH_PARAMS, q: 'x', scope: 'all' });
    await vi.waitFor(() => expect(load).toHaveBeenCalledTimes(3));
    release();
    expect((await searching).complete).toBe(true);
  });

  it('reads on into older slices when the newest has no match, and stops at the first that has one', async () => {
    const slices = [fakeSlice([]), fakeSlice(['o1']), fakeSlice(['o2'])];
    const load = vi.fn(async (path: string) => slices[path === '' ? 0 : Number(path.match(/\d+/)![0])]!);
    const engine = createSearchEngine(manifest(3), load);
    const outcome = await engine.search({ ...DEFAULT_SEARCH_PARAMS, q: 'x' });
    expect(outcome.hits.map((h) => h.id)).toEqual(['o1']);
    expect(load).toHaveBeenCalledTimes(2);
  });

  it('asks an empty answer again, as Pagefind answers without an index chunk it failed to fetch', async () => {
    const search = vi
      .fn<PagefindModule['search']>()
      .mockResolvedValueOnce({ results: [] })
      .mockResolvedValue({ results: [result('a')] });
    const engine = createSearchEngine(manifest(1), async () => ({ search }));
    const outcome = await engine.search({ ...DEFAULT_SEARCH_PARAMS, topic: 'karabakh' });
    expect(outcome.hits.map((h) => h.id)).toEqual(['a']);
    expect(search).toHaveBeenCalledTimes(2);
  });

  it('believes an empty answer given three times', async () => {
    const slice = fakeSlice([]);
    const engine = createSearchEngine(manifest(1), async () => slice);
    const outcome = await engine.search({ ...DEFAULT_SEARCH_PARAMS, topic: 'karabakh' });
    expect(outcome.total).toBe(0);
    expect(slice.search).toHaveBeenCalledTimes(3);
  });

  it('loads a slice afresh after a search on it failed', async () => {
    const broken: PagefindModule = { search: async () => Promise.reject(new Error('WASM Error')) };
    const load = vi.fn<(path: string) => Promise<PagefindModule>>().mockResolvedValueOnce(broken).mockResolvedValue(fakeSlice(['a']));
    const engine = createSearchEngine(manifest(1), load);
    await expect(engine.search({ ...DEFAULT_SEARCH_PARAMS, q: 'x' })).rejects.toThrow('WASM Error');
    const outcome = await engine.search({ ...DEFAULT_SEARCH_PARAMS, q: 'x' });
    expect(outcome.hits.map((h) => h.id)).toEqual(['a']);
    expect(load).toHaveBeenCalledTimes(2);
  });

  it('counts facets with a copy of the slice of their own: the copy that answers queries never loads every filter', async () => {
    const search = { ...fakeSlice(['a']), filters: vi.fn(async () => ({})) };
    const counts = { ...fakeSlice(['a']), filters: vi.fn(async () => ({ topic: { karabakh: 1 }, tag: { 'روسيا': 1 } })) };
    const load = vi.fn(async (_path: string, copy: SliceCopy) => (copy === 'counts' ? counts : search));
    const engine = createSearchEngine(manifest(1), load);
    await engine.search({ ...DEFAULT_SEARCH_PARAMS, q: 'x' });
    expect(counts.filters).not.toHaveBeenCalled();
    await engine.search({ ...DEFAULT_SEARCH_PARAMS, q: 'x' }, { facets: true });
    await engine.search({ ...DEFAULT_SEARCH_PARAMS, q: 'y' }, { facets: true });
    await engine.search({ ...DEFAULT_SEARCH_PARAMS, q: 'z' });
    expect(counts.filters).toHaveBeenCalledTimes(1);
    expect(search.filters).not.toHaveBeenCalled();
    expect(counts.search.mock.calls.map(([term]) => term)).toEqual(['x', 'y']);
    expect(search.search.mock.calls.map(([term]) => term)).toEqual(['x', 'z']);
  });

  it('reads no hit for a facet count: each would be a fragment request, and only the counts are wanted', async () => {
    const read = vi.fn();
    const hit = result('a');
    const slice: PagefindModule = {
      search: async () => ({ results: [{ ...hit, data: async () => (read(), hit.data()) }], filters: { topic: { karabakh: 1 } } }),
    };
    const engine = createSearchEngine(manifest(1), async () => slice);
    const counted = await engine.search({ ...DEFAULT_SEARCH_PARAMS, q: 'x' }, { facets: true });
    expect(counted.facets.topics).toEqual([{ slug: 'karabakh', label: 'كاراباخ', count: 1 }]);
    expect(counted.hits).toEqual([]);
    expect(read).not.toHaveBeenCalled();
  });

  it('counts facets on the copy that answers queries when their own cannot start, and tries their own next time', async () => {
    const search = { ...fakeSlice(['a'], { topic: { karabakh: 1 } }), filters: vi.fn(async () => ({ topic: { karabakh: 1 } })) };
    const counts = { ...fakeSlice(['a'], { topic: { karabakh: 1 } }), filters: vi.fn(async () => ({ topic: { karabakh: 1 } })) };
    const load = vi.fn(async (_path: string, copy: SliceCopy) => {
      if (copy === 'search') return search;
      if (load.mock.calls.filter(([, c]) => c === 'counts').length === 1) throw new Error('Failed to fetch');
      return counts;
    });
    const engine = createSearchEngine(manifest(1), load);
    const first = await engine.search({ ...DEFAULT_SEARCH_PARAMS, q: 'x' }, { facets: true });
    expect(first.facets.topics).toEqual([{ slug: 'karabakh', label: 'كاراباخ', count: 1 }]);
    expect(search.filters).toHaveBeenCalled();
    await engine.search({ ...DEFAULT_SEARCH_PARAMS, q: 'y' }, { facets: true });
    expect(counts.search).toHaveBeenCalledWith('y', expect.anything());
  });

  it('asks for the filters again when one came back without values, as Pagefind skips a chunk it failed to fetch', async () => {
    const filters = vi
      .fn<NonNullable<PagefindModule['filters']>>()
      .mockResolvedValueOnce({ tag: { 'روسيا': 1 } })
      .mockResolvedValue({ topic: { karabakh: 1 }, tag: { 'روسيا': 1 } });
    const engine = createSearchEngine(manifest(1), async () => ({ ...fakeSlice(['a']), filters }));
    await engine.search({ ...DEFAULT_SEARCH_PARAMS, q: 'x' }, { facets: true });
    expect(filters).toHaveBeenCalledTimes(2);
  });

  it('ranks a strong match in an older slice above a weak one in the newest', async () => {
    const newest: PagefindModule = { search: async () => ({ results: [result('weak', 1)] }) };
    const older: PagefindModule = { search: async () => ({ results: [result('strong', 5)] }) };
    const engine = createSearchEngine(manifest(2), async (path) => (path === '' ? newest : older));
    const outcome = await engine.search({ ...DEFAULT_SEARCH_PARAMS, q: 'x', scope: 'all' });
    expect(outcome.hits.map((h) => h.id)).toEqual(['strong', 'weak']);
  });

  it('visits slices newest first by their dates, whatever their place in the manifest', async () => {
    const load = vi.fn(async (path: string) => fakeSlice([path === '' ? 'old' : 'new']));
    const engine = createSearchEngine(
      {
        ...manifest(2),
        slices: [
          { path: '', count: 3, newest: '2020-01-01T00:00:00.000Z', oldest: '2019-01-01T00:00:00.000Z' },
          { path: 'slice-1/', count: 3, newest: '2023-01-01T00:00:00.000Z', oldest: '2020-01-02T00:00:00.000Z' },
        ],
      },
      load,
    );
    const outcome = await engine.search({ ...DEFAULT_SEARCH_PARAMS, q: 'x' });
    expect(load).toHaveBeenCalledWith('slice-1/', 'search');
    expect(load).not.toHaveBeenCalledWith('');
    expect(outcome.hits.map((h) => h.id)).toEqual(['new']);
  });

  it('sorts by date when asked, keeping Pagefind\'s date order', async () => {
    const slice = fakeSlice(['newer', 'older']);
    const engine = createSearchEngine(manifest(1), async () => slice);
    const outcome = await engine.search({ ...DEFAULT_SEARCH_PARAMS, q: 'موسكو', sort: 'newest' });
    expect(slice.search).toHaveBeenCalledWith('موسكو', { filters: {}, sort: { date: 'desc' } });
    expect(outcome.hits.map((h) => h.id)).toEqual(['newer', 'older']);
  });

  describe('«هل تقصد»', () => {
    const vocab = async () => [['اوكرانيا', 50, 'أوكرانيا'] as [string, number, string]];
    /** Finds 'u' for Ukraine spelt right, and `typo` (if any, each saying `said`) for anything else. */
    const slice = (typo: string[], said?: string): PagefindModule => ({
      search: async (term) => ({
        results: /[اأ]وكرانيا/.test(term ?? '') ? [result('u')] : typo.map((id) => result(id, 1, said)),
      }),
    });

    it('shows the corrected query\'s results at once when the query as typed finds nothing', async () => {
      const engine = createSearchEngine(manifest(1), async () => slice([]), vocab);
      const outcome = await engine.search({ ...DEFAULT_SEARCH_PARAMS, q: 'اوكرنيا' });
      expect(outcome).toMatchObject({ suggestion: 'أوكرانيا', corrected: true });
      expect(outcome.hits.map((h) => h.id)).toEqual(['u']);
    });

    it('keeps what the query as typed finds first when it finds a little that says it, and the likely results after', async () => {
      const engine = createSearchEngine(manifest(1), async () => slice(['t'], 'وباوكرنيا'), vocab);
      const outcome = await engine.search({ ...DEFAULT_SEARCH_PARAMS, q: 'اوكرنيا' });
      expect(outcome).toMatchObject({ suggestion: 'أوكرانيا', corrected: false });
      expect(outcome.hits.map((h) => h.id)).toEqual(['t', 'u']);
    });

    it('shows the corrected query\'s results when the few it finds only share the word\'s stem', async () => {
      const engine = createSearchEngine(manifest(1), async () => slice(['t'], 'اوكرانيون'), vocab);
      const outcome = await engine.search({ ...DEFAULT_SEARCH_PARAMS, q: 'اوكرنيا' });
      expect(outcome).toMatchObject({ suggestion: 'أوكرانيا', corrected: true });
      expect(outcome.hits.map((h) => h.id)).toEqual(['u']);
    });

    it('shows the corrected query\'s results, and counts only them, when the word as typed only matches other words', async () => {
      const noise = Array.from({ length: 12 }, (_, i) => `n${i}`);
      const engine = createSearchEngine(manifest(1), async () => slice(noise), vocab);
      const outcome = await engine.search({ ...DEFAULT_SEARCH_PARAMS, q: 'اوكرنيا' });
      expect(outcome).toMatchObject({ suggestion: 'أوكرانيا', corrected: true, total: 1 });
      expect(outcome.hits.map((h) => h.id)).toEqual(['u']);
    });

    it('reads no hit of the words as typed once corrected', async () => {
      const reads: string[] = [];
      const noise = Array.from({ length: 12 }, (_, i) => {
        const r = result(`n${i}`);
        return { ...r, data: () => (reads.push(r.id), r.data()) };
      });
      const engine = createSearchEngine(
        manifest(1),
        async () => ({ search: async (term) => ({ results: /[اأ]وكرانيا/.test(term ?? '') ? [result('u')] : noise }) }),
        vocab,
      );
      const outcome = await engine.search({ ...DEFAULT_SEARCH_PARAMS, q: 'اوكرنيا' });
      expect(outcome.hits.map((h) => h.id)).toEqual(['u']);
      expect(reads).toEqual([]);
    });

    it('searches the words as typed once, not again beside their correction', async () => {
      const search = vi.fn<PagefindModule['search']>(async (term) => ({
        results: /[اأ]وكرانيا/.test(term ?? '') ? [result('u')] : Array.from({ length: 12 }, (_, i) => result(`n${i}`)),
      }));
      const engine = createSearchEngine(manifest(1), async () => ({ search }), vocab);
      const outcome = await engine.search({ ...DEFAULT_SEARCH_PARAMS, q: 'اوكرنيا' });
      expect(outcome.corrected).toBe(true);
      expect(search.mock.calls.filter(([term]) => term === 'اوكرنيا')).toHaveLength(1);
    });

    it('keeps what the query as typed finds first when the correction is two slips away', async () => {
      const far = async () => [['اوكرانيون', 50] as [string, number]];
      const engine = createSearchEngine(manifest(1), async () => slice(['t']), far);
      const outcome = await engine.search({ ...DEFAULT_SEARCH_PARAMS, q: 'اوكرانبوت' });
      expect(outcome).toMatchObject({ suggestion: 'اوكرانيون', corrected: false });
      expect(outcome.hits[0]?.id).toBe('t');
    });

    it('does not hunt for a word one slip from a known one through older slices', async () => {
      const load = vi.fn(async (path: string) => (path === '' ? slice([]) : fakeSlice(['old'])));
      const engine = createSearchEngine(manifest(3), load, vocab);
      const outcome = await engine.search({ ...DEFAULT_SEARCH_PARAMS, q: 'اوكرنيا' });
      expect(outcome).toMatchObject({ suggestion: 'أوكرانيا', corrected: true });
      expect(outcome.hits.map((h) => h.id)).toEqual(['u']);
      expect(load).toHaveBeenCalledTimes(1);
    });

    it('reads on through older slices for the words as typed when the correction finds nothing', async () => {
      const none = fakeSlice([]);
      const old: PagefindModule = {
        search: async (term) => ({ results: /[اأ]وكرانيا/.test(term ?? '') ? [] : [result('old', 1, 'اوكرنيا')] }),
      };
      const load = vi.fn(async (path: string) => (path === '' ? none : old));
      const engine = createSearchEngine(manifest(2), load, vocab);
      const outcome = await engine.search({ ...DEFAULT_SEARCH_PARAMS, q: 'اوكرنيا' });
      expect(outcome).toMatchObject({ suggestion: 'أوكرانيا', corrected: false });
      expect(outcome.hits.map((h) => h.id)).toEqual(['old']);
    });

    it('searches the words as typed when asked to', async () => {
      const load = vi.fn(vocab);
      const engine = createSearchEngine(manifest(1), async () => slice([]), load);
      const outcome = await engine.search({ ...DEFAULT_SEARCH_PARAMS, q: 'اوكرنيا', literal: true });
      expect(outcome).toMatchObject({ suggestion: null, corrected: false, total: 0 });
      expect(load).not.toHaveBeenCalled();
    });
  });

  it('says so when a query has no word to search for', async () => {
    const engine = createSearchEngine(manifest(1), async () => fakeSlice(['a']));
    for (const q of ['؟!…', '\u200f\u200b', '<>']) {
      expect((await engine.search({ ...DEFAULT_SEARCH_PARAMS, q })).unsearchable).toBe(true);
    }
  });

  it('runs nothing for a query with nothing searchable', async () => {
    const slice = fakeSlice(['a']);
    const engine = createSearchEngine(manifest(1), async () => slice);
    expect((await engine.search({ ...DEFAULT_SEARCH_PARAMS, q: '<>' })).hits).toEqual([]);
    expect(slice.search).not.toHaveBeenCalled();
  });
});

describe('mergeOrdered', () => {
  it('merges lists in one order into one that keeps each list\'s order, without repeats', () => {
    const ids = (list: PagefindResult[]) => list.map((r) => r.id);
    const a = ['d1', 'd3', 'd4'].map((id) => result(id));
    const b = ['d2', 'd3', 'd5'].map((id) => result(id));
    expect(ids(mergeOrdered([a, b]))).toEqual(['d1', 'd2', 'd3', 'd4', 'd5']);
  });
});

describe('articleIdFromUrl', () => {
  it.each([
    ['/articles/abc', 'abc'],
    ['/articles/%D8%A3%2F1', 'أ/1'],
    ['/articles/%E0%A4%A', null],
    ['https://evil.example/articles/x', null],
    ['/articles/a/b', null],
  ])('%s → %s', (url, id) => {
    expect(articleIdFromUrl(url)).toBe(id);
  });
});
