import { isUtf8, transcode } from 'node:buffer';
import { jsonErrorMessage } from './json-error.ts';
import { finishRecord, jsonFields, quote, type ParseResult, type RawRecord } from './record.ts';

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
  if (fields.unread.length > 0) warnUnread(result, file, line, fields.unread);
}

/** The fields of a file's articles that the ingest does not read, each named once, where first seen. */
const unreadNamed = new WeakMap<ParseResult, Set<string>>();

function warnUnread(result: ParseResult, file: string, line: number, names: readonly string[]): void {
  let named = unreadNamed.get(result);
  if (!named) unreadNamed.set(result, (named = new Set()));
  const fresh = names.filter((name) => !named.has(name));
  if (fresh.length === 0) return;
  for (const name of fresh) named.add(name);
  const list = fresh.map((name) => quote(name)).join(', ');
  result.warnings.push({ file, line, message: `${fresh.length === 1 ? 'field' : 'fields'} ${list} not read by the ingest: ignored here and in the file's other articles` });
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

/** A value at the top of an array, or of objects one after another: where its text starts and ends. */
interface TopValue {
  start: number;
  end: number;
  /** Whether a comma came between it and the value before it. */
  comma: boolean;
}

const isSpace = (c: string | undefined): boolean => c === ' ' || c === '\t' || c === '\r' || c === '\n';

/**
 * The next value at the top of an array (`inArray`) or of objects one after another, from `from`, with the
 * blanks and commas before it skipped: an object or array ends at its closing bracket, anything else at
 * the next comma or `]` at its level. `close` is a `]` met where a value would start (the array's end);
 * null, the end of the text. A string ends at the end of its line as well as at its closing quote, as
 * JSON has no line break inside a string: a quote left open costs its own line, not every line after it.
 */
function nextValue(text: string, from: number, inArray: boolean): TopValue | { close: number } | null {
  let i = from;
  let comma = false;
  for (; i < text.length; i++) {
    const c = text[i];
    if (c === ',') comma = true;
    else if (!isSpace(c)) break;
  }
  if (i >= text.length) return null;
  if (inArray && text[i] === ']') return { close: i };
  const start = i;
  let depth = 0;
  let inString = false;
  for (; i < text.length; i++) {
    const c = text[i]!;
    if (inString) {
      if (c === '\\' && text[i + 1] !== '\n') i++;
      else if (c === '"' || c === '\n') inString = false;
    } else if (c === '"') inString = true;
    else if (c === '{' || c === '[') depth++;
    else if (c === '}' || c === ']') {
      // At the top, a stray brace is part of the broken text it is in; a `]` ends the array.
      if (depth > 0 && --depth === 0) return { start, end: i + 1, comma };
      if (depth === 0 && inArray && c === ']') return { start, end: i, comma };
    } else if (c === ',' && depth === 0) return { start, end: i, comma };
  }
  return { start, end: text.length, comma };
}

/** Where each line of `text` starts (`lineAt`). */
function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

/** The 1-based line of `text` that holds index `i`. */
function lineAt(starts: readonly number[], i: number): number {
  let low = 0;
  let high = starts.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (starts[mid]! <= i) low = mid;
    else high = mid - 1;
  }
  return low + 1;
}

/** The column of the `{` a line begins with (after blanks and a comma), or -1. */
function objectColumn(text: string, lineStart: number): number {
  let i = lineStart;
  while (text[i] === ' ' || text[i] === '\t' || text[i] === ',') i++;
  return text[i] === '{' ? i - lineStart : -1;
}

/**
 * The column articles begin at: the least of the lines that begin with `{`, as nested objects sit further
 * in than the articles that hold them.
 */
function articleColumn(text: string, starts: readonly number[]): number {
  let least = Infinity;
  for (const start of starts) {
    const column = objectColumn(text, start);
    if (column !== -1 && column < least) least = column;
  }
  return least;
}

/**
 * Where the next article starts after one at `start` that is not valid JSON: the first later line that
 * begins with `{` (after blanks and a comma) no further in than `column` (`articleColumn`) or than that
 * article began. The start of a line is never inside a JSON string, so this holds however the article is
 * broken. Null when no line does.
 */
function nextArticleLine(
  text: string,
  starts: readonly number[],
  start: number,
  column: number,
): number | null {
  const line = lineAt(starts, start);
  const limit = Math.max(column, start - starts[line - 1]!);
  for (let l = line; l < starts.length; l++) {
    const at = objectColumn(text, starts[l]!);
    if (at !== -1 && at <= limit) return text.indexOf('{', starts[l]);
  }
  return null;
}

