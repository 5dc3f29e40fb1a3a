/**
 * Topic membership.
 *
 * A topic is the set of written forms in `topicForms` (taxonomy.ts): its name and spellings, its capital,
 * leaders and places, and its relative adjectives with their inflections. Adjectives count as mentions:
 * «الجيش الأوكراني» is about Ukraine and «الخارجية الروسية» about Russia (in the ANT sample «الروسي» and
 * «الروسية» occur 1,173 times against 1,229 for «روسيا»: without them half the mentions go unseen). A form
 * matches a whole token, also behind proclitics (و ف ب ك ل، ال، لل …: «لأوكرانيا»، «بالأوكرانية»), and a
 * multi-word form («قره باغ») matches as a token sequence. Each place in the text counts once, as its
 * longest form; a topic's `exclude` phrases («روسيا البيضاء» is Belarus) count for nothing.
 *
 * An article belongs to a topic when a form appears
 *   1. in one of its tags, or
 *   2. in its title, or
 *   3. in at least 3 paragraphs of its body, or in its first paragraph and at least one other.
 * The unit is the paragraph, not the mention: «باكو الأذربيجانية» in one sentence is one statement, and a
 * topic that comes back paragraph after paragraph is what the story is about. The lede lowers the bar
 * because it says what the story is about; one mention in the lede alone is not enough (a World Cup report
 * names the host country in its first line).
 *
 * Measured on the ANT sample (1,499 articles; `npx tsx scripts/bench/topics-eval.ts CORPUS`): every title
 * naming a topic is in it, and no member lacks a mention. Ukraine, read by hand: «lede, or 2 mentions
 * anywhere» took 32 body-only members of which about 15 were about Ukraine (the rest: the Champions League
 * final in Kyiv, Russian diplomats expelled over Skripal); this rule takes 12, of which 10 are (MH17,
 * sanctions over Ukraine, the church schism, Manafort), and leaves out 4 that name it once or twice in
 * passing (MH17 follow-ups).
 * docs/decisions/006-topic-membership.md has the figures for every topic.
 */
import type { TagRef, TopicRef } from '../../src/data/schema.ts';
import { stripClitics, tokenize } from '../../src/shared/lib/arabic.ts';
import { topicForms, type Taxonomy } from './taxonomy.ts';

/** Paragraphs naming a topic that make it, when neither the tags nor the title name it. */
export const BODY_MIN_PARAGRAPHS = 3;
/** The same when the first paragraph is one of them: the lede says what the story is about. */
export const BODY_MIN_PARAGRAPHS_WITH_LEDE = 2;

/** The topic index of a phrase from a topic's `exclude` list: it consumes its tokens and counts for none. */
const EXCLUDED = -1;

interface Candidate {
  topic: number;
  /** Tokens after the first one, for multi-word forms. */
  rest: string[];
}

export interface TopicMatcher {
  topics: TopicRef[];
  /** First token of a form → the forms starting with it, longest first. */
  first: Map<string, Candidate[]>;
  /**
   * Every token that stripClitics would reduce to a first token («وبأوكرانيا» → «اوكرانيا»), with that
   * first token: one lookup per body token instead of a stripClitics call.
   */
  surfaces: Map<string, string>;
}

/** Every proclitic sequence stripClitics knows, for building surfaces. */
const PROCLITICS = (() => {
  const list: string[] = [];
  for (const conj of ['', 'و', 'ف']) {
    for (const prep of ['', 'ب', 'ك', 'ل']) {
      for (const art of ['', 'ال']) list.push(prep === 'ل' && art === 'ال' ? conj + 'لل' : conj + prep + art);
    }
  }
  return list;
})();

const matchers = new WeakMap<Taxonomy, TopicMatcher>();

