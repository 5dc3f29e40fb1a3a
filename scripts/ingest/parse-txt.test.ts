import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseTxt } from './parse-txt.ts';

const seedPath = fileURLToPath(new URL('../../content/seed.txt', import.meta.url));
const bytes = (text: string): Uint8Array => new TextEncoder().encode(text);

describe('parseTxt on the seed', () => {
  const { records, rejections, warnings } = parseTxt(readFileSync(seedPath), 'seed.txt');
  const [first, second] = records;

  it('finds both articles and rejects nothing', () => {
    expect(records).toHaveLength(2);
    expect(rejections).toEqual([]);
    expect(warnings).toEqual([]);
  });

  it('reads the first article: title, date, source, body, related titles and keywords', () => {
    expect(first).toMatchObject({
      line: 1,
      id: null,
      title: 'الكرملين: نرفض الانتقادات الموجهة إلى قوة حفظ السلام في كاراباخ',
      date: '2023-09-25T00:00:00.000Z',
      source: 'الأسبوع',
    });
    expect(first!.image).toMatchObject({ src: '/images/kremlin.jpg', caption: 'مبنى الكرملين في موسكو (رسم توضيحي)', credit: 'قارئ الأخبار' });
    expect(first!.body).toHaveLength(5);
    expect(first!.body[0]).toMatch(/^صرح دميتري بيسكوف/);
    expect(first!.body[4]).toMatch(/^يذكر أن/);
    expect(first!.readAlso).toEqual([
      'الخارجية الروسية: موسكو لم تعلم بالعملية العسكرية الأذربيجانية إلا قبلها بدقائق',
      'الخارجية الروسية تعرب عن قلقها بشأن الأوضاع السياسية في إقليم «كاراباخ»',
      'رئيس أذربيجان: هناك إشارات لتطبيع العلاقات مع أرمينيا',
    ]);
    expect(first!.keywords.whole).toEqual([]);
    expect(first!.keywords.joined).toMatch(/^روسيا موسكو الكرملين بيسكوف/);
    expect(first!.keywords.joined).toMatch(/فی إقلیم$/);
  });

  it('reads the second article after the «إقرأ أيضاً:» separator, with no date, source or tags', () => {
    expect(second).toMatchObject({
      line: 16,
      title: 'بشأن العقوبات على روسيا.. ماكرون يُشهر "اتفاق الإجماع"',
      date: null,
      source: null,
      readAlso: [],
      keywords: { joined: null, whole: [] },
    });
    // The seed's second article has six paragraphs (the lines after its title).
    expect(second!.body).toHaveLength(6);
    expect(second!.body[0]).toMatch(/^قال الرئيس الفرنسي/);
  });
});

// Fixture articles written for these tests.
const ARTICLE_A = [
  'افتتاح جسر جديد فوق النهر',
  'تاريخ النشر: 3rd, March 2024 GMT',
  'افتتحت المحافظة جسرا جديدا يربط ضفتي النهر.',
  'وقال المحافظ إن الجسر يختصر الطريق إلى المدينة.',
];

