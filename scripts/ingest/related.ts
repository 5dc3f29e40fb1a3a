import { MAX_RELATED, type ReadAlso, type RelatedArticle, type TagRef, type TopicRef } from '../../src/data/schema.ts';
import { normalizeArabic, tokenize } from '../../src/shared/lib/arabic.ts';
import { isStopWord } from '../../src/shared/lib/stop-words.ts';
import { headlineBigrams, NEAR_DUPLICATE, nearDuplicate } from './headline-similarity.ts';
import { articleKeys, packLists, titleTerms, unpackLists, type ArticleKeys, type KeyMemo } from './related-keys.ts';

/**
 * The «اقرأ أيضاً» panel, precomputed for every article.
 *
 * Candidates come only from an inverted index over tags and terms (title and lead words): the articles
 * sharing at least one key. Keys are visited rarest first and each article may walk at most `budget`
 * postings, and keys on more than `postingCap` articles are not walked at all: a tag on 30% of the corpus
 * says nothing about two articles being related, and walking it would make the cost quadratic. So the work
 * is bounded by N × budget whatever the corpus looks like.
 *
 * Score = Σ shared tags 2·idf + Σ shared terms idf + 1 per shared topic; a candidate needs a shared tag or
 * two shared terms. An informative tag is one on at most `postingCap` articles: candidates sharing one come
 * before all others, whatever their score. The best candidates by the keys walked are shortlisted, then get
 * the weight (and precedence) of the tags the article did not walk, too common or past its budget.
 * Ties go to the newer article, then the smaller id. A candidate whose headline is a near-duplicate of the
 * article's own or of a better-ranked card's (`headline-similarity.ts`) is skipped for the next one.
 */

export interface RelatableArticle {
  id: string;
  title: string;
  date: string | null;
  source: string | null;
  body: readonly string[];
  tags: readonly TagRef[];
  topics: readonly TopicRef[];
  /** The body's first `LEAD_TERMS` terms, space-joined, when drawn at parse time (`leadTerms`). */
  lead?: string;
}

/** Lead words per article used as terms, after the title's (`RelateOptions.leadTerms`). */
export const LEAD_TERMS = 60;

export interface RelateOptions {
  maxRelated?: number;
  /**
   * Keys on more articles than this are not walked (default: 2% of the reference size, `referenceSize`,
   * at least 20, at most 1,000).
   */
  postingCap?: number;
  /** Postings one article may walk (default 1,000). */
  budget?: number;
  /** Lead words per article used as terms, after the title's (default LEAD_TERMS). */
  leadTerms?: number;
  /**
   * Headline similarity (`headlineSimilarity`) at or above which a panel shows only the better-ranked of two
   * articles, nor one like the article's own (default NEAR_DUPLICATE). Identical normalised headlines are
   * never shown twice, whatever it is.
   */
  nearDuplicate?: number;
  onProgress?: (done: number, total: number) => void;
  /**
   * Keep what the next run needs to recompute only the panels that can change (`RelateMemo`), starting
   * from the last run's when there is one.
   */
  memo?: { previous: RelateMemo | null };
  /**
   * Each article's fingerprint, where known: a string that changes whenever anything a panel reads from the
   * article but its id does (title, date, source, lead words, tags and their labels, topics). The pipeline
   * gives the key its topics are memoised by (the record's origin, its tags, the taxonomy). Where it is
   * not given, those fields are hashed.
   */
  fingerprints?: ReadonlyArray<string | undefined>;
}

/**
 * What one run of `relateArticles` leaves for the next. A panel is a function of the article, of the
 * articles sharing a key with it, of what its keys' document frequencies decide (`keyEffect`), and of the
 * reference size and options (`basis`; the reference size moves in steps, not with each article). With the
 * same basis, a panel can change only for an article that changed or is new (its fingerprint), one holding
 * a key whose effect moved (a removed article's keys are among them), or one holding a walkable key that a
 * changed article holds: it could reach that article, before or after. Every other panel is the last
 * run's, by the places of its articles in the memo. The memo also keeps each article's keys
 * (`KeyMemo`), so that only a changed article's are derived again.
 */
