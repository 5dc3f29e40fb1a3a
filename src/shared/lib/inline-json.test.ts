import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { inlineJson } from './inline-json.ts';

describe('inlineJson', () => {
  it('never lets text close the script element or open a comment', () => {
    const json = inlineJson({ title: '</script><script>alert(1)</script><!-- & \u2028' });
    expect(json).not.toMatch(/[<>&\u2028]/);
    expect(JSON.parse(json)).toEqual({ title: '</script><script>alert(1)</script><!-- & \u2028' });
  });

  it('round-trips any value JSON can hold', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const json = inlineJson(value);
        return !/[<>&]/.test(json) && JSON.stringify(JSON.parse(json)) === JSON.stringify(value);
      }),
    );
  });
});