describe('parseTxt', () => {
  it.each([['إقرأ أيضاً:'], ['اقرأ أيضاً:'], ['اقرأ ايضا:'], ['إِقْرَأْ أَيْضًا :']])(
    'splits articles on the separator %j',
    (separator) => {
      const text = [...ARTICLE_A, separator, 'مهرجان للكتاب في الساحة', 'يبدأ المهرجان صباح السبت.'].join('\n');
      const { records } = parseTxt(bytes(text), 'x.txt');
      expect(records.map((r) => [r.line, r.title])).toEqual([
        [1, 'افتتاح جسر جديد فوق النهر'],
        [6, 'مهرجان للكتاب في الساحة'],
      ]);
    },
  );

  it('keeps a colon-headed block of headlines before the source line as related titles', () => {
    const text = [...ARTICLE_A, 'اقرأ أيضاً:', 'عنوان قريب أول', 'عنوان قريب ثان', 'المصدر: الجريدة'].join('\n');
    const { records } = parseTxt(bytes(text), 'x.txt');
    expect(records).toHaveLength(1);
    expect(records[0]).toMatchObject({ readAlso: ['عنوان قريب أول', 'عنوان قريب ثان'], source: 'الجريدة' });
  });

  it('ends a related block at a paragraph and keeps the paragraph in the body', () => {
    const text = [...ARTICLE_A, 'اقرأ أيضاًعنوان قريب', 'ويأتي هذا المشروع ضمن خطة لتطوير الطرق في المحافظة.'].join('\n');
    const [record] = parseTxt(bytes(text), 'x.txt').records;
    expect(record!.readAlso).toEqual(['عنوان قريب']);
    expect(record!.body.at(-1)).toBe('ويأتي هذا المشروع ضمن خطة لتطوير الطرق في المحافظة.');
  });

  it('reads a date line as an Arab news site prints it: weekday, month name, time with «م»', () => {
    const text = ['عنوان', 'تاريخ النشر: الأربعاء، 3 جويلية 2019 - 09:15 م', 'نص الخبر.'].join('\n');
    const { records, warnings } = parseTxt(bytes(text), 'x.txt');
    expect(records[0]!.date).toBe('2019-07-03T21:15:00.000Z');
    expect(warnings).toEqual([]);
  });

  it('keeps an article with an unreadable date undated and warns', () => {
    const text = ['عنوان', 'تاريخ النشر: منذ ساعتين', 'نص الخبر.'].join('\n');
    const { records, warnings } = parseTxt(bytes(text), 'x.txt');
    expect(records[0]!.date).toBeNull();
    expect(warnings).toEqual([{ file: 'x.txt', line: 1, message: expect.stringContaining('unreadable date') }]);
  });

  it('rejects an article without a body and keeps the next one', () => {
    const text = ['عنوان بلا نص', 'إقرأ أيضاً:', ...ARTICLE_A].join('\n');
    const { records, rejections } = parseTxt(bytes(text), 'x.txt');
    expect(rejections).toEqual([{ file: 'x.txt', line: 1, reason: 'body is empty' }]);
    expect(records.map((r) => r.line)).toEqual([3]);
  });

  it('rejects the article holding invalid UTF-8 and keeps the others', () => {
    const good = bytes([...ARTICLE_A, 'إقرأ أيضاً:', 'عنوان ثان', ''].join('\n'));
    const bad = new Uint8Array([0xd8, 0x28, 0x0a]);
    const input = new Uint8Array([...good, ...bad]);
    const { records, rejections } = parseTxt(input, 'x.txt');
    expect(records.map((r) => r.title)).toEqual(['افتتاح جسر جديد فوق النهر']);
    expect(rejections).toEqual([{ file: 'x.txt', line: 6, reason: 'invalid UTF-8 on line 7' }]);
  });

  it('stores HTML as plain text', () => {
    const [record] = parseTxt(bytes('<b>عنوان</b> &amp; خبر\n<p>نص <i>الخبر</i></p>'), 'x.txt').records;
    expect(record).toMatchObject({ title: 'عنوان & خبر', body: ['نص الخبر'] });
  });
});

