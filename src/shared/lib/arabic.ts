/**
 * Arabic text for matching (never for display): the one normaliser used by the ingest, tags, topics and
 * search. Everything here is pure and runs in Node and the browser alike.
 *
 * `normalizeArabic` runs over every paragraph of 100,000+ articles, so it is a single pass over UTF-16 code
 * units driven by a lookup table built once at module load, not a chain of regex replacements.
 */

/** Table actions; any other value is the replacement code unit. */
const KEEP = 0;
const DROP = 1;
const SPACE = 2;
const EXPAND = 3;

const TABLE = new Uint16Array(0x10000);
/** Presentation forms and ligatures whose compatibility form is more than one character. */
const EXPANSIONS = new Map<number, string>();

function setRange(from: number, to: number, action: number): void {
  for (let c = from; c <= to; c++) TABLE[c] = action;
}

function mapChars(chars: string, to: string): void {
  const code = to.charCodeAt(0);
  for (const ch of chars) TABLE[ch.charCodeAt(0)] = code;
}

function buildTable(): void {
  // Control characters and every Unicode space are word separators.
  setRange(0x00, 0x1f, SPACE);
  TABLE[0x20] = SPACE;
  setRange(0x7f, 0x9f, SPACE);
  for (const c of [0xa0, 0x1680, 0x2028, 0x2029, 0x202f, 0x205f, 0x3000]) TABLE[c] = SPACE;
  setRange(0x2000, 0x200a, SPACE);

  // Invisible marks glue onto words in copied text (bidi isolates around numbers, ZWNJ in Persian
  // spellings, a BOM at a file start): dropping them lets the word match its plain spelling.
  setRange(0x200b, 0x200f, DROP);
  setRange(0x202a, 0x202e, DROP);
  setRange(0x2066, 0x2069, DROP);
  TABLE[0xfeff] = DROP;
  TABLE[0x061c] = DROP;
  TABLE[0x00ad] = DROP;

  // Tashkeel, the superscript alef, Quranic annotation marks and tatweel.
  setRange(0x0610, 0x061a, DROP);
  setRange(0x064b, 0x065f, DROP);
  TABLE[0x0670] = DROP;
  setRange(0x06d6, 0x06dc, DROP);
  setRange(0x06df, 0x06e8, DROP);
  setRange(0x06ea, 0x06ed, DROP);
  TABLE[0x0640] = DROP;

  mapChars('أإآٱ', 'ا');
  mapChars('ىیيۍې', 'ي');
  mapChars('ئ', 'ي');
  mapChars('ؤ', 'و');
  mapChars('ةہۀھە', 'ه');
  mapChars('ک', 'ك');
  for (let d = 0; d < 10; d++) {
    TABLE[0x0660 + d] = 0x30 + d;
    TABLE[0x06f0 + d] = 0x30 + d;
  }
  mapChars('٫', '.');
  mapChars('٬', ',');

  mapChars('«»“”„‟″"\'‘’‚‛′`', '"');

  // Latin (with Latin-1 and Extended-A/B letters) in lower case; other scripts are left alone.
  for (let c = 0x41; c <= 0x24f; c++) {
    if (TABLE[c] !== KEEP) continue;
    const lower = String.fromCharCode(c).toLowerCase();
    if (lower.length === 1 && lower.charCodeAt(0) !== c) TABLE[c] = lower.charCodeAt(0);
  }

  // Arabic presentation forms (old PDFs and some CMSs emit them) fold to their base letters.
  const presentation: Array<[number, number]> = [
    [0xfb50, 0xfdff],
    [0xfe70, 0xfefc],
  ];
  for (const [from, to] of presentation) {
    for (let c = from; c <= to; c++) {
      const folded = String.fromCharCode(c).normalize('NFKC');
      if (folded === String.fromCharCode(c)) continue;
      if (folded.length === 1) {
        const base = folded.charCodeAt(0);
        const action = TABLE[base] ?? KEEP;
        TABLE[c] = action === KEEP ? base : action;
      } else {
        TABLE[c] = EXPAND;
        EXPANSIONS.set(c, folded);
      }
    }
  }
}