export interface RelateMemo extends KeyMemo {
  basis: string;
  /** Each article's panel, as places in `ids` (`packLists`), in the order of `ids`. */
  panels: string;
  /** Where each article's walk stopped (the frequency of the first key it did not walk). */
  stops: number[];
}

export interface RelateStats {
  keys: number;
  skippedKeys: number;
  postingsVisited: number;
}

const TAG_WEIGHT = 2;
const TOPIC_WEIGHT = 1;
const MIN_TERMS = 2;
const MAX_SHARED_TAGS = 5;
const MIN_TERM_LENGTH = 3;
/** Characters read per lead term wanted: words plus the function words between them. */
const LEAD_CHARS_PER_TERM = 12;

const DIGITS = /^\d+$/;
/** The stop of a walk that took every walkable key. */
const NO_STOP = 0x7fffffff;

/** The first `count` terms of a body, repeats included: the lead words a related panel matches on. */
export function leadTerms(body: readonly string[], count = LEAD_TERMS): string[] {
  const terms: string[] = [];
  for (const paragraph of body) {
    if (terms.length >= count) break;
    // Only the lead is read: normalising whole paragraphs to keep 60 words would be most of the cost.
    for (const token of tokenize(paragraph.slice(0, (count - terms.length) * LEAD_CHARS_PER_TERM))) {
      if (!isTerm(token)) continue;
      terms.push(token);
      if (terms.length >= count) break;
    }
  }
  return terms;
}

// Function words are skipped: rare-term weighting would mute them on a big corpus, but a small one (the
// seed) has no statistics to do it.
function isTerm(token: string): boolean {
  return token.length >= MIN_TERM_LENGTH && !isStopWord(token) && !DIGITS.test(token);
}

function compareDates(a: string | null, b: string | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return a < b ? 1 : -1;
}