/**
 * Where the next article starts after one at `start` that is not valid JSON, when no later line begins
 * one (`nextArticleLine`): articles side by side on the line where it starts. The first `{` there after a
 * comma or a closing brace from which a whole object reads as valid JSON, followed by what follows an
 * element (a comma, `]`, another object or the end); null when there is none.
 */
function nextArticleInLine(text: string, start: number): number | null {
  const lineEnd = text.indexOf('\n', start) === -1 ? text.length : text.indexOf('\n', start);
  for (let i = text.indexOf('{', start + 1); i !== -1 && i < lineEnd; i = text.indexOf('{', i + 1)) {
    let before = i - 1;
    while (isSpace(text[before])) before--;
    if (text[before] !== ',' && text[before] !== '}') continue;
    const value = nextValue(text, i, false);
    if (value === null || 'close' in value) continue;
    let after = value.end;
    while (isSpace(text[after])) after++;
    if (after < text.length && !',]{'.includes(text[after]!)) continue;
    try {
      JSON.parse(text.slice(value.start, value.end));
      return i;
    } catch {
      // Not an article's start: on to the next brace.
    }
  }
  return null;
}

/** Whether `value` is an object that begins before `limit`. */
const objectBefore = (text: string, value: ReturnType<typeof nextValue>, limit: number): boolean =>
  value !== null && !('close' in value) && value.start < limit && text[value.start] === '{';

const MISSING_COMMA = 'no comma between this article and the one before it: read as if there were one';

/**
 * The values at the top of `text` from `from` (just after an array's `[`, or the start of objects one
 * after another), each parsed alone: an article, or a rejection at its line, so that every good article
 * is kept. One that is not valid JSON may have run on into the articles after it (a quote left open, a
 * brace missing), so reading resumes where the next article begins a line (`nextArticleLine`), unless an
 * object follows the broken value sooner (articles side by side on one line); a `]` before that line is
 * taken for part of the broken text, not the array's end, and so is all that follows a broken article no
 * other comes after. Text after the array's end is rejected at its line (`afterClose`).
 */
function readValues(
  text: string,
  file: string,
  result: ParseResult,
  from: number,
  inArray: boolean,
  keep?: KeepRecord,
): void {
  const starts = lineStarts(text);
  let column: number | undefined;
  let at = from;
  // Whether the value before was read: after a broken one, resuming at the next article skips its comma.
  let afterGood = false;
  for (;;) {
    const value = nextValue(text, at, inArray);
    if (value === null) return;
    if ('close' in value) {
      at = afterClose(text, file, result, starts, value.close, (column ??= articleColumn(text, starts)));
      afterGood = false;
      continue;
    }
    const line = lineAt(starts, value.start);
    let element: unknown;
    try {
      element = JSON.parse(text.slice(value.start, value.end));
    } catch (cause) {
      const next =
        nextArticleLine(text, starts, value.start, (column ??= articleColumn(text, starts))) ??
        nextArticleInLine(text, value.start);
      // With no article after it, the broken one runs to the end: what follows is its broken text.
      at =
        next === null
          ? text.length
          : objectBefore(text, nextValue(text, value.end, inArray), next)
            ? value.end
            : next;
      result.rejections.push({
        file,
        line,
        reason: `not valid JSON (${brokenValueError(text, value, at, cause)})`,
      });
      afterGood = false;
      continue;
    }
    if (inArray && afterGood && !value.comma) result.warnings.push({ file, line, message: MISSING_COMMA });
    afterGood = true;
    addRecord(result, file, line, element, keep);
    at = value.end;
  }
}

/**
 * Where reading goes on after the `]` at `close` that ends an array: nowhere when nothing or no article
 * follows (what does is rejected at its line); else at the next article (`nextArticleLine`,
 * `nextArticleInLine`), as a `]` of a broken article (one that ended too soon) may look like the array's end. Text skipped up to there is
 * rejected at its line; articles that follow the array right away are read with a warning.
 */
