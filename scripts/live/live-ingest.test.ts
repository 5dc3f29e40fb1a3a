import { describe, expect, it } from 'vitest';
import { ingestFailure } from './live-ingest.ts';

describe('ingestFailure', () => {
  it('points at the first rejected record', () => {
    const stderr = 'content/a.jsonl:3: not valid JSON\ncontent/b.txt:10: title is empty\ningest: --strict and rejected records\n';
    expect(ingestFailure(stderr)).toEqual({ message: stderr.trim(), file: 'content/a.jsonl', line: 3 });
  });
  it('keeps a failure without a place, such as a broken taxonomy', () => {
    expect(ingestFailure('ingest: content/taxonomy.json: taxonomy is not valid JSON\n')).toEqual({
      message: 'ingest: content/taxonomy.json: taxonomy is not valid JSON',
      file: null,
      line: null,
    });
  });
  it('says something even when the ingest said nothing', () => {
    expect(ingestFailure('').message).toBe('the ingest failed');
  });
});
