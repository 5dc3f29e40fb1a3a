/**
 * Links to the reader's views. Ids and slugs come from untrusted input (they may hold `/`, `?`, `#` or
 * `%`), so each is one encoded path segment; the router decodes it back into the same param. Pages of a
 * list are paths (`/page/2`), not query strings, so that each is one prerendered file on a static host;
 * page 1 is the bare URL.
 */
const pageSuffix = (page: number): string => (page > 1 ? `/page/${page}` : '');

export const homeHref = (page = 1): string => (page > 1 ? pageSuffix(page) : '/');

export const savedHref = (): string => '/saved';

export const articleHref = (id: string): string => `/articles/${encodeURIComponent(id)}`;

export const topicHref = (slug: string, page = 1): string =>
  `/topics/${encodeURIComponent(slug)}${pageSuffix(page)}`;

export const tagHref = (slug: string, page = 1): string => `/tags/${encodeURIComponent(slug)}${pageSuffix(page)}`;

/** An article's source link, only when it is a plain web address (never `javascript:` and the like). */
export function safeExternalHref(url: string | null): string | null {
  if (url === null) return null;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed.href : null;
  } catch {
    return null;
  }
}
