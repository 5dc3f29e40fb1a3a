import { afterEach, describe, expect, it, vi } from 'vitest';
import * as z from 'zod/mini';
import {
  GarbledResponseError,
  HttpError,
  InvalidDataError,
  NotFoundError,
  fetchShard,
  isRetryable,
  UnknownDataBuildError,
} from './fetch-shard.ts';

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

  it('treats an HTML page sent with 200 as a garbled answer, worth asking again', async () => {
    respond('<!doctype html><h1>502 Bad Gateway</h1>', { headers: { 'content-type': 'text/html; charset=utf-8' } });
    const error = await fetchShard('articles/x.json', schema).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GarbledResponseError);
    expect(isRetryable(error)).toBe(true);
  });

  it('names the file and the field when validation fails', async () => {
    respond(JSON.stringify({ title: 42 }));
    const error = await fetchShard('home/1.json', schema).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidDataError);
    expect((error as Error).message).toMatch(/\/data\/home\/1\.json/);
    expect((error as Error).message).toMatch(/title/);
  });

  it('treats a body cut short as a garbled answer, worth asking again', async () => {
    respond(JSON.stringify({ title: 'خبر طويل' }).slice(0, 9));
    const error = await fetchShard('home/1.json', schema).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GarbledResponseError);
    expect((error as Error).message).toMatch(/not JSON/);
    expect(isRetryable(error)).toBe(true);
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
    [new GarbledResponseError('/data/x', 'not JSON'), true],
    [new UnknownDataBuildError('/data/apps/x.json', { cause: new NotFoundError('/data/apps/x.json') }), true],
    [new Error('other'), false],
  ])('%s → %s', (error, expected) => {
    expect(isRetryable(error)).toBe(expected);
  });
});
