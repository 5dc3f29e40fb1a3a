import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cleanLine, cleanParagraphs, hasInvisible, stripHtml } from './clean-text.ts';

describe('cleanLine', () => {
  it.each([
    ['<b>عنوان</b> الخبر', 'عنوان الخبر'],
    ['سلام &amp; حرب &laquo;اليوم&raquo;', 'سلام & حرب «اليوم»'],
    ['&#1605;&#x0631;', 'مر'],
    ['\u200Fكلمة\u00A0\u00A0أخرى\u202C ', 'كلمة أخرى'],
    ['<script>alert(1)</script>نص', 'نص'],
    ['a < b و c > d', 'a < b و c > d'],
    ['&unknown; يبقى', '&unknown; يبقى'],
    ['&#0; &#xD800; صفر', 'صفر'],
    ['كلمةٌ مُشكّلة', 'كلمةٌ مُشكّلة'],
    ['\u202Eمعكوس\u202C و\u2066معزول\u2069 و\u061Cحرفي', 'معكوس ومعزول وحرفي'],
    ['تحكم\u0000\u0007\u001B[31m و\u0085\u007F', 'تحكم[31m و'],
    ['ممنوع\uFFFE\uFFFF\uFDD0 و\uD800 و\uDC00 ثم 😀', 'ممنوع و و ثم 😀'],
    ['وصل\u200D و\u2060ربط', 'وصل وربط'],
    ['خفي\u206A\u206F\u034F\u180E و\u{E0041}\u{E0042}وسم و\u{1FFFE}\u{10FFFF}\uFFF9', 'خفي ووسم و'],
    ['ﻻﺟﺌﻮﻥ في ﺭﻭﺳﻴﺎ ﷺ', 'لاجئون في روسيا ﷺ'],
  ])('%j → %j', (input, expected) => {
    expect(cleanLine(input)).toBe(expected);
  });
});

describe('hasInvisible', () => {
  it.each(['id\u206Aq', 'id\u034Fq', 'id\u180Eq', 'id\u{E0041}\u{E0042}', 'id\u{10FFFF}', 'id\u202Eq'])(
    'finds what would make %j look like another id',
    (id) => expect(hasInvisible(id)).toBe(true),
  );
  it.each(['SK-technology-1316', 'خبر-١٢', 'id😀', 'id❤️'])('finds nothing in %j', (id) => expect(hasInvisible(id)).toBe(false));
});

// Bidi embeddings, overrides and isolates; C0/C1 controls but tab, line feed and carriage return;
// noncharacters; and a surrogate that is not half of a pair.
// eslint-disable-next-line no-control-regex
const FORBIDDEN = /[\u202A-\u202E\u2066-\u2069\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uFDD0-\uFDEF\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]|[\u{E0000}-\u{E007F}\u{1FFFE}\u{1FFFF}\u{10FFFE}\u{10FFFF}]/u;

describe('display text from any input', () => {
  it('never keeps a bidi control, a control character, a noncharacter or a lone surrogate', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (s) => {
        expect(cleanLine(s)).not.toMatch(FORBIDDEN);
        for (const p of cleanParagraphs(s)) expect(p).not.toMatch(FORBIDDEN);
      }),
    );
  });

  it('is clean already once cleaned', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (s) => {
        expect(cleanLine(cleanLine(s))).toBe(cleanLine(s));
      }),
    );
  });
});

describe('cleanParagraphs', () => {
  it('splits on line breaks and block tags and drops empty paragraphs', () => {
    expect(cleanParagraphs('<p>الأولى</p><p> </p><p>الثانية<br>الثالثة</p>\n\n')).toEqual([
      'الأولى',
      'الثانية',
      'الثالثة',
    ]);
  });

  it('leaves text without markup alone', () => {
    expect(stripHtml('نص عادي')).toBe('نص عادي');
  });
});
