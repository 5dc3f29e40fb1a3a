import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { packLists, unpackLists } from './related-keys.ts';

describe('the related memo\'s lists', () => {
  it('unpack to what was packed, for any numbers below 2³¹', () => {
    fc.assert(
      fc.property(fc.array(fc.array(fc.nat({ max: 2 ** 31 - 1 }), { maxLength: 8 })), (lists) => {
        const unpacked = unpackLists(packLists(lists.map((l) => Int32Array.from(l))), lists.length, 2 ** 31);
        expect(unpacked).not.toBeNull();
        lists.forEach((list, i) => expect(Array.from(unpacked!.flat.subarray(unpacked!.start[i], unpacked!.start[i + 1]))).toEqual(list));
      }),
    );
  });

  it('are refused when they do not match the memo', () => {
    const text = packLists([[1, 300], [], [70_000]]);
    expect(unpackLists(text, 3, 70_001)).not.toBeNull();
    // Another count of lists, a number past the limit, bytes cut short.
    expect(unpackLists(text, 2, 70_001)).toBeNull();
    expect(unpackLists(text, 4, 70_001)).toBeNull();
    expect(unpackLists(text, 3, 70_000)).toBeNull();
    expect(unpackLists(Buffer.from(text, 'base64').subarray(0, 6).toString('base64'), 3, 70_001)).toBeNull();
  });
});
