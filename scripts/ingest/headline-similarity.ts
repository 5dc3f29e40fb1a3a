/**
 * How alike two headlines read, for the «اقرأ أيضاً» panel, which must not show the same story twice
 * (docs/decisions/005-ingest-related-and-txt-separator.md, addendum). The measure is the Dice coefficient of
 * the sets of character bigrams of the normalised headlines, punctuation read as a space and each end padded
 * with one: a spelling variant, a clitic glued on or off («في الغوطة», «بالغوطة») or one word changed keeps
 * most bigrams, while a word-set measure would count each of those as a whole word lost.
 */

/** Dice at or above which two headlines are one story told twice: chosen on a real corpus (the note). */
export const NEAR_DUPLICATE = 0.85;

const PUNCTUATION = /[^\p{L}\p{N}]+/gu;

/** A normalised headline's character bigrams (`normalizeArabic` first), as a sorted set of numbers. */
export function headlineBigrams(normalised: string): Uint32Array {
  const text = ` ${normalised.replace(PUNCTUATION, ' ').trim()} `;
  const codes = new Uint32Array(text.length - 1);
  for (let x = 0; x < codes.length; x++) codes[x] = text.charCodeAt(x) * 0x10000 + text.charCodeAt(x + 1);
  codes.sort();
  let size = 0;
  for (let x = 0; x < codes.length; x++) if (x === 0 || codes[x] !== codes[x - 1]) codes[size++] = codes[x]!;
  return codes.subarray(0, size);
}

/** The Dice coefficient of two bigram sets (`headlineBigrams`): 1 for the same set, 0 for none shared. */
export function headlineSimilarity(a: Uint32Array, b: Uint32Array): number {
  if (a.length + b.length === 0) return 1;
  let shared = 0;
  for (let x = 0, y = 0; x < a.length && y < b.length;) {
    if (a[x] === b[y]) {
      shared++;
      x++;
      y++;
    } else if (a[x]! < b[y]!) x++;
    else y++;
  }
  return (2 * shared) / (a.length + b.length);
}

/**
 * Whether two headlines are near-duplicates at `threshold` (Dice). The sizes alone bound Dice by
 * 2·min/(sum), which rules out most pairs without comparing them.
 */
export function nearDuplicate(a: Uint32Array, b: Uint32Array, threshold: number): boolean {
  if (2 * Math.min(a.length, b.length) < threshold * (a.length + b.length)) return false;
  return headlineSimilarity(a, b) >= threshold;
}
