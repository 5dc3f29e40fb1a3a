import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { vocabKey, type VocabEntry } from './search-shards.ts';
import { correctWord, editDistance, makeVocabulary, splitKeys, splitWord, vocabKeysFor } from './spelling.ts';

/** A vocabulary with every shard the words need, as the engine loads it. */
function vocabulary(entries: VocabEntry[]) {
  const shards = new Map<string, VocabEntry[]>();
  for (const entry of entries) shards.set(vocabKey(entry[0]), [...(shards.get(vocabKey(entry[0])) ?? []), entry]);
  return makeVocabulary(shards);
}

const vocab = vocabulary([
  ['اوكرانيا', 120, 'أوكرانيا'],
  ['اوكراني', 30],
  ['روسيا', 200],
  ['الشرق', 80],
  ['الاوسط', 70, 'الأوسط'],
  ['نادر', 1],
]);

describe('makeVocabulary', () => {
  it('sees a shard loaded after it was made', () => {
    const shards = new Map<string, VocabEntry[]>([['رو', [['روسيا', 200]]]]);
    const live = makeVocabulary(shards);
    expect(live.get('روسيا')?.[1]).toBe(200);
    expect(live.get('اوكرانيا')).toBeUndefined();
    shards.set('او', [['اوكرانيا', 120, 'أوكرانيا']]);
    expect(live.get('اوكرانيا')?.[2]).toBe('أوكرانيا');
    expect(correctWord('اوكرنيا', live)?.written).toBe('أوكرانيا');
  });
});

describe('editDistance', () => {
  it.each([
    ['the same word', 'اوكرانيا', 'اوكرانيا', 0],
    ['a long vowel left out', 'اوكرنيا', 'اوكرانيا', 0.5],
    ['a letter doubled', 'اوكراانيا', 'اوكرانيا', 0.5],
    ['a doubled letter undoubled', 'مقايس', 'مقاييس', 0.5],
    ['two letters swapped', 'اوكارنيا', 'اوكرانيا', 1],
    ['a consonant added', 'ميغن', 'ميغ', 1],
    ['a wrong letter', 'ميغن', 'ميغل', 1],
    ['a vowel put back before a letter added', 'ميغن', 'ميغان', 0.5],
    ['a final hamza left off', 'صنعا', 'صنعاء', 0.25],
    ['a hamza left off inside', 'قراه', 'قراءه', 0.25],
    ['other words', 'روسيا', 'لبنان', 4.5],
  ])('%s: %s → %s is %d', (_, a, b, d) => {
    expect(editDistance(a, b)).toBe(d);
  });

  it('stops early past the limit', () => {
    expect(editDistance('روسيا', 'اوكرانيا', 1)).toBe(2);
  });

  it('is symmetric and never negative', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 12 }), fc.string({ maxLength: 12 }), (a, b) => {
        const d = editDistance(a, b);
        expect(d).toBe(editDistance(b, a));
        expect(d).toBeGreaterThanOrEqual(0);
        expect(d).toBeLessThanOrEqual(Math.max(a.length, b.length));
      }),
    );
  });
});

describe('correctWord', () => {
  it.each([
    ['a dropped letter', 'اوكرنيا'],
    ['a doubled letter', 'اوكررانيا'],
    ['two swapped letters', 'اوكارنيا'],
  ])('corrects %s to the common word, written as titles write it', (_, typo) => {
    expect(correctWord(typo, vocab)).toMatchObject({ word: 'اوكرانيا', written: 'أوكرانيا' });
  });

  it('leaves a word the corpus uses as it is', () => {
    expect(correctWord('اوكراني', vocab)).toBeNull();
    expect(correctWord('روسيا', vocab)).toBeNull();
  });

  it('never corrects to a rare word, nor a short word at all', () => {
    expect(correctWord('ناد', vocab)).toBeNull();
    expect(correctWord('رس', vocab)).toBeNull();
  });

  it.each([
    ['its first letters swapped', 'واكرانيا', 'اوكرانيا'],
    ['its second and third letters swapped', 'كثلوم', 'كلثوم'],
    ['a letter added after the first', 'كثلثوم', 'كلثوم'],
    ['a long vowel left out after the first letter', 'ميكروسوفت', 'مايكروسوفت'],
    ['the same slips after «ال»', 'المكيروسوفت', 'الميكروسوفت'],
  ])('looks in the shard of the word meant when %s', (_, typo, meant) => {
    expect(vocabKeysFor(typo)).toContain(vocabKey(meant));
  });

  it('prefers the word meant by a dropped vowel to one a letter shorter', () => {
    const names = vocabulary([
      ['ميغ', 11],
      ['ميغان', 6],
      ['مايكروسوفت', 5],
    ]);
    expect(correctWord('ميغن', names)?.word).toBe('ميغان');
    expect(correctWord('ميكروسوفت', names)?.word).toBe('مايكروسوفت');
  });

  it('prefers the word meant by a hamza left off to a commoner one a vowel shorter', () => {
    const words = vocabulary([
      ['صنع', 40],
      ['صنعاء', 30],
    ]);
    expect(correctWord('صنعا', words)?.written).toBe('صنعاء');
  });

  it('says how far the correction is from the word typed', () => {
    expect(correctWord('اوكرنيا', vocab)?.distance).toBe(0.5);
    expect(correctWord('اوكارنيا', vocab)?.distance).toBe(1);
  });
});

describe('splitWord', () => {
  it('splits two known words run together', () => {
    expect(splitWord('الشرقالاوسط', vocab)).toMatchObject({ word: 'الشرق الاوسط', written: 'الشرق الأوسط' });
    expect(splitKeys('الشرقالاوسط')).toContain(vocabKey('الاوسط'));
  });

  it('does not split a known word or one with an unknown part', () => {
    expect(splitWord('روسيا', vocab)).toBeNull();
    expect(splitWord('الشرقنادر', vocab)).toBeNull();
  });
});
