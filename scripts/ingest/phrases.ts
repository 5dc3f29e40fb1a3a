/**
 * Phrase discovery: where a space-joined keyword line («روسيا أوكرانيا العملية العسكرية الروسية في أوكرانيا
 * حلف الناتو») ends one keyword and starts the next, learned from evidence the corpus already holds:
 *
 * - whole: the run is a tag that arrived whole somewhere (a JSON `tags` array, a hashtag, the taxonomy);
 * - text: the run appears verbatim, normalised, within one clause of the same article's body (a clitic
 *   allowed on its first word), and neither starts nor ends with a particle or preposition; in the title
 *   only, it adds weaker evidence; and against: the article writes two words the other way round, or its
 *   title writes both but never side by side (the line took them from the title as two keywords);
 * - collocation: across every keyword line of the corpus its adjacent words are seen together again and
 *   again, compared with how often each is seen at all, unless each is a tag known whole alone; and
 *   against: two words each common in lines, or in titles, and seldom side by side there, are two keywords;
 * - structure: Arabic that never ends a keyword: a particle or name link (في، بن، أبو، عبد …) before the
 *   split, a name link (بن) after it, or a definite adjective («العسكرية») after a definite noun, unless the
 *   article's text shows the adjective after another word only, or its title writes the two apart; and
 *   against: a counted noun (the text writes «60 دبلوماسيا») starts no keyword.
 *
 * Ties go to the split that leaves alone the words known whole as tags of their own, then keep the split.
 *
 * Each line is segmented by the best-scoring split (dynamic programming over runs of up to MAX_RUN words).
 * A run scores its evidence, plus a glue term per inner boundary (structure) minus JOIN_COST per inner
 * boundary, so that with no evidence every word stands alone. Two passes: one counts the collocations of
 * every line, one segments; the result is a pure function of the whole input, as the ingest's byte-identical
 * output requires. The weights are in docs/decisions/010-keyword-phrases.md.
 */
import { slugify, stripClitics, tokenize } from '../../src/shared/lib/arabic.ts';

export type EvidenceSource = 'whole' | 'text' | 'collocation' | 'structure';
export const EVIDENCE_SOURCES: readonly EvidenceSource[] = ['whole', 'text', 'collocation', 'structure'];

/** One keyword line: the slugs of its space-separated words, and its article's text. */
export interface PhraseLine {
  units: readonly string[];
  text: ArticleText;
}

export interface ArticleText {
  title: string;
  /** Called at most once, and only when the line has two words or more. */
  body: () => string;
}

export interface PhraseOptions {
  /** Slugs of tags known whole (taxonomy forms, whole tags anywhere); multi-word slugs join with '-'. */
  known: ReadonlySet<string>;
  /** The sources to use; all by default (the benchmark measures each alone). */
  evidence?: ReadonlySet<EvidenceSource>;
}

/** A multi-word keyword the segmentation made, with the articles each source supported it in. */
export interface DiscoveredPhrase {
  slug: string;
  lines: number;
  evidence: Record<EvidenceSource, number>;
}

/** Two adjacent words left apart although some evidence said they might be one keyword. */
export interface UndecidedRun {
  slug: string;
  lines: number;
}

export interface Segmentation {
  /** Per line, the number of words in each keyword, in order. */
  runs: number[][];
  /** By lines descending, then slug. */
  phrases: DiscoveredPhrase[];
  /** By lines descending, then slug. */
  undecided: UndecidedRun[];
}

const MAX_RUN = 6;
const JOIN_COST = 1;
const WHOLE = 4;
const TEXT = 2;
/**
 * A run found in the title only: too weak to join alone. Keyword lines are often the title's words, and two
 * of them side by side in the title («روسيا تصعد») are two keywords as often as one.
 */
