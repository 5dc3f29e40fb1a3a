/**
 * URL parameters are untrusted: parsed here into typed values, or null when the URL names nothing that can
 * exist (the caller answers 404). Decision: an invalid page (0, -1, 1.5, abc, 01) is a 404 rather than a
 * silent clamp, so a wrong link is visible and every page has exactly one URL.
 */

/** Far beyond any real list (100,000 articles / 24 per page ≈ 4,200 pages); keeps the number an integer. */
const MAX_PAGE = 1_000_000;

/** Ids and slugs longer than this cannot come from the ingest; refuse them without a request. */
const MAX_KEY_LENGTH = 1024;

/** A page number as written in a URL (`/page/N`, or an old `?page=N`): a positive integer, or null. */
export function parsePage(raw: string): number | null {
  if (!/^[1-9][0-9]*$/.test(raw)) return null;
  const page = Number(raw);
  return page <= MAX_PAGE ? page : null;
}

/** A route's `:id` or `:slug`, already decoded by the router. */
export function parseKey(raw: string | undefined): string | null {
  if (raw === undefined) return null;
  const key = raw.trim();
  if (key.length === 0 || key.length > MAX_KEY_LENGTH) return null;
  return key;
}
