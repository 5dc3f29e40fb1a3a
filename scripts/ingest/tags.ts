/**
 * Tags: from the keywords a source gives to one tag vocabulary for the whole corpus.
 *
 * - A space-joined keyword line («روسيا موسكو دميتري بيسكوف …») is split into whole keywords by phrase
 *   discovery (`phrases.ts`): tags known whole (the taxonomy's tags and aliases, topic names, tags that
 *   sources gave whole anywhere in the corpus), the article's own text, collocations across every keyword
 *   line, and Arabic structure. A line with explicit separators (، , ; # |) is split there instead: the
 *   source already said where its tags end.
 * - Tags merge when their slugs (normalised forms) are equal or the taxonomy lists one as an alias of the
 *   other. Nothing else merges: «اقليم كاراباخ» stays apart from «كاراباخ» unless an editor aliases it.
 * - Dropped: a tag listed in the taxonomy's `drop`, a tag made only of single-word `drop` entries (function
 *   words and fragments such as «في إقليم»), a single letter, digits alone.
 * - Label: the taxonomy's label for a taxonomy tag (an editor's spelling beats a misspelling that happens
 *   to be frequent, as «أذريبجان» is in the seed); otherwise the most common written form, ties going to
 *   the form seen first. Surnames the taxonomy aliases to a full name («بيسكوف» → «دميتري بيسكوف») merge
 *   into it, so an article never carries both.
 */
import type { TagRef } from '../../src/data/schema.ts';
import { slugify, stripClitics } from '../../src/shared/lib/arabic.ts';
import { segmentLines, type ArticleText, type DiscoveredPhrase, type EvidenceSource, type PhraseLine } from './phrases.ts';
import { topicForms, type Taxonomy } from './taxonomy.ts';

/** joined: a space-joined keyword line to split; whole: tags given one by one (JSON arrays, hashtags). */
export interface KeywordInput {
  joined: string | null;
  whole: string[];
}

export interface TagResult {
  /** Per input, deduplicated, in first-seen order. */
  tagsPerArticle: TagRef[][];
  /** Every tag with the number of articles carrying it, by count descending then slug. */
  vocabulary: Array<TagRef & { count: number }>;
  /** Tags that were written in more than one way (for the report). */
  merged: Array<{ slug: string; label: string; variants: string[] }>;
  /** Pairs of distinct tags that look like one written two ways, for an editor to alias or not. */
  likelyVariants: Array<{ a: string; b: string; reason: string }>;
  /** Multi-word tags found in space-joined lines that the taxonomy does not list, with their evidence. */
  phrases: Array<Omit<DiscoveredPhrase, 'slug'> & { label: string }>;
  /** Adjacent words left apart although some evidence joined them: for an editor to decide. */
  undecided: Array<{ label: string; lines: number }>;
}

export interface TagOptions {
  /** The title and body of article `i`: evidence that a run of its keyword line is one keyword. */
  text?: (article: number) => ArticleText;
  /** Phrase evidence to use (all by default); the benchmark measures each source alone. */
  evidence?: ReadonlySet<EvidenceSource>;
}

