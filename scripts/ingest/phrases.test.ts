import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { slugify } from '../../src/shared/lib/arabic.ts';
import { EVIDENCE_SOURCES, segmentLines, type EvidenceSource, type PhraseLine } from './phrases.ts';

const line = (keywords: string, body = '', title = ''): PhraseLine => ({
  units: keywords.split(' ').map(slugify),
  text: { title, body: () => body },
});

/** The keywords of each line as slugs, after segmentation. */
function keywords(lines: PhraseLine[], known: string[] = [], evidence?: EvidenceSource[]): string[][] {
  const { runs } = segmentLines(lines, {
    known: new Set(known.map(slugify)),
    evidence: evidence && new Set(evidence),
  });
  return lines.map((l, i) => {
    let start = 0;
    return (runs[i] ?? []).map((length) => l.units.slice(start, (start += length)).join('-'));
  });
}

describe('segmentLines: each source of evidence', () => {
  it('keeps a tag known whole as one keyword', () => {
    expect(keywords([line('روسيا جو بايدن كييف')], ['جو بايدن'])).toEqual([['روسيا', 'جو-بايدن', 'كييف']]);
  });

  it('keeps whole a run written in the body, even seen once in the corpus', () => {
    const body = 'قال الأمين العام لحلف الناتو إن الحلف سيواصل دعمه.';
    expect(keywords([line('روسيا حلف الناتو دونباس', body)])).toEqual([['روسيا', 'حلف-الناتو', 'دونباس']]);
  });

  it('allows a clitic on the first word of the run in the body', () => {
    expect(keywords([line('كتائب القسام غزة', 'وأعلنت وكتائب القسام مسؤوليتها.')])).toEqual([['كتايب-القسام', 'غزه']]);
  });

  it('does not glue two keywords that merely sit next to each other once', () => {
    expect(keywords([line('روسيا أوكرانيا', 'تحدث عن روسيا وأوكرانيا')])).toEqual([['روسيا', 'اوكرانيا']]);
  });

  it('does not join on the title alone', () => {
    expect(keywords([line('روسيا تصعد', '', 'روسيا تصعد عسكريا')])).toEqual([['روسيا', 'تصعد']]);
  });

  it('joins words that recur side by side across lines', () => {
    const lines = [line('طوفان الأقصى غزة'), line('إسرائيل طوفان الأقصى'), line('طوفان الأقصى حماس')];
    expect(keywords(lines, [], ['collocation'])).toEqual([
      ['طوفان-الاقصي', 'غزه'],
      ['اسراييل', 'طوفان-الاقصي'],
      ['طوفان-الاقصي', 'حماس'],
    ]);
  });

  it('keeps apart two common keywords that are seldom side by side, even when the body has them so', () => {
    const lines = [
      line('ترامب يشيد', 'ترامب يشيد بمساعده'),
      ...['واشنطن', 'الصين', 'إيران'].flatMap((other) => [line(`ترامب ${other}`), line(`${other} يشيد`)]),
    ];
    expect(keywords(lines)[0]).toEqual(['ترامب', 'يشيد']);
  });

  it('keeps apart two words that the titles of the corpus use apart, even when the body has them side by side', () => {
    const titles = ['بريطانيا ترحب', 'بريطانيا تنفي', 'بريطانيا تغادر', 'روسيا تتهم', 'إيران تتهم', 'الصين تتهم'];
    const lines = [
      line('بريطانيا تتهم', 'وقالت بريطانيا تتهم موسكو'),
      ...titles.map((title, i) => line(`كلمة${i}`, '', title)),
    ];
    expect(keywords(lines)[0]).toEqual(['بريطانيا', 'تتهم']);
  });

  it.each([
    ['after a particle or a name link', 'محمد بن سلمان السعودية', ['محمد-بن-سلمان', 'السعوديه']],
    ['between a definite noun and its definite adjective', 'العقوبات الأميركية روسيا', ['العقوبات-الاميركيه', 'روسيا']],
  ])('never splits %s', (_rule, text, expected) => {
    expect(keywords([line(text)], [], ['structure'])).toEqual([expected]);
  });

  it('keeps whole a run with في inside when the body has it', () => {
    const body = 'تتواصل العملية العسكرية الروسية في أوكرانيا منذ عامين.';
    expect(keywords([line('روسيا العملية العسكرية الروسية في أوكرانيا حلف الناتو', body)])).toEqual([
      ['روسيا', 'العمليه-العسكريه-الروسيه-في-اوكرانيا', 'حلف', 'الناتو'],
    ]);
  });

  it('keeps whole a longer run of the body whose first word is in construct with the next', () => {
    const title = 'مجلة التايم تختار ولي العهد السعودي';
    const body = 'اختارت مجلة التايم الأميركية ولي العهد السعودي ضمن الأكثر تأثيرا.';
    expect(keywords([line('اقتصاد ولي العهد السعودي مجلة التايم الأميركية', body, title)])).toEqual([
      ['اقتصاد', 'ولي-العهد-السعودي', 'مجله-التايم-الاميركيه'],
    ]);
  });

  it('does not let the construct join two words other evidence keeps apart', () => {
    expect(keywords([line('وزارة الخارجية', 'أكدت وزارة الخارجية.', 'الخارجية ترد على وزارة الدفاع')])).toEqual([['وزاره', 'الخارجيه']]);
  });

  it('ends no keyword on «بلا» or «يا»', () => {
    const body = 'استخدمت الطائرات بلا طيار في الهجوم. وغنى الجمهور هاجر يا قتيبة.';
    expect(keywords([line('الطائرات بلا طيار هاجر يا قتيبة', body)])).toEqual([['الطايرات-بلا-طيار', 'هاجر-يا-قتيبه']]);
  });

  it('does not take a word known alone for an adjective', () => {
    expect(keywords([line('الرياض السعودية')], ['السعودية'], ['structure'])).toEqual([['الرياض', 'السعوديه']]);
  });

  it('takes no run of the text across punctuation', () => {
    const body = 'تشهد العاصمة صنعاء، مجدداً، انعدام الغاز';
    expect(keywords([line('صنعاء مجددا', body)])).toEqual([['صنعاء', 'مجددا']]);
    expect(keywords([line('صنعاء مجددا', 'تشهد صنعاء مجدداً انعدام الغاز')])).toEqual([['صنعاء-مجددا']]);
  });

  it('takes no run of the text that ends with a preposition', () => {
    expect(keywords([line('أنغام بسبب', 'أصابت الفنانة أنغام بسبب ما نشر')])).toEqual([['انغام', 'بسبب']]);
  });

  it('keeps apart two words the article also writes the other way round', () => {
    const text = line('تدين فرنسا', 'قالت المتحدثة: تدين فرنسا إطلاق النار', 'فرنسا تدين إطلاق النار');
    expect(keywords([text])).toEqual([['تدين', 'فرنسا']]);
  });

  it('does not join an adjective to a noun when the text has it after another word only', () => {
    const body = 'دعت المعارضة الإيرانية الأكراد إلى الانتفاض';
    expect(keywords([line('الأكراد الإيرانية', body)], [], ['structure', 'text'])).toEqual([['الاكراد', 'الايرانيه']]);
    expect(keywords([line('الأكراد الإيرانية', 'لم يرد ذكرها')], [], ['structure', 'text'])).toEqual([
      ['الاكراد-الايرانيه'],
    ]);
    expect(keywords([line('الأكراد الإيرانية', 'الأكراد الإيرانية')], [], ['structure', 'text'])).toEqual([
      ['الاكراد-الايرانيه'],
    ]);
  });

  it('keeps apart two words that the title writes, but never side by side, even when the body has them so', () => {
    const body = 'أقر البرلمان قانون الانتخابات الجديد';
    const apart = line('قانون الانتخابات', body, 'الانتخابات المقبلة: البرلمان يناقش قانون الأحزاب');
    expect(keywords([apart])).toEqual([['قانون', 'الانتخابات']]);
    expect(keywords([line('قانون الانتخابات', body, 'البرلمان يقر القانون')])).toEqual([['قانون-الانتخابات']]);
  });

  it('keeps a tag known whole even when the title writes its words apart', () => {
    const title = 'كوريا الجنوبية ترد على الشمالية';
    const korea = line('كوريا الشمالية اليابان', 'أطلقت كوريا الشمالية صاروخا', title);
    expect(keywords([korea], ['كوريا الشمالية'])).toEqual([['كوريا-الشماليه', 'اليابان']]);
  });

  it('keeps a run with a particle inside although the title has the particle elsewhere', () => {
    const body = 'تدخل الحرب في أوكرانيا عامها الثالث';
    const title = 'الحرب تشتد في دونباس وأوكرانيا تطلب الدعم';
    expect(keywords([line('الحرب في أوكرانيا روسيا', body, title)])).toEqual([['الحرب-في-اوكرانيا', 'روسيا']]);
  });

  it('does not join an adjective to a noun that the title writes apart from it', () => {
    const body = 'قالت الحكومة المصرية إن الأسعار ستنخفض';
    const title = 'الشركة المصرية للاتصالات تنافس الحكومة';
    expect(keywords([line('الحكومة المصرية', body, title)], [], ['structure', 'text'])).toEqual([['الحكومه', 'المصريه']]);
    expect(keywords([line('الحكومة المصرية', body)], [], ['structure', 'text'])).toEqual([['الحكومه-المصريه']]);
  });

  it.each([
    ['known whole and in the body', 'ضم 12 لاعبا أجنبيا إلى الفريق', ['لاعبا أجنبيا'], ['لاعبا', 'اجنبيا']],
    ['in the body only', 'ضم 12 لاعبا أجنبيا إلى الفريق', [], ['لاعبا', 'اجنبيا']],
    ['written without a number', 'ضم لاعبا أجنبيا إلى الفريق', [], ['لاعبا-اجنبيا']],
    ['after a year, not a count', 'ضم في 2018 لاعبا أجنبيا إلى الفريق', [], ['لاعبا-اجنبيا']],
  ])('starts no keyword with a counted noun (%s)', (_case, body, known, expected) => {
    expect(keywords([line('لاعبا أجنبيا', body)], known)).toEqual([expected]);
  });

  it('breaks a tie by leaving alone the word known whole as a tag of its own', () => {
    const body = 'يتبع لمصانع أسمنت سيناء منذ سنوات';
    expect(keywords([line('مصانع أسمنت سيناء', body)], ['مصانع'])).toEqual([['مصانع', 'اسمنت-سيناء']]);
    expect(keywords([line('مصانع أسمنت سيناء', body)], ['سيناء'])).toEqual([['مصانع-اسمنت', 'سيناء']]);
  });

  it('does not take two tags known alone for a collocation because lines list them together', () => {
    const lines = ['المنتخب', 'أول', 'كأس', 'ملعب'].map((other) => line(`${other} روسيا المنتخب`));
    const apart = keywords(lines, ['روسيا', 'المنتخب'], ['whole', 'collocation']);
    expect(apart.every((keys) => keys.includes('روسيا') && keys.includes('المنتخب'))).toBe(true);
    expect(keywords(lines, [], ['whole', 'collocation'])[1]).toEqual(['اول', 'روسيا-المنتخب']);
    // A title of the corpus that writes the pair side by side says it may be one keyword after all.
    const titled = [...lines, line('ملعب', '', 'روسيا المنتخب يفوز')];
    expect(keywords(titled, ['روسيا', 'المنتخب'], ['whole', 'collocation'])[1]).toEqual(['اول', 'روسيا-المنتخب']);
  });

  it('splits every word when no evidence is used', () => {
    expect(keywords([line('حلف الناتو', 'حلف الناتو')], ['حلف الناتو'], [])).toEqual([['حلف', 'الناتو']]);
  });
});

