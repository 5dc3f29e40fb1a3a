import { hash } from 'node:crypto';
import {
  articlePath,
  homePagePath,
  manifestPath,
  tagPagePath,
  topicListPath,
  topicPagePath,
} from '../../src/data/paths.ts';
import { listPageSpans, NEWEST_PAGE } from '../../src/data/list-pages.ts';
import {
  PAGE_SIZE,
  SCHEMA_VERSION,
  type Article,
  type ArticleImage,
  type ArticleSummary,
  type ListKind,
  type ListPage,
  type Manifest,
  type TagRef,
  type TopicRef,
  topicListOf,
} from '../../src/data/schema.ts';
import { bodyJson } from './record.ts';

/**
 * Every file of the data folder, as (path, JSON text) pairs. The input must already be in site order
 * (newest first, undated last, ties by id); every list keeps that order. Objects are built with their
 * keys in schema order and serialised without spaces, so the same articles give the same bytes.
 */

export interface ShardFile {
  path: string;
  /**
   * A short fingerprint of everything the content depends on, or null: equal keys, equal bytes. The writer
   * compares it with the key the build cache recorded and, when equal, reuses the previous file without
   * building `content` (a getter, built on demand: serialising every body is most of a write).
   */
  key?: string | null;
  readonly content: string;
}

/** SHA-1 of the parts, each ended by a NUL; Node's one-shot `hash` costs a third of a `createHash` object. */
const fingerprint = (...parts: string[]): string => hash('sha1', `${parts.join('\0')}\0`, 'base64');

const WORDS_PER_MINUTE = 200;
const EXCERPT_CHARS = 160;

export function readingMinutes(body: readonly string[]): number {
  let words = 0;
  for (const paragraph of body) {
    let inWord = false;
    for (let i = 0; i < paragraph.length; i++) {
      const c = paragraph.charCodeAt(i);
      const space = c === 0x20 || (c >= 0x09 && c <= 0x0d) || c === 0xa0;
      if (!space && !inWord) words++;
      inWord = !space;
    }
  }
  return Math.max(1, Math.ceil(words / WORDS_PER_MINUTE));
}

/** About the first 160 characters of the body, cut at a word boundary, with «…» when cut. */
export function makeExcerpt(body: readonly string[]): string {
  let text = '';
  for (const paragraph of body) {
    text = text === '' ? paragraph : `${text} ${paragraph}`;
    if (text.length > EXCERPT_CHARS) break;
  }
  if (text.length <= EXCERPT_CHARS) return text;
  const cut = text.lastIndexOf(' ', EXCERPT_CHARS);
  const head = (cut > EXCERPT_CHARS / 2 ? text.slice(0, cut) : text.slice(0, EXCERPT_CHARS)).replace(/[\s،,.:؛-]+$/, '');
  return `${head}…`;
}

/** An article as the ingest holds it: with its excerpt when it was drawn at parse time (`BodyFacts`). */
export type ShardArticle = Article & { excerpt?: string };

export function summarize(article: ShardArticle): ArticleSummary {
  return {
    id: article.id,
    title: article.title,
    date: article.date,
    source: article.source,
    excerpt: article.excerpt ?? makeExcerpt(article.body),
    topics: article.topics.map((t) => ({ slug: t.slug, label: t.label })),
    ...(article.image ? { image: article.image.src } : {}),
  };
}

const imageRecord = (image: ArticleImage): ArticleImage => ({
  src: image.src,
  alt: image.alt,
  caption: image.caption,
  credit: image.credit,
  width: image.width,
  height: image.height,
});

