import { z } from 'zod';
import { safeExternalHref } from '../../src/shared/lib/hrefs.ts';
import { stripBoilerplate } from './boilerplate.ts';
import { cleanLine, cleanParagraphs, hasInvisible } from './clean-text.ts';
import { parseDate, unixTime } from './dates.ts';
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

/** Beyond these sizes a field is a feed bug, not an article: the record is rejected. */
export const LIMITS = {
  id: 200,
  title: 1_000,
  body: 1_000_000,
  source: 200,
  category: 200,
} as const;

/**
 * Beyond these the article stays and the excess is dropped with a warning (docs/decisions/041): an
 * article with thousands of tags is a good article with a feed bug in its tags. `tags` bounds a tag list
 * and the words of a space-joined keyword line (each tag is at least one word); longer tags or addresses
 * are dropped one by one.
 */
export const CAPS = {
  tags: 50,
  tag: 200,
  readAlso: 50,
  url: 2_000,
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
  /**
   * Set when the record is parsed (`ParsedFiles`): a hash of its fields, body included, its line excluded.
   * Editing one record of a file changes its own hash, not its neighbours'.
   */
  hash?: string;
  /**
   * Set by the pipeline: the ingest's version and the record's `hash`. Two records of the same origin have
   * the same fields, which lets the writer skip unchanged files.
   */
  origin?: string;
  /** Set by the pipeline when the record is parsed: what every run needs from its body. */
  facts?: BodyFacts;
}

/**
 * What every run needs from a body, drawn once when the file is parsed, so that a later run reads a body
 * only to write its article: reading minutes, the excerpt of list cards, the lead words related panels
 * match on (space-joined).
 */
export interface BodyFacts {
  minutes: number;
  excerpt: string;
  lead: string;
}

/** Where a body that is not kept in memory is read from (the parsed-file cache, `ParsedFiles`). */
export interface BodySource {
  read(): string[];
  /** The body as JSON text, as `JSON.stringify(body)` writes it. */
  json(): string;
}

const BODY_SOURCE = Symbol('body source');

/** One getter for every body read on demand: objects that share it keep V8's fast properties. */
function readBody(this: { [BODY_SOURCE]: BodySource }): string[] {
  return this[BODY_SOURCE].read();
}

/** Makes `target.body` read from `source` each time it is asked for, without keeping it. */
export function readBodyFrom<T extends object>(target: T, source: BodySource): T & { body: string[] } {
  Object.defineProperty(target, BODY_SOURCE, { value: source, enumerable: false, writable: true, configurable: true });
  return Object.defineProperty(target, 'body', { get: readBody, enumerable: true, configurable: true }) as T & { body: string[] };
}

/** Where `record`'s body is read from, when it is read on demand. */
const bodySourceOf = (record: object): BodySource | undefined => (record as { [BODY_SOURCE]?: BodySource })[BODY_SOURCE];

/** Gives `target` the body of `record` as it is: read on demand where `record`'s is, the same array otherwise. */
export function withBodyOf<T extends object>(target: T, record: { body: string[] }): T & { body: string[] } {
  const source = bodySourceOf(record);
  return source ? readBodyFrom(target, source) : Object.assign(target, { body: record.body });
}

/** `JSON.stringify(record.body)`, taken as it is stored where the body is read on demand. */
export function bodyJson(record: { body: readonly string[] }): string {
  const source = bodySourceOf(record);
  return source ? source.json() : JSON.stringify(record.body);
}

/**
 * A copy of `record` that keeps its `body` as it is: a body read on demand (`ParsedFiles`) stays a
 * getter, where a spread would read it.
 */
