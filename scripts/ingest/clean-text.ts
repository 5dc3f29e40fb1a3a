/**
 * Display text from untrusted input: plain text without markup, invisible marks or stray spaces. Tashkeel
 * and spelling stay as written (that is the matching normaliser's business, never the reader's).
 */

const NAMED_ENTITIES: Record<string, string> = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', laquo: '«', raquo: '»', hellip: '…',
  ndash: '–', mdash: '—', lsquo: '‘', rsquo: '’', ldquo: '“', rdquo: '”', shy: '', zwnj: '', zwj: '',
  lrm: '', rlm: '', bull: '•', middot: '·', copy: '©', reg: '®',
};

function decodeEntity(whole: string, body: string): string {
  if (body.startsWith('#')) {
    const code = body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
    if (!Number.isFinite(code) || code <= 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return '';
    return String.fromCodePoint(code);
  }
  return NAMED_ENTITIES[body.toLowerCase()] ?? whole;
}

const BLOCK_TAG = /<\s*\/?\s*(?:p|br|div|li|ul|ol|h[1-6]|blockquote|section|article|tr|table)\b[^>]*>/gi;
const ANY_TAG = /<\/?[A-Za-z][^<>]*>|<!--[\s\S]*?-->/g;
const DROPPED_ELEMENTS = /<(script|style)\b[^>]*>[\s\S]*?<\/\1\s*>/gi;
const ENTITY = /&(#\d{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z]{2,8});/g;

/** Markup to text: scripts and styles dropped, block elements become line breaks, entities decoded. */
export function stripHtml(text: string): string {
  if (!text.includes('<') && !text.includes('&')) return text;
  return text
    .replace(DROPPED_ELEMENTS, ' ')
    .replace(BLOCK_TAG, '\n')
    .replace(ANY_TAG, '')
    .replace(ENTITY, decodeEntity);
}

// Bidi controls, zero-width characters, BOM and soft hyphen: invisible in print, harmful in matching and
// in copy-paste, and a bidi override or embedding would reorder the page around the text it sits in
// (docs/decisions/041-hostile-input.md). ZWNJ (U+200C) is kept out too: Arabic script never needs it.
// So are the other format characters a reader never sees (the combining grapheme joiner, Hangul and
// Mongolian fillers and separators, the deprecated U+206A–U+206F, interlinear annotation marks, the
// Unicode "tag" characters that can hide text, U+E0000–U+E007F): two ids or titles must not look the same
// and differ. Control characters, noncharacters (U+FDD0–U+FDEF and the last two of every plane) and lone
// surrogates go with them: XML 1.0 forbids them in feeds, HTML turns them into other characters than the
// hydration data holds, and Pagefind refuses a lone surrogate. Variation selectors stay (emoji need them).
const INVISIBLE_CLASS =
  '\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\u007F-\\u009F\\u00AD\\u034F\\u061C\\u115F\\u1160\\u17B4\\u17B5\\u180B-\\u180F\\u200B-\\u200F\\u202A-\\u202E\\u2060-\\u2064\\u2066-\\u206F\\u3164\\uFDD0-\\uFDEF\\uFEFF\\uFFA0\\uFFF0-\\uFFFB\\uFFFE\\uFFFF';
// Outside the basic plane, as surrogate pairs: the tag characters, and U+1FFFE … U+10FFFF's noncharacters.
const ASTRAL_INVISIBLE = '\\uDB40[\\uDC00-\\uDC7F]|[\\uD83F\\uD87F\\uD8BF\\uD8FF\\uD93F\\uD97F\\uD9BF\\uD9FF\\uDA3F\\uDA7F\\uDABF\\uDAFF\\uDB3F\\uDB7F\\uDBBF\\uDBFF][\\uDFFE\\uDFFF]';
const LONE_SURROGATE = '[\\uD800-\\uDBFF](?![\\uDC00-\\uDFFF])|(?<![\\uD800-\\uDBFF])[\\uDC00-\\uDFFF]';
// eslint-disable-next-line no-misleading-character-class -- escaped marks (U+034F, U+180B), each a class member of its own
const INVISIBLE = new RegExp(`[${INVISIBLE_CLASS}]|${ASTRAL_INVISIBLE}|${LONE_SURROGATE}`, 'g');
// eslint-disable-next-line no-misleading-character-class -- escaped marks (U+034F, U+180B), each a class member of its own
const HAS_INVISIBLE = new RegExp(INVISIBLE.source);

// Arabic presentation forms (letters in one shape, from old PDFs and legacy systems) do not join their
// neighbours on screen: they are shown as the letters they stand for. Not the word ligatures from U+FDF0
// (ﷺ, ﷲ), which readers write as signs.
const PRESENTATION = /[\uFB50-\uFDCF\uFE70-\uFEFC]+/g;
const toLetters = (forms: string): string => forms.normalize('NFKC');

/** Whether text holds what cleanLine removes as invisible: for an id, which must not change silently. */
export const hasInvisible = (text: string): boolean => HAS_INVISIBLE.test(text);
const SPACES = /[\s\u00A0\u1680\u2000-\u200A\u2028\u2029\u202F\u205F\u3000]+/g;

// Anything cleanLine would change; most feed text has none of it, and one native scan is cheaper than
// three replaces.
const CHANGED = `<&\\s\\u00A0\\u1680\\u2000-\\u200F\\u2028-\\u202F\\u205F\\u3000\\uD800-\\uDFFF\\uFB50-\\uFDCF\\uFE70-\\uFEFC${INVISIBLE_CLASS}`;
// eslint-disable-next-line no-misleading-character-class -- escaped marks (U+034F, U+180B), each a class member of its own
const NEEDS_CLEANING = new RegExp(`[${CHANGED}]`);
// eslint-disable-next-line no-misleading-character-class -- escaped marks (U+034F, U+180B), each a class member of its own
const ONLY_SINGLE_SPACES = new RegExp(`^(?:[^${CHANGED}]+ )*[^${CHANGED}]+$`);

function isClean(text: string): boolean {
  return !NEEDS_CLEANING.test(text) || ONLY_SINGLE_SPACES.test(text);
}

/** One line of display text: markup stripped, invisible marks removed, spaces collapsed, trimmed. */
export function cleanLine(text: string): string {
  if (isClean(text)) return text;
  return stripHtml(text).replace(INVISIBLE, '').replace(PRESENTATION, toLetters).replace(SPACES, ' ').trim();
}

/** Paragraphs of display text: markup line breaks split paragraphs; empty ones are dropped. */
export function cleanParagraphs(text: string): string[] {
  if (isClean(text)) return text === '' ? [] : [text];
  return stripHtml(text)
    .split(/\r?\n|\r|\u2029/)
    .map((line) => line.replace(INVISIBLE, '').replace(PRESENTATION, toLetters).replace(SPACES, ' ').trim())
    .filter((line) => line !== '');
}
