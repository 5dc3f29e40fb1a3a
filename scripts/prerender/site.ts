/**
 * Where the site lives. Canonical links, Open Graph, JSON-LD, feeds and sitemaps want absolute URLs, so the
 * build reads the origin (and any base path) from `SITE_URL`, e.g. `SITE_URL=https://news.example.org`.
 * Without it they fall back to site-relative URLs, which the build says once.
 */
export interface Site {
  /** `https://news.example.org` (no trailing slash), or null when unknown. */
  origin: string | null;
}

export function siteFromEnv(value: string | undefined): Site {
  if (value === undefined || value.trim() === '') return { origin: null };
  let url: URL;
  try {
    url = new URL(value.trim());
  } catch {
    throw new Error(`SITE_URL is not a URL: "${value}"`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:')
    throw new Error(`SITE_URL must be http(s): "${value}"`);
  return { origin: `${url.origin}${url.pathname.replace(/\/+$/, '')}` };
}

/** `path` starts with `/`: absolute when the origin is known, else as it is. */
export function absoluteUrl(site: Site, path: string): string {
  return site.origin === null ? path : `${site.origin}${path}`;
}