const TEXT_TITLE_ONLY = 0.4;
/** Text evidence per inner boundary: a longer verbatim run beats a shorter one plus a particle-led rest. */
const TEXT_PER_JOIN = 0.5;
const COLLOCATION = 3;
/** A pair seen fewer times than this across lines is chance, whatever its ratio. */
const MIN_PAIR = 3;
/** Share of one word's occurrences spent next to the other, above which the pair is a collocation. */
const MIN_RATIO = 0.5;
/** Words seen this often in lines, and beside each other at most this share of the time, stand apart. */
const MIN_ALONE = 3;
const MAX_ALONE_RATIO = 0.25;
/** What standing apart costs a run that joins them: enough to cancel the text evidence. */
const APART = 3;
/** A particle never ends a keyword: splitting after one costs this much. */
const GLUE_PARTICLE = 3;
/** A definite adjective after a definite noun («العملية العسكرية»). */
const GLUE_ADJECTIVE = 4;
/**
 * A word without «ال» that the article's body writes right before a definite one: the construct state
 * (إضافة: «ولي العهد»، «وزارة الخارجية»، «مجلة التايم»), whose first word ends no keyword. Weak, as a
 * keyword line may list «اقتصاد» beside «الخليج»: it only lets a verbatim run of the body reach back over
 * that first word, which text evidence alone does not do beyond two words.
 */
const GLUE_CONSTRUCT = 1.5;
/** A keyword does not start with a preposition. */
const PREPOSITION_START = 0.5;
/** Scores closer than this are a tie (sums of the same weights in another order). */
const TIE = 1e-9;

/**
 * Normalised forms (see slugify) of words after which a keyword never ends. «على» is not one: normalised, it
 * is «علي», a name that ends keywords.
 */
export const PARTICLES: ReadonlySet<string> = new Set(['في', 'بن', 'ابن', 'بنت', 'ابو', 'ابي', 'ام', 'عبد', 'ال', 'ذو', 'ذي', 'من', 'الي', 'عن', 'و', 'بلا', 'يا']);
/** «بن» and its kin join the names on both sides: «محمد بن سلمان». */
const NAME_LINKS = new Set(['بن', 'ابن', 'بنت']);
const PREPOSITIONS = new Set(['في', 'من', 'الي', 'عن']);
/**
 * Words no keyword starts or ends with, links or not: a run of the text that starts or ends with one is no
 * keyword («أنغام بسبب»). Prepositions and adverbs of time, place and cause.
 */
const FUNCTION_WORDS = new Set([
  ...PARTICLES,
  ...['مع', 'بعد', 'قبل', 'بين', 'حول', 'ضد', 'عبر', 'منذ', 'خلال', 'أمام', 'تحت', 'فوق', 'عند', 'لدى', 'رغم', 'دون', 'ضمن', 'نحو', 'حتى', 'بسبب', 'إثر', 'عقب'].map(slugify),
]);
/** Punctuation that ends a clause: no run of a text crosses it («صنعاء، مجدداً» is no run «صنعاء مجددا»). */
const CLAUSE_END = /[،,;؛:.!?؟…\n]+/;
/** A relative adjective (nisba) in any number or gender, normalised (ة → ه). */
const NISBA = /^ال.{2,}(?:ي|يه|يين|يون|يات|يان)$/;
/**
 * A number from 11 to 99: the noun it counts is singular and accusative («60 دبلوماسيا»), so the word after
 * it ends in the ـا of the accusative whatever it means elsewhere («روسيا»). Years (2018) and 3 to 10 (which
 * count a plural) are not such numbers.
 */
const COUNTS_ACCUSATIVE = /^(?:1[1-9]|[2-9][0-9])$/;

interface Counts {
  /** Per line, the number of each word (words are numbered in first-seen order). */
  lineIds: Int32Array[];
  /** Lines' occurrences of each word. */
  words: Int32Array;
  /** first word → second word → adjacent occurrences, for the pairs seen at least MIN_PAIR times. */
  pairs: Map<number, Map<number, number>>;
  /** Titles holding each word, and each adjacent pair of line words (first → second → titles). */
  titleWords: Int32Array;
  titlePairs: Map<number, Map<number, number>>;
}

