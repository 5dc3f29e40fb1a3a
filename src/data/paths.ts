/**
 * Where each shard lives, relative to the data folder (`/data/` on the site). The ingest writes to these
 * paths and the reader fetches from them, so both import this one module.
 *
 * Article ids and tag slugs come from untrusted input (any length, any character), so their files are
 * named by a 64-bit hash, fanned out over 256 folders: the names stay short and safe on every file
 * system and CDN, and 100,000 articles make folders of about 400 files. The ingest refuses a collision.
 * A list's pages sit side by side in its fan-out folder (`tags/a2/a2…-0.json`), not in a folder of their
 * own: a folder per tag was 10,000 folders at 20,000 articles, made again by every incremental build
 * (decision 030).
 */

/** Two independent 32-bit FNV-1a hashes over the UTF-16 code units: 64 bits, as 16 hex digits. */
export function hashKey(key: string): string {
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ 0x5bd1e995;
  for (let i = 0; i < key.length; i++) {
    const c = key.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193) >>> 0;
    b = Math.imul(b ^ c, 0x5bd1e995) >>> 0;
    b = (b ^ (b >>> 15)) >>> 0;
  }
  return a.toString(16).padStart(8, '0') + b.toString(16).padStart(8, '0');
}

function fanOut(key: string): string {
  const h = hashKey(key);
  return `${h.slice(0, 2)}/${h}`;
}

export const manifestPath = (): string => 'manifest.json';

/** The topics a reader can open, apart from the manifest's counts: every page's topic bar reads it. */
export const topicListPath = (): string => 'topics.json';

export const homePagePath = (page: number): string => `home/${page}.json`;

export const topicPagePath = (slug: string, page: number): string => `topics/${fanOut(slug)}-${page}.json`;

export const tagPagePath = (slug: string, page: number): string => `tags/${fanOut(slug)}-${page}.json`;

export const articlePath = (id: string): string => `articles/${fanOut(id)}.json`;
