/**
 * «هل تقصد»: a query word the corpus hardly knows is corrected against the corpus's own vocabulary
 * (`search-shards.ts`). Words are compared in their normalised form (`normalizeArabic`), where the slips
 * readers make most (أ/ا/إ, ى/ي, ة/ه, tashkeel) already cost nothing; what is left is counted by an edit
 * distance in which a dropped or added letter, a wrong letter and two swapped neighbours each cost one,
 * and the two slips Arabic typing makes most cost half: a long vowel (ا و ي) left out or added, which
 * transliterated names are written both with and without (ميكروسوفت / مايكروسوفت), and a letter doubled
 * or undoubled (مقايس / مقاييس); a hamza left off (صنعا / صنعاء) costs a quarter. So «ميغن» is «ميغان» (a
 * vowel) before «ميغ» (a letter added), and «صنعا» is «صنعاء» before «صنع».
 */
import { vocabKey, type VocabEntry } from './search-shards.ts';

/** A word seen at least this much is trusted as written. */
export const TRUSTED_WEIGHT = 3;
/** A correction must be this much more common than the word it replaces. */
const BETTER_BY = 5;
/** Parts of a word split at a missing space are at least this long. */
const MIN_PART = 2;

/** Edits allowed for a word of `length` letters: one slip in a short word, two in a long one. */
function maxEdits(length: number): number {
  return length < 3 ? 0 : length < 8 ? 1 : 2;
}

/** Letters a reader leaves out or adds most: the long vowels of transliterated names. */
const LONG_VOWELS = new Set(['ا', 'و', 'ي']);
const CHEAP = 0.5;

/**
 * A hamza on the line (ء; its seats ؤ and ئ are normalised to و and ي) is left off most of all, and at a
 * word's end it is all that tells صنعاء from صنع: leaving it out costs less than leaving out a vowel.
 */
const HAMZA = 'ء';
const CHEAPEST = 0.25;

/** What adding or dropping `word[at]` costs: a hamza least, half for a long vowel or a letter beside its double. */
function gapCost(word: string, at: number): number {
  const letter = word[at]!;
  if (letter === HAMZA) return CHEAPEST;
  return LONG_VOWELS.has(letter) || word[at - 1] === letter || word[at + 1] === letter ? CHEAP : 1;
}

/**
 * Optimal-string-alignment distance (insert, delete, substitute, swap of neighbours) with the cheap slips
 * above, or `limit + 1` once it is certain to exceed `limit`.
 */
export function editDistance(a: string, b: string, limit = Infinity): number {
  if (Math.abs(a.length - b.length) * CHEAPEST > limit) return limit + 1;
  let prevPrev: number[] = [];
  let prev = [0];
  for (let j = 1; j <= b.length; j++) prev.push(prev[j - 1]! + gapCost(b, j - 1));
  for (let i = 1; i <= a.length; i++) {
    const drop = gapCost(a, i - 1);
    const row = [prev[0]! + drop];
    let best = row[0]!;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(prev[j]! + drop, row[j - 1]! + gapCost(b, j - 1), prev[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, prevPrev[j - 2]! + 1);
      row.push(d);
      best = Math.min(best, d);
    }
    if (best > limit) return limit + 1;
    prevPrev = prev;
    prev = row;
  }
  return prev[b.length]!;
}

/**
 * The vocabulary shards a word's corrections may live in. A shard holds the words of one key (their first
 * two letters after «ال»), so a slip in those letters moves the word meant to another shard: its own key,
 * and the keys of the word with the key's letters swapped, with its second letter swapped with the third
 * or left out (an added or doubled letter), and with a long vowel put back after its first letter
 * (ميكروسوفت is kept under «ما»: مايكروسوفت). The engine loads only those the shard index lists.
 */