/** The taxonomy's forms compiled once (and cached per taxonomy object) into a token → candidates map. */
export function topicMatcher(taxonomy: Taxonomy): TopicMatcher {
  const cached = matchers.get(taxonomy);
  if (cached !== undefined) return cached;
  const first = new Map<string, Candidate[]>();
  const add = (form: string, topic: number): void => {
    const [head, ...rest] = tokenize(form);
    if (head === undefined) return;
    const list = first.get(head) ?? [];
    if (!list.some((c) => c.topic === topic && c.rest.join(' ') === rest.join(' ')))
      list.push({ topic, rest });
    first.set(head, list);
  };
  taxonomy.topics.forEach((topic, index) => {
    for (const form of topicForms(topic)) add(form, index);
    for (const phrase of topic.exclude) add(phrase, EXCLUDED);
  });
  for (const list of first.values()) list.sort((a, b) => b.rest.length - a.rest.length);

  // stripClitics decides each surface, so matching behaves exactly as calling it on every token would.
  const isKnown = (bare: string): boolean => first.has(bare);
  const surfaces = new Map<string, string>();
  for (const head of first.keys()) {
    const bases = head.startsWith('ال') ? [head, head.slice(2)] : [head];
    for (const prefix of PROCLITICS) {
      for (const base of bases) {
        const surface = prefix + base;
        if (surfaces.has(surface)) continue;
        const bare = stripClitics(surface, isKnown);
        if (isKnown(bare)) surfaces.set(surface, bare);
      }
    }
  }
  const matcher: TopicMatcher = {
    topics: taxonomy.topics.map(({ slug, label }) => ({ slug, label })),
    first,
    surfaces,
  };
  matchers.set(taxonomy, matcher);
  return matcher;
}

/**
 * Adds to `counts[topic]` one per mention of the topic in `tokens` (normalised tokens). A place where two
 * topics share the longest form counts for both.
 */
export function countMentions(tokens: readonly string[], matcher: TopicMatcher, counts: number[]): void {
  let i = 0;
  while (i < tokens.length) {
    const bare = matcher.surfaces.get(tokens[i] as string);
    const candidates = bare === undefined ? undefined : matcher.first.get(bare);
    let length = 0;
    if (candidates !== undefined) {
      for (const candidate of candidates) {
        const size = candidate.rest.length + 1;
        if (size < length) break;
        if (!candidate.rest.every((token, k) => tokens[i + 1 + k] === token)) continue;
        length = size;
        if (candidate.topic !== EXCLUDED) counts[candidate.topic] = (counts[candidate.topic] ?? 0) + 1;
      }
    }
    i += Math.max(length, 1);
  }
}

function mentions(texts: readonly string[], matcher: TopicMatcher): number[] {
  const counts = new Array<number>(matcher.topics.length).fill(0);
  for (const text of texts) countMentions(tokenize(text), matcher, counts);
  return counts;
}

export interface ArticleText {
  title: string;
  body: string[];
  tags: TagRef[];
}

/** Where each topic is named in an article; the evaluation script reports on these. */
export interface TopicEvidence {
  tags: number[];
  title: number[];
  /** Mentions in the first paragraph. */
  firstParagraph: number[];
  /** Mentions in the whole body. */
  body: number[];
  /** Paragraphs with at least one mention. */
  paragraphs: number[];
}

export function topicEvidence(article: ArticleText, matcher: TopicMatcher): TopicEvidence {
  const size = matcher.topics.length;
  const body = new Array<number>(size).fill(0);
  const paragraphs = new Array<number>(size).fill(0);
  let firstParagraph = body;
  article.body.forEach((paragraph, i) => {
    const before = [...body];
    countMentions(tokenize(paragraph), matcher, body);
    for (let t = 0; t < size; t++)
      if ((body[t] ?? 0) > (before[t] ?? 0)) paragraphs[t] = (paragraphs[t] ?? 0) + 1;
    if (i === 0) firstParagraph = [...body];
  });
  return {
    tags: mentions(
      article.tags.map((tag) => tag.label),
      matcher,
    ),
    title: mentions([article.title], matcher),
    firstParagraph,
    body,
    paragraphs,
  };
}

export function isMember(evidence: TopicEvidence, topic: number): boolean {
  return (
    (evidence.tags[topic] ?? 0) > 0 ||
    (evidence.title[topic] ?? 0) > 0 ||
    (evidence.paragraphs[topic] ?? 0) >= BODY_MIN_PARAGRAPHS ||
    ((evidence.firstParagraph[topic] ?? 0) > 0 &&
      (evidence.paragraphs[topic] ?? 0) >= BODY_MIN_PARAGRAPHS_WITH_LEDE)
  );
}

/**
 * The article's topics: those its title names first (the first is its section in the page's head and
 * breadcrumb), then the others, each group in taxonomy order. A story on protests in Armenia that names
 * Karabakh in passing is Armenia's, however the taxonomy orders the two.
 */
export function assignTopics(article: ArticleText, taxonomy: Taxonomy): TopicRef[] {
  const matcher = topicMatcher(taxonomy);
  const evidence = topicEvidence(article, matcher);
  const members = matcher.topics.filter((_, topic) => isMember(evidence, topic));
  const inTitle = matcher.topics.filter((_, topic) => (evidence.title[topic] ?? 0) > 0);
  return [...inTitle, ...members.filter((topic) => !inTitle.includes(topic))];
}