buildTable();

/** Output buffer reused across calls: normalisation allocates only the result string. */
let buffer = new Uint16Array(1024);
let length = 0;
let pendingSpace = false;
/** Whether the output holds a surrogate code unit, which the fast decoder could not pass through as is. */
let hasSurrogate = false;

function push(code: number): void {
  if (pendingSpace) {
    if (length > 0) buffer[length++] = 0x20;
    pendingSpace = false;
  }
  if (length + 2 > buffer.length) grow(length + 2);
  if (code >= 0xd800 && code <= 0xdfff) hasSurrogate = true;
  buffer[length++] = code;
}

function grow(needed: number): void {
  let size = buffer.length * 2;
  while (size < needed) size *= 2;
  const grown = new Uint16Array(size);
  grown.set(buffer.subarray(0, length));
  buffer = grown;
}

/** The slow path, for expansions (whose characters may be actions themselves). */
function emit(code: number): void {
  const action = TABLE[code] ?? KEEP;
  if (action === KEEP) push(code);
  else if (action === SPACE) pendingSpace = true;
  else if (action === EXPAND) {
    const expansion = EXPANSIONS.get(code) ?? '';
    for (let j = 0; j < expansion.length; j++) emit(expansion.charCodeAt(j));
  } else if (action !== DROP) push(action);
}

/**
 * Normalises `text` into `buffer[0, length)`. The loop inlines the common actions: this runs over every
 * paragraph of 100,000+ articles, and a call per character was most of its cost.
 */
function normalizeIntoBuffer(text: string): void {
  length = 0;
  pendingSpace = false;
  hasSurrogate = false;
  // Every character gives at most one code unit plus a space, except expansions, which go through push.
  if (buffer.length < text.length * 2 + 2) grow(text.length * 2 + 2);
  const table = TABLE;
  let out = buffer;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    const action = table[code]!;
    if (action === SPACE) {
      pendingSpace = true;
      continue;
    }
    if (action === DROP) continue;
    if (action === EXPAND) {
      emit(code);
      out = buffer;
      continue;
    }
    if (length + 2 > out.length) {
      grow(length + 2);
      out = buffer;
    }
    if (pendingSpace) {
      if (length > 0) out[length++] = 0x20;
      pendingSpace = false;
    }
    if (action === KEEP) {
      if (code >= 0xd800 && code <= 0xdfff) hasSurrogate = true;
      out[length++] = code;
    } else {
      out[length++] = action;
    }
  }
}

const DECODE_CHUNK = 8192;

// Reflect.apply takes a typed array as the argument list; spreading one goes through the iterator and
// is 3× slower.
const decode = (codes: Uint16Array): string => Reflect.apply(String.fromCharCode, null, codes) as string;

// Decoding the UTF-16 bytes natively is about 4× faster than String.fromCharCode. It would replace lone
// surrogates with U+FFFD, so text holding any surrogate takes the exact path. ignoreBOM: U+FEFF is text.
const utf16 = typeof TextDecoder === 'undefined' ? null : new TextDecoder('utf-16le', { ignoreBOM: true });

function bufferToString(from: number, to: number): string {
  if (to - from === 0) return '';
  if (utf16 !== null && !hasSurrogate) return utf16.decode(buffer.subarray(from, to));
  if (to - from <= DECODE_CHUNK) return decode(buffer.subarray(from, to));
  const parts: string[] = [];
  for (let i = from; i < to; i += DECODE_CHUNK) parts.push(decode(buffer.subarray(i, Math.min(to, i + DECODE_CHUNK))));
  return parts.join('');
}

/**
 * The matching form of a text: no tashkeel or tatweel, one spelling per letter family, ASCII digits,
 * straight double quotes, lower-case Latin, no invisible marks, single spaces, trimmed.
 */
