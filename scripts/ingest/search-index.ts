/**
 * The Pagefind search index, written into the built site at `<outDir>/pagefind/` (served at
 * `/data/pagefind/`). One custom record per article: the body as content (so Pagefind's excerpt is real
 * text), title, date and source as meta, topic and tag slugs as filters, the date as the sort key, and the
 * hidden terms of `src/shared/lib/search-terms.ts` in a meta field Pagefind searches but never shows.
 *
 * A large corpus is split into slices of `sliceSize` articles, newest first (docs/decisions/
 * 001-search-index-slices.md): the first query loads only the newest slice, older ones load on demand.
 * `search-manifest.json` tells the reader where the slices are, plus the taxonomy's alias groups, topic
 * labels and tag labels, so the query side builds the same terms as this side.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import * as pagefind from 'pagefind';
import type { Article } from '../../src/data/schema.ts';
import {
  buildLexicon,
  corpusKnown,
  countTokens,
  groupKey,
  shadowTerms,
  type AliasGroup,
  type SearchLexicon,
} from '../../src/shared/lib/search-terms.ts';
import { tokenize } from '../../src/shared/lib/arabic.ts';
import { writeSearchShards } from './search-vocabulary.ts';
import type { Taxonomy } from './taxonomy.ts';

export const SEARCH_MANIFEST_VERSION = 1;
/**
 * Articles a slice. A first query loads the newest slice's `pf_meta` and the index chunk of each word; a
 * word in most articles (في, من) has a chunk that grows with the slice (160 KB at 10,000), so 5,000 keeps
 * such a query under the 300 KB budget (docs/decisions/001-search-index-slices.md).
 */
export const DEFAULT_SLICE_SIZE = 5_000;
/**
 * Tag labels shipped in the manifest for facets (the commonest tags: the ones facets show); rarer tags
 * show their slug. Every first search loads the manifest, so it stays small.
 */
const MAX_TAG_LABELS = 300;
/** Sort key of an undated article: Pagefind drops records without the key from sorted results. */
const UNDATED = '0000-00-00T00:00:00.000Z';

/** Pagefind's bundle minus its ready-made UIs, which the reader does not use. */
const UNUSED_FILE = /^(pagefind-(component-|modular-)?ui\.|pagefind-highlight\.js$|wasm\.unknown\.pagefind$)/;

export interface SearchSlice {
  /** Folder of the slice's Pagefind bundle, relative to `pagefind/` ('' for the newest). */
  path: string;
  count: number;
  newest: string | null;
  oldest: string | null;
}

export interface SearchManifest {
  schemaVersion: number;
  slices: SearchSlice[];
  topics: Array<{ slug: string; label: string }>;
  tags: Array<{ slug: string; label: string }>;
  groups: AliasGroup[];
}

export interface SearchIndexOptions {
  sliceSize?: number;
  /** Leave out the hidden terms: plain Pagefind, the benchmark's baseline. */
  plain?: boolean;
  /** Called after each slice is written (progress for long builds). */
  onSlice?: (done: number, total: number) => void;
}

/** The taxonomy's synonym groups: each topic (label, aliases, slug) and each known tag with its spellings. */
export function aliasGroups(taxonomy: Taxonomy): AliasGroup[] {
  const groups: AliasGroup[] = [];
  for (const topic of taxonomy.topics) {
    groups.push({
      key: groupKey(groups.length),
      forms: [topic.label, ...topic.aliases, topic.slug.replace(/-/g, ' ')],
      kind: 'topic',
    });
  }
  for (const tag of taxonomy.tags) {
    if (tag.aliases.length > 0) {
      groups.push({ key: groupKey(groups.length), forms: [tag.label, ...tag.aliases], kind: 'tag' });
    }
  }
  return groups;
}

const byNewest = (a: Article, b: Article): number =>
  (b.date ?? '').localeCompare(a.date ?? '') || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

export function planSlices(articles: readonly Article[], sliceSize: number): Article[][] {
  const sorted = [...articles].sort(byNewest);
  const slices: Article[][] = [];
  for (let i = 0; i < sorted.length; i += sliceSize) slices.push(sorted.slice(i, i + sliceSize));
  return slices.length > 0 ? slices : [[]];
}

export function articleText(article: Article): string {
  return [article.title, ...article.body].join('\n');
}

/**
 * What an article is about, for ranking: the words and hidden terms of its title, topics and tags, in a
 * meta field the query side weighs above the body (`SEARCH_META_WEIGHTS`), so a title or topic match
 * outranks a word deep in the body.
 */
export function aboutTerms(article: Article, lexicon: SearchLexicon, isKnown: (bare: string) => boolean): string {
  const text = [article.title, ...article.topics.map((t) => t.label), ...article.tags.map((t) => t.label)].join('\n');
  return [...new Set([...tokenize(text), ...shadowTerms(text, lexicon, isKnown)])].join(' ');
}

