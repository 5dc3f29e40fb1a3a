import { z } from 'zod';
import { stripBoilerplate } from './boilerplate.ts';
import { cleanLine, cleanParagraphs } from './clean-text.ts';
import { parseDate } from './dates.ts';
import { readImage } from './image.ts';
import type { KeywordInput } from './tags.ts';
import type { ArticleImage } from '../../src/data/schema.ts';


export interface Rejection {
  file: string;
  line: number;
  reason: string;
}

export interface Warning {
  file: string;
  line: number;
  message: string;
}

export interface ParseResult {
  records: RawRecord[];
  rejections: Rejection[];
  warnings: Warning[];
}

/** Beyond these sizes a field is a feed bug, not an article. */
export const LIMITS = {
  id: 200,
  title: 1_000,
  body: 1_000_000,
  source: 200,
  url: 2_000,
  category: 200,
  tags: 200,
  tag: 200,
  readAlso: 50,
} as const;

/** The fields of one article as the input gives them, before cleaning. */
export interface RecordFields {
  id: string | null;
  title: string;
  body: string[];
  date: string | null;
  source: string | null;
  url: string | null;
  keywords: KeywordInput;
  readAlso: string[];
  category: string | null;
  /** The picture as given (a URL string or an object); read and checked by `readImage`. */
  image: unknown;
}

/** An article as read from one input file, before ids, tags, topics and related are assigned. */
export interface RawRecord extends Omit<RecordFields, 'image'> {
  image: ArticleImage | null;
  file: string;
  /** 1-based line where the article starts in its file. */
  line: number;
}

const count = (n: number): string => n.toLocaleString('en-US');

function tooLong(field: string, value: string | null, limit: number): string | null {
  if (value === null || value.length <= limit) return null;
  return `${field} is ${count(value.length)} characters long (limit ${count(limit)})`;
}

function optionalLine(value: string | null): string | null {
  if (value === null) return null;
  const line = cleanLine(value);
  return line === '' ? null : line;
}

/**
 * Cleans one article's fields into a record, or says in plain English why it cannot be one. The date is
 * read here too: an unreadable one becomes a warning and the article stays undated.
 */
export function finishRecord(
  file: string,
  line: number,
  fields: RecordFields,
  warnings: Warning[],
): { record: RawRecord } | { reason: string } {
  const bodyChars = fields.body.reduce((n, p) => n + p.length, 0);
  const oversize =
    tooLong('id', fields.id, LIMITS.id) ??
    tooLong('title', fields.title, LIMITS.title) ??
    (bodyChars > LIMITS.body ? `body is ${count(bodyChars)} characters long (limit ${count(LIMITS.body)})` : null) ??
    tooLong('source', fields.source, LIMITS.source) ??
    tooLong('url', fields.url, LIMITS.url) ??
    tooLong('category', fields.category, LIMITS.category) ??
    (fields.keywords.whole.length > LIMITS.tags
      ? `has ${count(fields.keywords.whole.length)} tags (limit ${count(LIMITS.tags)})`
      : null) ??
    tooLong('a tag', fields.keywords.whole.find((t) => t.length > LIMITS.tag) ?? null, LIMITS.tag) ??
    tooLong('tags', fields.keywords.joined, LIMITS.tags * LIMITS.tag) ??
    (fields.readAlso.length > LIMITS.readAlso ? `has ${count(fields.readAlso.length)} readAlso titles (limit ${LIMITS.readAlso})` : null);
  if (oversize) return { reason: oversize };

  const title = cleanLine(fields.title);
  if (title === '') return { reason: 'title is empty' };
  const id = fields.id === null ? null : fields.id.trim();
  if (id === '') return { reason: 'id is empty' };

  const cleaned = stripBoilerplate(fields.body.flatMap(cleanParagraphs));
  if (cleaned.body.length === 0) return { reason: 'body is empty' };

  let date: string | null = null;
  if (fields.date !== null && fields.date.trim() !== '') {
    date = parseDate(fields.date);
    if (date === null) {
      warnings.push({ file, line, message: `unreadable date "${fields.date.slice(0, 80)}": article kept undated` });
    }
  }

  const picture = readImage(fields.image);
  for (const problem of picture.problems) warnings.push({ file, line, message: `${problem}: article kept` });

  const readAlso = [...fields.readAlso.map(cleanLine), ...cleaned.readAlso].filter((t) => t !== '');
  const whole = [...fields.keywords.whole.map(cleanLine), ...cleaned.hashtags].filter((t) => t !== '');
  const joined = fields.keywords.joined === null ? null : cleanLine(fields.keywords.joined) || null;

  return {
    record: {
      file,
      line,
      id,
      title,
      body: cleaned.body,
      date,
      source: optionalLine(fields.source),
      url: optionalLine(fields.url),
      keywords: { joined, whole },
      readAlso,
      category: optionalLine(fields.category),
      image: picture.image,
    },
  };
}

const optionalText = z.string().nullish();

/** The JSON article shape (`.jsonl` lines and `.json` array elements). Unknown fields are ignored. */
export const jsonArticleSchema = z.object({
  id: z.union([z.string(), z.number().finite()]).nullish(),
  title: z.string({ error: (issue) => (issue.input === undefined ? 'title is missing' : 'title is not text') }),
  body: z.union([z.string(), z.array(z.string())], {
    error: (issue) => (issue.input === undefined ? 'body is missing' : 'body is not text or a list of texts'),
  }),
  date: z.unknown().optional(),
  publishedAt: z.unknown().optional(),
  source: optionalText.or(z.unknown().transform(() => undefined)),
  category: optionalText.or(z.unknown().transform(() => undefined)),
  url: optionalText.or(z.unknown().transform(() => undefined)),
  tags: z
    .union([z.string(), z.array(z.string())], { error: 'tags is not text or a list of texts' })
    .nullish(),
  readAlso: z.array(z.string(), { error: 'readAlso is not a list of texts' }).nullish(),
  /** Checked by `readImage` in `finishRecord`: a bad picture is dropped with a warning, never the article. */
  image: z.unknown().optional(),
});

function describe(issues: readonly z.core.$ZodIssue[]): string {
  const issue = issues[0];
  if (!issue) return 'invalid article';
  const message = issue.message;
  if (/^(title|body|tags|readAlso|id)\b/.test(message)) return message;
  const where = issue.path.length > 0 ? issue.path.join('.') : 'article';
  return `${where}: ${message}`;
}

/** The record fields of one parsed JSON value, or the reason it is not an article. */
export function jsonFields(value: unknown): { fields: RecordFields } | { reason: string } {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { reason: `expected an article object, got ${value === null ? 'null' : Array.isArray(value) ? 'an array' : typeof value}` };
  }
  const parsed = jsonArticleSchema.safeParse(value);
  if (!parsed.success) return { reason: describe(parsed.error.issues) };
  const a = parsed.data;
  const rawDate = a.date ?? a.publishedAt;
  const date = rawDate === undefined || rawDate === null ? null : typeof rawDate === 'string' ? rawDate : JSON.stringify(rawDate);
  return {
    fields: {
      id: a.id === undefined || a.id === null ? null : String(a.id),
      title: a.title,
      body: typeof a.body === 'string' ? [a.body] : a.body,
      date,
      source: a.source ?? null,
      url: a.url ?? null,
      category: a.category ?? null,
      keywords: typeof a.tags === 'string' ? { joined: a.tags, whole: [] } : { joined: null, whole: a.tags ?? [] },
      readAlso: a.readAlso ?? [],
      image: a.image ?? null,
    },
  };
}