/** An article in schema key order (the order JSON.stringify writes), with `body` in place of its body. */
function articleRecord<B>(article: Article, body: B): Omit<Article, 'body'> & { body: B } {
  return {
    schemaVersion: SCHEMA_VERSION,
    id: article.id,
    title: article.title,
    date: article.date,
    source: article.source,
    url: article.url,
    ...(article.image ? { image: imageRecord(article.image) } : {}),
    body,
    readingMinutes: article.readingMinutes,
    tags: article.tags.map((t) => ({ slug: t.slug, label: t.label })),
    topics: article.topics.map((t) => ({ slug: t.slug, label: t.label })),
    related: article.related.map((r) => ({
      id: r.id,
      title: r.title,
      date: r.date,
      source: r.source,
      sharedTags: r.sharedTags.map((t) => ({ slug: t.slug, label: t.label })),
    })),
    readAlso: article.readAlso.map((r) => ({ title: r.title, id: r.id })),
  };
}

/**
 * An article's file. Its body goes in as the JSON text it is kept as (`bodyJson`): a body read from the
 * parsed-file cache is neither parsed nor serialised again. The mark it replaces cannot occur earlier:
 * every field before the body is a JSON string, or an object of them, where a quote is always escaped.
 */
export function articleJson(article: Article): string {
  const text = JSON.stringify(articleRecord(article, 0));
  const at = text.indexOf(BODY_MARK) + BODY_MARK.length - 1;
  return `${text.slice(0, at)}${bodyJson(article)}${text.slice(at + 1)}`;
}

const BODY_MARK = '"body":0';

/**
 * One list's pages (src/data/list-pages.ts). Summaries arrive already serialised: an article sits on the
 * home list, its topics' and its tags' lists, and serialising it once instead of on every list is most of
 * the cost of this step.
 */
function* listPages(
  kind: ListKind,
  ref: TagRef | TopicRef | null,
  items: readonly number[],
  summaries: Summaries,
  pathOf: (page: number) => string,
): Generator<ShardFile> {
  for (const { page, start, end, older, newer } of listPageSpans(items.length)) {
    const shard: ListPage = {
      schemaVersion: SCHEMA_VERSION,
      kind,
      slug: ref?.slug ?? null,
      label: ref?.label ?? null,
      page,
      older,
      newer,
      total: page === NEWEST_PAGE ? items.length : null,
      items: [],
    };
    const head = JSON.stringify(shard);
    const onPage = items.slice(start, end);
    yield {
      path: pathOf(page),
      key: summaries.keys ? fingerprint(head, ...onPage.map((i) => summaries.keys![i]!)) : null,
      // `items` is the last key, so the empty list closes the text: `…,"items":[]}`.
      get content() {
        return `${head.slice(0, -2)}${onPage.map((i) => summaries.text(i)).join(',')}]}`;
      },
    };
  }
}

/**
 * Every article's summary, serialised once and only when a list page that shows it is built (an article
 * sits on the home list, its topics' and its tags').
 */
interface Summaries {
  text: (i: number) => string;
  /**
   * Each summary's key, when the articles' origins are known: its origin (which stands for the title,
   * date, source, excerpt and picture), its id and its topics, hashed, so that no summary is serialised
   * to key it.
   */
  keys: string[] | null;
}

export interface ShardInput {
  /** In site order. */
  articles: readonly ShardArticle[];
  /** Every taxonomy topic, in taxonomy order. */
  topics: readonly TopicRef[];
  /**
   * For each article id, what its input record was (`RawRecord.origin`: the ingest's version and a hash of
   * the record's fields, or a hash of that and more): the same origin, the same title, body, date, source,
   * url and picture. With it and `relatedDocs` every file gets a `key`; without them (tests), none does.
   */
  origins?: ReadonlyMap<string, string>;
  /** Each article's related cards by their articles' places in `articles`: keyed without a lookup by id. */
  relatedDocs?: ReadonlyArray<ArrayLike<number>>;
}

export interface ShardCounts {
  articles: number;
  tags: number;
  topics: number;
}

export function countShards(input: ShardInput): ShardCounts {
  const tags = new Set<string>();
  const topics = new Set<string>();
  for (const a of input.articles) {
    for (const t of a.tags) tags.add(t.slug);
    for (const t of a.topics) topics.add(t.slug);
  }
  return { articles: input.articles.length, tags: tags.size, topics: topics.size };
}

