/**
 * The search page's small lazy shards beside the Pagefind index (`src/shared/lib/search-shards.ts`):
 * - the vocabulary for «هل تقصد»: words of titles, tags, topic aliases and bodies with their weight, keyed
 *   by their first letters (`vocabKey`);
 * - suggestions as the reader types: topics, tags and headlines by the first two and three letters of each
 *   of their words.
 * Pure apart from `writeSearchShards`; sorted, so the same articles give the same files.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Article } from '../../src/data/schema.ts';
import { stripClitics, tokenize } from '../../src/shared/lib/arabic.ts';
import { withFinalTeh } from '../../src/shared/lib/search-terms.ts';
import {
  encodeShardIndex,
  SUGGEST_INDEX_FILE,
  SUGGEST_KEY_LETTERS,
  suggestFile,
  suggestionWords,
  vocabFile,
  VOCAB_INDEX_FILE,
  vocabKey,
  type SuggestEntry,
  type VocabEntry,
} from '../../src/shared/lib/search-shards.ts';
import { TRUSTED_WEIGHT } from '../../src/shared/lib/spelling.ts';
import type { Taxonomy } from './taxonomy.ts';

/** A title word counts this many body mentions; a tag or topic name more: they are what readers look for. */
const TITLE_WEIGHT = 5;
const LABEL_WEIGHT = 20;
/** A bare form behind a clitic counts only when the corpus also writes it alone and it is this long. */
const MIN_BARE = 3;
/** Words a vocabulary shard keeps at most, the commonest: bounds a shard's size at any corpus size. */
const MAX_VOCAB_SHARD = 2_500;
/** Tags a suggestion shard keeps (the commonest) and headlines (the newest). */
const MAX_SHARD_TAGS = 20;
const MAX_SHARD_HEADLINES = 12;

const TASHKEEL = /[\u064B-\u065F\u0670\u0640]/g;

const byKey = <T>(map: Map<string, T[]>, key: string, value: T): void => {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
};

/**
 * The surface forms of a text's words by their normalised form, counted `times` (for how «هل تقصد» writes
 * a word).
 */
function countWritten(text: string, into: Map<string, Map<string, number>>, times = 1): void {
  for (const raw of text.split(/[^\p{L}\p{M}\p{N}]+/u)) {
    const tokens = tokenize(raw);
    if (tokens.length !== 1) continue;
    const form = raw.replace(TASHKEEL, '');
    const forms = into.get(tokens[0]!) ?? new Map<string, number>();
    forms.set(form, (forms.get(form) ?? 0) + times);
    into.set(tokens[0]!, forms);
  }
}

/**
 * The vocabulary shards. `bodyCounts` is every token's count over titles and bodies (the index step has
 * it already); a word written behind a clitic counts for its bare form too (وميغان, والمقاييس: a name is
 * often written glued, and a reader types it bare), when the corpus also writes that form alone. Titles,
 * tags and topic names add their own weight, and tell how a word is written; a word only the bodies use is
 * written with a final ة when most of its uses write one (counted by `countTokens`). Words used less than
 * `TRUSTED_WEIGHT` are left out: a word seen once may itself be a slip.
 */
export function buildVocabulary(
  articles: readonly Article[],
  taxonomy: Taxonomy,
  bodyCounts: ReadonlyMap<string, number>,
): Map<string, VocabEntry[]> {
  const weight = new Map(bodyCounts);
  const add = (word: string, w: number): void => void weight.set(word, (weight.get(word) ?? 0) + w);
  for (const [token, count] of bodyCounts) {
    const bare = stripClitics(token, (b) => b !== token && b.length >= MIN_BARE && bodyCounts.has(b));
    if (bare !== token) add(bare, count);
  }
  const written = new Map<string, Map<string, number>>();
  /** Words that are a whole tag label or topic name: names, which readers glue proclitics to. */
  const names = new Set<string>();
  const nameOf = (label: string): void => {
    const tokens = tokenize(label);
    if (tokens.length === 1) names.add(tokens[0]!);
  };
  // Each tag label once, with the number of articles that carry it: ten labels an article, mostly the same.
  const labels = new Map<string, number>();
  for (const article of articles) {
    for (const word of new Set(tokenize(article.title))) add(word, TITLE_WEIGHT);
    countWritten(article.title, written);
    for (const tag of article.tags) labels.set(tag.label, (labels.get(tag.label) ?? 0) + 1);
  }
  for (const [label, times] of labels) {
    for (const word of tokenize(label)) add(word, LABEL_WEIGHT * times);
    countWritten(label, written, times);
    nameOf(label);
  }
  for (const topic of taxonomy.topics) {
    for (const form of [topic.label, ...topic.aliases]) {
      for (const word of tokenize(form)) add(word, LABEL_WEIGHT);
      countWritten(form, written);
      nameOf(form);
    }
  }
  const shards = new Map<string, VocabEntry[]>();
  for (const [word, w] of weight) {
    // A key holding ة counts the uses of a word written with it (`countTokens`), not a word of its own.
    if (w < TRUSTED_WEIGHT || word.length < 2 || /\d/.test(word) || word.includes('ة')) continue;
    const forms = written.get(word);
    // Without a title or label that writes it, a word the bodies mostly write with a final ة is written so:
    // the reader searches that form too, which is the one Pagefind indexed.
    const tehUses = word.endsWith('ه') && !forms ? (weight.get(withFinalTeh(word)) ?? 0) : 0;
    const teh = tehUses * 2 > w ? withFinalTeh(word) : undefined;
    const top = teh ?? (forms && [...forms].sort(([a, x], [b, y]) => y - x || (a < b ? -1 : 1))[0]?.[0]);
    const entry: VocabEntry = names.has(word)
      ? [word, w, top || word, 1]
      : top && top !== word
        ? [word, w, top]
        : [word, w];
    byKey(shards, vocabKey(word), entry);
  }
  for (const [key, entries] of shards) {
    entries.sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
    shards.set(key, entries.slice(0, MAX_VOCAB_SHARD));
  }
  return shards;
}