describe('parseTxt: «اقرأ أيضاً» glued to a title that starts with punctuation', () => {
  const ARTICLE = ['عنوان المقال', 'تاريخ النشر: 2024-03-01', 'فقرة من نص المقال تنتهي هنا.'];
  const parse = (heading: string): { body: string[]; readAlso: string[] } => {
    const text = [...ARTICLE, heading, 'عنوان قريب ثان', 'المصدر: الجريدة', 'كلمات دلالية: روسيا'].join('\n');
    const [record] = parseTxt(bytes(text), 'page.txt').records;
    return { body: record?.body ?? [], readAlso: record?.readAlso ?? [] };
  };

  it.each([
    ['a straight quote', 'اقرأ أيضاً"ما تتركوا البارودة…"', '"ما تتركوا البارودة…"'],
    ['guillemets', 'اقرأ أيضاً«ما تتركوا البارودة»', '«ما تتركوا البارودة»'],
    ['curly quotes', 'اقرأ أيضاً“ما تتركوا البارودة”', '“ما تتركوا البارودة”'],
    ['a single quote', "اقرأ أيضاً'ما تتركوا البارودة'", "'ما تتركوا البارودة'"],
    ['a bracket', 'اقرأ أيضاً(فيديو) ما تتركوا البارودة', '(فيديو) ما تتركوا البارودة'],
    ['a square bracket', 'اقرأ أيضاً[تقرير] الحرب في عامها الثاني', '[تقرير] الحرب في عامها الثاني'],
    ['a digit', 'اقرأ أيضاً2023 عام الحسم', '2023 عام الحسم'],
    ['an Arabic-Indic digit', 'اقرأ أيضاً٣ قتلى في غارة', '٣ قتلى في غارة'],
    ['a dash, which separates', 'اقرأ أيضاً- ما تتركوا البارودة', 'ما تتركوا البارودة'],
    ['tanween before the alif', 'اقرأ أيضًا"ما تتركوا البارودة"', '"ما تتركوا البارودة"'],
  ])('splits it off %s and keeps the titles after it out of the body', (_form, heading, title) => {
    expect(parse(heading)).toEqual({ body: ['فقرة من نص المقال تنتهي هنا.'], readAlso: [title, 'عنوان قريب ثان'] });
  });

  it('parses «اقرأ أيضاً» + any title back to that title', () => {
    // Colons, dashes and bars right after the heading belong to it («اقرأ أيضاً: …»); any other start does not.
    const first = fc.constantFrom(...'«»"\'“”‘’()[]{}…!؟?.,،0123456789٠١٢٣abcابتثجحخدسشصعغفقكلمنهويءآأإؤئىة');
    const rest = fc.array(fc.constantFrom(...' «»"\'“”()[]-–—:0123456789.؟!ابتثجحخدسشصعغفقكلمنهويءأإة'), { maxLength: 60 });
    fc.assert(
      fc.property(first, rest, (start, chars) => {
        const title = `${start}${chars.join('')}`.trim();
        // Every line's runs of spaces become one (clean-text.ts), titles included.
        expect(parse(`اقرأ أيضاً${title}`).readAlso[0]).toBe(title.replace(/ +/g, ' '));
      }),
    );
  });
});

describe('parseTxt pictures', () => {
  const article = (...pictureLines: string[]) =>
    ['افتتاح جسر جديد', 'تاريخ النشر: 2024-05-01', ...pictureLines, 'افتتحت البلدية جسراً جديداً فوق النهر.', 'المصدر: الجريدة'].join('\n');

  it('reads a picture line with its caption and a credit line', () => {
    const { records, warnings } = parseTxt(bytes(article('الصورة: /images/bridge.jpg الجسر الجديد عند الافتتاح', 'تصوير: وكالة الأنباء')), 'x.txt');
    expect(warnings).toEqual([]);
    expect(records[0]!.image).toEqual({
      src: '/images/bridge.jpg',
      alt: null,
      caption: 'الجسر الجديد عند الافتتاح',
      credit: 'وكالة الأنباء',
      width: null,
      height: null,
    });
    expect(records[0]!.body).toEqual(['افتتحت البلدية جسراً جديداً فوق النهر.']);
  });

  it('reports a picture with a bad address on its own line and keeps the article', () => {
    const { records, warnings } = parseTxt(bytes(article('الصورة: javascript:alert(1)')), 'x.txt');
    expect(records).toHaveLength(1);
    expect(records[0]!.image).toBeNull();
    expect(warnings).toEqual([{ file: 'x.txt', line: 3, message: expect.stringMatching(/image dropped.*article kept/) }]);
  });

  it.each([
    [['الصورة:'], 3, /src is missing/],
    [['الصورة: /a.jpg', 'الصورة: /b.jpg'], 4, /second picture/],
    [['تصوير: وكالة'], 3, /credit .* no picture/],
  ])('never ignores a picture line silently: %j', (lines, line, message) => {
    const { records, warnings } = parseTxt(bytes(article(...lines)), 'x.txt');
    expect(records).toHaveLength(1);
    expect(warnings).toEqual([{ file: 'x.txt', line, message: expect.stringMatching(message) }]);
  });
});
