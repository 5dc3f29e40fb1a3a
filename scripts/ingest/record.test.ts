import { describe, expect, it } from 'vitest';
import { printable, quote } from './record.ts';

describe('printable', () => {
  it.each([
    ['an OSC title and a screen clear', '\u001b]0;PWNED\u0007\u001b[2J', '\\u001b]0;PWNED\\u0007\\u001b[2J'],
    ['a line break and a tab', 'a\nb\tc', 'a\\nb\\tc'],
    ['DEL and a C1 control sequence introducer', 'a\u007fb\u009b2J', 'a\\u007fb\\u009b2J'],
    ['Arabic with its marks and a right-to-left mark', 'سَلام\u200fعليكم', 'سَلام\u200fعليكم'],
  ])('escapes %s', (_kind, text, shown) => {
    expect(printable(text)).toBe(shown);
  });

  it('leaves no control character in a quoted value', () => {
    expect(quote('\u009b2J')).toBe('"\\u009b2J"');
  });
});