/** The origin of every article, or null when any is unknown (or the related cards' places are). */
function originsOf(input: ShardInput): string[] | null {
  if (!input.origins || !input.relatedDocs) return null;
  const origins: string[] = [];
  for (const a of input.articles) {
    const origin = input.origins.get(a.id);
    if (origin === undefined) return null;
    origins.push(origin);
  }
  return origins;
}

export function* buildShards(input: ShardInput): Generator<ShardFile> {
  const origins = originsOf(input);
  const texts = new Array<string | undefined>(input.articles.length);
  const summaries: Summaries = {
    text: (i) => (texts[i] ??= JSON.stringify(summarize(input.articles[i]!))),
    // Hashed once here: a summary key is part of every list page and related card that shows the article
    // (two million at 100,000 articles), and a short ASCII digest is far cheaper to join and hash again.
    keys: origins && input.articles.map((a, i) => fingerprint(origins[i]!, a.id, refsKey(a.topics))),
  };
  const byTopic = new Map<string, number[]>(input.topics.map((t) => [t.slug, []]));
  const byTag = new Map<string, { ref: TagRef; items: number[] }>();
  const topicSlugs = new Set<string>();
  input.articles.forEach((article, i) => {
    for (const topic of article.topics) {
      byTopic.get(topic.slug)?.push(i);
      topicSlugs.add(topic.slug);
    }
    for (const tag of article.tags) {
      let entry = byTag.get(tag.slug);
      if (!entry) byTag.set(tag.slug, (entry = { ref: { slug: tag.slug, label: tag.label }, items: [] }));
      entry.items.push(i);
    }
  });

  // `countShards`, from the lists just gathered: a second pass over every article's tags cost 0.2 s at 100,000.
  const counts: ShardCounts = { articles: input.articles.length, tags: byTag.size, topics: topicSlugs.size };
  const manifest: Manifest = {
    schemaVersion: SCHEMA_VERSION,
    pageSize: PAGE_SIZE,
    counts,
    topics: input.topics.map((t) => ({ slug: t.slug, label: t.label, count: byTopic.get(t.slug)?.length ?? 0 })),
  };
  yield { path: manifestPath(), key: null, content: JSON.stringify(manifest) };
  // The topic bar's list, apart from the counts: it changes only when a topic gains its first article or
  // loses its last, so the pages that show no count stay the same bytes (decision 030, eleventh round).
  yield { path: topicListPath(), key: null, content: JSON.stringify(topicListOf(manifest)) };
  yield* listPages('home', null, Array.from(input.articles.keys()), summaries, homePagePath);
  for (const topic of input.topics) {
    yield* listPages('topic', topic, byTopic.get(topic.slug) ?? [], summaries, (page) => topicPagePath(topic.slug, page));
  }
  const tagSlugs = [...byTag.keys()].sort();
  for (const slug of tagSlugs) {
    const { ref, items } = byTag.get(slug)!;
    yield* listPages('tag', ref, items, summaries, (page) => tagPagePath(slug, page));
  }
  for (const [i, article] of input.articles.entries()) {
    yield {
      path: articlePath(article.id),
      key: summaries.keys && articleKey(article, summaries.keys, i, input.relatedDocs![i]!),
      get content() {
        return articleJson(article);
      },
    };
  }
}

const refsKey = (refs: readonly (TagRef | TopicRef)[]): string => refs.map((t) => `${t.slug}\u0001${t.label}`).join('\u0002');

/**
 * An article file's key: its summary's key (its origin, id and topics), its tags, and each related card
 * by the card article's summary key (its title, date and source) and the slugs of the shared tags (their
 * labels are the article's own tags', in the key already), and its read-also links. No card is serialised.
 */
function articleKey(article: Article, summaryKeys: readonly string[], i: number, docs: ArrayLike<number>) {
  const related = article.related.map((r, x) => `${summaryKeys[docs[x]!]!}\u0001${r.sharedTags.map((t) => t.slug).join('\u0001')}`);
  const readAlso = JSON.stringify(article.readAlso);
  return fingerprint(summaryKeys[i]!, refsKey(article.tags), related.join('\u0002'), readAlso);
}
