import { afterEach, describe, expect, it, vi } from 'vitest';
import * as z from 'zod/mini';
import { HttpError, InvalidDataError, NotFoundError, fetchShard, isRetryable } from './fetch-shard.ts';

const schema = z.object({ title: z.string() });

function respond(body: string, init: ResponseInit = {}): void {
  vi.stubGlobal(
    'fetch',
    vi.fn(async () => new Response(body, { headers: { 'content-type': 'application/json' }, ...init })),
  );
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('fetchShard', () => {
  it('fetches from the data folder and returns the validated data', async () => {
    respond(JSON.stringify({ title: 'خبر' }));
    await expect(fetchShard('manifest.json', schema)).resolves.toEqual({ title: 'خبر' });
    expect(fetch).toHaveBeenCalledWith('/data/manifest.json', {});
  });

  it('turns a 404 into NotFoundError', async () => {
    respond('', { status: 404 });
    await expect(fetchShard('articles/x.json', schema)).rejects.toBeInstanceOf(NotFoundError);
  });

  it('treats an SPA fallback page as missing', async () => {
    respond('<!doctype html>', { headers: { 'content-type': 'text/html; charset=utf-8' } });
    await expect(fetchShard('articles/x.json', schema)).rejects.toBeInstanceOf(NotFoundError);
  });

  it('names the file and the field when validation fails', async () => {
    respond(JSON.stringify({ title: 42 }));
    const error = await fetchShard('home/1.json', schema).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidDataError);
    expect((error as Error).message).toMatch(/\/data\/home\/1\.json/);
    expect((error as Error).message).toMatch(/title/);
  });

  it('reports a body that is not JSON', async () => {
    respond('{oops');
    await expect(fetchShard('home/1.json', schema)).rejects.toThrow(/not JSON/);
  });

  it('turns other statuses into HttpError', async () => {
    respond('', { status: 503 });
    await expect(fetchShard('home/1.json', schema)).rejects.toBeInstanceOf(HttpError);
  });
});

describe('isRetryable', () => {
  it.each([
    [new TypeError('Failed to fetch'), true],
    [new HttpError('/data/x', 503), true],
    [new HttpError('/data/x', 403), false],
    [new NotFoundError('/data/x'), false],
    [new InvalidDataError('/data/x', 'bad'), false],
    [new Error('other'), false],
  ])('%s → %s', (error, expected) => {
    expect(isRetryable(error)).toBe(expected);
  });
});
