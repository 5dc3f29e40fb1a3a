/**
 * The data contract between the ingest (Node, build time) and the reader (browser, run time).
 * Every JSON file under the data folder is validated by one of these schemas where it enters the
 * reader; the ingest builds its output with the same types, so the two cannot drift apart.
 */
// zod/mini: the same schemas at about a third of the reader's download (functional checks instead of
// chained methods, which bundlers cannot tree-shake). `.parse`, `.safeParse` and `z.infer` work as in zod.
import * as z from 'zod/mini';

/** Bumped whenever a shard's shape changes; the reader refuses data of another version. */
export const SCHEMA_VERSION = 2;

/**
 * Summaries on a list's first page (home, topic and tag pages); an older page holds between half of it and
 * one and a half (src/data/list-pages.ts).
 */
export const PAGE_SIZE = 24;
/** The most summaries a list page holds: an older page with a tail under half a page joined to it. */
export const MAX_LIST_PAGE = PAGE_SIZE + PAGE_SIZE / 2 - 1;

/** Cards in the related-articles panel. */
export const MAX_RELATED = 6;

/** An ISO 8601 instant in UTC (`2023-09-25T00:00:00.000Z`), or null for an undated article. */
const isoDate = z.nullable(z.iso.datetime());

export const tagRefSchema = z.object({
  slug: z.string().check(z.minLength(1)),
  label: z.string().check(z.minLength(1)),
});
export type TagRef = z.infer<typeof tagRefSchema>;

export const topicRefSchema = z.object({
  slug: z.string().check(z.minLength(1)),
  label: z.string().check(z.minLength(1)),
});
export type TopicRef = z.infer<typeof topicRefSchema>;

/**
 * An article's lead picture. `src` has passed `safeExternalHref(…, { siteRelative: true })` at ingest: an
 * http(s) address or a path on this site. Width and height, when the input gave them, reserve its box.
 */
export const articleImageSchema = z.object({
  src: z.string().check(z.minLength(1)),
  alt: z.nullable(z.string()),
  caption: z.nullable(z.string()),
  credit: z.nullable(z.string()),
  width: z.nullable(z.number().check(z.int(), z.gte(1))),
  height: z.nullable(z.number().check(z.int(), z.gte(1))),
});
export type ArticleImage = z.infer<typeof articleImageSchema>;

export const articleSummarySchema = z.object({
  id: z.string().check(z.minLength(1)),
  title: z.string().check(z.minLength(1)),
  date: isoDate,
  source: z.nullable(z.string()),
  /** The first words of the body, plain text. */
  excerpt: z.string(),
  topics: z.array(topicRefSchema),
  /** The lead picture's src, for the card's thumbnail; absent when the article has none. */
  image: z.optional(z.string().check(z.minLength(1))),
});
export type ArticleSummary = z.infer<typeof articleSummarySchema>;

export const relatedArticleSchema = z.object({
  id: z.string().check(z.minLength(1)),
  title: z.string().check(z.minLength(1)),
  date: isoDate,
  source: z.nullable(z.string()),
  /** Why it is related: the tags it shares with the article, rarest first. */
  sharedTags: z.array(tagRefSchema),
});
export type RelatedArticle = z.infer<typeof relatedArticleSchema>;

export const readAlsoSchema = z.object({
  title: z.string().check(z.minLength(1)),
  /** The matching article in this build, or null when the corpus does not have it. */
  id: z.nullable(z.string().check(z.minLength(1))),
});
export type ReadAlso = z.infer<typeof readAlsoSchema>;

export const articleSchema = z.object({
  schemaVersion: z.literal(SCHEMA_VERSION),
  id: z.string().check(z.minLength(1)),
  title: z.string().check(z.minLength(1)),
  date: isoDate,
  source: z.nullable(z.string()),
  url: z.nullable(z.string()),
  /** Absent when the article has no picture, so shards of picture-less articles keep their bytes. */
  image: z.optional(articleImageSchema),
  /** Paragraphs, plain text. */
  body: z.array(z.string()),
  readingMinutes: z.number().check(z.int(), z.gte(1)),
  tags: z.array(tagRefSchema),
  topics: z.array(topicRefSchema),
  related: z.array(relatedArticleSchema).check(z.maxLength(MAX_RELATED)),
  /** Titles the source listed under «اقرأ أيضاً». */
  readAlso: z.array(readAlsoSchema),
});
export type Article = z.infer<typeof articleSchema>;

export const listKindSchema = z.enum(['home', 'topic', 'tag']);
export type ListKind = z.infer<typeof listKindSchema>;

export const listPageSchema = z.object({
  schemaVersion: z.literal(SCHEMA_VERSION),
  kind: listKindSchema,
  /** The topic or tag slug; null for home. */
  slug: z.nullable(z.string().check(z.minLength(1))),
  /** The topic or tag label as readers see it; null for home. */
  label: z.nullable(z.string().check(z.minLength(1))),
  /** 0 for the first page (the newest articles, at the list's bare URL); older pages count from the oldest, 1 up. */
  page: z.number().check(z.int(), z.gte(0)),
  /** The next older page, or null on the oldest. */
  older: z.nullable(z.number().check(z.int(), z.gte(1))),
  /** The next newer page (0 for the first), or null on the first page. */
  newer: z.nullable(z.number().check(z.int(), z.gte(0))),
  /**
   * Articles in the whole list, on the first page only: an older page stays the same bytes as articles
   * arrive (decision 031).
   */
  total: z.nullable(z.number().check(z.int(), z.gte(0))),
  items: z.array(articleSummarySchema).check(z.maxLength(MAX_LIST_PAGE)),
});
export type ListPage = z.infer<typeof listPageSchema>;

export const topicCountSchema = z.extend(topicRefSchema, { count: z.number().check(z.int(), z.gte(0)) });
export type TopicCount = z.infer<typeof topicCountSchema>;

/**
 * The topics that have an article, in taxonomy order: the topic bar of every page. Apart from the
 * manifest, whose counts move with every article added, so that a page that shows no count is the same
 * bytes from one build to the next (docs/decisions/030-incremental-ingest.md, eleventh round).
 */
export const topicListSchema = z.object({
  schemaVersion: z.literal(SCHEMA_VERSION),
  topics: z.array(topicRefSchema),
});
export type TopicList = z.infer<typeof topicListSchema>;

export const manifestSchema = z.object({
  schemaVersion: z.literal(SCHEMA_VERSION),
  pageSize: z.number().check(z.int(), z.gte(1)),
  counts: z.object({
    articles: z.number().check(z.int(), z.gte(0)),
    tags: z.number().check(z.int(), z.gte(0)),
    topics: z.number().check(z.int(), z.gte(0)),
  }),
  /** Every topic of the taxonomy, in taxonomy order, with its article count (home's filter chips). */
  topics: z.array(topicCountSchema),
});
export type Manifest = z.infer<typeof manifestSchema>;

/** The topic list of a manifest: its topics with an article, without their counts. */
export function topicListOf(manifest: Manifest): TopicList {
  return {
    schemaVersion: SCHEMA_VERSION,
    topics: manifest.topics.filter((t) => t.count > 0).map(({ slug, label }) => ({ slug, label })),
  };
}
