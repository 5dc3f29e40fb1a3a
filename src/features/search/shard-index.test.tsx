import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { encodeShardIndex, suggestFile, vocabFile } from '../../shared/lib/search-shards.ts';
import { stubDataFetch } from '../../test/fixtures/fetch-stub.ts';

const paths = (fetchMock: ReturnType<typeof stubDataFetch>): string[] =>
  fetchMock.mock.calls.map(([input]) => new URL(String(input), 'http://localhost').pathname);

beforeEach(() => {
  // The clients keep their index for the page's life: each test starts from a fresh page.
  vi.resetModules();
});

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('suggestions and the suggest index', () => {
  const files = new Map<string, unknown>([
    ['pagefind/suggest/index.json', encodeShardIndex(['حر', 'حرب'])],
    [`pagefind/${suggestFile('حرب')}`, [{ kind: 'topic', id: 'war', label: 'الحرب' }]],
    [`pagefind/${suggestFile('حر')}`, [{ kind: 'topic', id: 'war', label: 'الحرب' }]],
  ]);

  it('fetches the index once and only the shards it lists', async () => {
    const fetchMock = stubDataFetch(files);
    const { fetchSuggestions } = await import('./suggestions.ts');
    expect(await fetchSuggestions('حرب')).toEqual([
      { kind: 'topic', label: 'الحرب', href: expect.any(String) },
    ]);
    expect(await fetchSuggestions('زلز')).toEqual([]);
    expect(await fetchSuggestions('حرك')).toEqual([]);
    expect(await fetchSuggestions('حر')).toHaveLength(1);
    expect(paths(fetchMock)).toEqual([
      '/data/pagefind/suggest/index.json',
      `/data/pagefind/${suggestFile('حرب')}`,
      `/data/pagefind/${suggestFile('حر')}`,
    ]);
  });

  it('asks nothing more when the data has no index, and asks again after a network failure', async () => {
    const missing = stubDataFetch(new Map());
    const first = await import('./suggestions.ts');
    expect(await first.fetchSuggestions('حرب')).toEqual([]);
    expect(await first.fetchSuggestions('حرك')).toEqual([]);
    expect(paths(missing)).toEqual(['/data/pagefind/suggest/index.json']);

    vi.resetModules();
    let offline = true;
    const flaky = stubDataFetch(files, () =>
      offline ? Promise.reject(new TypeError('offline')) : undefined,
    );
    const second = await import('./suggestions.ts');
    await expect(second.fetchSuggestions('حرب')).rejects.toThrow('offline');
    offline = false;
    expect(await second.fetchSuggestions('حرب')).toHaveLength(1);
    expect(paths(flaky)).toEqual([
      '/data/pagefind/suggest/index.json',
      '/data/pagefind/suggest/index.json',
      `/data/pagefind/${suggestFile('حرب')}`,
    ]);
  });
});

describe('vocabulary shards and the vocab index', () => {
  it('loads a listed shard and answers an unlisted key empty without fetching it', async () => {
    const fetchMock = stubDataFetch(
      new Map<string, unknown>([
        ['pagefind/vocab/index.json', encodeShardIndex(['او'])],
        [`pagefind/${vocabFile('او')}`, [['اوكرانيا', 50, 'أوكرانيا']]],
      ]),
    );
    const { loadVocabShard } = await import('./pagefind-client.ts');
    expect(await loadVocabShard('او')).toEqual([['اوكرانيا', 50, 'أوكرانيا']]);
    expect(await loadVocabShard('زل')).toEqual([]);
    expect(await loadVocabShard('الزل')).toEqual([]);
    expect(paths(fetchMock)).toEqual([
      '/data/pagefind/vocab/index.json',
      `/data/pagefind/${vocabFile('او')}`,
    ]);
  });
});
