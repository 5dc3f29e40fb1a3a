/**
 * Links to the reader's views. Ids and slugs come from untrusted input (they may hold `/`, `?`, `#` or
 * `%`), so each is one encoded path segment; the router decodes it back into the same param. Pages of a
 * list are paths (`/page/2`), not query strings, so that each is one prerendered file on a static host;
 * the first page (0, the newest articles) is the bare URL, older pages count from the oldest
 * (src/data/list-pages.ts).
 */
import { NEWEST_PAGE } from '../../data/list-pages.ts';

const pageSuffix = (page: number): string => (page > NEWEST_PAGE ? `/page/${page}` : '');

export const homeHref = (page = NEWEST_PAGE): string => (page > NEWEST_PAGE ? pageSuffix(page) : '/');

export const savedHref = (): string => '/saved';

export const articleHref = (id: string): string => `/articles/${encodeURIComponent(id)}`;

export const topicHref = (slug: string, page = NEWEST_PAGE): string =>
  `/topics/${encodeURIComponent(slug)}${pageSuffix(page)}`;

export const tagHref = (slug: string, page = NEWEST_PAGE): string => `/tags/${encodeURIComponent(slug)}${pageSuffix(page)}`;

/** A base that no real page has: a site-relative address resolved against it must stay on it. */
const SITE_BASE = 'https://site.invalid';

export interface SafeHrefOptions {
  /** Also accept a path on this site (`/images/a.jpg`), never a scheme-relative `//host` one. */
  siteRelative?: boolean;
}

/**
 * A link or picture address only when it is a plain web address (never `javascript:`, `data:` and the
 * like). With `siteRelative`, a path on this site passes too; it is resolved the way a browser would, so
 * `//evil.example`, `/\evil.example` or a tab inside the slashes cannot reach another host.
 */
export function safeExternalHref(url: string | null, { siteRelative = false }: SafeHrefOptions = {}): string | null {
  if (url === null) return null;
  try {
    if (siteRelative && url.startsWith('/')) {
      const parsed = new URL(url, SITE_BASE);
      return parsed.origin === SITE_BASE ? `${parsed.pathname}${parsed.search}${parsed.hash}` : null;
    }
    const parsed = new URL(url);
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed.href : null;
  } catch {
    return null;
  }
}