/**
 * One pass over every line: word numbers, word counts and adjacent pairs. Pairs are counted by sorting
 * their codes (a Map of 10^6 float keys costs seconds); only the frequent ones are kept.
 */
function countCollocations(lines: readonly PhraseLine[]): Counts {
  const ids = new Map<string, number>();
  const lineIds: Int32Array[] = [];
  let total = 0;
  for (const { units } of lines) {
    const numbers = new Int32Array(units.length);
    units.forEach((unit, k) => {
      let id = ids.get(unit);
      if (id === undefined) {
        id = ids.size;
        ids.set(unit, id);
      }
      numbers[k] = id;
    });
    lineIds.push(numbers);
    total += Math.max(0, units.length - 1);
  }
  const words = new Int32Array(ids.size);
  const codes = new Float64Array(total);
  let at = 0;
  for (const numbers of lineIds) {
    for (let k = 0; k < numbers.length; k++) {
      words[numbers[k]!]!++;
      if (k > 0) codes[at++] = numbers[k - 1]! * ids.size + numbers[k]!;
    }
  }
  codes.sort();
  const pairs = new Map<number, Map<number, number>>();
  for (let i = 0; i < codes.length; ) {
    let j = i + 1;
    while (j < codes.length && codes[j] === codes[i]) j++;
    if (j - i >= MIN_PAIR) {
      const first = Math.floor(codes[i]! / ids.size);
      const next = pairs.get(first) ?? new Map<number, number>();
      next.set(codes[i]! - first * ids.size, j - i);
      pairs.set(first, next);
    }
    i = j;
  }
  const titleWords = new Int32Array(ids.size);
  const titlePairs = new Map<number, Map<number, number>>();
  for (const { text } of lines) {
    const seen = new Set<number>();
    for (const clause of text.title.split(CLAUSE_END)) {
      let previous = -1;
      for (const token of tokenize(clause)) {
        const id = ids.get(token) ?? -1;
        if (id >= 0 && !seen.has(id)) {
          seen.add(id);
          titleWords[id]!++;
        }
        if (id >= 0 && previous >= 0) {
          const next = titlePairs.get(previous) ?? new Map<number, number>();
          next.set(id, (next.get(id) ?? 0) + 1);
          titlePairs.set(previous, next);
        }
        previous = id;
      }
    }
  }
  return { lineIds, words, pairs, titleWords, titlePairs };
}

/**
 * The collocation strength of two adjacent words (by number): positive when they are one keyword, negative
 * (-1) when each is common across lines and seldom beside the other, so two keywords («ترامب»، «يشيد») that
 * happen to sit side by side in one line and one title stay apart; 0 when the lines do not say.
 */
function pairStrength(x: number, y: number, counts: Counts): number {
  const together = counts.pairs.get(x)?.get(y) ?? 0;
  const fewer = Math.min(counts.words[x]!, counts.words[y]!);
  const ratio = together / fewer;
  if (together >= MIN_PAIR && ratio >= MIN_RATIO) return ratio;
  if (fewer >= MIN_ALONE && ratio <= MAX_ALONE_RATIO) return -1;
  // The titles of the corpus say the same: words that each head many stories, seldom side by side.
  const inTitles = Math.min(counts.titleWords[x]!, counts.titleWords[y]!);
  const titledTogether = counts.titlePairs.get(x)?.get(y) ?? 0;
  return inTitles >= MIN_ALONE && titledTogether / inTitles <= MAX_ALONE_RATIO ? -1 : 0;
}

/** Every proper word prefix of a known multi-word slug: longer runs are looked up only after one. */
function knownPrefixes(known: ReadonlySet<string>): Set<string> {
  const prefixes = new Set<string>();
  for (const slug of known) {
    for (let at = slug.indexOf('-'); at !== -1; at = slug.indexOf('-', at + 1)) prefixes.add(slug.slice(0, at));
  }
  return prefixes;
}

