/**
 * The search terms that close the gaps of Pagefind's Arabic stemmer, built the same way at index time (the
 * ingest) and at query time (the browser), so the two sides always agree.
 *
 * Pagefind already strips tashkeel, folds hamza on alef, and maps Arabic-Indic digits. It misses:
 * - a conjunction or preposition glued to a name (وأرمينيا is not found by أرمينيا): each article gets a
 *   hidden field of the bare forms behind its clitics («shadow terms»);
 * - hamza on a seat written two ways (مسئول / مسؤول): both sides fold ؤ and ئ to ء before normalising;
 * - spellings of one name (كراباخ / كاراباخ / قره باغ): the taxonomy's aliases form groups, an article
 *   that says any alias of a group gets the group's key, and a query naming an alias also searches the key.
 */
import { stripClitics, tokenize } from './arabic.ts';

/** The editor's synonym groups (a topic with its aliases, a known tag with its spellings). */
export interface AliasGroup {
  /** Opaque single-word key, unique in the build (see `groupKey`). */
  key: string;
  /** Written forms, each one or more words. */
  forms: string[];
  /**
   * 'tag': spellings of one name (true synonyms); 'topic': everything that names a topic (a capital, a
   * leader), a looser match searched as a separate, lower-ranked variant.
   */
  kind: 'tag' | 'topic';
}

/** What both sides need to build terms: normalised alias token sequences by their first token. */
export interface SearchLexicon {
  /** Every token of every alias: the bare forms the query side may strip clitics down to. */
  known: ReadonlySet<string>;
  /** Alias token sequences (longest first) by first token, each with its group key. */
  phrases: ReadonlyMap<string, ReadonlyArray<Phrase>>;
  /** Every phrase of a group, by group key. */
  byKey: ReadonlyMap<string, ReadonlyArray<Phrase>>;
}

interface Phrase {
  tokens: string[];
  key: string;
  kind: AliasGroup['kind'];
}

/** Bare forms shorter than this are not taken from the corpus vocabulary: «بين» is not ب + «ين». */
const MIN_CORPUS_BARE = 3;

/**
 * A group's key: `qq` and four letters. Fixed length, because Pagefind matches query words as prefixes and
 * a shorter key must never be the prefix of a longer one; Latin letters the Arabic stemmer leaves alone.
 */
export function groupKey(index: number): string {
  let n = index;
  let letters = '';
  for (let i = 0; i < 4; i++) {
    letters = String.fromCharCode(0x61 + (n % 26)) + letters;
    n = Math.floor(n / 26);
  }
  return `qq${letters}`;
}

export function buildLexicon(groups: readonly AliasGroup[]): SearchLexicon {
  const known = new Set<string>();
  const phrases = new Map<string, Phrase[]>();
  for (const group of groups) {
    for (const form of group.forms) {
      const tokens = tokenize(form);
      const first = tokens[0];
      if (first === undefined) continue;
      for (const token of tokens) known.add(token);
      const list = phrases.get(first) ?? [];
      if (!list.some((p) => p.key === group.key && p.tokens.join(' ') === tokens.join(' '))) {
        list.push({ tokens, key: group.key, kind: group.kind });
      }
      phrases.set(first, list);
    }
  }
  const byKey = new Map<string, Phrase[]>();
  for (const list of phrases.values()) {
    list.sort((a, b) => b.tokens.length - a.tokens.length);
    for (const phrase of list) byKey.set(phrase.key, [...(byKey.get(phrase.key) ?? []), phrase]);
  }
  return { known, phrases, byKey };
}

/** ؤ and ئ become ء, so مسئول and مسؤول share one form; run before `normalizeArabic` (which splits them). */
function foldHamzaSeats(text: string): string {
  return text.replace(/[ؤئ]/g, 'ء');
}

/** The keys of the groups whose alias phrases occur in `tokens` (already bare), in order of appearance. */
function groupKeysIn(
  tokens: readonly string[],
  lexicon: SearchLexicon,
  kind?: AliasGroup['kind'],
): Array<{ at: number; length: number; key: string }> {
  const found: Array<{ at: number; length: number; key: string }> = [];
  for (let i = 0; i < tokens.length; i++) {
    const candidates = lexicon.phrases.get(tokens[i] ?? '');
    if (!candidates) continue;
    const match = candidates.find(
      (p) => (kind === undefined || p.kind === kind) && p.tokens.every((t, j) => tokens[i + j] === t),
    );
    if (match) {
      found.push({ at: i, length: match.tokens.length, key: match.key });
      i += match.tokens.length - 1;
    }
  }
  return found;
}

/** Counts of every normalised token in a corpus (its vocabulary, for `corpusKnown`). */
export function countTokens(texts: Iterable<string>): Map<string, number> {
  const counts = new Map<string, number>();
  for (const text of texts) {
    for (const token of tokenize(text)) counts.set(token, (counts.get(token) ?? 0) + 1);
  }
  return counts;
}

/**
 * A bare form behind a clitic is trusted when the corpus also uses it on its own, or it is a taxonomy
 * word. A wrong split only adds a hidden term that a rare query could match, so once is enough.
 */
export function corpusKnown(counts: ReadonlyMap<string, number>, lexicon: SearchLexicon): (bare: string) => boolean {
  return (bare) => lexicon.known.has(bare) || (bare.length >= MIN_CORPUS_BARE && counts.has(bare));
}

/**
 * Every known bare form behind a token's clitics, outermost first: «والسوربون» → «السوربون», «سوربون».
 * The token itself is left out even when it is a known word, since Pagefind's stemmer does not strip
 * «ال» from a name it does not know (بريكست does not find البريكست).
 */
