/**
 * Where a URL's prerendered file lives, and which URLs a page links to. A static host maps a path to a
 * file by decoding it (nginx's `$uri`), so the file is the decoded path plus `.html`
 * (`/articles/abc` → `articles/abc.html`, `/` → `index.html`), found by `try_files $uri $uri.html`.
 */
import { NEWEST_PAGE } from '../../src/data/list-pages.ts';
import type { ListPage } from '../../src/data/schema.ts';
import { decodeHtmlEntities } from '../../src/shared/lib/html-entities.ts';
import { homeHref, tagHref, topicHref } from '../../src/shared/lib/hrefs.ts';

/** ext4 and most file systems allow 255 bytes a name; `.html` takes 5. */
const MAX_SEGMENT_BYTES = 200;

/**
 * The file for a site-relative path (`extension` '' for files such as feed.xml), or null when no file can stand for it: a segment that is empty, `.`
 * or `..`, holds a `/` or a control character once decoded, or is too long for a file name. Such URLs (ids
 * from hostile input) are still served: the host answers with 404.html and the app renders them.
 */
export function pageFile(path: string, extension = '.html'): string | null {
  if (path === '/') return `index${extension}`;
  const segments = path.slice(1).split('/');
  const decoded: string[] = [];
  for (const segment of segments) {
    let name: string;
    try {
      name = decodeURIComponent(segment);
    } catch {
      return null;
    }
    // eslint-disable-next-line no-control-regex
    if (name === '' || name === '.' || name === '..' || /[/\\\u0000-\u001f\u007f]/.test(name)) return null;
    if (Buffer.byteLength(name) > MAX_SEGMENT_BYTES) return null;
    decoded.push(name);
  }
  return `${decoded.join('/')}${extension}`;
}

const HREF = /<a\b[^>]*?\shref="([^"]*)"/g;

/** Site-relative links of a page (`<a href>`), without fragments; query strings belong to client-only views. */
export function pageLinks(html: string): string[] {
  const links = new Set<string>();
  for (const match of html.matchAll(HREF)) {
    const href = decodeHtmlEntities(match[1]!).split('#')[0]!;
    if (!href.startsWith('/') || href.startsWith('//') || href.includes('?')) continue;
    links.add(href);
  }
  return [...links];
}


/**
 * A list's older pages, for its first page (none for the others). A reader reaches them by «أخبار أقدم»
 * one from the other; crawled only that way, each waited for the one before it to be rendered and
 * reported, so at the end of a run one thread rendered the last pages of the longest list one at a time
 * while the other had nothing to do. The first page's `older` is the newest of them; they count from 1.
 */
export function laterPages(list: Pick<ListPage, 'kind' | 'slug' | 'page' | 'older'>): string[] {
  if (list.page !== NEWEST_PAGE || list.older === null) return [];
  const href = (page: number) =>
    list.kind === 'home'
      ? homeHref(page)
      : list.kind === 'topic'
        ? topicHref(list.slug!, page)
        : tagHref(list.slug!, page);
  return Array.from({ length: list.older }, (_, i) => href(list.older! - i));
}
