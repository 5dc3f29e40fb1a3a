import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalizeArabic } from '../../src/shared/lib/arabic.ts';
import { headlineBigrams, headlineSimilarity, nearDuplicate } from './headline-similarity.ts';

const bigramsOf = (headline: string) => headlineBigrams(normalizeArabic(headline));
const similarity = (a: string, b: string) => headlineSimilarity(bigramsOf(a), bigramsOf(b));

describe('headlineSimilarity', () => {
  it.each([
    ['tashkeel, hamza and punctuation aside', 'إفتتاحُ الجسرِ الجديد!', 'افتتاح الجسر الجديد', 1, 1],
    ['a clitic glued on', 'أمطار غزيرة في العاصمة اليوم', 'أمطار غزيرة بالعاصمة اليوم', 0.85, 1],
    [
      'another angle on one story',
      'الحكومة تعلن خطة لدعم مزارعي الزيتون',
      'المزارعون يرحبون بخطة الحكومة',
      0.3,
      0.7,
    ],
    ['two stories', 'الحكومة تعلن خطة لدعم مزارعي الزيتون', 'فريق المدينة يفوز بالكأس', 0, 0.3],
  ])('%s', (_, a, b, least, most) => {
    expect(similarity(a, b)).toBeGreaterThanOrEqual(least);
    expect(similarity(a, b)).toBeLessThanOrEqual(most);
  });
});

describe('nearDuplicate', () => {
  const headline = fc
    .array(
      fc.constantFrom(
        'جسر',
        'الجسر',
        'بالجسر',
        'نهر',
        'النهر',
        'جديد',
        'في',
        'افتتاح',
        'المدينة',
        'مدينة',
        '،',
      ),
      {
        maxLength: 8,
      },
    )
    .map((words) => words.join(' '));

  it('says what the similarity says, though it stops counting early: at it, just above it, anywhere', () => {
    fc.assert(
      fc.property(headline, headline, fc.double({ min: 0, max: 1, noNaN: true }), (a, b, threshold) => {
        const [x, y, dice] = [bigramsOf(a), bigramsOf(b), similarity(a, b)];
        expect(nearDuplicate(x, y, dice)).toBe(true);
        expect(nearDuplicate(x, y, dice + 1e-9)).toBe(false);
        expect(nearDuplicate(x, y, threshold)).toBe(dice >= threshold);
      }),
      { numRuns: 2_000 },
    );
  });
});
