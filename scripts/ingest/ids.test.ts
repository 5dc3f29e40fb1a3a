import { describe, expect, it } from 'vitest';
import { assignIds, deriveId } from './ids.ts';
import type { RawRecord } from './record.ts';

function record(line: number, extra: Partial<RawRecord> = {}): RawRecord {
  return {
    file: 'a.jsonl',
    line,
    id: null,
    title: 'افتتاح الجسر',
    body: ['نص.'],
    date: null,
    source: null,
    url: null,
    keywords: { joined: null, whole: [] },
    readAlso: [],
    category: null,
    image: null,
    ...extra,
  };
}

describe('deriveId', () => {
  it('is stable across spellings of the same title and differs by date', () => {
    expect(deriveId('إفتتاحُ الجسر', null)).toBe(deriveId('افتتاح  الجسر', null));
    expect(deriveId('افتتاح الجسر', '2024-01-01T00:00:00.000Z')).not.toBe(deriveId('افتتاح الجسر', null));
    expect(deriveId('افتتاح الجسر', null)).toMatch(/^a[0-9a-f]{16}$/);
  });
});

describe('assignIds', () => {
  it('keeps input ids as they are and derives the missing ones', () => {
    const { records } = assignIds([record(1, { id: 'x/1 ?' }), record(2)]);
    expect(records.map((r) => r.id)).toEqual(['x/1 ?', deriveId('افتتاح الجسر', null)]);
  });

  it('keeps the first of a duplicate id and says where it was', () => {
    const { records, rejections } = assignIds([record(1, { id: 'a' }), record(2, { id: 'a', title: 'آخر' })]);
    expect(records.map((r) => r.line)).toEqual([1]);
    expect(rejections).toEqual([{ file: 'a.jsonl', line: 2, reason: 'duplicate id "a" (first seen at a.jsonl:1)' }]);
  });

  it('keeps two articles with one title when their ids differ', () => {
    const { records } = assignIds([record(1, { id: 'a' }), record(2, { id: 'b' })]);
    expect(records).toHaveLength(2);
  });

  it('rejects an article with the same title and date as an earlier one', () => {
    const date = '2024-05-01T00:00:00.000Z';
    const { rejections } = assignIds([record(1, { date }), record(2, { title: 'إفتتاح الجسر', date })]);
    expect(rejections).toEqual([{ file: 'a.jsonl', line: 2, reason: expect.stringMatching(/same title and date as the article at a\.jsonl:1, and no id/) }]);
  });

  it('says so when two articles without an id or a date share a title', () => {
    const { rejections } = assignIds([record(1, { date: null }), record(2, { date: null })]);
    expect(rejections[0]!.reason).toBe('same title and no date as the article at a.jsonl:1, and no id: give each an id if they are two articles');
  });

  it('rejects the second of two ids whose shard files collide', () => {
    const { records, rejections } = assignIds([record(1, { id: 'a' }), record(2, { id: 'b' })], () => 'articles/00/same.json');
    expect(records.map((r) => r.id)).toEqual(['a']);
    expect(rejections[0]!.reason).toMatch(/^id "b" hashes to the same file as id "a" at a\.jsonl:1/);
  });
});
