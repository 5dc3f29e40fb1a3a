/**
 * How a list (home, a topic, a tag; newest first) is cut into pages (docs/decisions/031-list-pages-counted-
 * from-the-oldest.md). The newest `PAGE_SIZE` articles are the list's first page, at its bare URL (page 0);
 * the older ones are cut into pages counted from the oldest (`/page/1` holds the oldest), so that an
 * article arriving or edited near the top changes the first page and the newest older page, never every
 * page of the list, and a page's URL keeps its articles as the list grows.
 */
import { PAGE_SIZE } from './schema.ts';

/** The list's first page: its newest articles, at the bare URL. */
export const NEWEST_PAGE = 0;

/**
 * `count` items, oldest first, cut into blocks of `size` counted from the oldest, a tail under half a block
 * joined to the block before it (when there is one): each block's [start, end), oldest first. An item
 * arriving after the others changes the newest block alone, and once in `size` arrivals splits it into a
 * full block and a new one of half a block.
 * The search index's slices are cut the same way (scripts/ingest/search-index.ts).
 */
export function blocksFromOldest(count: number, size: number): Array<[start: number, end: number]> {
  const full = Math.floor(count / size);
  const tail = count - full * size;
  const blocks = full + (tail > 0 && (full === 0 || tail >= size / 2) ? 1 : 0);
  return Array.from({ length: blocks }, (_, i) => [i * size, i === blocks - 1 ? count : (i + 1) * size]);
}

export interface ListPageSpan {
  page: number;
  /** The page's articles: [start, end) in the list's own order, newest first. */
  start: number;
  end: number;
  /** The next older page, or null on the oldest. */
  older: number | null;
  /** The next newer page (`NEWEST_PAGE` for the first), or null on the first. */
  newer: number | null;
}

/** Every page of a list of `count` articles, the first page first, then the older ones from the newest. */
export function listPageSpans(count: number): ListPageSpan[] {
  const rest = Math.max(0, count - PAGE_SIZE);
  const blocks = blocksFromOldest(rest, PAGE_SIZE);
  const last = blocks.length;
  const spans: ListPageSpan[] = [
    { page: NEWEST_PAGE, start: 0, end: Math.min(count, PAGE_SIZE), older: last > 0 ? last : null, newer: null },
  ];
  for (let page = last; page >= 1; page--) {
    const [from, to] = blocks[page - 1]!;
    // Oldest-first positions among the older articles, turned into the list's newest-first order.
    spans.push({
      page,
      start: count - to,
      end: count - from,
      older: page > 1 ? page - 1 : null,
      newer: page < last ? page + 1 : NEWEST_PAGE,
    });
  }
  return spans;
}
