import { createHash } from 'node:crypto';
import type { TagRef, TopicRef } from '../../src/data/schema.ts';
import { normalizeArabic } from '../../src/shared/lib/arabic.ts';

/**
 * The keys of the related pass (`related.ts`): each article's tags and terms (title and lead words),
 * numbered in one space in the order articles first bring them in site order, which the walk's ties read.
 * Deriving them (normalising titles, splitting lead words, a map lookup a key) was half the related pass of
 * an edit at 100,000 articles, so the last run's are kept in its memo, by article, and derived again only
 * for an article whose fingerprint moved (docs/decisions/030-incremental-ingest.md, sixth round).
 */

export interface KeyedArticle {
  id: string;
  title: string;
  date: string | null;
  source: string | null;
  tags: readonly TagRef[];
  topics: readonly TopicRef[];
}

/** What the last run's memo keeps of the keys (`RelateMemo`). */
export interface KeyMemo {
  /** Lead words an article used as terms: keys of another count are not reused. */
  leadTerms: number;
  /** Article ids, in the order of `fingerprints` and `keys`. */
  ids: string[];
  /** What a panel reads from each article, hashed (or given: `RelateOptions.fingerprints`). */
  fingerprints: string[];
  /** Each key's name in id order: `t` + tag slug, `w` + term. */
  names: string[];
  /** Each key's document frequency, in id order. */
  df: number[];
  /** Each article's key ids (`packLists`). */
  keys: string;
  /** How many of each article's keys are tags (the first ones). */
  tagCounts: number[];
}

export interface ArticleKeys {
  /** Each article's distinct key ids: its tags' first (`tagCounts` of them), then its terms'. */
  docKeys: Int32Array[];
  tagCounts: Uint16Array;
  /** Each article's tags' key ids, in the order of its tags (a repeated slug repeats its key). */
  tagKeys: Int32Array[];
  keyIsTag: Uint8Array;
  /** Each key's name (`KeyMemo.names`). */
  keyName: string[];
  /** Each key's document frequency in the last run (0: not a key then), when there is one. */
  dfBefore: Int32Array;
  /** Each article's place in the last run's memo, or -1. */
  before: Int32Array;
  /** Each article's fingerprint, when remembering. */
  fingerprints: string[];
}

export interface KeyOptions {
  leadCount: number;
  /** Keep fingerprints (the memo is asked for). */
  remember: boolean;
  previous: KeyMemo | null;
  fingerprints?: ReadonlyArray<string | undefined>;
  /** An article's title terms and lead terms, derived. */
  terms: (index: number) => { title: readonly string[]; lead: readonly string[] };
}

/**
 * Each article's keys: the last run's, when its fingerprint is the one they were derived for (and its tags
 * do not repeat a slug), else derived now; then numbered again in first-met site order, with plain typed
 * array passes (no string is looked up for a reused article).
 */
export function articleKeys(articles: readonly KeyedArticle[], options: KeyOptions): ArticleKeys {
  const n = articles.length;
  const previous = options.previous;
  const last = previous && previous.leadTerms === options.leadCount ? unpackLists(previous.keys, previous.ids.length, previous.names.length) : null;
  if (!last && previous) return articleKeys(articles, { ...options, previous: null });
  const oldCount = last ? previous!.names.length : 0;
  const placeBefore = previous ? new Map(previous.ids.map((id, p) => [id, p])) : null;
  const before = new Int32Array(n).fill(-1);
  const fingerprints: string[] = options.remember ? new Array<string>(n) : [];

  // Key refs first in an extended space: the last run's ids, then keys new this run (`added`).
  const added: string[] = [];
  let tagIndex: Map<string, number> | null = null;
  let termIndex: Map<string, number> | null = null;
  const lastDoc: number[] = new Array<number>(oldCount).fill(-1);
  let flat = new Int32Array(1 << 16);
  let used = 0;
  const push = (ref: number): void => {
    if (used === flat.length) flat = grown(flat);
    flat[used++] = ref;
  };
  const start = new Int32Array(n + 1);
  const tagCounts = new Uint16Array(n);
  const ownTagRefs: Array<Int32Array | undefined> = new Array<Int32Array | undefined>(n);
  for (let i = 0; i < n; i++) {
    const a = articles[i]!;
    start[i] = used;
    const p = placeBefore?.get(a.id) ?? -1;
    before[i] = p;
    let terms: ReturnType<KeyOptions['terms']> | null = null;
    if (options.remember) {
      const given = options.fingerprints?.[i];
      if (given === undefined) terms = options.terms(i);
      fingerprints[i] = given ?? fingerprintOf(a, terms!.lead);
    }
    if (last && p >= 0 && previous!.fingerprints[p] === fingerprints[i] && previous!.tagCounts[p] === a.tags.length) {
      const from = last.start[p]!;
      const to = last.start[p + 1]!;
      while (used + to - from > flat.length) flat = grown(flat);
      flat.set(last.flat.subarray(from, to), used);
      used += to - from;
      tagCounts[i] = a.tags.length;
      continue;
    }
    if (!tagIndex) {
      tagIndex = new Map();
      termIndex = new Map();
      for (let ref = 0; ref < oldCount; ref++) {
        const name = previous!.names[ref]!;
        (name[0] === 't' ? tagIndex : termIndex).set(name.slice(1), ref);
      }
    }
    const addKey = (map: Map<string, number>, key: string, prefix: string): number => {
      let ref = map.get(key);
      if (ref === undefined) {
        ref = oldCount + added.length;
        map.set(key, ref);
        added.push(prefix + key);
        lastDoc.push(-1);
      }
      if (lastDoc[ref] !== i) {
        lastDoc[ref] = i;
        push(ref);
      }
      return ref;
    };
    const tagRefs = Int32Array.from(a.tags, (tag) => addKey(tagIndex!, tag.slug, 't'));
    tagCounts[i] = used - start[i]!;
    if (tagCounts[i] !== a.tags.length) ownTagRefs[i] = tagRefs;
    terms ??= options.terms(i);
    for (const term of terms.title) addKey(termIndex!, term, 'w');
    for (const term of terms.lead) addKey(termIndex!, term, 'w');
  }
  start[n] = used;

  // Numbered again in the order first met: what a full build numbers them by.
  const idOf = new Int32Array(oldCount + added.length).fill(-1);
  const all = new Int32Array(used);
  const keyName: string[] = [];
  for (let x = 0; x < used; x++) {
    const ref = flat[x]!;
    let id = idOf[ref]!;
    if (id < 0) {
      id = idOf[ref] = keyName.length;
      keyName.push(ref < oldCount ? previous!.names[ref]! : added[ref - oldCount]!);
    }
    all[x] = id;
  }
  const k = keyName.length;
  const keyIsTag = new Uint8Array(k);
  const dfBefore = new Int32Array(k);
  for (let key = 0; key < k; key++) keyIsTag[key] = keyName[key]!.charCodeAt(0) === 116 /* t */ ? 1 : 0;
  if (last) for (let ref = 0; ref < oldCount; ref++) if (idOf[ref]! >= 0) dfBefore[idOf[ref]!] = previous!.df[ref]!;
  const docKeys = new Array<Int32Array>(n);
  const tagKeys = new Array<Int32Array>(n);
  for (let i = 0; i < n; i++) {
    docKeys[i] = all.subarray(start[i]!, start[i + 1]!);
    const own = ownTagRefs[i];
    tagKeys[i] = own ? own.map((ref) => idOf[ref]!) : docKeys[i]!.subarray(0, tagCounts[i]!);
  }
  return { docKeys, tagCounts, tagKeys, keyIsTag, keyName, dfBefore, before, fingerprints };
}

