import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseKey, parsePage } from './route-params.ts';

describe('parsePage', () => {
  it.each([
    ['', 1],
    ['?page=1', 1],
    ['?page=2', 2],
    ['?page=4200', 4200],
    ['?page=0', null],
    ['?page=-1', null],
    ['?page=abc', null],
    ['?page=1.5', null],
    ['?page=01', null],
    ['?page=', null],
    ['?page=٢', null],
    ['?page=99999999999999999999', null],
  ])('%s → %s', (search, expected) => {
    expect(parsePage(new URLSearchParams(search))).toBe(expected);
  });

  it('gives a positive integer or null for any input', () => {
    fc.assert(
      fc.property(fc.string(), (raw) => {
        const page = parsePage(new URLSearchParams({ page: raw }));
        return page === null || (Number.isSafeInteger(page) && page >= 1 && String(page) === raw);
      }),
    );
  });
});

describe('parseKey', () => {
  it.each([
    [undefined, null],
    ['', null],
    ['   ', null],
    ['x'.repeat(5000), null],
    ['كاراباخ', 'كاراباخ'],
    ['a/b', 'a/b'],
  ])('%j → %j', (raw, expected) => {
    expect(parseKey(raw)).toBe(expected);
  });
});