function afterClose(
  text: string,
  file: string,
  result: ParseResult,
  starts: readonly number[],
  close: number,
  column: number,
): number {
  let rest = close + 1;
  while (isSpace(text[rest])) rest++;
  if (rest >= text.length) return text.length;
  const next = nextArticleLine(text, starts, close, column) ?? nextArticleInLine(text, close);
  const line = lineAt(starts, rest);
  if (next === rest) {
    result.warnings.push({ file, line, message: 'articles after the end of the array: read as articles' });
  } else {
    const skipped =
      next === null
        ? 'the rest of the file was skipped'
        : `skipped up to the article at line ${lineAt(starts, next)}`;
    result.rejections.push({ file, line, reason: `not valid JSON after the end of the array: ${skipped}` });
  }
  return next ?? text.length;
}

/**
 * Why a value is not valid JSON. When it ran on into the next article (`resume` falls inside it), the
 * error of the value up to there (its trailing comma aside), which points into the broken article
 * itself; else the error it gave.
 */
function brokenValueError(text: string, value: TopValue, resume: number, cause: unknown): string {
  if (resume <= value.start || resume >= value.end)
    return jsonErrorMessage(cause, text, value.start, value.end);
  const own = text.slice(value.start, resume).trimEnd().replace(/,$/, '').trimEnd();
  try {
    JSON.parse(own);
  } catch (ownCause) {
    return jsonErrorMessage(ownCause, text, value.start, value.start + own.length);
  }
  return jsonErrorMessage(cause, text, value.start, value.end);
}

/**
 * The field of an object that wraps a file's articles (`{"articles": […]}`, `{"items": […]}`, `{"data":
 * […]}`): its one field whose value is a list, a list of objects, when it has no title of its own (then it
 * is one article). Null for any other value.
 */
function wrappingField(value: unknown): string | null {
  if (typeof value !== 'object' || value === null || Array.isArray(value) || 'title' in value) return null;
  const lists = Object.entries(value).filter(([, v]) => Array.isArray(v));
  if (lists.length !== 1) return null;
  const [field, list] = lists[0] as [string, unknown[]];
  const isObject = (v: unknown): boolean => typeof v === 'object' && v !== null && !Array.isArray(v);
  return list.length > 0 && list.every(isObject) ? field : null;
}

/** Just after the `[` of the one list-valued field of the object `text` holds (`wrappingField`). */
function fieldArrayStart(text: string): number {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
    } else if (c === '"') inString = true;
    else if (c === '[' && depth === 1) return i + 1;
    else if (c === '{' || c === '[') depth++;
    else if (c === '}' || c === ']') depth--;
  }
  return text.length;
}

/** The 1-based line where each top-level element of a JSON array starts (`from`: just after its `[`). */
export function elementLines(text: string, from = text.indexOf('[') + 1): number[] {
  const starts = lineStarts(text);
  const lines: number[] = [];
  for (
    let value = nextValue(text, from, true);
    value !== null && !('close' in value);
    value = nextValue(text, value.end, true)
  ) {
    lines.push(lineAt(starts, value.start));
  }
  return lines;
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
  const field = wrappingField(value);
  if (field !== null) {
    const message = `articles read from the ${quote(field)} field of the object the file holds`;
    result.warnings.push({ file, line: 1, message });
    const list = (value as Record<string, unknown[]>)[field]!;
    const lines = elementLines(text, fieldArrayStart(text));
    list.forEach((element, index) => addRecord(result, file, lines[index] ?? 1, element));
    return result;
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
 * An array that is not valid JSON as a whole (a comma missing in one article, a quote left open): each
 * element parsed alone (`readValues`), so that a bad one is rejected at its line and every good one is
 * kept. Text that begins with an object is read as objects one after another; other text that is no
 * array is rejected whole; text after the array's end is rejected at its line.
 */
function parseBrokenArray(text: string, file: string, error: string, result: ParseResult): ParseResult {
  const first = text.search(/\S/);
  if (text[first] === '{') return parseObjectSequence(text, file, result);
  if (text[first] !== '[') {
    result.rejections.push({
      file,
      line: 1,
      reason: `not valid JSON: the whole file was skipped (${error})`,
    });
    return result;
  }
  readValues(text, file, result, first + 1, true);
  return result;
}

const ONE_OBJECT = 'one article, not an array of them: read as one';
const SEQUENCE = 'articles as JSON objects one after another: each read from its own braces';

/** Articles written as objects one after another (`readValues`), with a warning that says so. */
function parseObjectSequence(text: string, file: string, result: ParseResult, keep?: KeepRecord): ParseResult {
  result.warnings.push({ file, line: 1, message: SEQUENCE });
  readValues(text, file, result, 0, false, keep);
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
