import { normalizeArabic } from '../../src/shared/lib/arabic.ts';

/**
 * Finding a fixed heading («اقرأ أيضاً», «المصدر», «كلمات دلالية») at the start of a line whatever its
 * hamza, tashkeel, tatweel or spacing, and even glued to the text after it («اقرأ أيضاًالخارجية…»).
 */

export interface HeadingMatch {
  /** The raw text after the heading and its punctuation, trimmed. */
  rest: string;
  /** The heading was followed by a colon (or «|»). */
  colon: boolean;
  /** The heading was followed by a dash («للمزيد - …»). */
  dash: boolean;
}

function key(text: string): string {
  return normalizeArabic(text).replace(/ /g, '');
}

const HEADING_PUNCTUATION = /^[\s:：|\-–—]*/;

/**
 * Matches `heading` at the start of `line` by comparing normalised letters one raw character at a time, so
 * the cut falls exactly after the heading in the raw text. Spaces inside the heading are optional.
 */
export function matchHeading(line: string, heading: string): HeadingMatch | null {
  const target = key(heading);
  let matched = 0;
  let i = 0;
  for (; i < line.length && matched < target.length; i++) {
    const folded = key(line[i]!);
    if (folded === '') continue;
    if (!target.startsWith(folded, matched)) return null;
    matched += folded.length;
  }
  if (matched < target.length) return null;
  // Marks that fold to nothing (the tanween of «أيضاً», tatweel) still belong to the heading.
  while (i < line.length && key(line[i]!) === '' && !/\s/.test(line[i]!)) i++;
  const after = line.slice(i);
  const punctuation = HEADING_PUNCTUATION.exec(after)?.[0] ?? '';
  return {
    rest: after.slice(punctuation.length).trim(),
    colon: /[:：|]/.test(punctuation),
    dash: /[-–—]/.test(punctuation),
  };
}

/** «اقرأ أيضاً» in its spellings (إقرأ، اقرا، أيضا …). */
export const READ_ALSO = 'اقرأ أيضا';
