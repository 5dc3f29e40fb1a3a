import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cutAtWord, escapeMarkup, machineText } from './text.ts';

describe('machineText', () => {
  it.each([
    ['\u202eمقلوب\u202c', 'مقلوب'],
    ['a\u0007b\u0000c', 'abc'],
    ['سطر\nثان\t  هنا', 'سطر ثان هنا'],
    ['\u2067عزل\u2069', 'عزل'],
    ['lone \ud800 surrogate', 'lone surrogate'],
    ['lone \udc00 low one', 'lone low one'],
    ['\udc00\ud83d\ude00\udc00 pair between lone ones', '😀 pair between lone ones'],
    ['emoji 😀 stays', 'emoji 😀 stays'],
  ])('%j → %j', (input, expected) => {
    expect(machineText(input)).toBe(expected);
  });

  it('never leaves a control, bidi override or lone surrogate', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (s) => {
        const out = machineText(s);
        return (
          // eslint-disable-next-line no-control-regex
          !/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u202a-\u202e\u2066-\u2069]/.test(out) &&
          !/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/.test(out)
        );
      }),
    );
  });
});

describe('escapeMarkup', () => {
  it('escapes the five markup characters', () => {
    expect(escapeMarkup(`<a href="x">'&'</a>`)).toBe(
      '&lt;a href=&quot;x&quot;&gt;&apos;&amp;&apos;&lt;/a&gt;',
    );
  });
});

describe('cutAtWord', () => {
  it('keeps short text whole', () => {
    expect(cutAtWord('نص قصير', 160)).toBe('نص قصير');
  });

  it('cuts long text at a word boundary, within the limit, with an ellipsis', () => {
    const text = 'كلمة '.repeat(100);
    const cut = cutAtWord(text, 160);
    expect(cut.length).toBeLessThanOrEqual(160);
    expect(cut.endsWith('كلمة…')).toBe(true);
  });

  it('is never longer than the limit', () => {
    fc.assert(
      fc.property(
        fc.string(),
        fc.integer({ min: 10, max: 300 }),
        (s, max) => cutAtWord(s, max).length <= max,
      ),
    );
  });
});
