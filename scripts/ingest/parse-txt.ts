import { READ_ALSO, matchHeading } from './headings.ts';
import { decodeLines } from './parse-json.ts';
import { readImage } from './image.ts';
import { finishRecord, type ParseResult, type RecordFields } from './record.ts';

/**
 * The aggregator page format (`content/seed.txt`): a title line, an optional `تاريخ النشر:` line,
 * paragraphs one per line, an «اقرأ أيضاً» heading (possibly glued to the first related title) followed by
 * related titles, `المصدر:` and `كلمات دلالية:` lines; a line holding only «إقرأ أيضاً:» (any spelling)
 * starts the next article.
 *
 * The same words head the related-titles block and the article separator. The separator is the heading
 * alone with a colon; the block heading has no colon or is glued to a title. One exception keeps a
 * colon-headed block of related titles inside its article: when only headline-like lines follow it up to
 * the article's `المصدر:` / `كلمات دلالية:` line, those are related titles, since an article's own
 * metadata never follows another article.
 *
 * A picture is a `الصورة:` line: its address, then optionally its caption after a space
 * (`الصورة: /images/kremlin.jpg مبنى الكرملين في موسكو`); a `تصوير:` line gives its credit. A picture line
 * that cannot be used (a bad address, a second picture, a credit with no picture) is reported with its line
 * number, never dropped silently, and the article is kept.
 */

const MAX_HEADLINE = 200;

type LineKind =
  | { kind: 'blank' }
  | { kind: 'separator' }
  | { kind: 'related'; title: string }
  | { kind: 'date'; value: string }
  | { kind: 'source'; value: string }
  | { kind: 'keywords'; value: string }
  | { kind: 'image'; value: string }
  | { kind: 'credit'; value: string }
  | { kind: 'text'; text: string };

function classify(text: string): LineKind {
  const trimmed = text.trim();
  if (trimmed === '') return { kind: 'blank' };
  const readAlso = matchHeading(trimmed, READ_ALSO);
  if (readAlso) {
    if (readAlso.rest === '' && readAlso.colon) return { kind: 'separator' };
    return { kind: 'related', title: readAlso.rest };
  }
  const date = matchHeading(trimmed, 'تاريخ النشر');
  if (date?.colon) return { kind: 'date', value: date.rest };
  const source = matchHeading(trimmed, 'المصدر');
  if (source?.colon) return { kind: 'source', value: source.rest };
  const keywords = matchHeading(trimmed, 'كلمات دلالية');
  if (keywords?.colon) return { kind: 'keywords', value: keywords.rest };
  const image = matchHeading(trimmed, 'الصورة');
  if (image?.colon) return { kind: 'image', value: image.rest };
  const credit = matchHeading(trimmed, 'تصوير');
  if (credit?.colon) return { kind: 'credit', value: credit.rest };
  return { kind: 'text', text: trimmed };
}

function looksLikeHeadline(text: string): boolean {
  return text.length <= MAX_HEADLINE && !/[.!؟?:؛]["»”]?$/.test(text);
}

/** Whether the colon-headed «اقرأ أيضاً:» at `at` opens related titles of the current article. */
function isRelatedBlock(lines: ReadonlyArray<LineKind | null>, at: number): boolean {
  let titles = 0;
  for (let i = at + 1; i < lines.length; i++) {
    const line = lines[i];
    if (line === null || line === undefined) return false;
    if (line.kind === 'blank') continue;
    if (line.kind === 'source' || line.kind === 'keywords') return titles > 0;
    if (line.kind !== 'text' || !looksLikeHeadline(line.text)) return false;
    titles++;
  }
  return false;
}

interface Draft {
  line: number;
  badLine: number | null;
  fields: RecordFields;
}

function newDraft(line: number): Draft {
  return {
    line,
    badLine: null,
    fields: {
      id: null,
      title: '',
      body: [],
      date: null,
      source: null,
      url: null,
      category: null,
      keywords: { joined: null, whole: [] },
      readAlso: [],
      image: null,
    },
  };
}

/** `URL caption…`: the address has no spaces, so the caption is whatever follows the first one. */
function pictureOf(value: string): { src: string; caption: string | null } {
  const space = value.search(/\s/);
  return space < 0 ? { src: value, caption: null } : { src: value.slice(0, space), caption: value.slice(space + 1) };
}

export function parseTxt(bytes: Uint8Array, file: string): ParseResult {
  const result: ParseResult = { records: [], rejections: [], warnings: [] };
  const raw = decodeLines(bytes);
  const lines = raw.map((text) => (text === null ? null : classify(text)));

  let draft: Draft | null = null;
  let inRelated = false;

  const close = (): void => {
    if (draft === null) return;
    const current: Draft = draft;
    draft = null;
    if (current.badLine !== null) {
      result.rejections.push({ file, line: current.line, reason: `invalid UTF-8 on line ${current.badLine}` });
      return;
    }
    if (current.fields.title === '') {
      result.rejections.push({ file, line: current.line, reason: 'title is missing (the article starts with a heading line)' });
      return;
    }
    const finished = finishRecord(file, current.line, current.fields, result.warnings);
    if ('reason' in finished) result.rejections.push({ file, line: current.line, reason: finished.reason });
    else result.records.push(finished.record);
  };

  for (let i = 0; i < lines.length; i++) {
    const lineNo = i + 1;
    const line = lines[i];
    if (line === undefined) continue;
    if (line === null) {
      draft ??= newDraft(lineNo);
      draft.badLine ??= lineNo;
      continue;
    }
    if (line.kind === 'blank') continue;
    if (line.kind === 'separator') {
      if (draft !== null && isRelatedBlock(lines, i)) {
        inRelated = true;
        continue;
      }
      close();
      inRelated = false;
      continue;
    }
    if (draft === null) {
      draft = newDraft(lineNo);
      inRelated = false;
      if (line.kind === 'text') {
        draft.fields.title = line.text;
        continue;
      }
    }
    const fields: RecordFields = draft.fields;
    switch (line.kind) {
      case 'related':
        inRelated = true;
        if (line.title !== '') fields.readAlso.push(line.title);
        break;
      case 'date':
        fields.date = line.value;
        inRelated = false;
        break;
      case 'source':
        fields.source = line.value;
        inRelated = false;
        break;
      case 'keywords':
        fields.keywords = { joined: [fields.keywords.joined, line.value].filter(Boolean).join(' '), whole: [] };
        inRelated = false;
        break;
      case 'image': {
        inRelated = false;
        const warn = (message: string) => result.warnings.push({ file, line: lineNo, message });
        if (fields.image !== null) {
          warn('a second picture line: only the first picture of an article is kept');
          break;
        }
        const picture = readImage(line.value === '' ? { alt: null } : pictureOf(line.value));
        for (const problem of picture.problems) warn(`${problem}: article kept`);
        fields.image = picture.image;
        break;
      }
      case 'credit':
        inRelated = false;
        if (fields.image !== null && typeof fields.image === 'object') {
          fields.image = { ...fields.image, credit: line.value };
        } else {
          result.warnings.push({ file, line: lineNo, message: 'a picture credit (تصوير:) with no picture before it: ignored' });
        }
        break;
      case 'text':
        if (inRelated && looksLikeHeadline(line.text)) {
          fields.readAlso.push(line.text);
        } else {
          inRelated = false;
          fields.body.push(line.text);
        }
        break;
    }
  }
  close();
  return result;
}
