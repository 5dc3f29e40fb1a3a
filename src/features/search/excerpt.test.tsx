import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { excerptSegments, parseExcerpt } from './excerpt.ts';

describe('parseExcerpt', () => {
  it.each([
    ['plain text', [{ text: 'plain text', mark: false }]],
    [
      'قال <mark>بيسكوف</mark> إن',
      [
        { text: 'قال ', mark: false },
        { text: 'بيسكوف', mark: true },
        { text: ' إن', mark: false },
      ],
    ],
    ['&lt;script&gt;alert(1)&lt;/script&gt;', [{ text: '<script>alert(1)</script>', mark: false }]],
    ['a <b>bold</b> &amp;', [{ text: 'a <b>bold</b> &amp;', mark: false }]],
    ['<mark>a</mark> <mark>b</mark>', [{ text: 'a', mark: true }, { text: ' ', mark: false }, { text: 'b', mark: true }]],
  ])('parses %j', (excerpt, expected) => {
    expect(parseExcerpt(excerpt)).toEqual(expected);
  });

  it('keeps every character of the text, whatever the input', () => {
    fc.assert(
      fc.property(fc.string(), (excerpt) => {
        const text = parseExcerpt(excerpt)
          .map((s) => s.text)
          .join('');
        const expected = excerpt.replace(/<\/?mark>/g, '').replace(/&lt;/g, '<').replace(/&gt;/g, '>');
        expect(text).toBe(expected);
      }),
    );
  });
});

describe('excerptSegments', () => {
  it('marks words itself when Pagefind marked none (a match in the hidden terms)', () => {
    expect(excerptSegments('زار وأرمينيا أمس', ['ارمينيا'])).toEqual([
      { text: 'زار ', mark: false },
      { text: 'وأرمينيا', mark: true },
      { text: ' أمس…', mark: false },
    ]);
  });

  it('leaves punctuation at either end of a word out of its mark', () => {
    expect(excerptSegments('في <mark>روسيا..</mark> و<mark>«أوكرانيا»</mark> <mark>…</mark>.', [])).toEqual([
      { text: 'في ', mark: false },
      { text: 'روسيا', mark: true },
      { text: '.. و«', mark: false },
      { text: 'أوكرانيا', mark: true },
      { text: '» ….', mark: false },
    ]);
    expect(excerptSegments('قال «بيسكوف»، ثم مضى.', ['بيسكوف'])).toEqual([
      { text: 'قال «', mark: false },
      { text: 'بيسكوف', mark: true },
      { text: '»، ثم مضى.', mark: false },
    ]);
  });

  it.each([
    ['وقال إن المحادثات مستمرة', 'وقال إن المحادثات مستمرة…'],
    ['وقال إن المحادثات مستمرة.', 'وقال إن المحادثات مستمرة.'],
    ['هل تستمر المحادثات؟', 'هل تستمر المحادثات؟'],
    ['وقال: «المحادثات مستمرة»', 'وقال: «المحادثات مستمرة»'],
    ['', ''],
  ])('ends %j with «…» only where it stops mid-sentence', (excerpt, shown) => {
    expect(
      excerptSegments(excerpt, [])
        .map((s) => s.text)
        .join(''),
    ).toBe(shown);
  });
});
