import { isUtf8, transcode } from 'node:buffer';
import { finishRecord, jsonFields, type ParseResult } from './record.ts';

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

function addRecord(result: ParseResult, file: string, line: number, value: unknown): void {
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
  result.records.push(finished.record);
  for (const message of fields.notes) result.warnings.push({ file, line, message });
}

function firstError(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
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

export function parseJsonl(bytes: Uint8Array, file: string): ParseResult {
  const result: ParseResult = { records: [], rejections: [], warnings: [] };
  const lines = decodeLines(bytes);
  for (let i = 0; i < lines.length; i++) {
    const line = i + 1;
    const text = lines[i];
    if (text === null || text === undefined) {
      result.rejections.push({ file, line, reason: 'invalid UTF-8' });
      continue;
    }
    const trimmed = text.trim();
    if (trimmed === '') continue;
    let value: unknown;
    try {
      value = JSON.parse(trimmed);
    } catch (error) {
      result.rejections.push({ file, line, reason: `not valid JSON (${firstError(error)})` });
      continue;
    }
    addRecord(result, file, line, value);
  }
  return result;
}

/** The 1-based line where each top-level element of a JSON array starts. */
export function elementLines(text: string): number[] {
  const lines: number[] = [];
  let line = 1;
  let depth = 0;
  let inString = false;
  let expectValue = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '\n') line++;
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
      continue;
    }
    if (c === ' ' || c === '\t' || c === '\r' || c === '\n') continue;
    if (depth === 1 && expectValue && c !== ']') {
      lines.push(line);
      expectValue = false;
    }
    if (c === '"') inString = true;
    else if (c === '[' || c === '{') {
      depth++;
      if (depth === 1) expectValue = true;
    } else if (c === ']' || c === '}') depth--;
    else if (c === ',' && depth === 1) expectValue = true;
  }
  return lines;
}

function firstBadLine(bytes: Uint8Array): number {
  const bad = decodeLines(bytes).indexOf(null);
  return bad === -1 ? 1 : bad + 1;
}

export function parseJsonArray(bytes: Uint8Array, file: string): ParseResult {
  const result: ParseResult = { records: [], rejections: [], warnings: [] };
  const text = decode(bytes);
  if (text === null) {
    result.rejections.push({ file, line: firstBadLine(bytes), reason: 'invalid UTF-8: the whole file was skipped' });
    return result;
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    result.rejections.push({ file, line: 1, reason: `not valid JSON: the whole file was skipped (${firstError(error)})` });
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