export function copyRecord<T extends object>(record: T): T {
  const source = bodySourceOf(record);
  if (!source) return { ...record };
  // Field by field: copying property descriptors (one object each) cost 0.7 s of CPU at 100,000 records.
  const copy: Record<string, unknown> = {};
  for (const key of Object.keys(record)) if (key !== 'body') copy[key] = (record as Record<string, unknown>)[key];
  return readBodyFrom(copy, source) as T;
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
    tooLong('category', fields.category, LIMITS.category);
  if (oversize) return { reason: oversize };

  const title = cleanLine(fields.title);
  if (title === '') return { reason: 'title is empty' };
  const id = fields.id === null ? null : fields.id.trim();
  if (id === '') return { reason: 'id is empty' };
  // An id is the article's URL: cleaning it would silently change the address, and a lone surrogate
  // cannot be written in a URL at all.
  if (id !== null && hasInvisible(id)) return { reason: 'id holds a control, bidi or invisible character' };

  const cleaned = stripBoilerplate(fields.body.flatMap(cleanParagraphs));
  if (cleaned.body.length === 0) return { reason: 'body is empty' };

  const warn = (message: string): void => {
    warnings.push({ file, line, message });
  };
  let date: string | null = null;
  if (fields.date !== null && fields.date.trim() !== '') {
    const notes: string[] = [];
    date = parseDate(fields.date, notes);
    const why = notes.length > 0 ? ` (${notes.join('; ')})` : '';
    if (date === null) warn(`unreadable date ${quote(fields.date)}${why}: article kept undated`);
    else if (why !== '') warn(`date ${quote(fields.date)}${why}: date kept`);
  }

  const picture = readImage(fields.image);
  for (const problem of picture.problems) warn(`${problem}: article kept`);

  const readAlso = capped([...fields.readAlso.map(cleanLine), ...cleaned.readAlso].filter((t) => t !== ''), CAPS.readAlso, 'readAlso titles', warn);
  const given = [...fields.keywords.whole.map(cleanLine), ...cleaned.hashtags].filter((t) => t !== '');
  const fitting = given.filter((t) => t.length <= CAPS.tag);
  if (fitting.length < given.length) warn(`dropped ${count(given.length - fitting.length)} tags longer than ${CAPS.tag} characters`);
  const whole = capped(fitting, CAPS.tags, 'tags', warn);
  const joinedLine = fields.keywords.joined === null ? '' : cleanLine(fields.keywords.joined);
  const joined = joinedLine === '' ? null : capped(joinedLine.split(' '), CAPS.tags, 'keyword words', warn).join(' ');

  return {
    record: {
      file,
      line,
      id,
      title,
      body: cleaned.body,
      date,
      source: optionalLine(fields.source),
      url: sourceUrl(optionalLine(fields.url), warn),
      keywords: { joined, whole },
      readAlso,
      category: optionalLine(fields.category),
      image: picture.image,
    },
  };
}

/**
 * Text as it may be shown on a terminal: each control character (C0, DEL, C1) written as a JSON escape
 * (`\u001b`, `\n`), as no escape sequence from the input may reach the screen. Rejection reasons quote
 * the input (JSON's own errors do), so the CLI prints every reason, warning and file name through this.
 */
