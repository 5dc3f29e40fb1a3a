/**
 * How alike two headlines read, for the «اقرأ أيضاً» panel, which must not show the same story twice
 * (docs/decisions/005-ingest-related-and-txt-separator.md, addendum). The measure is the Dice coefficient of
 * the sets of character bigrams of the normalised headlines, punctuation read as a space and each end padded
 * with one: a spelling variant, a clitic glued on or off («في المدينة», «بالمدينة») or one word changed keeps
 * most bigrams, while a word-set measure would count each of those as a whole word lost.
 */

/** Dice at or above which two headlines are one story told twice: chosen on a real corpus (the note). */
export const NEAR_DUPLICATE = 0.85;

const WORD_CHAR = /[\p{L}\p{N}]/u;
/** Per UTF-16 code unit, filled as met: 1 a letter or digit, 2 anything else (a space; so is a surrogate). */
const kind = new Uint8Array(0x10000);
let scratch = new Uint32Array(256);

/**
 * A normalised headline's character bigrams (`normalizeArabic` first), as a sorted set of numbers: one pass
 * over its code units, a run of anything but letters and digits read as one space, both ends padded with
 * one (a regular expression's replace first was twice the time, at 20,000 headlines a run).
 */
export function headlineBigrams(normalised: string): Uint32Array {
  const n = normalised.length;
  if (scratch.length <= n) scratch = new Uint32Array(2 * n + 2);
  let m = 0;
  let last = 32;
  for (let x = 0; x <= n; x++) {
    let c = x < n ? normalised.charCodeAt(x) : 32;
    if (kind[c] === 0) kind[c] = WORD_CHAR.test(String.fromCharCode(c)) ? 1 : 2;
    if (kind[c] === 2) c = 32;
    if (c === 32 && last === 32) continue;
    scratch[m++] = last * 0x10000 + c;
    last = c;
  }
  const codes = scratch.subarray(0, m).sort();
  let size = 0;
  for (let x = 0; x < m; x++) if (x === 0 || codes[x] !== codes[x - 1]) codes[size++] = codes[x]!;
  return codes.slice(0, size);
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
 * Whether two headlines are near-duplicates: `headlineSimilarity(a, b) >= threshold`, without finishing the
 * count once too many bigrams of either go unshared for it to get there. Most pairs in a panel are far
 * apart, and the related pass asks this of every candidate it considers.
 */
export function nearDuplicate(a: Uint32Array, b: Uint32Array, threshold: number): boolean {
  const sum = a.length + b.length;
  if (sum === 0) return 1 >= threshold;
  // Dice if every bigram of the smaller set were shared, then if every one of `a` (or `b`) not yet found
  // unshared were.
  if ((2 * Math.min(a.length, b.length)) / sum < threshold) return false;
  let shared = 0;
  let missedA = 0;
  let missedB = 0;
  for (let x = 0, y = 0; x < a.length && y < b.length;) {
    if (a[x] === b[y]) {
      shared++;
      x++;
      y++;
    } else if (a[x]! < b[y]!) {
      x++;
      if ((2 * (a.length - ++missedA)) / sum < threshold) return false;
    } else {
      y++;
      if ((2 * (b.length - ++missedB)) / sum < threshold) return false;
    }
  }
  return (2 * shared) / sum >= threshold;
}
