import { isUtf8, transcode } from 'node:buffer';
import { jsonErrorMessage } from './json-error.ts';
import { finishRecord, jsonFields, type ParseResult, type RawRecord } from './record.ts';

/**
 * `.jsonl` (one article per line) and `.json` (an array of articles). Each bad line or element is
 * rejected with its line number while every good one is kept; bytes are decoded strictly so a broken
 * encoding is reported instead of turning into replacement characters in print.
 */

const decoder = new TextDecoder('utf-8', { fatal: true });

function decode(bytes: Uint8Array): string | null {
  try {
    return decoder.decode(bytes);
  } catch {
    return null;
  }
}

/**
 * What becomes of each record as soon as it is parsed, before the next line is read: the parsed-file cache
 * (`ParsedFiles`) writes its body out and keeps a record that reads it back on demand.
 */
export type KeepRecord = (record: RawRecord) => RawRecord;
const asIs: KeepRecord = (record) => record;

function addRecord(result: ParseResult, file: string, line: number, value: unknown, keep: KeepRecord = asIs): void {
  const fields = jsonFields(value);
  if ('reason' in fields) {
    result.rejections.push({ file, line, reason: fields.reason });
    return;
  }
  const finished = finishRecord(file, line, fields.fields, result.warnings);
  if ('reason' in finished) {
    result.rejections.push({ file, line, reason: finished.reason });
    return;
  }
  result.records.push(keep(finished.record));
  for (const message of fields.notes) result.warnings.push({ file, line, message });
}

function firstError(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** A whole file as text, without the byte order mark editors on Windows write (it is no JSON); null when not UTF-8. */
function decodeFile(bytes: Uint8Array): string | null {
  return decode(bytes)?.replace(/^\uFEFF/, '') ?? null;
}

/** Above this a file is decoded in pieces, so no transient buffer grows with the file. */
const DECODE_PIECE = 16 << 20;

/**
 * Valid UTF-8 to a string. ICU's transcode to UTF-16 plus a copy is about 4× faster than V8's UTF-8
 * decoder on Arabic text (measured: 30 MB in 55 ms against 210 ms); the input is valid, so both give the
 * same string. Large files go piecewise, cut after a newline so no character is split.
 */
function decodeValidUtf8(bytes: Uint8Array): string {
  const parts: string[] = [];
  let start = 0;
  while (start < bytes.length) {
    let end = Math.min(bytes.length, start + DECODE_PIECE);
    if (end < bytes.length) {
      const newline = bytes.lastIndexOf(0x0a, end - 1);
      end = newline >= start ? newline + 1 : bytes.indexOf(0x0a, end) + 1 || bytes.length;
    }
    parts.push(transcode(bytes.subarray(start, end), 'utf8', 'utf16le').toString('utf16le'));
    start = end;
  }
  return parts.join('');
}

/**
 * The lines of a file, null where a line is not valid UTF-8. A valid file (the usual case) is checked and
 * decoded in one native pass; only a broken one is decoded line by line to find the bad lines.
 */
export function decodeLines(bytes: Uint8Array): Array<string | null> {
  if (isUtf8(bytes)) {
    const text = decodeValidUtf8(bytes);
    return (text.startsWith('\uFEFF') ? text.slice(1) : text).split('\n');
  }
  const lines: Array<string | null> = [];
  let start = 0;
  while (start <= bytes.length) {
    let end = bytes.indexOf(0x0a, start);
    if (end === -1) end = bytes.length;
    lines.push(decode(bytes.subarray(start, end)));
    start = end + 1;
  }
  return lines;
}

/** One line of a `.jsonl` file (null: not valid UTF-8) into `result`. */
function jsonlLine(result: ParseResult, file: string, line: number, text: string | null | undefined, keep: KeepRecord): void {
  if (text === null || text === undefined) {
    result.rejections.push({ file, line, reason: 'invalid UTF-8' });
    return;
  }
  const trimmed = text.trim();
  if (trimmed === '') return;
  let value: unknown;
  try {
    value = JSON.parse(trimmed);
  } catch (error) {
    result.rejections.push({ file, line, reason: `not valid JSON (${firstError(error)})` });
    return;
  }
  addRecord(result, file, line, value, keep);
}

export function parseJsonl(bytes: Uint8Array, file: string, keep: KeepRecord = asIs): ParseResult {
  const result: ParseResult = { records: [], rejections: [], warnings: [] };
  decodeLines(bytes).forEach((text, i) => jsonlLine(result, file, i + 1, text, keep));
  return result;
}

/**
 * `.jsonl` read piece by piece (a file stream's chunks): the same records, rejections and line numbers as
 * `parseJsonl` on the whole file, with no buffer or string the size of the file, so a file of any size is
 * read (a whole-file read stops at Node's 2 GiB buffer and 512 MB string limits). Pieces are cut after a
 * newline byte, which is never inside a UTF-8 sequence; a line may span any number of chunks.
 */
export async function parseJsonlStream(chunks: AsyncIterable<Uint8Array>, file: string, keep: KeepRecord = asIs): Promise<ParseResult> {
  const result: ParseResult = { records: [], rejections: [], warnings: [] };
  let line = 0;
  for await (const lines of streamLines(chunks)) for (const text of lines) jsonlLine(result, file, ++line, text, keep);
  return result;
}

/**
 * The lines of a stream of bytes (`decodeLines`), a batch a chunk: pieces are cut after a newline byte,
 * which is never inside a UTF-8 sequence; a line may span any number of chunks. The last batch ends with
 * the text after the last newline (empty when the stream ends with one), as `decodeLines` gives it.
 */
export async function* streamLines(chunks: AsyncIterable<Uint8Array>): AsyncGenerator<Array<string | null>> {
  let pending: Uint8Array[] = [];
  for await (const chunk of chunks) {
    const end = chunk.lastIndexOf(0x0a) + 1;
    if (end === 0) {
      pending.push(chunk);
      continue;
    }
    const lines = decodeLines(pending.length === 0 ? chunk.subarray(0, end) : Buffer.concat([...pending, chunk.subarray(0, end)]));
    // A piece that ends with a newline splits into one more, empty text, which is not a line of the stream.
    lines.pop();
    yield lines;
    pending = end < chunk.length ? [chunk.subarray(end)] : [];
  }
  yield decodeLines(Buffer.concat(pending));
}

/** A top-level element of a JSON array: where its text starts and ends, and its 1-based first line. */
interface ArrayElement {
  line: number;
  start: number;
  end: number;
}

/**
 * Calls `visit` with each character of `text` outside JSON strings (a string's opening quote included) and
 * its 1-based line, until `visit` returns false.
 */
function scanJson(text: string, visit: (i: number, c: string, line: number) => boolean | void): void {
  let line = 1;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === '\n') line++;
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
      continue;
    }
    if (c === '"') inString = true;
    if (visit(i, c, line) === false) return;
  }
}

