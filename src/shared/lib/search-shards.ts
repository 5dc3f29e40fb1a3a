/**
 * The small lazy shards that sit beside the Pagefind index (built by scripts/ingest/search-vocabulary.ts,
 * read by the search page and the header's search box): where each lives and what it holds. One module
 * for both sides, so the file a query asks for is the file the ingest wrote.
 *
 * - `vocab/<key>.json`: the corpus's own words with their weight, for «هل تقصد» (`spelling.ts`).
 * - `suggest/<key>.json`: topics, tags and headlines whose words start with the key, for suggestions as
 *   the reader types.
 * - `vocab/index.json`, `suggest/index.json`: which keys have a shard (`ShardIndex`), so the reader never
 *   asks for a file that does not exist (each miss would be a 404 on the wire and in the console).
 */

/** The Pagefind bundle and these shards, inside the data folder (served at `/data/pagefind/`). */
export const PAGEFIND_DIR = 'pagefind/';

/**
 * One word of the vocabulary: its normalised form, its weight (how often titles, tags and bodies use it)
 * and, when it differs, the way titles and tags usually write it (أوكرانيا for اوكرانيا), to show in «هل تقصد».
 * A word that is a whole tag or topic name (مصر, دبي) says so with a fourth field, 1 (its written form then
 * given even when it is the word): a name is what a reader glues a proclitic to (`bareBehindProclitics`).
 */
export type VocabEntry = [word: string, weight: number, written?: string, name?: 1];

export interface SuggestEntry {
  kind: 'topic' | 'tag' | 'article';
  /** Topic or tag slug, or article id. */
  id: string;
  label: string;
  /** A topic's other names, matched too («كاراباخ» finds «ناغورني قره باغ»). */
  aliases?: string[];
}

/** Letters of a vocabulary key: enough to keep a shard small, few enough that a slip rarely moves a word. */
const VOCAB_KEY_LETTERS = 2;
/** The article «ال» says nothing about a word; the vocabulary keys a word by what follows it. */
const ARTICLE = 'ال';

import { tokenize } from './arabic.ts';

/** A file name for a few letters: their code points in hex, so every host and CDN serves it as is. */
function lettersName(letters: string): string {
  return [...letters].map((c) => c.codePointAt(0)!.toString(16).padStart(4, '0')).join('-');
}

/** The vocabulary key of a normalised word: its first two letters, after «ال» when it has one. */
export function vocabKey(word: string): string {
  const start = word.startsWith(ARTICLE) && word.length > ARTICLE.length + 1 ? ARTICLE.length : 0;
  return word.slice(0, start + VOCAB_KEY_LETTERS);
}

export function vocabFile(key: string): string {
  return `vocab/${lettersName(key)}.json`;
}

/** Suggestion shards: by the first two letters of a word, and by its first three (headlines need both). */
export const SUGGEST_KEY_LETTERS = [2, 3] as const;

export function suggestFile(prefix: string): string {
  return `suggest/${lettersName(prefix)}.json`;
}

/** The definite article, alone or after و, that a reader often leaves out when typing. */
const LEADING_ARTICLE = /^و?ال(?=..)/;

/** The normalised words a suggestion answers to: its label's and aliases' words, also without «ال». */
export function suggestionWords(entry: Pick<SuggestEntry, 'label' | 'aliases'>): string[] {
  const words = new Set<string>();
  for (const text of [entry.label, ...(entry.aliases ?? [])]) {
    for (const token of tokenize(text)) {
      words.add(token);
      words.add(token.replace(LEADING_ARTICLE, ''));
    }
  }
  return [...words];
}

/** Whether every typed word starts some word of the entry (the last one may still be half typed). */
export function suggestionMatches(words: readonly string[], typed: readonly string[]): boolean {
  return typed.length > 0 && typed.every((t) => words.some((w) => w.startsWith(t)));
}

/**
 * The keys that have a shard, compact: keys grouped by all their letters but the last, which are listed
 * together in one string (`{"اب": "تثج"}` holds ابت, ابث and ابج). A key is one letter longer than its
 * group, so keys of different lengths (2 and 3 letters, or 2 and «ال» + 2) share one index.
 */
export type ShardIndex = Record<string, string>;

export const VOCAB_INDEX_FILE = 'vocab/index.json';
export const SUGGEST_INDEX_FILE = 'suggest/index.json';

export function encodeShardIndex(keys: Iterable<string>): ShardIndex {
  const groups = new Map<string, Set<string>>();
  for (const key of keys) {
    const letters = [...key];
    const last = letters.pop();
    if (last === undefined) continue;
    const group = letters.join('');
    const set = groups.get(group) ?? new Set<string>();
    set.add(last);
    groups.set(group, set);
  }
  const index: ShardIndex = {};
  for (const group of [...groups.keys()].sort()) index[group] = [...groups.get(group)!].sort().join('');
  return index;
}

export function shardIndexHas(index: ShardIndex, key: string): boolean {
  const letters = [...key];
  const last = letters.pop();
  if (last === undefined) return false;
  const group = letters.join('');
  return Object.hasOwn(index, group) && [...index[group]!].includes(last);
}
