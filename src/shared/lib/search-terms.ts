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
 *   A topic's aliases also name related things (its capital, its leader), so the spellings of one name
 *   among them get a narrower key of their own (see `outline`).
 * - a pronoun after a hamza (لقاؤهما، أسماءهم، إجلائهم): Pagefind's stemmer cuts the word to its noun
 *   (لقاء), so an article that says the very form is lost among every one that says the noun. Such a form
 *   gets a key of its own (`exactFormKey`), which a query naming the form also searches, weighted above
 *   the stem's results.
 *
 * Keys rather than the alias words themselves: each word of a Pagefind query loads the index chunk that
 * holds it, so searching every spelling would cost a chunk a spelling; keys sort together, so a query's key
 * variants usually share one chunk.
 */
import { stripClitics, tokenize } from './arabic.ts';
import { TRUSTED_WEIGHT } from './spelling.ts';

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
  /** Key of the phrase's spellings among its topic's aliases (`spellingKey`); null when it has no other. */
  spelling: string | null;
}

/**
 * A hamza (any seat, folded to ء) with an attached pronoun after it: the forms Pagefind's stemmer folds
 * into the bare noun.
 */
const PRONOUN_AFTER_HAMZA = /ء(?:ه|ها|هم|هما|هن|ك|كم|كما|كن|نا|ي)$/;

/** Bare forms shorter than this are not taken from the corpus vocabulary: «بين» is not ب + «ين». */
const MIN_CORPUS_BARE = 3;

function key(prefix: string, index: number): string {
  let n = index;
  let letters = '';
  for (let i = 0; i < 4; i++) {
    letters = String.fromCharCode(0x61 + (n % 26)) + letters;
    n = Math.floor(n / 26);
  }
  return `${prefix}${letters}`;
}

/**
 * A group's key: `qq` and four letters. Fixed length, because Pagefind matches query words as prefixes and
 * a shorter key must never be the prefix of a longer one; Latin letters the Arabic stemmer leaves alone.
 */
export function groupKey(index: number): string {
  return key('qq', index);
}

/** A spelling set's key: `qs` and four letters (next to the group keys in the index, never a prefix of one). */
export function spellingKey(index: number): string {
  return key('qs', index);
}

/**
 * The key of one exact word form (normalised, hamza seats folded): `qh` and seven letters of its FNV-1a
 * hash, fixed length like the other keys. Null for a form the stemmer keeps apart anyway.
 */
export function exactFormKey(form: string): string | null {
  if (!PRONOUN_AFTER_HAMZA.test(form)) return null;
  let hash = 0x811c9dc5;
  for (let i = 0; i < form.length; i++) hash = Math.imul(hash ^ form.charCodeAt(i), 0x01000193) >>> 0;
  let letters = '';
  for (let i = 0; i < 7; i++) {
    letters += String.fromCharCode(0x61 + (hash % 26));
    hash = Math.floor(hash / 26);
  }
  return `qh${letters}`;
}

