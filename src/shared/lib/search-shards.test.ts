import { describe, expect, it } from 'vitest';
import { encodeShardIndex, shardIndexHas } from './search-shards.ts';

describe('encodeShardIndex', () => {
  it('groups keys by all their letters but the last, sorted, so the same keys give the same file', () => {
    expect(encodeShardIndex(['حرب', 'حرك', 'حر', 'اب', 'حرب'])).toEqual({ ا: 'ب', ح: 'ر', حر: 'بك' });
    expect(JSON.stringify(encodeShardIndex(['حرك', 'حرب']))).toBe(
      JSON.stringify(encodeShardIndex(['حرب', 'حرك'])),
    );
  });

  it('answers for keys of any length in one index, and no more than were given', () => {
    const index = encodeShardIndex(['حر', 'حرب', 'الحر', 'او']);
    for (const key of ['حر', 'حرب', 'الحر', 'او']) expect(shardIndexHas(index, key)).toBe(true);
    for (const key of ['ح', 'حب', 'حرك', 'الحب', 'اوك', '', 'constructor', 'toString']) {
      expect(shardIndexHas(index, key)).toBe(false);
    }
  });
});