const NO_TEXT: ArticleText = { title: '', body: () => '' };
const EXPLICIT_SEPARATORS = /[،,;؛|#\n]/;
const SPLIT_EXPLICIT = /[،,;؛|#\n]+/;
const WHITESPACE = /\s+/;
const UNDERSCORES = /_+/g;
const NO_LETTERS = /^[^\p{L}]*$/u;
/** Shorter slugs differ by one letter too often by chance («مصر» / «نصر») to be worth an editor's time. */
const MIN_VARIANT_LENGTH = 5;
/** A deletion shared by more tags than this is a common pattern, not a misspelling. */
const MAX_BUCKET = 32;

interface TagIndex {
  /** Slug of any taxonomy tag form → slug of its label. */
  canonical: Map<string, string>;
  /** Slug of a taxonomy tag's label → the label. */
  labels: Map<string, string>;
  /** Slugs of tags known whole: taxonomy forms and topic forms, and later the whole tags of the corpus. */
  known: Set<string>;
  /** Slugs of the taxonomy's tag and topic forms: the phrases an editor already knows. */
  taxonomyForms: Set<string>;
  dropWhole: Set<string>;
  fragments: Set<string>;
}

function buildIndex(taxonomy: Taxonomy): TagIndex {
  const canonical = new Map<string, string>();
  const labels = new Map<string, string>();
  const index: TagIndex = {
    canonical,
    labels,
    known: new Set(),
    taxonomyForms: new Set(),
    dropWhole: new Set(),
    fragments: new Set(),
  };
  for (const tag of taxonomy.tags) {
    const labelSlug = slugify(tag.label);
    labels.set(labelSlug, tag.label);
    for (const form of [tag.label, ...tag.aliases]) {
      const slug = slugify(form);
      canonical.set(slug, labelSlug);
      index.known.add(slug);
    }
  }
  for (const topic of taxonomy.topics) for (const form of topicForms(topic)) index.known.add(slugify(form));
  index.taxonomyForms = new Set(index.known);

  for (const entry of taxonomy.drop) {
    const slug = slugify(entry);
    index.dropWhole.add(slug);
    if (!slug.includes('-')) index.fragments.add(slug);
  }
  return index;
}

function isDropped(slug: string, index: TagIndex): boolean {
  if (slug.length <= 1 || NO_LETTERS.test(slug) || index.dropWhole.has(slug)) return true;
  return slug.split('-').every((word) => index.fragments.has(word));
}

/** A written form as readers will see it: hashtag marks and underscores gone, spaces collapsed. */
function cleanForm(form: string): string {
  const spaced =
    form.includes('_') || form.includes('#') ? form.replace(UNDERSCORES, ' ').replace(/#/g, ' ') : form;
  return splitWords(spaced).join(' ');
}

function splitWords(text: string): string[] {
  return text.split(WHITESPACE).filter((word) => word !== '');
}

/** One written form of a tag, as readers would see it. */
interface WrittenForm {
  form: string;
  slug: string;
  /** The tag it stands for, or null when it is dropped. */
  tag: TagEntry | null;
  /** Articles using this form. */
  uses: number;
  lastArticle: number;
}

interface TagEntry {
  slug: string;
  articles: number;
  lastArticle: number;
  /** In first-seen order. */
  forms: WrittenForm[];
}

export function assignTags(inputs: readonly KeywordInput[], taxonomy: Taxonomy, options: TagOptions = {}): TagResult {
  const index = buildIndex(taxonomy);

  // Every distinct string is cleaned, slugified and resolved once; after that a keyword costs one lookup.
  const tags = new Map<string, TagEntry>();
  const byForm = new Map<string, WrittenForm>();
  const byRaw = new Map<string, WrittenForm>();
  const lookup = (raw: string): WrittenForm => {
    let written = byRaw.get(raw);
    if (written !== undefined) return written;
    const form = cleanForm(raw);
    written = byForm.get(form);
    if (written === undefined) {
      const slug = slugify(form);
      let tag: TagEntry | null = null;
      if (slug !== '' && !isDropped(slug, index)) {
        const tagSlug = index.canonical.get(slug) ?? slug;
        tag = tags.get(tagSlug) ?? null;
        if (tag === null) {
          tag = { slug: tagSlug, articles: 0, lastArticle: -1, forms: [] };
          tags.set(tagSlug, tag);
        }
      }
      written = { form, slug, tag, uses: 0, lastArticle: -1 };
      byForm.set(form, written);
    }
    byRaw.set(raw, written);
    return written;
  };

  // Tags that a source gave whole teach the splitter where other sources' lines break.
  for (const input of inputs) {
    for (const raw of input.whole) {
      const { slug, tag } = lookup(raw);
      if (tag !== null) index.known.add(slug);
    }
  }

  // Space-joined lines are segmented together: collocations are counted over all of them.
  const lineWords: Array<WrittenForm[] | null> = inputs.map(({ joined }) =>
    joined === null || EXPLICIT_SEPARATORS.test(joined)
      ? null
      : splitWords(joined.includes('_') ? joined.replace(UNDERSCORES, ' ') : joined)
          .map(lookup)
          .filter((word) => word.slug !== ''),
  );
  const lineArticles: number[] = [];
  const phraseLines: PhraseLine[] = [];
  lineWords.forEach((words, article) => {
    if (words === null) return;
    lineArticles.push(article);
    phraseLines.push({ units: words.map((word) => word.slug), text: options.text?.(article) ?? NO_TEXT });
  });
  const segmentation = segmentLines(phraseLines, { known: index.known, evidence: options.evidence });
  const segmented: Array<WrittenForm[] | null> = inputs.map(() => null);
  lineArticles.forEach((article, n) => {
    const words = lineWords[article] as WrittenForm[];
    const found: WrittenForm[] = [];
    let start = 0;
    for (const length of segmentation.runs[n] ?? []) {
      const run = words.slice(start, start + length);
      found.push(length === 1 ? (run[0] as WrittenForm) : lookup(run.map((word) => word.form).join(' ')));
      start += length;
    }
    segmented[article] = found;
  });

  const splitJoined = (line: string, article: number): WrittenForm[] =>
    segmented[article] ?? line.split(SPLIT_EXPLICIT).map(lookup);

  const tagsPerArticle: TagEntry[][] = [];
  inputs.forEach((input, article) => {
    const own: TagEntry[] = [];
    const forms = input.joined === null ? [] : splitJoined(input.joined, article);
    for (const raw of input.whole) forms.push(lookup(raw));
    for (const written of forms) {
      const tag = written.tag;
      if (tag === null) continue;
      if (tag.lastArticle !== article) {
        tag.lastArticle = article;
        tag.articles++;
        own.push(tag);
      }
      if (written.lastArticle !== article) {
        written.lastArticle = article;
        if (written.uses === 0) tag.forms.push(written);
        written.uses++;
      }
    }
    tagsPerArticle.push(own);
  });

  const refs = new Map<string, TagRef>();
  const merged: TagResult['merged'] = [];
  for (const tag of tags.values()) {
    if (tag.articles === 0) continue;
    let label = index.labels.get(tag.slug);
    if (label === undefined) {
      let best = 0;
      for (const written of tag.forms) {
        if (written.uses > best) {
          best = written.uses;
          label = written.form;
        }
      }
    }
    const finalLabel = label ?? tag.slug;
    refs.set(tag.slug, { slug: tag.slug, label: finalLabel });
    const variants = [...tag.forms]
      .sort((a, b) => b.uses - a.uses || compare(a.form, b.form))
      .map((w) => w.form);
    if (variants.some((form) => form !== finalLabel))
      merged.push({ slug: tag.slug, label: finalLabel, variants });
  }
  merged.sort((a, b) => compare(a.slug, b.slug));

  const vocabulary = [...tags.values()]
    .filter((tag) => tag.articles > 0)
    .map((tag) => ({ ...(refs.get(tag.slug) as TagRef), count: tag.articles }))
    .sort((a, b) => b.count - a.count || compare(a.slug, b.slug));

  // A phrase or run is shown as its words were first written.
  const writtenAs = new Map<string, string>();
  for (const words of lineWords) for (const word of words ?? []) if (!writtenAs.has(word.slug)) writtenAs.set(word.slug, word.form);
  const written = (slug: string): string => refs.get(slug)?.label ?? slug.split('-').map((unit) => writtenAs.get(unit) ?? unit).join(' ');

  return {
    tagsPerArticle: tagsPerArticle.map((own) => own.map((tag) => refs.get(tag.slug) as TagRef)),
    vocabulary,
    merged,
    likelyVariants: findLikelyVariants(vocabulary, index),
    phrases: segmentation.phrases
      .filter((phrase) => !index.taxonomyForms.has(phrase.slug) && refs.has(phrase.slug))
      .map(({ slug, lines, evidence }) => ({ label: written(slug), lines, evidence })),
    undecided: segmentation.undecided.map(({ slug, lines }) => ({ label: written(slug), lines })),
  };
}

/** Code-unit order: deterministic on every machine, unlike localeCompare. */
function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Unmerged tags one edit apart (a letter changed, added or dropped, or two adjacent letters swapped), and
 * tags that are another tag behind a clitic («وروسيا» / «روسيا»). Candidates come from a deletion
 * neighbourhood (every tag filed under itself and each one-letter deletion of it), so the cost grows with
 * the vocabulary, never with its square.
 */
function findLikelyVariants(
  vocabulary: Array<TagRef & { count: number }>,
  index: TagIndex,
): TagResult['likelyVariants'] {
  const rank = new Map(vocabulary.map((tag, i) => [tag.slug, i]));
  const known = (slug: string): boolean => index.labels.has(slug);
  const pairs = new Map<string, { a: string; b: string; reason: string }>();
  const addPair = (x: string, y: string, reason: string): void => {
    if (known(x) && known(y)) return;
    const [first, second] = (rank.get(x) ?? 0) <= (rank.get(y) ?? 0) ? [x, y] : [y, x];
    const key = `${first}\u0000${second}`;
    if (pairs.has(key)) return;
    const label = (slug: string): string => vocabulary[rank.get(slug) ?? 0]?.label ?? slug;
    pairs.set(key, { a: label(first), b: label(second), reason });
  };

  const inVocabulary = (slug: string): boolean => rank.has(slug);
  for (const { slug } of vocabulary) {
    if (slug.includes('-')) continue;
    const bare = stripClitics(slug, (candidate) => candidate !== slug && inVocabulary(candidate));
    if (bare !== slug) addPair(bare, slug, 'the same word behind a clitic');
  }

  const buckets = new Map<string, string[]>();
  const file = (key: string, slug: string): void => {
    const bucket = buckets.get(key);
    if (bucket === undefined) buckets.set(key, [slug]);
    else if (bucket.length <= MAX_BUCKET) bucket.push(slug);
  };
  for (const { slug } of vocabulary) {
    if (slug.length < MIN_VARIANT_LENGTH) continue;
    file(slug, slug);
    for (let i = 0; i < slug.length; i++) file(slug.slice(0, i) + slug.slice(i + 1), slug);
  }
  for (const bucket of buckets.values()) {
    if (bucket.length < 2 || bucket.length > MAX_BUCKET) continue;
    for (let i = 0; i < bucket.length; i++) {
      for (let j = i + 1; j < bucket.length; j++) {
        const x = bucket[i] as string;
        const y = bucket[j] as string;
        const reason = oneEditReason(x, y);
        if (reason !== null) addPair(x, y, reason);
      }
    }
  }

  return [...pairs.values()].sort((p, q) => compare(p.a, q.a) || compare(p.b, q.b));
}

/** Why two distinct strings are one edit apart, or null when they are not. */
function oneEditReason(x: string, y: string): string | null {
  if (x.length === y.length) {
    let first = -1;
    let diffs = 0;
    for (let i = 0; i < x.length; i++) {
      if (x[i] !== y[i]) {
        if (diffs === 0) first = i;
        diffs++;
        if (diffs > 2) return null;
      }
    }
    if (diffs === 1) return 'one letter differs';
    if (diffs === 2 && x[first] === y[first + 1] && x[first + 1] === y[first])
      return 'two adjacent letters swapped';
    return null;
  }
  const [short, long] = x.length < y.length ? [x, y] : [y, x];
  if (long.length - short.length !== 1) return null;
  let i = 0;
  while (i < short.length && short[i] === long[i]) i++;
  return short.slice(i) === long.slice(i + 1) ? 'one letter more or less' : null;
}