export const printable = (text: string): string =>
  text.replace(/\p{Cc}/gu, (c) =>
    c < ' ' ? JSON.stringify(c).slice(1, -1) : `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );

/** A value in a message: quoted, cut and escaped (`printable`), so no control character reaches a terminal. */
export const quote = (value: string): string =>
  printable(JSON.stringify(value.length > 80 ? `${value.slice(0, 80)}…` : value));

function capped<T>(items: T[], cap: number, what: string, warn: (message: string) => void): T[] {
  if (items.length <= cap) return items;
  warn(`has ${count(items.length)} ${what}: kept the first ${cap}`);
  return items.slice(0, cap);
}

/** The article's link to its source: only an absolute http(s) address, the rule the reader applies. */
function sourceUrl(url: string | null, warn: (message: string) => void): string | null {
  if (url === null) return null;
  if (url.length > CAPS.url) {
    warn(`url is ${count(url.length)} characters long (cap ${count(CAPS.url)}): dropped`);
    return null;
  }
  const href = safeExternalHref(url);
  if (href === null) warn(`url ${quote(url)} is not an absolute http(s) address: dropped`);
  return href;
}

/**
 * The JSON article shape (`.jsonl` lines and `.json` array elements): the fields an article cannot be
 * without. Unknown fields are ignored; optional fields of the wrong type are read by `jsonFields`.
 */
export const jsonArticleSchema = z.object({
  id: z.union([z.string(), z.number().finite()], { error: 'id is not text or a number' }).nullish(),
  title: z.string({ error: (issue) => (issue.input === undefined ? 'title is missing' : 'title is not text') }),
  body: z.union([z.string(), z.array(z.string())], {
    error: (issue) => (issue.input === undefined ? 'body is missing' : 'body is not text or a list of texts'),
  }),
});

function describe(issues: readonly z.core.$ZodIssue[]): string {
  const issue = issues[0];
  if (!issue) return 'invalid article';
  const message = issue.message;
  if (/^(title|body|id)\b/.test(message)) return message;
  const where = issue.path.length > 0 ? issue.path.join('.') : 'article';
  return `${where}: ${message}`;
}

/**
 * Optional fields of the wrong type cost the field, never the article: a number where a source belongs
 * is ignored, a list keeps its texts; each loss is a note (a warning once the article is kept).
 */
function optionalFields(raw: Record<string, unknown>, notes: string[]) {
  const text = (name: string): string | null => {
    const value = raw[name];
    if (value === undefined || value === null || typeof value === 'string') return value ?? null;
    notes.push(`${name} is not text: ignored`);
    return null;
  };
  const texts = (name: string): string[] | null => {
    const value = raw[name];
    if (value === undefined || value === null) return [];
    if (!Array.isArray(value)) return null;
    const kept = value.filter((v): v is string => typeof v === 'string');
    if (kept.length < value.length) notes.push(`${name}: ${value.length - kept.length} entries that are not text were ignored`);
    return kept;
  };
  const tags = typeof raw.tags === 'string' ? raw.tags : texts('tags');
  if (tags === null) notes.push('tags is not text or a list of texts: ignored');
  const readAlso = texts('readAlso');
  if (readAlso === null) notes.push('readAlso is not a list of texts: ignored');
  return {
    source: text('source'),
    url: text('url'),
    category: text('category'),
    keywords: typeof tags === 'string' ? { joined: tags, whole: [] } : { joined: null, whole: tags ?? [] },
    readAlso: readAlso ?? [],
    // Checked by `readImage` in `finishRecord`: a bad picture is dropped with a warning, never the article.
    image: raw.image ?? null,
  };
}

/** The fields the ingest reads (`publishedAt` is another name of `date`). */
const READ_FIELDS = new Set(['id', 'title', 'body', 'date', 'publishedAt', 'source', 'url', 'category', 'tags', 'readAlso', 'image']);
/**
 * Other names feeds give the same fields (RSS, Atom, schema.org, WordPress exports), read when the field's
 * own name is absent, in this order.
 */
const ALIASES: Readonly<Record<string, readonly string[]>> = {
  title: ['headline'],
  body: ['content', 'text', 'articleBody', 'description'],
  date: ['pubDate', 'datePublished', 'published'],
  url: ['link'],
  tags: ['keywords'],
};

/** `raw` with each absent field taken from its first alias present, and the names of the fields left unread. */
function withAliases(raw: Record<string, unknown>): { raw: Record<string, unknown>; unread: string[] } {
  const given = (name: string): boolean => raw[name] !== undefined && raw[name] !== null;
  let out = raw;
  const used = new Set<string>();
  for (const [field, aliases] of Object.entries(ALIASES)) {
    if (given(field) || (field === 'date' && given('publishedAt'))) continue;
    const alias = aliases.find(given);
    if (alias === undefined) continue;
    if (out === raw) out = { ...raw };
    out[field] = raw[alias];
    used.add(alias);
  }
  return { raw: out, unread: Object.keys(raw).filter((name) => !READ_FIELDS.has(name) && !used.has(name)) };
}

/**
 * The record fields of one parsed JSON value, notes on what was ignored, and the names of the fields the
 * ingest did not read; or the reason it is not an article.
 */
export function jsonFields(value: unknown): { fields: RecordFields; notes: string[]; unread: string[] } | { reason: string } {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { reason: `expected an article object, got ${value === null ? 'null' : Array.isArray(value) ? 'an array' : typeof value}` };
  }
  const { raw, unread } = withAliases(value as Record<string, unknown>);
  const parsed = jsonArticleSchema.safeParse(raw);
  if (!parsed.success) return { reason: describe(parsed.error.issues) };
  const a = parsed.data;
  const rawDate = raw.date ?? raw.publishedAt;
  const date =
    rawDate === undefined || rawDate === null
      ? null
      : typeof rawDate === 'string'
        ? rawDate
        : ((typeof rawDate === 'number' && unixTime(rawDate)) || JSON.stringify(rawDate));
  const notes: string[] = [];
  return {
    fields: {
      id: a.id === undefined || a.id === null ? null : String(a.id),
      title: a.title,
      body: typeof a.body === 'string' ? [a.body] : a.body,
      date,
      ...optionalFields(raw, notes),
    },
    notes,
    unread,
  };
}
