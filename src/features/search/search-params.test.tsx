import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_QUERY_CHARS } from '../../shared/lib/search-terms.ts';
import { DEFAULT_SEARCH_PARAMS, MAX_PAGE, MAX_TAGS, parseSearchParams, searchHref, withPage, withTag, withTopic } from './search-params.ts';

const parse = (query: string) => parseSearchParams(new URLSearchParams(query));

describe('parseSearchParams', () => {
  it.each([
    ['', DEFAULT_SEARCH_PARAMS],
    ['q=%20أرمينيا%20', { ...DEFAULT_SEARCH_PARAMS, q: 'أرمينيا' }],
    ['topic=karabakh&tag=a&tag=b&tag=a', { ...DEFAULT_SEARCH_PARAMS, topic: 'karabakh', tags: ['a', 'b'] }],
    ['page=3&scope=all', { ...DEFAULT_SEARCH_PARAMS, page: 3, scope: 'all' }],
    ['page=0', DEFAULT_SEARCH_PARAMS],
    ['page=-2', DEFAULT_SEARCH_PARAMS],
    ['page=2.5', DEFAULT_SEARCH_PARAMS],
    ['page=99999', { ...DEFAULT_SEARCH_PARAMS, page: MAX_PAGE }],
    ['topic=&tag=', DEFAULT_SEARCH_PARAMS],
    ['scope=everything', DEFAULT_SEARCH_PARAMS],
    ['sort=newest&literal=1', { ...DEFAULT_SEARCH_PARAMS, sort: 'newest', literal: true }],
    ['sort=oldest&literal=yes', DEFAULT_SEARCH_PARAMS],
    ['q=%E0%A4%A', { ...DEFAULT_SEARCH_PARAMS, q: '\uFFFD%A' }],
  ])('reads %j', (query, expected) => {
    expect(parse(query)).toEqual(expected);
  });

  it('never throws and always gives values within bounds', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 400 }), (query) => {
        const params = parse(query);
        expect(params.q.length).toBeLessThanOrEqual(MAX_QUERY_CHARS);
        expect(params.q).toBe(params.q.trim());
        expect(params.tags.length).toBeLessThanOrEqual(MAX_TAGS);
        expect(new Set(params.tags).size).toBe(params.tags.length);
        expect(Number.isInteger(params.page) && params.page >= 1 && params.page <= MAX_PAGE).toBe(true);
        expect(['recent', 'all']).toContain(params.scope);
      }),
    );
  });

  it('reads back what searchHref writes', () => {
    const params = fc.record({
      q: fc.string({ maxLength: 50 }),
      topic: fc.option(fc.string({ minLength: 1, maxLength: 20 })),
      tags: fc.array(fc.string({ minLength: 1, maxLength: 20 }), { maxLength: 8 }),
      page: fc.integer({ min: -5, max: 2000 }),
      all: fc.boolean(),
    });
    fc.assert(
      fc.property(params, ({ q, topic, tags, page, all }) => {
        const query = new URLSearchParams();
        query.set('q', q);
        if (topic !== null) query.set('topic', topic);
        for (const tag of tags) query.append('tag', tag);
        query.set('page', String(page));
        if (all) query.set('scope', 'all');
        const once = parse(query.toString());
        const twice = parse(searchHref(once).replace(/^\/search\??/, ''));
        expect(twice).toEqual(once);
      }),
    );
  });
});

describe('filter changes', () => {
  const base = { ...DEFAULT_SEARCH_PARAMS, q: 'x', page: 4 };
  it('go back to page 1', () => {
    expect(withTopic(base, 'karabakh').page).toBe(1);
    expect(withTag(base, 'a').page).toBe(1);
  });
  it('add tags without repeats', () => {
    expect(withTag(withTag(base, 'a'), 'a').tags).toEqual(['a']);
  });
  it('keep the page within bounds', () => {
    expect(withPage(base, 0).page).toBe(1);
  });
});