/** Newest first, undated last, ties by id: the order of every list in the site. */
export function compareArticles(a: { date: string | null; id: string }, b: { date: string | null; id: string }): number {
  return compareDates(a.date, b.date) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

interface Candidate {
  doc: number;
  /** 0 when it shares an informative tag, else 1. */
  tier: number;
  score: number;
}

/** Candidate order: lower tier, then higher score, then earlier in site order. */
function ranksBefore(tier: number, score: number, doc: number, other: Candidate, rank: Int32Array): boolean {
  if (tier !== other.tier) return tier < other.tier;
  if (score !== other.score) return score > other.score;
  return rank[doc]! < rank[other.doc]!;
}

export function relateArticles(
  articles: readonly RelatableArticle[],
  options: RelateOptions = {},
): {
  related: RelatedArticle[][];
  /** Each panel's articles, by their place in `articles`, in the panel's order. */
  docs: ArrayLike<number>[];
  stats: RelateStats & { recomputed: number };
  memo?: RelateMemo;
} {
  const n = articles.length;
  const maxRelated = options.maxRelated ?? MAX_RELATED;
  const reference = referenceSize(n);
  const cap = options.postingCap ?? Math.min(1_000, Math.max(20, Math.floor(reference * 0.02)));
  const budget = options.budget ?? 1_000;
  const leadCount = options.leadTerms ?? LEAD_TERMS;
  const alike = options.nearDuplicate ?? NEAR_DUPLICATE;

  // Keys: tags and terms, the last run's where an article did not change (`articleKeys`).
  const remember = options.memo !== undefined;
  const memoBefore = options.memo?.previous ?? null;
  const { docKeys, tagCounts, tagKeys, keyIsTag, keyName, dfBefore, before, fingerprints } = articleKeys(articles, {
    leadCount,
    remember,
    previous: memoBefore,
    fingerprints: options.fingerprints,
    terms: (i) => {
      const a = articles[i]!;
      const lead = a.lead !== undefined && leadCount === LEAD_TERMS ? (a.lead === '' ? [] : a.lead.split(' ')) : leadTerms(a.body, leadCount);
      return { title: titleTerms(a.title, isTerm), lead };
    },
  });
  /** Normalised titles and their bigrams, for the panels computed: a panel shows one article of a story. */
  const titles: string[] = new Array<string>(n);
  const titleOf = (i: number): string => (titles[i] ??= normalizeArabic(articles[i]!.title));
  const bigrams: Uint32Array[] = new Array<Uint32Array>(n);
  const bigramsOf = (i: number): Uint32Array => (bigrams[i] ??= headlineBigrams(titleOf(i)));
  /** Whether `doc`'s headline is, or nearly is, one of the panel's so far (`shown`, the article's own first). */
  const alreadyShown = (doc: number, shown: readonly number[]): boolean =>
    shown.some((other) => titleOf(other) === titleOf(doc) || nearDuplicate(bigramsOf(other), bigramsOf(doc), alike));

  const k = keyName.length;
  const df = new Int32Array(k);
  for (const keys of docKeys) for (const key of keys) df[key]!++;
  const basis = JSON.stringify(['stops', reference, cap, budget, maxRelated, leadCount, alike]);
  const previous = memoBefore?.basis === basis ? memoBefore : null;
  // Each article's tags on two articles or more, again, in one flat array: the few candidates kept for an
  // article are checked against the tags it did not walk.
  const tagStart = new Int32Array(n + 1);
  for (let i = 0; i < n; i++) {
    let m = 0;
    for (let x = 0; x < tagCounts[i]!; x++) if (df[docKeys[i]![x]!]! >= 2) m++;
    tagStart[i + 1] = tagStart[i]! + m;
  }
  const tagFlat = new Int32Array(tagStart[n]!);
  for (let i = 0; i < n; i++) {
    let at = tagStart[i]!;
    for (let x = 0; x < tagCounts[i]!; x++) if (df[docKeys[i]![x]!]! >= 2) tagFlat[at++] = docKeys[i]![x]!;
  }
  const weight = new Float64Array(k);
  for (let key = 0; key < k; key++) {
    weight[key] = Math.log(reference / weighedFrequency(df[key]!, cap)) * (keyIsTag[key] ? TAG_WEIGHT : 1);
  }

  // Postings in one flat array (CSR), only for keys worth walking.
  const walkable = new Uint8Array(k);
  const offsets = new Int32Array(k + 1);
  let skippedKeys = 0;
  for (let key = 0; key < k; key++) {
    walkable[key] = df[key]! >= 2 && df[key]! <= cap ? 1 : 0;
    if (walkable[key] === 0 && df[key]! >= 2) skippedKeys++;
    offsets[key + 1] = offsets[key]! + (walkable[key] === 1 ? df[key]! : 0);
  }
  const postings = new Int32Array(offsets[k]!);
  const fill = offsets.slice(0, k);
  for (let i = 0; i < n; i++) {
    for (const key of docKeys[i]!) if (walkable[key] === 1) postings[fill[key]!++] = i;
  }
  // Each article's walkable keys, rarest first, ties by key id: sorted as numbers df·2³² + key (exact in a
  // double, as df ≤ cap), which is several times faster than a comparator. Only for the articles that
  // need them: those whose panel is computed, and whose stop is not the last run's.
  const walkKeys: Array<Int32Array | undefined> = new Array<Int32Array | undefined>(n);
  let mostKeys = 0;
  for (const own of docKeys) mostKeys = Math.max(mostKeys, own.length);
  const sortable = new Float64Array(mostKeys);
  const walkOf = (i: number): Int32Array => {
    let list = walkKeys[i];
    if (list) return list;
    let m = 0;
    for (const key of docKeys[i]!) if (walkable[key] === 1) sortable[m++] = df[key]! * 4294967296 + key;
    const sorted = sortable.subarray(0, m).sort();
    list = walkKeys[i] = new Int32Array(m);
    for (let x = 0; x < m; x++) list[x] = sorted[x]! % 4294967296;
    return list;
  };
  // Where each article's walk stops: the frequency of the first key past its budget (keys of a lower
  // frequency were all walked, keys of a higher one were not), or NO_STOP when it walks them all. It reads
  // only its keys' frequencies (not their order among equal ones), so an unchanged article none of whose
  // keys' frequencies moved stops where it did.
  const stops = new Int32Array(n).fill(-1);
  const stopOf = (i: number): number => {
    if (stops[i]! >= 0) return stops[i]!;
    let visited = 0;
    stops[i] = NO_STOP;
    for (const key of walkOf(i)) {
      if (visited > 0 && visited + df[key]! > budget) {
        stops[i] = df[key]!;
        break;
      }
      visited += df[key]!;
    }
    return stops[i]!;
  };
  const reuse = previous ? unchangedPanels(previous, { docKeys, df, dfBefore, keyIsTag, before, fingerprints, stopOf }, cap) : null;

  // The rank of each article in site order breaks score ties: newer first, then smaller id. The pipeline
  // gives them in site order already.
  const rank = Int32Array.from({ length: n }, (_, i) => i);
  if (!articles.every((a, i) => i === 0 || compareArticles(articles[i - 1]!, a) <= 0)) {
    const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => compareArticles(articles[a]!, articles[b]!));
    order.forEach((doc, r) => (rank[doc] = r));
  }

  // Topics as bit sets, so counting shared topics is a few ANDs instead of Set lookups.
  const topicBits = new Map<string, number>();
  for (const a of articles) for (const t of a.topics) if (!topicBits.has(t.slug)) topicBits.set(t.slug, topicBits.size);
  const words = Math.max(1, Math.ceil(topicBits.size / 32));
  const topicMasks = new Uint32Array(n * words);
  const hasTopics = new Uint8Array(n);
  articles.forEach((a, i) => {
    for (const t of a.topics) {
      const bit = topicBits.get(t.slug)!;
      topicMasks[i * words + (bit >>> 5)]! |= 1 << (bit & 31);
      hasTopics[i] = 1;
    }
  });
  const score = new Float64Array(n);
  const tagHits = new Uint16Array(n);
  const termHits = new Uint16Array(n);
  const touched = new Int32Array(n);
  /** Own tags the current article did not walk (too common, or past its budget) hold its index. */
  const unwalkedTag = new Int32Array(k).fill(-1);
  const pool = Math.max(maxRelated * 4, 24);
  /** Candidates kept by what was walked: room for the tags not walked to reorder them. */
  const shortlist = pool * 2;
  let postingsVisited = 0;

  let mostTags = 0;
  for (const own of tagKeys) mostTags = Math.max(mostTags, own.length);
  /** The places in `a`'s tags of the tags shared with `b`, in card order (an insertion sort: a few at most). */
  const sharedAt = new Int32Array(mostTags);
  /** For the article whose cards are being made (`tagOwner`), the place of its last tag of each key. */
  const tagOwner = new Int32Array(k).fill(-1);
  const tagPlace = new Int32Array(k);
  let marked = -1;
  /**
   * The card of `b` in `a`'s panel: the tags they share, rarest first (ties by slug), in `a`'s spelling (its
   * last tag of that slug), at most MAX_SHARED_TAGS.
   */
  const card = (a: number, b: number): RelatedArticle => {
    const own = tagKeys[a]!;
    const tags = articles[a]!.tags;
    if (marked !== a) {
      for (let x = 0; x < own.length; x++) {
        tagOwner[own[x]!] = a;
        tagPlace[own[x]!] = x;
      }
      marked = a;
    }
    let m = 0;
    for (const key of tagKeys[b]!) {
      if (tagOwner[key] !== a) continue;
      const at = tagPlace[key]!;
      let x = m++;
      for (; x > 0; x--) {
        const other = sharedAt[x - 1]!;
        const byFrequency = df[own[at]!]! - df[own[other]!]!;
        if (byFrequency > 0 || (byFrequency === 0 && tags[at]!.slug >= tags[other]!.slug)) break;
        sharedAt[x] = other;
      }
      sharedAt[x] = at;
    }
    const sharedTags: TagRef[] = [];
    for (let x = 0; x < Math.min(m, MAX_SHARED_TAGS); x++) sharedTags.push(tags[sharedAt[x]!]!);
    const { id, title, date, source } = articles[b]!;
    return { id, title, date, source, sharedTags };
  };
  const related: RelatedArticle[][] = new Array<RelatedArticle[]>(n);
  const panelDocs: ArrayLike<number>[] = new Array<ArrayLike<number>>(n);
  let recomputed = 0;
  for (let i = 0; i < n; i++) {
    if (i % 2048 === 0) options.onProgress?.(i, n);
    const kept = reuse?.[i];
    if (kept) {
      const panel: RelatedArticle[] = (related[i] = new Array<RelatedArticle>(kept.length));
      for (let x = 0; x < kept.length; x++) panel[x] = card(i, kept[x]!);
      panelDocs[i] = kept;
      continue;
    }
    recomputed++;
    let touchedCount = 0;
    let visited = 0;
    const own = docKeys[i]!;
    for (let x = 0; x < tagCounts[i]!; x++) if (df[own[x]!]! >= 2) unwalkedTag[own[x]!] = i;
    for (const key of walkOf(i)) {
      const start = offsets[key]!;
      const end = offsets[key + 1]!;
      if (visited > 0 && visited + (end - start) > budget) break;
      visited += end - start;
      const w = weight[key]!;
      const tag = keyIsTag[key]!;
      if (tag) unwalkedTag[key] = -1;
      for (let p = start; p < end; p++) {
        const j = postings[p]!;
        if (j === i) continue;
        if (score[j] === 0) touched[touchedCount++] = j;
        score[j]! += w;
        if (tag) tagHits[j]!++;
        else termHits[j]!++;
      }
    }
    postingsVisited += visited;

    // Candidates sharing an informative tag (one on at most `cap` articles) come first, then by score desc,
    // rank asc. Such a tag is an editor's word that two articles are about one thing; shared lead words
    // alone are often chance, so they only fill the panel when too few articles share one. A very common
    // tag (a section such as «العالم») adds its weight but no precedence, so it does not lift a chance
    // neighbour in its section above a real match by words from another.
    // First the best `shortlist` by the keys walked, kept sorted.
    const best: Candidate[] = [];
    const ownHasTopics = hasTopics[i] === 1;
    for (let t = 0; t < touchedCount; t++) {
      const j = touched[t]!;
      let s = score[j]!;
      const tier = tagHits[j]! > 0 ? 0 : 1;
      const evidence = tier === 0 || termHits[j]! >= MIN_TERMS;
      score[j] = 0;
      tagHits[j] = 0;
      termHits[j] = 0;
      if (!evidence) continue;
      if (ownHasTopics && hasTopics[j] === 1) {
        for (let w = 0; w < words; w++) {
          // One addition per shared topic, as before: adding 2 at once could round differently.
          for (let both = topicMasks[i * words + w]! & topicMasks[j * words + w]!; both !== 0; both &= both - 1) {
            s += TOPIC_WEIGHT;
          }
        }
      }
      const worst = best[best.length - 1];
      if (best.length >= shortlist && worst && !ranksBefore(tier, s, j, worst, rank)) continue;
      let at = best.length;
      while (at > 0 && ranksBefore(tier, s, j, best[at - 1]!, rank)) at--;
      best.splice(at, 0, { doc: j, tier, score: s });
      if (best.length > shortlist) best.pop();
    }
    // Then the tags this article did not walk, for the shortlisted only: checking every candidate doubled
    // the time of the whole step on 100,000 articles.
    let ownUnwalked = false;
    for (let x = 0; x < tagCounts[i]!; x++) if (unwalkedTag[own[x]!] === i) ownUnwalked = true;
    if (ownUnwalked) {
      for (const candidate of best) {
        for (let x = tagStart[candidate.doc]!; x < tagStart[candidate.doc + 1]!; x++) {
          const key = tagFlat[x]!;
          if (unwalkedTag[key] !== i) continue;
          candidate.score += weight[key]!;
          if (walkable[key] === 1) candidate.tier = 0;
        }
      }
      best.sort((x, y) => x.tier - y.tier || y.score - x.score || rank[x.doc]! - rank[y.doc]!);
    }

    // A candidate telling the story of the article, or of a better-ranked card, again gives its place to the
    // next one. It reads only the shortlist's titles: articles reached through keys walked, so the memo's
    // rules already recompute this panel when one of them changes.
    const shown = [i];
    const picked: RelatedArticle[] = [];
    for (const { doc } of best) {
      if (picked.length >= maxRelated) break;
      if (alreadyShown(doc, shown)) continue;
      shown.push(doc);
      picked.push(card(i, doc));
    }
    related[i] = picked;
    panelDocs[i] = shown.slice(1);
  }
  options.onProgress?.(n, n);
  const stats = { keys: k, skippedKeys, postingsVisited, recomputed };
  if (!remember) return { related, docs: panelDocs, stats };
  const memo: RelateMemo = {
    basis,
    leadTerms: leadCount,
    ids: articles.map((a) => a.id),
    fingerprints,
    panels: packLists(panelDocs),
    stops: Array.from(docKeys, (own, i) =>
      previous && before[i]! >= 0 && previous.fingerprints[before[i]!] === fingerprints[i] && own.every((key) => dfBefore[key] === df[key])
        ? previous.stops[before[i]!]!
        : stopOf(i),
    ),
    names: keyName,
    df: Array.from(df),
    keys: packLists(docKeys),
    tagCounts: Array.from(tagCounts),
  };
  return { related, docs: panelDocs, stats, memo };
}