function bareForms(token: string, isKnown: (bare: string) => boolean): string[] {
  const forms: string[] = [];
  let current = token;
  for (let i = 0; i < 3; i++) {
    const from = current;
    const next = stripClitics(from, (bare) => bare !== from && isKnown(bare));
    if (next === from) break;
    forms.push(next);
    current = next;
  }
  return forms;
}

/**
 * The hidden terms of one article: bare forms behind clitics, hamza-seat forms and group keys, each once,
 * sorted (the output must not depend on anything but the text).
 */
export function shadowTerms(text: string, lexicon: SearchLexicon, isKnown: (bare: string) => boolean): string[] {
  const terms = new Set<string>();
  const bare: string[] = [];
  for (const token of tokenize(text)) {
    const forms = bareForms(token, isKnown);
    for (const form of forms) terms.add(form);
    bare.push(forms.at(-1) ?? token);
  }
  for (const token of tokenize(foldHamzaSeats(text))) {
    if (!token.includes('ء')) continue;
    terms.add(token);
    for (const form of bareForms(token, isKnown)) terms.add(form);
  }
  for (const kind of ['tag', 'topic'] as const) {
    for (const { key } of groupKeysIn(bare, lexicon, kind)) terms.add(key);
  }
  return [...terms].sort();
}

/**
 * A transliterated name's consonant outline: long vowels dropped, and the letters that render the same
 * foreign sound (g: غ ج ق گ, h: ه) merged, so لوهانسك ~ لوغانسك and كراباخ ~ كاراباخ. Used only to pick
 * spellings among one topic's aliases, never on open text.
 */
function outline(tokens: readonly string[]): string {
  return tokens.join(' ').replace(/[اويى]/g, '').replace(/[غجقگه]/g, 'g');
}

/** Queries longer than this are cut: nobody types more, and a huge one must not stall the page. */
export const MAX_QUERY_CHARS = 200;
const MAX_QUERY_TOKENS = 12;

/**
 * The Pagefind queries for what a reader typed, best first; results of all are merged, each variant
 * ranked lower than the one before. Empty when nothing searchable is left.
 * 1. The words as typed: Pagefind's own stemmer folds a hamza at the end of a stem (أصدقائك finds
 *    أصدقاؤك), which `normalizeArabic` (ئ → ي) would undo.
 * 2. Their hidden-term form: normalised, hamza seats folded, clitics stripped from known names.
 * 3. Other spellings of a topic name among the topic's aliases (see `outline`).
 * 4. When words spell a known tag, the same with the tag group's key in their place.
 * 5. When words name a topic, with the topic's key: every article about it, ranked last.
 */
export function queryVariants(raw: string, lexicon: SearchLexicon): string[] {
  const cut = raw.slice(0, MAX_QUERY_CHARS);
  const plain = tokenize(cut);
  const folded = tokenize(foldHamzaSeats(cut));
  // Folding only swaps letters, so the two token lists line up; keep the folded form where it changed.
  const tokens = (plain.length === folded.length ? folded : plain)
    .slice(0, MAX_QUERY_TOKENS)
    .map((token) => stripClitics(token, (bare) => lexicon.known.has(bare)));
  if (tokens.length === 0) return [];
  const typed = cut
    .split(/\s+/)
    .filter((w) => tokenize(w).length > 0)
    .slice(0, MAX_QUERY_TOKENS)
    .join(' ');
  const variants = [typed];
  const add = (variant: string): void => {
    if (variant !== '' && !variants.includes(variant)) variants.push(variant);
  };
  add(tokens.join(' '));
  const replace = (at: number, length: number, by: readonly string[]): string =>
    [...tokens.slice(0, at), ...by, ...tokens.slice(at + length)].join(' ');
  // Other spellings of a topic's name the query used (a topic's aliases mix spellings and related names).
  for (const g of groupKeysIn(tokens, lexicon, 'topic')) {
    const typedOutline = outline(tokens.slice(g.at, g.at + g.length));
    for (const phrase of lexicon.byKey.get(g.key) ?? []) {
      if (outline(phrase.tokens) === typedOutline) add(replace(g.at, g.length, phrase.tokens));
    }
  }
  for (const kind of ['tag', 'topic'] as const) {
    const groups = groupKeysIn(tokens, lexicon, kind);
    if (groups.length === 0) continue;
    const grouped: string[] = [];
    let i = 0;
    for (const g of groups) {
      grouped.push(...tokens.slice(i, g.at), g.key);
      i = g.at + g.length;
    }
    grouped.push(...tokens.slice(i));
    add(grouped.join(' '));
  }
  return variants;
}

/**
 * Whether a word of displayed text matches one of the query's terms (for highlighting where Pagefind's
 * excerpt marked nothing because the match was in the hidden terms): its normalised form, its bare form or
 * its hamza-seat form starts with a term.
 */
export function matchesTerms(word: string, terms: readonly string[]): boolean {
  if (terms.length === 0) return false;
  const forms = new Set([...tokenize(word), ...tokenize(foldHamzaSeats(word))]);
  const isTerm = (bare: string): boolean => terms.some((t) => bare.startsWith(t));
  for (const form of forms) {
    if (isTerm(form) || isTerm(stripClitics(form, isTerm))) return true;
  }
  return false;
}

/** The normalised words of a query, for `matchesTerms`. */
export function highlightTerms(raw: string): string[] {
  const cut = raw.slice(0, MAX_QUERY_CHARS);
  const terms = new Set([...tokenize(cut), ...tokenize(foldHamzaSeats(cut))]);
  return [...terms].filter((t) => t.length >= 2);
}

