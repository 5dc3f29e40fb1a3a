import { describe, expect, it } from 'vitest';
import { cleanLine, cleanParagraphs, stripHtml } from './clean-text.ts';

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
  ])('%j → %j', (input, expected) => {
    expect(cleanLine(input)).toBe(expected);
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