describe('segmentLines: the report', () => {
  it('says which evidence made each phrase, in how many lines', () => {
    const result = segmentLines(
      [line('حلف الناتو روسيا', 'قمة حلف الناتو'), line('حلف الناتو كييف'), line('العقوبات الأميركية')],
      { known: new Set([slugify('حلف الناتو')]) },
    );
    expect(result.phrases).toEqual([
      // «حلف الناتو» in the body: «حلف» in construct with «الناتو» (structure) and a run of the text.
      { slug: 'حلف-الناتو', lines: 2, evidence: { whole: 2, text: 1, collocation: 0, structure: 1 } },
      { slug: 'العقوبات-الاميركيه', lines: 1, evidence: { whole: 0, text: 0, collocation: 0, structure: 1 } },
    ]);
  });

  it('lists the runs that some evidence supported but the split left apart', () => {
    const result = segmentLines([line('روسيا تصعد', '', 'روسيا تصعد عسكريا')], { known: new Set() });
    expect(result.undecided).toEqual([{ slug: 'روسيا-تصعد', lines: 1 }]);
  });
});

describe('segmentLines: properties', () => {
  const word = fc.constantFrom('في', 'بن', 'حلف', 'الناتو', 'العملية', 'العسكرية', 'روسيا', 'جو', 'بايدن', 'أبو', 'كييف');
  const lines = fc.array(
    fc.record({ words: fc.array(word, { maxLength: 12 }), body: fc.array(word, { maxLength: 20 }) }),
    { maxLength: 8 },
  );

  it('covers every word of every line once, in order, the same way every time', () => {
    fc.assert(
      fc.property(lines, fc.subarray([...EVIDENCE_SOURCES]), (input, sources) => {
        const built = input.map(({ words, body }) => ({
          units: words.map(slugify),
          text: { title: '', body: () => body.join(' ') },
        }));
        const options = { known: new Set([slugify('جو بايدن')]), evidence: new Set(sources) };
        const first = segmentLines(built, options);
        expect(segmentLines(built, options)).toEqual(first);
        first.runs.forEach((runs, i) => {
          expect(runs.every((length) => length >= 1)).toBe(true);
          expect(runs.reduce((a, b) => a + b, 0)).toBe(built[i]!.units.length);
        });
      }),
    );
  });
});