/** `array`'s numbers in one twice its size. */
function grown(array: Int32Array<ArrayBuffer>): Int32Array<ArrayBuffer> {
  const bigger = new Int32Array(array.length * 2);
  bigger.set(array);
  return bigger;
}

/** The title's terms, as the related pass reads them: the normalised title's words that are terms. */
export function titleTerms(title: string, isTerm: (token: string) => boolean): string[] {
  return (normalizeArabic(title).match(/[\p{L}\p{N}\p{M}]+/gu) ?? []).filter(isTerm);
}

/** What a panel reads from an article, hashed, when no fingerprint is given. */
function fingerprintOf(a: KeyedArticle, lead: readonly string[]): string {
  const read = [a.id, a.tags.map((t) => [t.slug, t.label]), a.topics.map((t) => t.slug), [a.title, a.date, a.source, lead]];
  return createHash('sha1').update(JSON.stringify(read)).digest('base64');
}

/**
 * Lists of non-negative integers (below 2³¹) as text: each list's length, then its numbers, as unsigned
 * LEB128 (one byte below 128, two below 16,384), in base64. The memo's lists are about 6 million numbers at
 * 100,000 articles: as JSON arrays they were the largest part of the cache body, and slow to parse.
 */
export function packLists(lists: readonly ArrayLike<number>[]): string {
  let size = 0;
  for (const list of lists) size += 5 * (list.length + 1);
  const bytes = Buffer.allocUnsafe(size);
  let at = 0;
  const write = (value: number): void => {
    while (value > 0x7f) {
      bytes[at++] = (value & 0x7f) | 0x80;
      value >>>= 7;
    }
    bytes[at++] = value;
  };
  for (const list of lists) {
    write(list.length);
    for (let x = 0; x < list.length; x++) write(list[x]!);
  }
  return bytes.toString('base64', 0, at);
}

/**
 * The lists `packLists` wrote: list i is `flat[start[i]]` to `flat[start[i + 1]]`. Null when they are not
 * `count` lists of numbers below `limit` (then whatever they stand for is computed again).
 */
export function unpackLists(text: string, count: number, limit: number): { start: Int32Array; flat: Int32Array } | null {
  const bytes = Buffer.from(text, 'base64');
  const start = new Int32Array(count + 1);
  const flat = new Int32Array(bytes.length);
  const end = bytes.length;
  let at = 0;
  let used = 0;
  const read = (): number => {
    let value = 0;
    for (let scale = 1; at < end; scale *= 128) {
      const byte = bytes[at++]!;
      if (byte < 0x80) return value + byte * scale;
      value += (byte - 0x80) * scale;
    }
    return -1;
  };
  for (let i = 0; i < count; i++) {
    const length = read();
    start[i] = used;
    if (length < 0 || used + length > flat.length) return null;
    for (let x = 0; x < length; x++) {
      const value = read();
      if (value < 0 || value >= limit) return null;
      flat[used++] = value;
    }
  }
  start[count] = used;
  return at === end ? { start, flat } : null;
}
