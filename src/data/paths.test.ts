import { describe, expect, it } from 'vitest';
import { articlePath, hashKey, tagPagePath } from './paths';

describe('hashKey', () => {
  it('is stable and 16 hex digits', () => {
    expect(hashKey('أذربيجان')).toBe(hashKey('أذربيجان'));
    expect(hashKey('x')).toMatch(/^[0-9a-f]{16}$/);
  });

  it('gives different names to different keys', () => {
    const names = new Set(Array.from({ length: 20000 }, (_, i) => hashKey(`article-${i}`)));
    expect(names.size).toBe(20000);
  });
});

describe('paths', () => {
  it('keeps untrusted ids out of the path', () => {
    expect(articlePath('../../etc/passwd')).toMatch(/^articles\/[0-9a-f]{2}\/[0-9a-f]{16}\.json$/);
    expect(tagPagePath('قوات-حفظ-السلام', 2)).toMatch(/^tags\/[0-9a-f]{2}\/[0-9a-f]{16}-2\.json$/);
  });
});
