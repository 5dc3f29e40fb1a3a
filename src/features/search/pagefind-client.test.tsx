import { describe, expect, it, vi } from 'vitest';
import { LibraryLoadError } from '../../shared/lib/fetch-shard.ts';
import { isPagefindStartFailure, pagefindLoader } from './pagefind-client.ts';

const BASE = '/data/pagefind/';

/** A stand-in for `pagefind.js`: `started` says whether its start (entry, metadata, WASM) succeeds. */
function fakeBundle(started: boolean) {
  return {
    options: vi.fn(async () => undefined),
    search: vi.fn(async () => {
      if (!started) throw new Error('Failed to load Pagefind metadata');
      return { results: [] };
    }),
    destroy: vi.fn(async () => undefined),
  };
}

describe('pagefindLoader', () => {
  it('resolves with the bundle once Pagefind has started', async () => {
    const bundle = fakeBundle(true);
    const load = vi.fn(async () => bundle);
    await expect(pagefindLoader(BASE, load)('slice-1/')).resolves.toBe(bundle);
    expect(load).toHaveBeenCalledWith('/data/pagefind/slice-1/pagefind.js');
    expect(bundle.search).toHaveBeenCalledWith('');
  });

  it('imports the copy that counts facets as a module of its own, retried apart from the other', async () => {
    const load = vi
      .fn<(url: string) => Promise<unknown>>()
      .mockRejectedValueOnce(new TypeError('Failed to fetch dynamically imported module'))
      .mockResolvedValue(fakeBundle(true));
    const loadSlice = pagefindLoader(BASE, load);
    await expect(loadSlice('slice-2/', 'counts')).rejects.toBeInstanceOf(LibraryLoadError);
    await loadSlice('slice-2/', 'counts');
    await loadSlice('slice-2/');
    expect(load.mock.calls.map(([url]) => url)).toEqual([
      '/data/pagefind/slice-2/pagefind.js#counts',
      '/data/pagefind/slice-2/pagefind.js?attempt=1#counts',
      '/data/pagefind/slice-2/pagefind.js',
    ]);
  });

  it('imports a fresh copy after a failed import, as the browser keeps the failed one', async () => {
    const bundle = fakeBundle(true);
    const load = vi
      .fn<(url: string) => Promise<unknown>>()
      .mockRejectedValueOnce(new SyntaxError('Unexpected end of input'))
      .mockResolvedValue(bundle);
    const loadSlice = pagefindLoader(BASE, load);
    const error = await loadSlice('').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LibraryLoadError);
    expect((error as Error).message).toMatch(/Unexpected end of input/);
    await expect(loadSlice('')).resolves.toBe(bundle);
    expect(load).toHaveBeenLastCalledWith('/data/pagefind/pagefind.js?attempt=1');
  });

  it('turns a failed start into a failed load, destroys that copy and starts a fresh one next time', async () => {
    const broken = fakeBundle(false);
    const working = fakeBundle(true);
    const load = vi.fn<(url: string) => Promise<unknown>>().mockResolvedValueOnce(broken).mockResolvedValue(working);
    const loadSlice = pagefindLoader(BASE, load);
    await expect(loadSlice('')).rejects.toBeInstanceOf(LibraryLoadError);
    expect(broken.destroy).toHaveBeenCalled();
    await expect(loadSlice('')).resolves.toBe(working);
    expect(load.mock.calls.map(([url]) => url)).toEqual(['/data/pagefind/pagefind.js', '/data/pagefind/pagefind.js?attempt=1']);
  });
});

describe('isPagefindStartFailure', () => {
  const withStack = (stack: string): Error => Object.assign(new Error('Failed to load Pagefind metadata'), { stack });

  it.each([
    [withStack('Error: x\n    at PagefindInstance.loadEntry (http://h/data/pagefind/pagefind.js?attempt=2:1:9)'), true],
    [withStack('Error: x\n    at loadWasm (http://h/data/pagefind/slice-3/pagefind.js:1:9)'), true],
    [withStack('Error: x\n    at fetchShard (http://h/assets/index-abc.js:1:9)'), false],
    ['Failed to load Pagefind metadata', false],
  ])('%s → %s', (reason, expected) => {
    expect(isPagefindStartFailure(reason, BASE)).toBe(expected);
  });
});