export function normalizeArabic(text: string): string {
  normalizeIntoBuffer(text);
  return bufferToString(0, length);
}

const WORD_CHAR = /[\p{L}\p{N}\p{M}]/u;
/**
 * 1 where a BMP code unit is a letter, digit or mark; surrogates are decided per code point. Built on
 * first use so that a page which never tokenises does not pay for it.
 */
let isWordTable: Uint8Array | null = null;

function wordTable(): Uint8Array {
  if (isWordTable !== null) return isWordTable;
  const table = new Uint8Array(0x10000);
  for (let c = 0; c < 0x10000; c++) {
    if (c < 0xd800 || c > 0xdfff) table[c] = WORD_CHAR.test(String.fromCharCode(c)) ? 1 : 0;
  }
  isWordTable = table;
  return table;
}

/** Normalised word tokens: runs of letters, digits and marks; spaces and punctuation split. */
export function tokenize(text: string): string[] {
  const normal = normalizeArabic(text);
  const isWord = wordTable();
  const tokens: string[] = [];
  let start = -1;
  for (let i = 0; i < normal.length; i++) {
    const c = normal.charCodeAt(i);
    let word: boolean;
    let width = 1;
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < normal.length) {
      const low = normal.charCodeAt(i + 1);
      width = low >= 0xdc00 && low <= 0xdfff ? 2 : 1;
      word = width === 2 && WORD_CHAR.test(normal.slice(i, i + 2));
    } else {
      word = isWord[c] === 1;
    }
    if (word) {
      if (start < 0) start = i;
    } else if (start >= 0) {
      tokens.push(normal.slice(start, i));
      start = -1;
    }
    i += width - 1;
  }
  if (start >= 0) tokens.push(normal.slice(start));
  return tokens;
}

/**
 * Proclitics, longest first: conjunction (و ف), then preposition (ب ك ل), then the article (ال). ل before
 * ال is written لل, so «للمنطقة» is ل + المنطقة.
 */
const CLITICS: readonly string[] = (() => {
  const list = new Set<string>();
  for (const conj of ['', 'و', 'ف']) {
    for (const prep of ['', 'ب', 'ك', 'ل']) {
      for (const art of ['', 'ال']) {
        const prefix = prep === 'ل' && art === 'ال' ? conj + 'لل' : conj + prep + art;
        if (prefix !== '') list.add(prefix);
      }
    }
  }
  return [...list].sort((a, b) => b.length - a.length || (a < b ? -1 : 1));
})();

/** A bare form shorter than this is never taken: «وي» is not و + ي. */
const MIN_BARE = 2;

/**
 * The known bare form behind a token's proclitics («وبأوكرانيا» → «اوكرانيا»), or the token unchanged
 * when it is itself known or no stripped form is. `token` must already be normalised. Tries the longest
 * prefix first, and for a prefix ending in لل also the form with its article restored («للامم» → «الامم»).
 */
export function stripClitics(token: string, isKnown: (bare: string) => boolean): string {
  if (isKnown(token)) return token;
  for (const prefix of CLITICS) {
    if (token.length - prefix.length < MIN_BARE || !token.startsWith(prefix)) continue;
    const rest = token.slice(prefix.length);
    if (isKnown(rest)) return rest;
    if (prefix.endsWith('لل') && isKnown('ال' + rest)) return 'ال' + rest;
  }
  return token;
}

/**
 * A URL slug: the label's normalised tokens joined by `-` (Arabic stays Arabic). Punctuation goes, so
 * «كوفيد-19» and «كوفيد 19» share a slug. A label with no letters or digits keeps its normalised form.
 */
export function slugify(label: string): string {
  const tokens = tokenize(label);
  if (tokens.length > 0) return tokens.join('-');
  return normalizeArabic(label).replace(/ /g, '-');
}