export function buildLexicon(groups: readonly AliasGroup[]): SearchLexicon {
  const known = new Set<string>();
  const phrases = new Map<string, Phrase[]>();
  let spellings = 0;
  for (const group of groups) {
    const own: Phrase[] = [];
    for (const form of group.forms) {
      const tokens = tokenize(form);
      const first = tokens[0];
      if (first === undefined || own.some((p) => p.tokens.join(' ') === tokens.join(' '))) continue;
      for (const token of tokens) known.add(token);
      const phrase: Phrase = { tokens, key: group.key, kind: group.kind, spelling: null };
      own.push(phrase);
      phrases.set(first, [...(phrases.get(first) ?? []), phrase]);
    }
    if (group.kind !== 'topic') continue;
    // Keys are numbered in the order of the groups and their forms, the same on both sides.
    const byOutline = new Map<string, Phrase[]>();
    for (const phrase of own) {
      const o = outline(phrase.tokens);
      byOutline.set(o, [...(byOutline.get(o) ?? []), phrase]);
    }
    for (const same of byOutline.values()) {
      if (same.length < 2) continue;
      const k = spellingKey(spellings++);
      for (const phrase of same) phrase.spelling = k;
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
): Array<{ at: number; length: number; key: string; phrase: Phrase }> {
  const found: Array<{ at: number; length: number; key: string; phrase: Phrase }> = [];
  for (let i = 0; i < tokens.length; i++) {
    const candidates = lexicon.phrases.get(tokens[i] ?? '');
    if (!candidates) continue;
    const match = candidates.find(
      (p) => (kind === undefined || p.kind === kind) && p.tokens.every((t, j) => tokens[i + j] === t),
    );
    if (match) {
      found.push({ at: i, length: match.tokens.length, key: match.key, phrase: match });
      i += match.tokens.length - 1;
    }
  }
  return found;
}

/** A word written with a final ة (tashkeel may follow it). */
const FINAL_TEH = /[\p{L}\p{M}\p{N}]*ة\p{M}*(?![\p{L}\p{N}])/gu;

/**
 * A normalised token ending in ه written with a final ة: the key under which `countTokens` counts the uses
 * that write it so. No normalised token holds a ة, so the key never counts another word.
 */
export function withFinalTeh(token: string): string {
  return `${token.slice(0, -1)}ة`;
}

/**
 * Counts of every normalised token in a corpus (its vocabulary, for `corpusKnown`), and under
 * `withFinalTeh` of a token how many of its uses write its final ه as ة: the vocabulary tells the reader
 * which the corpus writes, as Pagefind indexes words as written («الحكومه» does not find «الحكومة»).
 */
export function countTokens(texts: Iterable<string>): Map<string, number> {
  const counts = new Map<string, number>();
  const count = (key: string): void => void counts.set(key, (counts.get(key) ?? 0) + 1);
  for (const text of texts) {
    for (const token of tokenize(text)) count(token);
    for (const raw of text.match(FINAL_TEH) ?? []) {
      const tokens = tokenize(raw);
      if (tokens.length === 1 && tokens[0]!.endsWith('ه')) count(withFinalTeh(tokens[0]!));
    }
  }
  return counts;
}

/**
 * A word as Pagefind reads it when it indexes: without tashkeel or tatweel, with a hamza on alef and ى
 * folded. What is left of `normalizeArabic`'s folding (ة, ؤ, ئ) it keeps as written.
 */
export function pagefindForm(word: string): string {
  return word
    .replace(/[\u064B-\u065F\u0670\u0640]/g, '')
    .replace(/[أإآٱ]/g, 'ا')
    .replace(/ى/g, 'ي');
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
    for (const form of [token, ...bareForms(token, isKnown)]) {
      terms.add(form);
      const exact = exactFormKey(form);
      if (exact !== null) terms.add(exact);
    }
  }
  for (const kind of ['tag', 'topic'] as const) {
    for (const { key } of groupKeysIn(bare, lexicon, kind)) terms.add(key);
  }
  // Every spelling at every place, not only the longest alias: «ناغورنو كاراباخ» also says «كاراباخ».
  for (let i = 0; i < bare.length; i++) {
    for (const phrase of lexicon.phrases.get(bare[i] ?? '') ?? []) {
      if (phrase.spelling !== null && phrase.tokens.every((t, j) => bare[i + j] === t)) terms.add(phrase.spelling);
    }
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

/** A query word's proclitics: a conjunction first, then a preposition («ل» before «ال» is written «لل»). */
const CONJUNCTIONS = 'وف';
const PREPOSITIONS = 'بكل';
/**
 * A bare form behind a proclitic is this long at least: «بلد», «وطن», «لبن» are never cut, nor «والي» (a
 * governor) into و + «إلى». Three letters would also cut «وكانت», «فتحت», «فيصل» to «انت», «تحت», «يصل».
 */
const MIN_GLUED_BARE = 4;
/** A name behind a proclitic is this long at least: «بمصر», «لقطر», «بدبي». */
const MIN_NAME_BARE = 3;

/** What is left when a word's first proclitic is taken off: «للبنان» may be ل + «لبنان» or ل + «البنان». */
function withoutProclitic(word: string): string[] {
  return word.startsWith('لل') ? [`ال${word.slice(2)}`, word.slice(1)] : [word.slice(1)];
}

/**
 * The bare forms a query word may be behind its proclitics, by how many are taken off (the conjunction,
 * then the preposition), each with the glued form it was taken from; empty for a word that starts with
 * none. The vocabulary shards `bareBehindProclitics` reads are those of these bare forms and of the word.
 */
export function procliticBares(token: string): Array<Array<{ bare: string; glued: string }>> {
  const first = token[0] ?? '';
  if (!CONJUNCTIONS.includes(first) && !PREPOSITIONS.includes(first)) return [];
  const once = withoutProclitic(token).map((bare) => ({ bare, glued: token }));
  if (!CONJUNCTIONS.includes(first)) return [once];
  const twice = once.flatMap(({ bare: glued }) =>
    PREPOSITIONS.includes(glued[0] ?? '') ? withoutProclitic(glued).map((bare) => ({ bare, glued })) : [],
  );
  return [once, twice];
}

/**
 * The word a reader means behind the proclitics glued to a query word («ولبنان», «فبلبنان» → «لبنان»;
 * «وللعراق» → «العراق»), by the corpus's vocabulary (`weight`: a normalised word's weight, 0 when it lacks
 * it); the token itself when no bare form is sure. The article stays: «العراق» is what a reader types. A
 * bare form is sure when it is `MIN_GLUED_BARE` letters or more, trusted, weighs more than twice the glued
 * form (its weight counts that form's uses too, so it is written otherwise more often than glued so: «لدينا»
 * is not ل + «دينا»), and no glued form it comes from is a noun of its own: the corpus writes «البلدية», so
 * «بلدية» is not ب + «لدية». A bare form of three letters is sure only when it is also a name (`isName`: a
 * whole tag or topic name, «بمصر» → «مصر»): three letters alone would cut «وكانت» and «فيصل» to «انت» and
 * «يصل».
 */
export function bareBehindProclitics(
  token: string,
  weight: (word: string) => number,
  isName: (word: string) => boolean = () => false,
): string {
  const isNoun = (word: string): boolean => weight(`ال${word}`) >= TRUSTED_WEIGHT;
  let best = token;
  for (const level of procliticBares(token)) {
    const sure = level
      .filter(
        ({ bare, glued }) =>
          (bare.length >= MIN_GLUED_BARE || (bare.length >= MIN_NAME_BARE && isName(bare))) &&
          weight(bare) >= TRUSTED_WEIGHT &&
          weight(bare) > 2 * weight(best) &&
          !isNoun(glued) &&
          !isNoun(token),
      )
      .sort((a, b) => weight(b.bare) - weight(a.bare))[0];
    if (sure) best = sure.bare;
  }
  return best;
}

/** Queries longer than this are cut: nobody types more, and a huge one must not stall the page. */
export const MAX_QUERY_CHARS = 200;
const MAX_QUERY_TOKENS = 12;

/** One Pagefind query for what a reader typed. */
export interface QueryVariant {
  term: string;
  /** A topic's key: every article about the topic, a looser match ranked below the others. */
  loose: boolean;
  /** Exact-form keys (`exactFormKey`): the very form typed, ranked above what only shares its stem. */
  exact?: true;
}

/**
 * The Pagefind queries for what a reader typed, best first; results of all are merged. Empty when nothing
 * searchable is left.
 * 1. The words as typed: Pagefind's own stemmer folds a hamza at the end of a stem (أصدقائك finds
 *    أصدقاؤك), which `normalizeArabic` (ئ → ي) would undo.
 * 2. Their hidden-term form: normalised, hamza seats folded, clitics stripped from known names and from
 *    the words the corpus writes alone (`corpus.bare`: the engine asks the vocabulary; those are stripped
 *    from 1 too).
 * 2b. The words as the corpus writes them (`corpus.written`), when Pagefind reads that otherwise: typed
 *    «الحكومه», the corpus's «الحكومة», with every form Pagefind's stemmer joins to it.
 * 3. When words name a topic by a name spelt several ways, with that name's spelling key.
 * 4. When words spell a known tag, with the tag group's key.
 * 5. When words name a topic, with the topic's key (`loose`).
 * 6. When a word is a hamza form the stemmer would cut, with its exact-form key (`exact`).
 * Variants 3–6 search keys, which usually share one index chunk, instead of every spelling's own chunk.
 */
/** What the corpus's vocabulary says of the query's words (the engine loads it before searching). */
export interface CorpusWords {
  /** The word behind a normalised token's glued proclitics (`bareBehindProclitics`); the token when none. */
  bare: (token: string) => string;
  /** How the corpus writes a normalised word, if the vocabulary says. */
  written: (token: string) => string | undefined;
}

const NO_CORPUS: CorpusWords = { bare: (token) => token, written: () => undefined };

/**
 * `word` without the proclitics that were taken off `token` to leave `bare`, where `word` is `token` in
 * another spelling letter for letter (hamza seats folded, the letters as typed); `bare` itself otherwise.
 */
function sameBare(word: string, token: string, bare: string): string {
  if (word.length !== token.length) return bare;
  const cut = token.length - bare.length;
  // «للعراق» → «العراق»: the ل before the article was written over its alef.
  return token.endsWith(bare) ? word.slice(cut) : `ال${word.slice(cut + 2)}`;
}

export function queryVariants(raw: string, lexicon: SearchLexicon, corpus: CorpusWords = NO_CORPUS): QueryVariant[] {
  const cut = raw.slice(0, MAX_QUERY_CHARS);
  const plain = tokenize(cut).slice(0, MAX_QUERY_TOKENS);
  const folded = tokenize(foldHamzaSeats(cut)).slice(0, MAX_QUERY_TOKENS);
  // Folding only swaps letters, so the two token lists line up; keep the folded form where it changed.
  const tokens = plain.map((token, i) => {
    const form = plain.length === folded.length ? folded[i]! : token;
    const bare = corpus.bare(token);
    return bare !== token ? sameBare(form, token, bare) : stripClitics(form, (b) => lexicon.known.has(b));
  });
  if (tokens.length === 0) return [];
  // The words as typed, but without the proclitics the corpus's vocabulary is sure of: Pagefind's stemmer
  // cuts «ولبنان» to a stem «لبناء» and «لبن» share, and the bare word finds every glued use through the
  // hidden terms.
  const words = cut
    .split(/\s+/)
    .filter((w) => tokenize(w).length > 0)
    .slice(0, MAX_QUERY_TOKENS)
    .map((word) => {
      const only = tokenize(word);
      if (only.length !== 1) return { word, token: undefined };
      const token = only[0]!;
      const bare = corpus.bare(token);
      return { word: bare === token ? word : sameBare(pagefindForm(word), token, bare), token: bare };
    });
  const typed = words.map((w) => w.word).join(' ');
  const variants: QueryVariant[] = [{ term: typed, loose: false }];
  const add = (term: string, loose = false): void => {
    if (term !== '' && !variants.some((v) => v.term === term)) variants.push({ term, loose });
  };
  add(tokens.join(' '));
  const respelt = words.map(({ word, token }) => {
    const written = token === undefined ? undefined : corpus.written(token);
    // A hamza on another seat is left to the hidden terms (its folded form), which need no chunk of its own.
    const read = (w: string): string => foldHamzaSeats(pagefindForm(w));
    return written !== undefined && read(written) !== read(word) ? written : word;
  });
  add(respelt.join(' '));
  /** The query with each found alias replaced by the key `keyOf` gives it (kept when it gives none). */
  const withKeys = (found: ReturnType<typeof groupKeysIn>, keyOf: (f: (typeof found)[number]) => string | null): string | null => {
    const out: string[] = [];
    let i = 0;
    let replaced = false;
    for (const f of found) {
      const k = keyOf(f);
      if (k === null) continue;
      out.push(...tokens.slice(i, f.at), k);
      i = f.at + f.length;
      replaced = true;
    }
    out.push(...tokens.slice(i));
    return replaced ? out.join(' ') : null;
  };
  const topics = groupKeysIn(tokens, lexicon, 'topic');
  const spelt = withKeys(topics, (f) => f.phrase.spelling);
  if (spelt !== null) add(spelt);
  const tagged = withKeys(groupKeysIn(tokens, lexicon, 'tag'), (f) => f.key);
  if (tagged !== null) add(tagged);
  const topical = withKeys(topics, (f) => f.key);
  if (topical !== null) add(topical, true);
  const exact = tokens.map((t) => exactFormKey(t));
  if (exact.some((k) => k !== null)) {
    variants.push({ term: tokens.map((t, i) => exact[i] ?? t).join(' '), loose: false, exact: true });
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