/**
 * The corpus size the weights and the posting cap read: n + 1 rounded up to a quarter power of two, so that
 * adding or deleting articles moves it only when the corpus grows or shrinks by a step of about 19%, not
 * with every article (which would change every weight, hence every panel). A weight is off by at most
 * log 2^¼ ≈ 0.17 from log((n + 1) / df), the same for every key.
 */
export function referenceSize(n: number): number {
  return 2 ** (Math.ceil(4 * Math.log2(n + 1)) / 4);
}

/**
 * The document frequency a key's weight reads. A key too common to walk (df over the cap) only adds its
 * weight to candidates found through other keys, and only a tag does that: its frequency is rounded down
 * to an eighth power of two (weights off by at most 2 log 2^⅛ ≈ 0.17 for a tag, and still above 0: the
 * rounded frequency is at most n, below the reference size), so that a new article with a
 * section tag does not move that tag's weight, hence the panel of every article in the section.
 */
function weighedFrequency(df: number, cap: number): number {
  return df > cap ? 2 ** frequencyStep(df) : df;
}

function frequencyStep(df: number): number {
  return Math.floor(8 * Math.log2(df)) / 8;
}

/**
 * What a key's document frequency decides in the panels of the articles holding it: for a walkable key
 * (2 to the cap) its weight, walk order and budget, hence the frequency itself; for a tag too common to
 * walk, its weight's step; nothing for a key on one article or a term too common to walk.
 */