export function vocabKeysFor(word: string): string[] {
  const key = vocabKey(word);
  const at = key.length - 2;
  if (at < 0 || word.length < at + 3) return [key];
  const head = word.slice(0, at);
  const [first, second, third] = [word[at]!, word[at + 1]!, word[at + 2]!];
  const keys = [key, head + second + first, head + first + third, ...[...LONG_VOWELS].map((v) => head + first + v)];
  return [...new Set(keys)];
}

export interface Vocabulary {
  /** The entry of a normalised word, if the loaded shards hold it. */
  get: (word: string) => VocabEntry | undefined;
  /** Every entry of the loaded shards for `word` (`vocabKeysFor`). */
  near: (word: string) => readonly VocabEntry[];
}

/**
 * A live view of `shards`: a shard added to the map later is looked up too, and each shard's words are
 * indexed once, however many queries it serves.
 */
export function makeVocabulary(shards: ReadonlyMap<string, readonly VocabEntry[]>): Vocabulary {
  const byWord = new Map<string, VocabEntry>();
  const indexed = new Set<readonly VocabEntry[]>();
  return {
    get: (word) => {
      for (const entries of shards.values()) {
        if (indexed.has(entries)) continue;
        indexed.add(entries);
        for (const entry of entries) byWord.set(entry[0], entry);
      }
      return byWord.get(word);
    },
    near: (word) => vocabKeysFor(word).flatMap((key) => shards.get(key) ?? []),
  };
}

/** A corrected word: its normalised form, how to show it, and how far it is from the word typed. */
export interface Correction {
  word: string;
  written: string;
  distance: number;
}

/** A correction this close is a slip of the keyboard; a farther one may be another word. */
export const SURE_DISTANCE = 1;

const written = (entry: VocabEntry): string => entry[2] ?? entry[0];

/**
 * The best correction of one normalised word, or null when it is trusted or nothing better is close:
 * the fewest edits, then the most common word.
 */
export function correctWord(word: string, vocabulary: Vocabulary): Correction | null {
  const own = vocabulary.get(word)?.[1] ?? 0;
  if (own >= TRUSTED_WEIGHT) return null;
  const limit = maxEdits(word.length);
  let best: { entry: VocabEntry; distance: number } | null = null;
  for (const entry of vocabulary.near(word)) {
    if (entry[0] === word || entry[1] < Math.max(TRUSTED_WEIGHT, own * BETTER_BY)) continue;
    const distance = editDistance(word, entry[0], limit);
    if (distance > limit) continue;
    if (!best || distance < best.distance || (distance === best.distance && entry[1] > best.entry[1])) {
      best = { entry, distance };
    }
  }
  return best ? { word: best.entry[0], written: written(best.entry), distance: best.distance } : null;
}

/** Where a word with a missing space could split: the two parts' vocabulary keys, for loading. */
export function splitKeys(word: string): string[] {
  const keys = new Set<string>();
  for (let i = MIN_PART; i <= word.length - MIN_PART; i++) keys.add(vocabKey(word.slice(i)));
  return [...keys];
}

/** Two known words run together («الشرقالاوسط»), split where both parts are most common; null if none. */
export function splitWord(word: string, vocabulary: Vocabulary): Correction | null {
  if ((vocabulary.get(word)?.[1] ?? 0) >= TRUSTED_WEIGHT) return null;
  let best: { left: VocabEntry; right: VocabEntry; weight: number } | null = null;
  for (let i = MIN_PART; i <= word.length - MIN_PART; i++) {
    const left = vocabulary.get(word.slice(0, i));
    const right = vocabulary.get(word.slice(i));
    if (!left || !right || left[1] < TRUSTED_WEIGHT || right[1] < TRUSTED_WEIGHT) continue;
    const weight = Math.min(left[1], right[1]);
    if (!best || weight > best.weight) best = { left, right, weight };
  }
  return best
    ? { word: `${best.left[0]} ${best.right[0]}`, written: `${written(best.left)} ${written(best.right)}`, distance: SURE_DISTANCE }
    : null;
}
