import { z } from 'zod';
import type { ArticleImage } from '../../src/data/schema.ts';
import { safeExternalHref } from '../../src/shared/lib/hrefs.ts';
import { cleanLine } from './clean-text.ts';

/**
 * An article's `image` as the input gives it: a URL string, or `{src, alt?, caption?, credit?, width?,
 * height?}`. A picture is never a reason to lose its article: whatever cannot be shown is dropped and said
 * in a warning, and the article is kept.
 */

/** Beyond these sizes a field is a feed bug (the same spirit as record.ts's LIMITS). */
const MAX_SRC = 2_000;
const MAX_TEXT = 1_000;

const optionalText = z.string().nullish().catch(null);
const dimension = z.number().int().positive().max(20_000).nullish();

const imageObjectSchema = z.object({
  src: z.string({ error: (issue) => (issue.input === undefined ? 'src is missing' : 'src is not text') }),
  alt: optionalText,
  caption: optionalText,
  credit: optionalText,
  width: z.unknown().optional(),
  height: z.unknown().optional(),
});

export interface ImageReading {
  image: ArticleImage | null;
  /** What was dropped and why, in plain English, when something was. */
  problems: string[];
}

function text(value: string | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  const line = cleanLine(value.slice(0, MAX_TEXT));
  return line === '' ? null : line;
}

const shortened = (value: string): string => (value.length > 80 ? `${value.slice(0, 80)}…` : value);

export function readImage(value: unknown): ImageReading {
  if (value === null || value === undefined) return { image: null, problems: [] };
  const problems: string[] = [];
  if (typeof value !== 'string' && (typeof value !== 'object' || Array.isArray(value))) {
    return { image: null, problems: ['image dropped: not a URL or an object'] };
  }
  const parsed = imageObjectSchema.safeParse(typeof value === 'string' ? { src: value } : value);
  if (!parsed.success) return { image: null, problems: [`image dropped: ${parsed.error.issues[0]?.message ?? 'invalid'}`] };
  const raw = parsed.data;
  const src = raw.src.trim();
  if (src.length > MAX_SRC) return { image: null, problems: [`image dropped: src is ${src.length} characters long (limit ${MAX_SRC})`] };
  const safe = safeExternalHref(src, { siteRelative: true });
  if (safe === null) {
    return { image: null, problems: [`image dropped: "${shortened(src)}" is not an http(s) or site-relative (/…) address`] };
  }
  const width = dimension.safeParse(raw.width);
  const height = dimension.safeParse(raw.height);
  let size: { width: number | null; height: number | null } = { width: null, height: null };
  if (width.success && height.success && width.data != null && height.data != null) {
    size = { width: width.data, height: height.data };
  } else if (raw.width != null || raw.height != null) {
    problems.push('image width/height ignored: both must be positive whole numbers');
  }
  return {
    image: { src: safe, alt: text(raw.alt), caption: text(raw.caption), credit: text(raw.credit), ...size },
    problems,
  };
}
