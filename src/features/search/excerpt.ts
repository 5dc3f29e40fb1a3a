/**
 * Pagefind's excerpt is HTML-ish: the text with `<` and `>` escaped and matched words wrapped in `<mark>`.
 * It is built from article text, which is untrusted, so it is never handed to `innerHTML`: it is parsed
 * here into plain text and marked runs, and React renders those as text.
 */
import { matchesTerms } from '../../shared/lib/search-terms.ts';

export interface Segment {
  text: string;
  mark: boolean;
}

const ENTITIES: Record<string, string> = { '&lt;': '<', '&gt;': '>' };

/** Only the two entities Pagefind writes are decoded; anything else is text as it stands. */
function decode(text: string): string {
  return text.replace(/&lt;|&gt;/g, (e) => ENTITIES[e] ?? e);
}

function append(segments: Segment[], text: string, mark: boolean): void {
  if (text === '') return;
  const last = segments.at(-1);
  if (last && last.mark === mark) last.text += text;
  else segments.push({ text, mark });
}

/** Punctuation at either end of a marked word is not the word: «روسيا..» marks «روسيا». */
const EDGE_PUNCTUATION = /^([\p{P}\p{S}]*)(.*?)([\p{P}\p{S}]*)$/su;

function push(segments: Segment[], text: string, mark: boolean): void {
  const [, before = '', word = '', after = ''] = (mark && EDGE_PUNCTUATION.exec(text)) || [];
  if (word === '') return append(segments, text, false);
  append(segments, before, false);
  append(segments, word, true);
  append(segments, after, false);
}

/** Splits an excerpt on `<mark>`/`</mark>`; every other `<…>` stays literal text. */
export function parseExcerpt(excerpt: string): Segment[] {
  const segments: Segment[] = [];
  let mark = false;
  for (const part of excerpt.split(/(<\/?mark>)/)) {
    if (part === '<mark>') mark = true;
    else if (part === '</mark>') mark = false;
    else push(segments, decode(part), mark);
  }
  return segments;
}

/** Marks the words of plain text that match the query terms (see `matchesTerms`). */
export function highlightText(text: string, terms: readonly string[]): Segment[] {
  const segments: Segment[] = [];
  for (const part of text.split(/(\s+)/)) {
    push(segments, part, part.trim() !== '' && matchesTerms(part, terms));
  }
  return segments;
}

/** The end of a sentence (or of a quote that ends one): an excerpt that stops elsewhere was cut. */
const SENTENCE_END = /[.!?؟…»"”)]\s*$/;

/**
 * Pagefind's marks when it made any, else our own over the excerpt's text; «…» where the excerpt stops
 * mid-sentence, as the list cards' excerpts do.
 */
export function excerptSegments(excerpt: string, terms: readonly string[]): Segment[] {
  const parsed = parseExcerpt(excerpt);
  const segments = parsed.some((s) => s.mark) ? parsed : highlightText(parsed.map((s) => s.text).join(''), terms);
  const text = segments.map((s) => s.text).join('');
  if (text.trim() !== '' && !SENTENCE_END.test(text)) append(segments, '…', false);
  return segments;
}
