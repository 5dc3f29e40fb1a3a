import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { blocksFromOldest, listPageSpans, NEWEST_PAGE } from './list-pages.ts';
import { MAX_LIST_PAGE, PAGE_SIZE } from './schema.ts';

/** A page's articles as positions counted from the oldest (0 = the oldest), which stay as articles arrive. */
const fromOldest = (count: number, { start, end }: { start: number; end: number }) =>
  Array.from({ length: end - start }, (_, i) => count - 1 - (start + i));

describe('blocksFromOldest', () => {
  it('cuts every `size` from the oldest, a tail under half a block joined to the block before it', () => {
    expect(blocksFromOldest(0, 10)).toEqual([]);
    expect(blocksFromOldest(3, 10)).toEqual([[0, 3]]);
    expect(blocksFromOldest(14, 10)).toEqual([[0, 14]]);
    expect(blocksFromOldest(15, 10)).toEqual([[0, 10], [10, 15]]);
    expect(blocksFromOldest(30, 10)).toEqual([[0, 10], [10, 20], [20, 30]]);
  });
});

describe('listPageSpans', () => {
  it('shows the newest 24 first, then the rest from the newest older page to page 1, the oldest', () => {
    expect(listPageSpans(0)).toEqual([{ page: NEWEST_PAGE, start: 0, end: 0, older: null, newer: null }]);
    expect(listPageSpans(30)).toEqual([
      { page: NEWEST_PAGE, start: 0, end: 24, older: 1, newer: null },
      { page: 1, start: 24, end: 30, older: null, newer: NEWEST_PAGE },
    ]);
    expect(listPageSpans(24 + 24 + 12)).toEqual([
      { page: NEWEST_PAGE, start: 0, end: 24, older: 2, newer: null },
      { page: 2, start: 24, end: 36, older: 1, newer: NEWEST_PAGE },
      { page: 1, start: 36, end: 60, older: null, newer: 2 },
    ]);
  });

  it('shows every article once, in list order, on pages of at most MAX_LIST_PAGE linked newer to older', () => {
    fc.assert(
      fc.property(fc.nat(2_000), (count) => {
        const spans = listPageSpans(count);
        expect(spans[0]).toMatchObject({ page: NEWEST_PAGE, start: 0, end: Math.min(count, PAGE_SIZE), newer: null });
        spans.forEach((span, i) => {
          expect(span.end - span.start).toBeLessThanOrEqual(MAX_LIST_PAGE);
          if (i > 0) {
            expect(span.start).toBe(spans[i - 1]!.end);
            expect(span.newer).toBe(spans[i - 1]!.page);
            expect(spans[i - 1]!.older).toBe(span.page);
            // An older page holds half a page at least, unless all the older articles are fewer.
            expect(span.end - span.start).toBeGreaterThanOrEqual(Math.min(PAGE_SIZE / 2, count - PAGE_SIZE));
          }
        });
        expect(spans.at(-1)!.end).toBe(count);
        expect(spans.at(-1)!.older).toBeNull();
      }),
    );
  });

  it('keeps an older page as it was when articles arrive, but the newest older page and the one before it', () => {
    fc.assert(
      fc.property(fc.nat(2_000), fc.integer({ min: 1, max: 200 }), (count, added) => {
        const before = new Map(listPageSpans(count).map((s) => [s.page, fromOldest(count, s)]));
        const after = new Map(listPageSpans(count + added).map((s) => [s.page, fromOldest(count + added, s)]));
        const newestOlder = listPageSpans(count)[0]!.older ?? 0;
        for (const [page, items] of before) {
          if (page !== NEWEST_PAGE && page < newestOlder - 1) expect(after.get(page)).toEqual(items);
        }
      }),
    );
  });
});