/** The suggestion shards: each topic and the commonest tags and newest headlines under each prefix. */
export function buildSuggestions(articles: readonly Article[], taxonomy: Taxonomy): Map<string, SuggestEntry[]> {
  const tagCounts = new Map<string, { label: string; count: number }>();
  const topicCounts = new Map<string, number>();
  for (const article of articles) {
    for (const tag of article.tags) {
      const entry = tagCounts.get(tag.slug) ?? { label: tag.label, count: 0 };
      entry.count++;
      tagCounts.set(tag.slug, entry);
    }
    for (const topic of article.topics) topicCounts.set(topic.slug, (topicCounts.get(topic.slug) ?? 0) + 1);
  }
  const topics: SuggestEntry[] = taxonomy.topics
    .filter((t) => topicCounts.has(t.slug))
    .map((t) => ({ kind: 'topic', id: t.slug, label: t.label, aliases: t.aliases }));
  const tags: SuggestEntry[] = [...tagCounts]
    .sort(([a, x], [b, y]) => y.count - x.count || (a < b ? -1 : 1))
    .map(([slug, { label }]) => ({ kind: 'tag', id: slug, label }));
  const headlines: SuggestEntry[] = [...articles]
    .sort((a, b) => (b.date ?? '').localeCompare(a.date ?? '') || (a.id < b.id ? -1 : 1))
    .map((a) => ({ kind: 'article', id: a.id, label: a.title }));

  const shards = new Map<string, SuggestEntry[]>();
  const counts = new Map<string, number>();
  const place = (entry: SuggestEntry, letters: readonly number[], max: number): void => {
    const prefixes = new Set<string>();
    for (const word of suggestionWords(entry)) {
      for (const n of letters) if (word.length >= n) prefixes.add(word.slice(0, n));
    }
    for (const prefix of prefixes) {
      const countKey = `${entry.kind} ${prefix}`;
      const count = counts.get(countKey) ?? 0;
      if (count >= max) continue;
      counts.set(countKey, count + 1);
      byKey(shards, prefix, entry);
    }
  };
  for (const topic of topics) place(topic, SUGGEST_KEY_LETTERS, Infinity);
  for (const tag of tags) place(tag, SUGGEST_KEY_LETTERS, MAX_SHARD_TAGS);
  // Headlines only under three letters: two would pick a dozen of thousands, rarely the one meant.
  for (const headline of headlines) place(headline, [SUGGEST_KEY_LETTERS[1]], MAX_SHARD_HEADLINES);
  return shards;
}

export interface ShardStats {
  files: number;
  bytes: number;
  largest: number;
  /** Bytes of the index of keys (`encodeShardIndex`), not counted in `files` and `bytes`. */
  indexBytes: number;
}

/**
 * Puts a file of these shards in place without writing it, when it can: true when `bytes` are the previous
 * output's file at `rel` (relative to `pagefind/`) and that file is now linked there.
 */
export type ReuseFile = (rel: string, bytes: Buffer) => boolean;

/** Writes one file a key, and the index of keys beside them so the reader asks only for files that exist. */
async function writeShards<T>(
  root: string,
  shards: Map<string, T>,
  file: (key: string) => string,
  indexFile: string,
  reuse: ReuseFile,
): Promise<ShardStats> {
  const stats: ShardStats = { files: 0, bytes: 0, largest: 0, indexBytes: 0 };
  const dirs = new Set<string>();
  for (const key of [...shards.keys()].sort()) {
    const target = path.join(root, file(key));
    const dir = path.dirname(target);
    if (!dirs.has(dir)) {
      await mkdir(dir, { recursive: true });
      dirs.add(dir);
    }
    const bytes = Buffer.from(JSON.stringify(shards.get(key)));
    if (!reuse(file(key), bytes)) await writeFile(target, bytes);
    stats.files++;
    stats.bytes += bytes.length;
    stats.largest = Math.max(stats.largest, bytes.length);
  }
  const index = Buffer.from(JSON.stringify(encodeShardIndex(shards.keys())));
  await mkdir(path.dirname(path.join(root, indexFile)), { recursive: true });
  if (!reuse(indexFile, index)) await writeFile(path.join(root, indexFile), index);
  stats.indexBytes = index.length;
  return stats;
}

/** Writes `vocab/` and `suggest/` under `root` (the `pagefind/` folder). */
export async function writeSearchShards(
  root: string,
  articles: readonly Article[],
  taxonomy: Taxonomy,
  bodyCounts: ReadonlyMap<string, number>,
  reuse: ReuseFile = () => false,
): Promise<{ vocab: ShardStats; suggest: ShardStats }> {
  const vocabulary = buildVocabulary(articles, taxonomy, bodyCounts);
  return {
    vocab: await writeShards(root, vocabulary, vocabFile, VOCAB_INDEX_FILE, reuse),
    suggest: await writeShards(root, buildSuggestions(articles, taxonomy), suggestFile, SUGGEST_INDEX_FILE, reuse),
  };
}