function keyEffect(df: number, cap: number, tag: boolean): number {
  if (df < 2) return 0;
  if (df <= cap) return df;
  return tag ? -1 - frequencyStep(df) : -1;
}

/**
 * The last run's panel of each article whose panel cannot have changed (see `RelateMemo`), or undefined
 * where it must be computed. An unchanged article's panel reads a key of its own through (a) the key's
 * weight, when it is a tag (a tag adds its weight to candidates even when not walked), and (b) its postings,
 * when it walked the key, before or now: a key whose frequency is at most the walk's stop, as keys are
 * walked rarest first. A term past the stop both times is read by nothing, whatever happens to it.
 */
function unchangedPanels(
  previous: RelateMemo,
  now: Pick<ArticleKeys, 'docKeys' | 'dfBefore' | 'keyIsTag' | 'before' | 'fingerprints'> & { df: Int32Array; stopOf: (i: number) => number },
  cap: number,
): Array<Int32Array | undefined> {
  const { docKeys, df, dfBefore, keyIsTag, before, fingerprints, stopOf } = now;
  const n = docKeys.length;
  const kept = new Array<Int32Array | undefined>(n);
  const panels = unpackLists(previous.panels, previous.ids.length, previous.ids.length);
  if (!panels) return kept;
  /** Each article of the last run's memo, by its place now (-1: gone). */
  const placeNow = new Int32Array(previous.ids.length).fill(-1);
  for (let i = 0; i < n; i++) if (before[i]! >= 0) placeNow[before[i]!] = i;
  const changed = new Uint8Array(n);
  /** Bit 1: a changed article holds the key; bit 2: what the key's frequency decides moved. */
  const touched = new Uint8Array(df.length);
  for (let key = 0; key < df.length; key++) {
    const tag = keyIsTag[key] === 1;
    if (keyEffect(dfBefore[key]!, cap, tag) !== keyEffect(df[key]!, cap, tag)) touched[key] = 2;
  }
  for (let i = 0; i < n; i++) {
    if (before[i]! >= 0 && previous.fingerprints[before[i]!] === fingerprints[i]) continue;
    changed[i] = 1;
    for (const key of docKeys[i]!) touched[key]! |= 1;
  }
  const walkable = (frequency: number, stop: number): boolean => frequency >= 2 && frequency <= cap && frequency <= stop;
  for (let i = 0; i < n; i++) {
    if (changed[i] === 1) continue;
    const stop = previous.stops[before[i]!]!;
    const reached = docKeys[i]!.some(
      (key) =>
        touched[key] !== 0 &&
        ((keyIsTag[key] === 1 && touched[key]! >= 2) || walkable(dfBefore[key]!, stop) || walkable(df[key]!, stopOf(i))),
    );
    if (reached) continue;
    const panel = panels.flat.subarray(panels.start[before[i]!]!, panels.start[before[i]! + 1]!).map((p) => placeNow[p]!);
    // A panel naming an article no longer there is computed again.
    if (!panel.includes(-1)) kept[i] = panel;
  }
  return kept;
}