/** A text's tokens as ' a b c | d e | ', clause by clause, for verbatim run lookups. */
function spacedTokens(text: string): string {
  let spaced = ' ';
  for (const clause of text.split(CLAUSE_END)) {
    const tokens = tokenize(clause);
    if (tokens.length > 0) spaced += `${tokens.join(' ')} | `;
  }
  return spaced;
}

/** Whether `run` (tokens joined by spaces) occurs in `text`, its first word possibly behind a clitic. */
function occursIn(run: string, firstWord: string, text: string): boolean {
  const needle = `${run} `;
  for (let at = text.indexOf(needle); at !== -1; at = text.indexOf(needle, at + 1)) {
    if (text[at - 1] === ' ') return true;
    const start = text.lastIndexOf(' ', at - 1) + 1;
    const written = text.slice(start, at) + firstWord;
    if (stripClitics(written, (bare) => bare === firstWord) === firstWord) return true;
  }
  return false;
}

/** Whether `text` holds unit `word`, a clitic allowed. */
function holds(word: string, text: string): boolean {
  return occursIn(word.replace(/-/g, ' '), word.split('-')[0]!, text);
}

/**
 * Whether `text` writes the word as a counted noun: ending in the accusative ـا, right after a number from 11
 * to 99 («بطرد 60 دبلوماسيا روسيا»: diplomats, Russian ones). A counted noun is a quantity, not the start of a
 * name or a term: «دبلوماسيا روسيا» is no keyword however often lines list it so.
 */
function writesCounted(word: string, text: string): boolean {
  if (!word.endsWith('ا')) return false;
  const needle = ` ${word} `;
  for (let at = text.indexOf(needle); at !== -1; at = text.indexOf(needle, at + 1)) {
    if (COUNTS_ACCUSATIVE.test(text.slice(text.lastIndexOf(' ', at - 1) + 1, at))) return true;
  }
  return false;
}

/** Whether `text` writes unit `a` right before unit `b` (units are slugs; a clitic allowed on `a`). */
function writesBefore(a: string, b: string, text: string): boolean {
  return occursIn(`${a.replace(/-/g, ' ')} ${b.replace(/-/g, ' ')}`, a.split('-')[0]!, text);
}

/**
 * Whether the article's text has the adjective, but never after this noun: it qualifies another word there
 * («المعارضة الإيرانية تدعو الأكراد»), and «الأكراد» + «الإيرانية» in the line are two keywords.
 */
function qualifiesElsewhere(noun: string, adjective: string, text: string | null): boolean {
  return text !== null && text.includes(` ${adjective.replace(/-/g, ' ')} `) && !writesBefore(noun, adjective, text);
}

/** A run's score and the sources behind it, one bit per entry of EVIDENCE_SOURCES. */
interface RunScore {
  score: number;
  sources: number;
}

const BIT: Record<EvidenceSource, number> = { whole: 1, text: 2, collocation: 4, structure: 8 };