/** The Pagefind record of one article (exported for tests). */
export function searchRecord(article: Article, lexicon: SearchLexicon | null, isKnown: (bare: string) => boolean) {
  const terms = lexicon ? shadowTerms(articleText(article), lexicon, isKnown).join(' ') : '';
  const about = lexicon ? aboutTerms(article, lexicon, isKnown) : '';
  return {
    url: `/articles/${encodeURIComponent(article.id)}`,
    content: article.body.join('\n'),
    language: 'ar',
    meta: {
      title: article.title,
      date: article.date ?? '',
      source: article.source ?? '',
      ...(terms === '' ? {} : { terms }),
      ...(about === '' ? {} : { about }),
    },
    filters: { topic: article.topics.map((t) => t.slug), tag: article.tags.map((t) => t.slug) },
    sort: { date: article.date ?? UNDATED },
  };
}

function tagLabels(articles: readonly Article[]): Array<{ slug: string; label: string }> {
  const counts = new Map<string, { label: string; count: number }>();
  for (const article of articles) {
    for (const tag of article.tags) {
      const entry = counts.get(tag.slug) ?? { label: tag.label, count: 0 };
      entry.count++;
      counts.set(tag.slug, entry);
    }
  }
  return [...counts]
    .sort(([a, x], [b, y]) => y.count - x.count || (a < b ? -1 : 1))
    .slice(0, MAX_TAG_LABELS)
    .map(([slug, { label }]) => ({ slug, label }));
}

async function writeSlice(
  articles: readonly Article[],
  dir: string,
  lexicon: SearchLexicon | null,
  isKnown: (bare: string) => boolean,
): Promise<{ files: number; bytes: number }> {
  const { index, errors } = await pagefind.createIndex({ forceLanguage: 'ar' });
  if (!index) throw new Error(`pagefind: cannot create an index: ${errors.join('; ')}`);
  try {
    for (const article of articles) {
      const res = await index.addCustomRecord(searchRecord(article, lexicon, isKnown));
      if (res.errors.length > 0) throw new Error(`pagefind: article ${article.id}: ${res.errors.join('; ')}`);
    }
    const built = await index.getFiles();
    if (built.errors.length > 0) throw new Error(`pagefind: ${built.errors.join('; ')}`);
    let files = 0;
    let bytes = 0;
    for (const file of built.files) {
      if (UNUSED_FILE.test(file.path)) continue;
      const target = path.join(dir, file.path);
      await mkdir(path.dirname(target), { recursive: true });
      await writeFile(target, file.content);
      files++;
      bytes += file.content.byteLength;
    }
    return { files, bytes };
  } finally {
    await index.deleteIndex();
  }
}

/** Writes the Pagefind index for `articles` to `<outDir>/pagefind/` (served at `/data/pagefind/`). */
export async function buildSearchIndex(
  articles: Article[],
  outDir: string,
  taxonomy: Taxonomy,
  options: SearchIndexOptions = {},
): Promise<{ files: number; bytes: number; shards?: Awaited<ReturnType<typeof writeSearchShards>> }> {
  const root = path.join(outDir, 'pagefind');
  const groups = aliasGroups(taxonomy);
  const lexicon = buildLexicon(groups);
  const counts = options.plain ? new Map<string, number>() : countTokens(articles.map(articleText));
  const isKnown = options.plain ? () => false : corpusKnown(counts, lexicon);
  const slices = planSlices(articles, Math.max(1, options.sliceSize ?? DEFAULT_SLICE_SIZE));

  let files = 0;
  let bytes = 0;
  const manifestSlices: SearchSlice[] = [];
  try {
    for (const [i, slice] of slices.entries()) {
      const rel = i === 0 ? '' : `slice-${i}/`;
      const written = await writeSlice(slice, path.join(root, rel), options.plain ? null : lexicon, isKnown);
      files += written.files;
      bytes += written.bytes;
      manifestSlices.push({
        path: rel,
        count: slice.length,
        newest: slice[0]?.date ?? null,
        oldest: slice.at(-1)?.date ?? null,
      });
      options.onSlice?.(i + 1, slices.length);
    }
  } finally {
    // The Pagefind service is a child process: left open, it keeps the CLI alive.
    await pagefind.close();
  }

  const manifest: SearchManifest = {
    schemaVersion: SEARCH_MANIFEST_VERSION,
    slices: manifestSlices,
    topics: taxonomy.topics.map((t) => ({ slug: t.slug, label: t.label })),
    tags: tagLabels(articles),
    groups,
  };
  const json = JSON.stringify(manifest);
  await writeFile(path.join(root, 'search-manifest.json'), json);
  files++;
  bytes += Buffer.byteLength(json);
  if (options.plain) return { files, bytes };
  const shards = await writeSearchShards(root, articles, taxonomy, counts);
  return { files: files + shards.vocab.files + shards.suggest.files, bytes: bytes + shards.vocab.bytes + shards.suggest.bytes, shards };
}
