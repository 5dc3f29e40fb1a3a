import { afterEach, describe, expect, it, vi } from 'vitest';
import { retryIndexFetches } from './pagefind-fetch.ts';

const INDEX_FILE = '/data/0123456789abcdef/pagefind/fragment/ar_1.pf_fragment';

const answer = (status: number, type = 'application/octet-stream') =>
  new Response(status === 204 ? null : 'x', { status, headers: { 'content-type': type } });

/** The page's fetch, answering in turn each of `answers` (an Error is a request that got no answer). */
function pageFetch(...answers: Array<Response | Error>) {
  const fake = vi.fn(async () => {
    const next = answers.shift();
    if (next === undefined) throw new Error('asked once too often');
    if (next instanceof Error) throw next;
    return next;
  });
  vi.stubGlobal('fetch', fake);
  retryIndexFetches('/data/', 'pagefind/', 3, 0);
  return fake;
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('retryIndexFetches', () => {
  it('asks again for an index file that got no answer, a 5xx or an HTML error page, up to three times', async () => {
    const fake = pageFetch(new TypeError('Failed to fetch'), answer(503), answer(200));
    expect((await fetch(INDEX_FILE)).status).toBe(200);
    expect(fake).toHaveBeenCalledTimes(3);

    const portal = pageFetch(answer(200, 'text/html; charset=utf-8'), answer(200));
    expect((await fetch(INDEX_FILE)).headers.get('content-type')).toBe('application/octet-stream');
    expect(portal).toHaveBeenCalledTimes(2);
  });

  it('gives the third failure back as it came', async () => {
    pageFetch(answer(500), answer(502), answer(503));
    expect((await fetch(INDEX_FILE)).status).toBe(503);
    pageFetch(answer(500), new TypeError('Failed to fetch'), new TypeError('Failed to fetch'));
    await expect(fetch(INDEX_FILE)).rejects.toThrow('Failed to fetch');
  });

  it('asks once for a 404, and for anything outside the index', async () => {
    const missing = pageFetch(answer(404));
    expect((await fetch(INDEX_FILE)).status).toBe(404);
    expect(missing).toHaveBeenCalledTimes(1);

    const shard = pageFetch(answer(503));
    expect((await fetch('/data/0123456789abcdef/articles/a1/a1.json')).status).toBe(503);
    expect(shard).toHaveBeenCalledTimes(1);
  });

  it("wraps the page's fetch once, however often search loads", async () => {
    const fake = pageFetch(answer(503), answer(200));
    retryIndexFetches('/data/', 'pagefind/', 3, 0);
    expect((await fetch(INDEX_FILE)).status).toBe(200);
    expect(fake).toHaveBeenCalledTimes(2);
  });
});