export interface RelatedQuality {
  articles: number;
  /** Articles with at least one related link. */
  withRelated: number;
  links: number;
  /** Links whose card names at least one tag shared with the article. */
  linksSharingTag: number;
}

/** How well the panels are explained by tags: the figure the issue sets at ≥ 90% on a tagged corpus. */
export function measureRelated(lists: Iterable<readonly Pick<RelatedArticle, 'sharedTags'>[]>): RelatedQuality {
  const quality: RelatedQuality = { articles: 0, withRelated: 0, links: 0, linksSharingTag: 0 };
  for (const list of lists) {
    quality.articles++;
    if (list.length > 0) quality.withRelated++;
    quality.links += list.length;
    for (const link of list) if (link.sharedTags.length > 0) quality.linksSharingTag++;
  }
  return quality;
}

/** «related links sharing a tag: X of Y (Z%), N per article, P% of articles with one». */
export function formatRelatedQuality(q: RelatedQuality): string {
  const percent = (part: number, whole: number): string => `${whole === 0 ? '0.0' : ((100 * part) / whole).toFixed(1)}%`;
  return (
    `related links sharing a tag: ${q.linksSharingTag.toLocaleString('en-US')} of ${q.links.toLocaleString('en-US')} ` +
    `(${percent(q.linksSharingTag, q.links)}), ${(q.articles === 0 ? 0 : q.links / q.articles).toFixed(2)} per article, ` +
    `${percent(q.withRelated, q.articles)} of articles with at least one`
  );
}

/** Normalised title → id of the first article (in the given order) with that title. */
export function indexTitles(articles: ReadonlyArray<{ id: string; title: string }>): Map<string, string> {
  const index = new Map<string, string>();
  for (const a of articles) {
    const key = normalizeArabic(a.title);
    if (!index.has(key)) index.set(key, a.id);
  }
  return index;
}

/** The source's «اقرأ أيضاً» titles, linked to this build's article of the same title when there is one. */
export function resolveReadAlso(titles: readonly string[], index: ReadonlyMap<string, string>, ownId: string): ReadAlso[] {
  const seen = new Set<string>();
  const result: ReadAlso[] = [];
  for (const title of titles) {
    const key = normalizeArabic(title);
    if (key === '' || seen.has(key)) continue;
    seen.add(key);
    const id = index.get(key) ?? null;
    result.push({ title, id: id === ownId ? null : id });
  }
  return result;
}
