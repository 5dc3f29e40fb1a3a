/**
 * The editor's taxonomy (`content/taxonomy.json`): topics with the aliases that define them, known tags
 * with their other spellings, words that are never tags on their own, and the names sources are shown
 * by. Validated where it enters, so a typo in the file stops the ingest with the file name and the
 * offending path.
 */
import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { normalizeArabic, slugify } from '../../src/shared/lib/arabic.ts';
import { jsonErrorMessage } from './json-error.ts';

const text = z.string().trim().min(1);

const topicSchema = z.object({
  /** The topic's URL slug (`/topics/karabakh`): ASCII, so topic URLs read the same in any script. */
  slug: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'a topic slug is lower-case ASCII words joined by -'),
  label: text,
  /** Every written form that names the topic: names, spellings, capitals, leaders, places. */
  aliases: z.array(text).default([]),
  /**
   * Relative adjectives (nisba) in the masculine singular, «أوكراني»: each also stands for its feminine,
   * plurals, dual and accusative (أوكرانية، أوكرانيون، أوكرانيين، أوكرانيان، أوكرانيتين، أوكرانيات، أوكرانيا).
   */
  adjectives: z.array(text.regex(/[يی]$/, 'an adjective is a nisba form ending in ي')).default([]),
  /**
   * Phrases that contain a form but do not name the topic: «روسيا البيضاء» is Belarus, «مونديال روسيا»
   * names a tournament. Matched like forms, longest first, and then ignored.
   */
  exclude: z.array(text).default([]),
});

const tagSchema = z.object({
  label: text,
  /** Other spellings and misspellings of the same tag: they merge into it. */
  aliases: z.array(text).default([]),
});

/** A source's name: matched without its spaces and punctuation, so it needs a letter or a digit. */
const sourceName = text.regex(/[\p{L}\p{N}]/u, 'a source name needs a letter or a digit');

const sourceSchema = z.object({
  /** The outlet's name as readers know it, «سكاي نيوز عربية». */
  label: sourceName,
  /** The ways feeds write it («skynews», «Sky News Arabia»), matched without case, spaces or punctuation. */
  aliases: z.array(sourceName).default([]),
});

const taxonomySchema = z
  .object({
    topics: z.array(topicSchema),
    tags: z.array(tagSchema).default([]),
    /** Tags dropped whole; a single word here is also a fragment (a tag made only of such words goes). */
    drop: z.array(text).default([]),
    sources: z.array(sourceSchema).default([]),
  })
  .superRefine((taxonomy, ctx) => {
    const topicSlugs = new Set<string>();
    taxonomy.topics.forEach((topic, i) => {
      if (topicSlugs.has(topic.slug)) {
        ctx.addIssue({
          code: 'custom',
          path: ['topics', i, 'slug'],
          message: `duplicate topic slug "${topic.slug}"`,
        });
      }
      topicSlugs.add(topic.slug);
    });
    // A written form that belongs to two tags (or two sources) would make the result depend on file order.
    oneOwnerEach(taxonomy.tags, 'tags', slugify, 'a form of the tag', ctx);
    oneOwnerEach(taxonomy.sources, 'sources', sourceKey, 'a name of the source', ctx);
  });

/** An issue for each form of a labelled entry whose key is already another entry's. */
function oneOwnerEach(
  entries: ReadonlyArray<{ label: string; aliases: string[] }>,
  list: string,
  keyOf: (form: string) => string,
  what: string,
  ctx: z.RefinementCtx,
): void {
  const owner = new Map<string, string>();
  entries.forEach((entry, i) => {
    for (const [j, form] of [entry.label, ...entry.aliases].entries()) {
      const key = keyOf(form);
      const previous = owner.get(key);
      if (previous !== undefined && previous !== entry.label) {
        ctx.addIssue({
          code: 'custom',
          path: [list, i, ...(j === 0 ? ['label'] : ['aliases', j - 1])],
          message: `"${form}" is already ${what} "${previous}"`,
        });
      }
      owner.set(key, entry.label);
    }
  });
}

export type Taxonomy = z.infer<typeof taxonomySchema>;
export type TaxonomyTopic = Taxonomy['topics'][number];
export type TaxonomyTag = Taxonomy['tags'][number];

/** Validates a parsed taxonomy; the error names the file and each issue's path. */
export function parseTaxonomy(json: unknown, file = 'taxonomy'): Taxonomy {
  const result = taxonomySchema.safeParse(json);
  if (result.success) return result.data;
  const issues = result.error.issues
    .map((issue) => `${issue.path.length > 0 ? issue.path.join('.') : '(root)'}: ${issue.message}`)
    .join('; ');
  throw new Error(`${file}: invalid taxonomy: ${issues}`);
}

export async function loadTaxonomy(file: string): Promise<Taxonomy> {
  let raw: string;
  try {
    raw = await readFile(file, 'utf8');
  } catch (error) {
    throw new Error(`${file}: cannot read taxonomy: ${(error as Error).message}`, { cause: error });
  }
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch (error) {
    throw new Error(`${file}: taxonomy is not valid JSON: ${jsonErrorMessage(error, raw)}`, { cause: error });
  }
  return parseTaxonomy(json, file);
}

/** A source's name folded for matching: «Sky News Arabia», «sky-news-arabia» and «skynewsarabia» alike. */
function sourceKey(name: string): string {
  return normalizeArabic(name.normalize('NFKC'))
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '');
}

/**
 * The name an article's source is shown by: the taxonomy's label when one of its sources names it, the
 * source as the input gives it otherwise.
 */
export function sourceNamer(taxonomy: Taxonomy): (source: string | null) => string | null {
  const labels = new Map<string, string>();
  for (const { label, aliases } of taxonomy.sources) {
    for (const form of [label, ...aliases]) labels.set(sourceKey(form), label);
  }
  const named = new Map<string, string>();
  return (source) => {
    if (source === null || labels.size === 0) return source;
    let name = named.get(source);
    if (name === undefined) named.set(source, (name = labels.get(sourceKey(source)) ?? source));
    return name;
  };
}

const NISBA_ENDINGS = ['', 'ة', 'ون', 'ين', 'ان', 'تين', 'ات', 'ا'];

/**
 * Every written form that names a topic: its label, its aliases and the inflections of its adjectives,
 * deduplicated in that order. Topic matching and search query expansion both read this.
 */
export function topicForms(topic: TaxonomyTopic): string[] {
  const forms = [topic.label, ...topic.aliases];
  for (const adjective of topic.adjectives) {
    for (const ending of NISBA_ENDINGS) forms.push(adjective + ending);
  }
  return [...new Set(forms)];
}
