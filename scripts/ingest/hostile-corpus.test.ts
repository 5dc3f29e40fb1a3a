/**
 * The hostile corpus (e2e/fixtures/hostile, written by its generate.ts) through the ingest's parsers and
 * id assignment: each JSON record says in `expect` what must become of it, and each outcome is reported at
 * the record's own file and line.
 */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { assignIds } from './ids.ts';
import { elementLines } from './parse-json.ts';
import { parseFile } from './pipeline.ts';
import type { RawRecord, Rejection, Warning } from './record.ts';

const dir = fileURLToPath(new URL('../../e2e/fixtures/hostile/', import.meta.url));
const files = readdirSync(dir).filter((f) => /\.(jsonl|json|txt)$/.test(f)).sort();

type Outcome = 'kept' | 'rejected' | 'warned';

/** What each record of a JSON file expects, by line; a line that is no article object must be rejected. */
function expectations(file: string): Map<number, Outcome> {
  const text = readFileSync(path.join(dir, file), 'utf8');
  const outcome = (value: unknown): Outcome =>
    typeof value === 'object' && value !== null && 'expect' in value ? (value.expect as Outcome) : 'rejected';
  const found = new Map<number, Outcome>();
  if (file.endsWith('.jsonl')) {
    text.split('\n').forEach((line, i) => {
      if (line.trim() === '') return;
      let value: unknown;
      try {
        value = JSON.parse(line);
      } catch {
        value = null;
      }
      found.set(i + 1, outcome(value));
    });
  } else if (file.endsWith('.json')) {
    const lines = elementLines(text);
    (JSON.parse(text) as unknown[]).forEach((value, i) => found.set(lines[i]!, outcome(value)));
  }
  return found;
}

async function ingest(): Promise<{ records: RawRecord[]; rejections: Rejection[]; warnings: Warning[] }> {
  const parsed = await Promise.all(files.map((f) => parseFile(path.join(dir, f), f)));
  const ids = assignIds(parsed.flatMap((p) => p.records));
  return {
    records: ids.records,
    rejections: [...parsed.flatMap((p) => p.rejections), ...ids.rejections],
    // Each file's first record is told that the fixtures' own `expect` field is not read: not its outcome.
    warnings: parsed.flatMap((p) => p.warnings).filter((w) => !w.message.startsWith('field "expect" not read')),
  };
}

const { records, rejections, warnings } = await ingest();

describe('the hostile corpus', () => {
  const at = (file: string, line: number) => ({
    kept: records.some((r) => r.file === file && r.line === line),
    rejected: rejections.some((r) => r.file === file && r.line === line),
    warned: warnings.some((w) => w.file === file && w.line === line),
  });

  it.each(files.filter((f) => !f.endsWith('.txt')))('%s: every record ends as it expects, reported at its line', (file) => {
    for (const [line, outcome] of expectations(file)) {
      const seen = at(file, line);
      const actual: Outcome = seen.rejected ? 'rejected' : seen.warned ? 'warned' : 'kept';
      expect(seen.kept, `${file}:${line} kept`).toBe(outcome !== 'rejected');
      expect(actual, `${file}:${line}`).toBe(outcome);
    }
  });

  it('keeps both articles of the aggregator page, with their markup and bidi controls gone', () => {
    const txt = records.filter((r) => r.file === 'aggregator.txt');
    expect(txt.map((r) => r.title)).toEqual(['<script>alert(1)</script> عنوان من صفحة مجمّع', 'عنوان ثانٍ معكوس من صفحة المجمّع']);
    expect(txt[0]!.body.join('\n')).not.toMatch(/<(script|img)\b|[\u202A-\u202E]/);
  });

  it('keeps the first of a repeated id, in input order (files by path, then by line), and names it', () => {
    const kept = records.filter((r) => r.id === 'dup-1');
    expect(kept.map((r) => [r.file, r.title])).toEqual([['articles.jsonl', 'النسخة الأولى من خبر مكرر']]);
    expect(rejections.filter((r) => r.reason.startsWith('duplicate id "dup-1"')).map((r) => r.reason)).toEqual([
      'duplicate id "dup-1" (first seen at articles.jsonl:13)',
      'duplicate id "dup-1" (first seen at articles.jsonl:13)',
    ]);
  });

  it('keeps the 1 MB paragraph whole', () => {
    const big = records.find((r) => r.id === 'one-megabyte-paragraph')!;
    expect(big.body).toHaveLength(1);
    expect(Buffer.byteLength(big.body[0]!)).toBeGreaterThan(990_000);
  });

  it('counts 38 records: 20 kept and 18 rejected', () => {
    expect([records.length + rejections.length, records.length, rejections.length]).toEqual([38, 20, 18]);
  });
});