/**
 * The top-level elements of a JSON array, found by their commas and brackets outside strings, so that
 * each can be parsed alone when the whole is not valid JSON; and where the text goes on after the array
 * closed (`rest`), if it does.
 */
function arrayElements(text: string): { elements: ArrayElement[]; rest: { line: number } | null } {
  const elements: ArrayElement[] = [];
  let current: ArrayElement | null = null;
  let rest: { line: number } | null = null;
  let depth = 0;
  let opened = false;
  let closed = false;
  const close = (at: number): void => {
    if (current) elements.push({ ...current, end: at });
    current = null;
  };
  scanJson(text, (i, c, line) => {
    if (c === ' ' || c === '\t' || c === '\r' || c === '\n') return;
    // Before the array opened or after it closed, nothing is an element.
    if (closed || (!opened && c !== '[')) {
      rest = { line };
      return false;
    }
    if (!opened) {
      opened = true;
      depth = 1;
      return;
    }
    if (depth === 1 && current === null && c !== ']' && c !== ',') current = { line, start: i, end: i };
    if (c === '[' || c === '{') depth++;
    else if (c === ']' || c === '}') {
      depth--;
      if (depth === 0) {
        close(i);
        closed = true;
      }
    } else if (c === ',' && depth === 1) close(i);
  });
  if (!rest) close(text.length);
  return { elements, rest };
}

/**
 * Objects one after another (articles pretty-printed over several lines, or `{…}{…}`): each balanced
 * `{…}` at the top with its first line, anything else at the top skipped. An object left open runs to the
 * end of the text (and is rejected when parsed).
 */
