/**
 * The one way the reader reads data: fetch a shard from the data folder, check the response and validate
 * it with the resource's schema where it enters the app. Errors are typed so callers can tell a missing
 * shard (a 404 page), bad data (a bug in the build: never retried) and a network failure (retried) apart.
 * A body that is not JSON at all (cut short, or a proxy's HTML error page sent with 200) is a network
 * failure, not bad data: the file on the server is fine, so asking again helps
 * (docs/decisions/042-bad-network.md).
 */
import { prettifyError } from 'zod/mini';
import type { $ZodError } from 'zod/v4/core';
import { dataRoot } from './data-build.ts';
import { noteKeptCopy } from './kept-copy.ts';
import { KEPT_COPY_HEADER } from './offline-caches.ts';

/** Any zod or zod/mini schema; only its safeParse is needed here. */
export interface ShardSchema<T> {
  safeParse(data: unknown): { success: true; data: T } | { success: false; error: $ZodError };
}

/** The shard does not exist: an unknown id, slug or page. */
export class NotFoundError extends Error {
  override name = 'NotFoundError';
  constructor(readonly url: string) {
    super(`Not found: ${url}`);
  }
}

/** The shard exists but is not what the schema says: a bug in the build, so retrying will not help. */
export class InvalidDataError extends Error {
  override name = 'InvalidDataError';
  constructor(
    readonly url: string,
    detail: string,
  ) {
    super(`Invalid data in ${url}:\n${detail}`);
  }
}

/** The body never arrived whole: cut short, or an HTML page (an error page sent with 200) instead of JSON. */
export class GarbledResponseError extends Error {
  override name = 'GarbledResponseError';
  constructor(
    readonly url: string,
    detail: string,
  ) {
    super(`Garbled response for ${url}: ${detail}`);
  }
}

/**
 * Files a library fetched by itself (Pagefind's script, WebAssembly and index) did not load: it reports
 * no status, but its files are static and were whole at build time, so asking again may help.
 */
export class LibraryLoadError extends Error {
  override name = 'LibraryLoadError';
  constructor(
    readonly url: string,
    options: { cause: unknown },
  ) {
    super(`Could not load ${url}: ${options.cause instanceof Error ? options.cause.message : String(options.cause)}`, options);
  }
}

/** The server answered with an error status other than 404. */
export class HttpError extends Error {
  override name = 'HttpError';
  constructor(
    readonly url: string,
    readonly status: number,
  ) {
    super(`HTTP ${status} for ${url}`);
  }
}

/**
 * This app's pointer to its data (app-pointer.ts) was missing or named another app: asking again may find
 * it, as on a host that received the new pages before the pointer (README, "Deploying").
 */
export class UnknownDataBuildError extends Error {
  override name = 'UnknownDataBuildError';
  constructor(
    readonly url: string,
    options: { cause: unknown },
  ) {
    super(`No data build for this app in ${url}`, options);
  }
}

/** The URL a `fetch` call names, whichever form it was given in. */
export function requestUrl(input: RequestInfo | URL): string {
  return typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
}

/** An HTML page where a data file was asked for: an error page from something between us and the files. */
export function isHtmlPage(res: Response): boolean {
  return res.headers.get('content-type')?.includes('text/html') ?? false;
}

/** A shard of the build this app reads, once that build is known (data-build.ts). */
export async function fetchShard<T>(path: string, schema: ShardSchema<T>, init: { signal?: AbortSignal } = {}): Promise<T> {
  return fetchJson(`${await dataRoot()}${path}`, schema, init);
}

/** fetchShard for a URL outside the build's folder (`/data/build.json`). */
export async function fetchJson<T>(url: string, schema: ShardSchema<T>, init: RequestInit = {}): Promise<T> {
  const res = await fetch(url, init);
  if (res.status === 404 || res.status === 410) throw new NotFoundError(url);
  if (!res.ok) throw new HttpError(url, res.status);
  // Every shard is JSON: an HTML page with 200 is an error page.
  if (isHtmlPage(res)) throw new GarbledResponseError(url, 'an HTML page');
  noteKeptCopy(res.headers.has(KEPT_COPY_HEADER));

  let json: unknown;
  try {
    json = await res.json();
  } catch (error) {
    throw new GarbledResponseError(url, `not JSON (${error instanceof Error ? error.message : String(error)})`);
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) throw new InvalidDataError(url, prettifyError(parsed.error));
  return parsed.data;
}

/** Network failures, server errors and garbled bodies may pass; a missing shard or bad data will not. */
export function isRetryable(error: unknown): boolean {
  if (error instanceof NotFoundError || error instanceof InvalidDataError) return false;
  if (error instanceof GarbledResponseError || error instanceof LibraryLoadError || error instanceof UnknownDataBuildError)
    return true;
  if (error instanceof HttpError) return error.status >= 500 || error.status === 408 || error.status === 429;
  return error instanceof TypeError;
}
