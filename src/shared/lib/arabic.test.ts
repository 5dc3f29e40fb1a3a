import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalizeArabic, slugify, stripClitics, tokenize } from './arabic.ts';

describe('normalizeArabic', () => {
  it.each([
    ['strips tashkeel', 'مُحَمَّدٌ', 'محمد'],
    ['strips tanween and sukun', 'كِتَابًا مْ', 'كتابا م'],
    ['strips the superscript alef', 'هٰذا', 'هذا'],
    ['strips Quranic marks', 'الرَّحِيمِۖ', 'الرحيم'],
    ['strips tatweel', 'أخـــبار', 'اخبار'],
    ['folds hamza on alef', 'أإآٱ', 'اااا'],
    ['folds alef maqsura', 'مصطفى', 'مصطفي'],
    ['folds ta marbuta', 'مدينة', 'مدينه'],
    ['folds hamza on waw', 'مؤتمر', 'موتمر'],
    ['folds hamza on ya', 'رئيس', 'رييس'],
    ['folds Persian ya', 'فی إقلیم', 'في اقليم'],
    ['folds Persian kaf', 'کتاب', 'كتاب'],
    ['folds heh goal and heh with hamza', 'ہۀ', 'هه'],
    ['turns Arabic-Indic digits to ASCII', '١٩ سبتمبر ٢٠٢٣', '19 سبتمبر 2023'],
    ['turns Persian digits to ASCII', '۱۲۳۴۵۶۷۸۹۰', '1234567890'],
    ['turns Arabic decimal and thousands separators to ASCII', '١٬٥٠٠٫٥', '1,500.5'],
    ['removes zero-width and bidi marks', '\u200fكاراباخ\u200e \u2067123\u2069\u200b', 'كاراباخ 123'],
    ['removes the Arabic letter mark and the BOM', '\ufeff\u061cروسيا', 'روسيا'],
    ['turns NBSP into a space', 'قوات\u00a0حفظ', 'قوات حفظ'],
    ['collapses and trims whitespace', '  روسيا \t\n  أوكرانيا  ', 'روسيا اوكرانيا'],
    ['unifies guillemets', '«كاراباخ»', '"كاراباخ"'],
    ['unifies curly and single quotes', "“a” ‘b’ 'c'", '"a" "b" "c"'],
    ['lower-cases Latin', 'NATO Élysée', 'nato élysée'],
    ['folds presentation forms', 'ﺭﻭﺳﻴﺎ', 'روسيا'],
    ['expands the lam-alef ligature', 'ﻻ', 'لا'],
    ['keeps plain text unchanged', 'روسيا موسكو', 'روسيا موسكو'],
    ['returns empty for whitespace only', ' \u00a0\u200f ', ''],
  ])('%s', (_rule, input, expected) => {
    expect(normalizeArabic(input)).toBe(expected);
  });

  it('handles text longer than its internal chunk', () => {
    const long = 'أوكرانيا '.repeat(2000);
    expect(normalizeArabic(long)).toBe(Array(2000).fill('اوكرانيا').join(' '));
  });

  it('is idempotent and never throws on any string', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (s) => {
        const once = normalizeArabic(s);
        expect(normalizeArabic(once)).toBe(once);
      }),
      { numRuns: 2000 },
    );
  });

  it('is idempotent on Arabic-heavy strings', () => {
    const arabicChar = fc.integer({ min: 0x0600, max: 0x06ff }).map((c) => String.fromCharCode(c));
    const mixed = fc.oneof(arabicChar, fc.constantFrom(' ', '\u00a0', '\u200f', '«', 'ﻻ', 'A'));
    fc.assert(
      fc.property(
        fc.array(mixed).map((a) => a.join('')),
        (s) => {
          const once = normalizeArabic(s);
          expect(normalizeArabic(once)).toBe(once);
          expect(once).toBe(once.trim());
          expect(once).not.toMatch(/\s\s/);
        },
      ),
      { numRuns: 2000 },
    );
  });
});

describe('tokenize', () => {
  it.each([
    ['splits on spaces', 'روسيا وأوكرانيا', ['روسيا', 'واوكرانيا']],
    ['splits on Arabic punctuation', 'كاراباخ، أرمينيا؛ أذربيجان؟', ['كاراباخ', 'ارمينيا', 'اذربيجان']],
    ['splits on quotes', '«ناجورنو كاراباخ»', ['ناجورنو', 'كاراباخ']],
    ['splits hashtags on underscores', '#قطاع_غزة', ['قطاع', 'غزه']],
    ['splits hyphenated words', 'كوفيد-19', ['كوفيد', '19']],
    ['keeps digits', 'قمة ٢٠٢٣', ['قمه', '2023']],
    ['keeps Latin words in lower case', 'NATO قمة', ['nato', 'قمه']],
    ['drops tashkeel inside words', 'الجَيْشُ', ['الجيش']],
    ['returns nothing for punctuation only', '... — !', []],
  ])('%s', (_rule, input, expected) => {
    expect(tokenize(input)).toEqual(expected);
  });

  it('never yields empty tokens or tokens with spaces', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (s) => {
        for (const token of tokenize(s)) {
          expect(token.length).toBeGreaterThan(0);
          expect(token).not.toMatch(/\s/);
        }
      }),
      { numRuns: 2000 },
    );
  });
});

describe('stripClitics', () => {
  const known = new Set(['اوكرانيا', 'روسيا', 'كاراباخ', 'الامم', 'لبنان', 'اوكراني', 'اوكرانيه']);
  const isKnown = (bare: string): boolean => known.has(bare);

  it.each([
    ['و', 'واوكرانيا', 'اوكرانيا'],
    ['ف', 'فروسيا', 'روسيا'],
    ['ب', 'باوكرانيا', 'اوكرانيا'],
    ['ل', 'لاوكرانيا', 'اوكرانيا'],
    ['ك', 'كروسيا', 'روسيا'],
    ['ال', 'الاوكرانيه', 'اوكرانيه'],
    ['وال', 'والاوكراني', 'اوكراني'],
    ['بال', 'بالاوكرانيه', 'اوكرانيه'],
    ['فال', 'فالاوكراني', 'اوكراني'],
    ['كال', 'كالاوكراني', 'اوكراني'],
    ['لل', 'للاوكرانيه', 'اوكرانيه'],
    ['وب', 'وباوكرانيا', 'اوكرانيا'],
    ['ول', 'ولروسيا', 'روسيا'],
    ['لل restoring the article', 'للامم', 'الامم'],
    ['ل before a word starting with ل', 'للبنان', 'لبنان'],
    ['a known token as it is', 'كاراباخ', 'كاراباخ'],
    ['an unknown bare form: unchanged', 'وموسكو', 'وموسكو'],
    ['an unknown word: unchanged', 'والده', 'والده'],
    ['too short a bare form: unchanged', 'وي', 'وي'],
  ])('%s: %s → %s', (_rule, token, expected) => {
    expect(stripClitics(token, isKnown)).toBe(expected);
  });
});

describe('slugify', () => {
  it.each([
    ['one word', 'روسيا', 'روسيا'],
    ['spaces become hyphens', 'دميتري بيسكوف', 'دميتري-بيسكوف'],
    ['normalises letters', 'قوات حفظ السلام الروسية', 'قوات-حفظ-السلام-الروسيه'],
    ['spellings that normalise alike share a slug', 'أذربيجان', 'اذربيجان'],
    ['punctuation goes', '«كوفيد-19»', 'كوفيد-19'],
    ['Latin in lower case', 'NATO', 'nato'],
  ])('%s', (_rule, label, expected) => {
    expect(slugify(label)).toBe(expected);
  });
});
