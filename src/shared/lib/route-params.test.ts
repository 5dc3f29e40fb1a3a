import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseKey, parsePage } from './route-params.ts';

describe('parsePage', () => {
  it.each([
    ['1', 1],
    ['2', 2],
    ['4200', 4200],
    ['0', null],
    ['-1', null],
    ['abc', null],
    ['1.5', null],
    ['01', null],
    ['', null],
    ['٢', null],
    ['99999999999999999999', null],
  ])('%s → %s', (raw, expected) => {
    expect(parsePage(raw)).toBe(expected);
  });

  it('gives a positive integer or null for any input', () => {
    fc.assert(
      fc.property(fc.string(), (raw) => {
        const page = parsePage(raw);
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