export function segmentLines(lines: readonly PhraseLine[], options: PhraseOptions): Segmentation {
  const use = options.evidence ?? new Set(EVIDENCE_SOURCES);
  const known = options.known;
  const prefixes = use.has('whole') ? knownPrefixes(known) : new Set<string>();
  const counts = use.has('collocation') ? countCollocations(lines) : null;
  const phrases = new Map<string, DiscoveredPhrase>();
  const undecided = new Map<string, UndecidedRun>();
  const runs: number[][] = [];

  lines.forEach((line, lineNo) => {
    const units = line.units;
    const n = units.length;
    if (n < 2) {
      runs.push(n === 1 ? [1] : []);
      return;
    }
    const body = use.has('text') ? spacedTokens(line.text.body()) : null;
    const title = body === null ? null : spacedTokens(line.text.title);
    const text = body === null ? null : `${title}${body}`;

    // Whether the title writes words k and k + 1, but never side by side («سلاح البحرية» … «التايم الأمريكية»
    // for «البحرية الأمريكية»): keyword lines are often the title's words, and these were two there. Not for
    // a particle or preposition: most titles have one somewhere («في»), and it says nothing of this «في».
    const apartInTitleAt = new Int8Array(n - 1).fill(-1);
    const apartInTitle = (k: number): boolean => {
      if (title === null) return false;
      if (apartInTitleAt[k] === -1) {
        const [a, b] = [units[k]!, units[k + 1]!];
        const content = !FUNCTION_WORDS.has(a) && !FUNCTION_WORDS.has(b);
        apartInTitleAt[k] = content && holds(a, title) && holds(b, title) && !writesBefore(a, b, title) ? 1 : 0;
      }
      return apartInTitleAt[k] === 1;
    };

    // glue[k]: what structure says about the boundary between word k and word k + 1.
    const glue = new Float64Array(n - 1);
    if (use.has('structure')) {
      for (let k = 0; k < n - 1; k++) {
        const left = units[k]!;
        const right = units[k + 1]!;
        if (PARTICLES.has(left) || NAME_LINKS.has(right)) glue[k] = GLUE_PARTICLE;
        else if (
          left.startsWith('ال') &&
          NISBA.test(right) &&
          !known.has(right) &&
          !qualifiesElsewhere(left, right, text) &&
          !apartInTitle(k)
        )
          glue[k] = GLUE_ADJECTIVE;
        else if (
          body !== null &&
          !left.startsWith('ال') &&
          right.startsWith('ال') &&
          !FUNCTION_WORDS.has(left) &&
          !known.has(left) &&
          writesBefore(left, right, body) &&
          !apartInTitle(k)
        )
          glue[k] = GLUE_CONSTRUCT;
      }
    }
    // Whether the article writes words k and k + 1 the other way round («فرنسا تدين» for «تدين فرنسا»): a
    // phrase keeps its order, so they are two keywords. Looked up only for a boundary some evidence joins.
    const reversedAt = new Int8Array(n - 1).fill(-1);
    const reversed = (k: number): boolean => {
      if (text === null) return false;
      if (reversedAt[k] === -1) reversedAt[k] = writesBefore(units[k + 1]!, units[k]!, text) ? 1 : 0;
      return reversedAt[k] === 1;
    };
    const strength = new Float64Array(n - 1);
    const ids = counts?.lineIds[lineNo];
    if (ids !== undefined) {
      for (let k = 0; k < n - 1; k++) {
        strength[k] = pairStrength(ids[k]!, ids[k + 1]!, counts!);
        // Each word known whole as a tag of its own, the pair never, nor side by side in any title: two
        // keywords often listed together («روسيا» «المنتخب» in the World Cup's lines), not a collocation.
        const eachAlone = known.has(units[k]!) && known.has(units[k + 1]!) && !known.has(`${units[k]}-${units[k + 1]}`);
        if (strength[k]! > 0 && use.has('whole') && eachAlone && !counts!.titlePairs.get(ids[k]!)?.has(ids[k + 1]!))
          strength[k] = 0;
      }
    }

    /**
     * Scores of runs starting at `i`, indexed by length - 2. A run stops growing once no source can
     * support it any more and its last boundary has no glue: splitting there would always score higher.
     */
    const scoreRunsFrom = (i: number): RunScore[] => {
      const scores: RunScore[] = [];
      const first = units[i]!;
      const firstWord = text === null ? '' : first.split('-')[0]!;
      let slug = first;
      let spaced = text === null ? '' : first.replace(/-/g, ' ');
      let knownPrefix = prefixes.has(first) || known.has(first);
      let inText = text !== null && !FUNCTION_WORDS.has(first);
      let inBody = inText;
      let collocated = true;
      let glueSum = 0;
      let apart = 0;
      let minStrength = Infinity;
      const startsWithPreposition = PREPOSITIONS.has(first);
      for (let j = i + 1; j < Math.min(n, i + MAX_RUN); j++) {
        const unit = units[j]!;
        collocated &&= strength[j - 1]! > 0;
        if (!knownPrefix && !inText && !collocated && glue[j - 1] === 0) break;
        // Looked up only for a run some evidence could support: it scans the article's text.
        if (j === i + 1 && text !== null && writesCounted(first, text)) break;
        glueSum += glue[j - 1]!;
        if (strength[j - 1]! < 0 || reversed(j - 1) || apartInTitle(j - 1)) apart += APART;
        minStrength = Math.min(minStrength, strength[j - 1]!);
        const inner = j - i;
        let score = glueSum - apart - inner * JOIN_COST;
        let sources = glueSum > 0 ? BIT.structure : 0;
        if (knownPrefix) {
          slug += `-${unit}`;
          if (known.has(slug)) {
            score += WHOLE;
            sources |= BIT.whole;
          }
          knownPrefix = prefixes.has(slug);
        }
        if (inText) {
          spaced += ` ${unit.replace(/-/g, ' ')}`;
          inText = occursIn(spaced, firstWord, text!);
          if (inText && !FUNCTION_WORDS.has(unit)) {
            inBody &&= occursIn(spaced, firstWord, body!);
            score += inBody ? TEXT + TEXT_PER_JOIN * inner : TEXT_TITLE_ONLY;
            sources |= BIT.text;
          }
        }
        if (collocated) {
          score += COLLOCATION * minStrength;
          sources |= BIT.collocation;
        }
        if (startsWithPreposition) score -= PREPOSITION_START;
        scores.push({ score, sources });
      }
      return scores;
    };

    // best[j]: the best score of words 0..j-1; from[j]: where its last keyword starts; alone[j]: how many
    // words known whole as tags of their own it leaves alone, which breaks ties («شركات حديد عز», the body
    // writing «لشركات حديد عز»: «شركات» + «حديد عز» when «شركات» is a tag elsewhere).
    const best = new Float64Array(n + 1);
    const from = new Int32Array(n + 1);
    const alone = new Int32Array(n + 1);
    const table: RunScore[][] = [];
    for (let i = 0; i < n; i++) table.push(scoreRunsFrom(i));
    for (let j = 1; j <= n; j++) {
      best[j] = best[j - 1]!;
      from[j] = j - 1;
      alone[j] = alone[j - 1]! + (use.has('whole') && known.has(units[j - 1]!) ? 1 : 0);
      for (let i = Math.max(0, j - MAX_RUN); i < j - 1; i++) {
        const run = table[i]![j - i - 2];
        if (run === undefined) continue;
        const candidate = best[i]! + run.score;
        // Better only: a tie that leaves alone no more known tags keeps the split, so nothing joins without
        // net evidence.
        if (candidate > best[j]! + TIE || (candidate > best[j]! - TIE && alone[i]! > alone[j]!)) {
          best[j] = candidate;
          from[j] = i;
          alone[j] = alone[i]!;
        }
      }
    }
    const lengths: number[] = [];
    for (let j = n; j > 0; j = from[j]!) lengths.push(j - from[j]!);
    lengths.reverse();
    runs.push(lengths);

    let start = 0;
    for (const length of lengths) {
      if (length > 1) {
        const slug = units.slice(start, start + length).join('-');
        let phrase = phrases.get(slug);
        if (phrase === undefined) {
          phrase = { slug, lines: 0, evidence: { whole: 0, text: 0, collocation: 0, structure: 0 } };
          phrases.set(slug, phrase);
        }
        phrase.lines++;
        const sources = table[start]![length - 2]!.sources;
        for (const source of EVIDENCE_SOURCES) if (sources & BIT[source]) phrase.evidence[source]++;
      }
      const end = start + length;
      if (end < n) {
        const pair = table[end - 1]![0];
        if (pair !== undefined && pair.sources !== 0) {
          const slug = `${units[end - 1]}-${units[end]}`;
          const run = undecided.get(slug) ?? { slug, lines: 0 };
          run.lines++;
          undecided.set(slug, run);
        }
      }
      start = end;
    }
  });

  const byLines = <T extends { slug: string; lines: number }>(a: T, b: T): number =>
    b.lines - a.lines || (a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0);
  return {
    runs,
    phrases: [...phrases.values()].sort(byLines),
    undecided: [...undecided.values()].sort(byLines),
  };
}