function objectSequence(text: string): ArrayElement[] {
  const elements: ArrayElement[] = [];
  let current: ArrayElement | null = null;
  let depth = 0;
  scanJson(text, (i, c, line) => {
    if (depth === 0) {
      if (c === '{') {
        current = { line, start: i, end: i };
        depth = 1;
      }
    } else if (c === '{' || c === '[') depth++;
    else if ((c === '}' || c === ']') && --depth === 0) {
      elements.push({ ...current!, end: i + 1 });
      current = null;
    }
  });
  if (current) elements.push({ ...(current as ArrayElement), end: text.length });
  return elements;
}

/** The 1-based line where each top-level element of a JSON array starts. */
export function elementLines(text: string): number[] {
  return arrayElements(text).elements.map((e) => e.line);
}

function firstBadLine(bytes: Uint8Array): number {
  const bad = decodeLines(bytes).indexOf(null);
  return bad === -1 ? 1 : bad + 1;
}

export function parseJsonArray(bytes: Uint8Array, file: string): ParseResult {
  const result: ParseResult = { records: [], rejections: [], warnings: [] };
  const text = decodeFile(bytes);
  if (text === null) {
    result.rejections.push({ file, line: firstBadLine(bytes), reason: 'invalid UTF-8: the whole file was skipped' });
    return result;
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return parseBrokenArray(text, file, jsonErrorMessage(error, text), result);
  }
  if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
    result.warnings.push({ file, line: 1, message: ONE_OBJECT });
    addRecord(result, file, 1, value);
    return result;
  }
  if (!Array.isArray(value)) {
    result.rejections.push({ file, line: 1, reason: 'expected a JSON array of articles: the whole file was skipped' });
    return result;
  }
  const lines = elementLines(text);
  value.forEach((element, index) => addRecord(result, file, lines[index] ?? index + 1, element));
  return result;
}

/**
 * An array that is not valid JSON as a whole (a comma missing in one article, a stray quote): each
 * element parsed alone, so that a bad one is rejected at its line and every good one is kept. Text that
 * begins with an object is read as objects one after another; other text that is no array is rejected
 * whole; text after the array's end is rejected at its line.
 */
function parseBrokenArray(text: string, file: string, error: string, result: ParseResult): ParseResult {
  if (text.trimStart().startsWith('{')) return parseObjectSequence(text, file, result);
  const { elements, rest } = arrayElements(text);
  if (elements.length === 0) {
    result.rejections.push({ file, line: rest?.line ?? 1, reason: `not valid JSON: the whole file was skipped (${error})` });
    return result;
  }
  addElements(result, file, text, elements);
  if (rest) result.rejections.push({ file, line: rest.line, reason: 'not valid JSON after the end of the array: the rest of the file was skipped' });
  return result;
}

/** Each element parsed alone: a record, or a rejection at its line. */
function addElements(result: ParseResult, file: string, text: string, elements: readonly ArrayElement[], keep?: KeepRecord): void {
  for (const { line, start, end } of elements) {
    let element: unknown;
    try {
      element = JSON.parse(text.slice(start, end));
    } catch (cause) {
      result.rejections.push({ file, line, reason: `not valid JSON (${jsonErrorMessage(cause, text, start, end)})` });
      continue;
    }
    addRecord(result, file, line, element, keep);
  }
}

const ONE_OBJECT = 'one article, not an array of them: read as one';
const SEQUENCE = 'articles as JSON objects one after another: each read from its own braces';

/** Articles written as objects one after another (`objectSequence`), with a warning that says so. */
function parseObjectSequence(text: string, file: string, result: ParseResult, keep?: KeepRecord): ParseResult {
  result.warnings.push({ file, line: 1, message: SEQUENCE });
  addElements(result, file, text, objectSequence(text), keep);
  return result;
}

/**
 * A `.jsonl` file none of whose lines was an article, read again as objects one after another: articles
 * pretty-printed over several lines. Null when that finds no article either (the line-by-line rejections
 * stand).
 */
export function parseJsonObjects(bytes: Uint8Array, file: string, keep: KeepRecord = asIs): ParseResult | null {
  const text = decodeFile(bytes);
  if (!text?.trimStart().startsWith('{')) return null;
  const result = parseObjectSequence(text, file, { records: [], rejections: [], warnings: [] }, keep);
  return result.records.length > 0 ? result : null;
}
