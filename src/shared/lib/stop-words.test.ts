import { describe, expect, it } from 'vitest';
import { isStopWord, onlyStopWords } from './stop-words.ts';

describe('onlyStopWords', () => {
  it.each([
    ['function words alone', 'في من على', true],
    ['with hamza and tashkeel as typed', 'إلى أَنَّ', true],
    ['a word that tells articles apart', 'في الكرملين', false],
    ['nothing to search', '؟!', false],
    ['nothing at all', '', false],
  ])('%s: %j → %s', (_, text, expected) => {
    expect(onlyStopWords(text)).toBe(expected);
  });

  it('takes normalised tokens', () => {
    expect(isStopWord('الي')).toBe(true);
    expect(isStopWord('روسيا')).toBe(false);
  });
});
