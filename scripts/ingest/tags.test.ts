import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cleanLine } from './clean-text.ts';
import { parseTxt } from './parse-txt.ts';
import { assignTags, type KeywordInput } from './tags.ts';
import { loadTaxonomy, parseTaxonomy } from './taxonomy.ts';
import { assignTopics } from './topics.ts';

const taxonomy = parseTaxonomy({
  topics: [{ slug: 'karabakh', label: 'كاراباخ', aliases: ['ناغورنو كاراباخ', 'قره باغ'] }],
  tags: [
    { label: 'أذربيجان', aliases: ['أذريبجان'] },
    { label: 'دميتري بيسكوف', aliases: ['بيسكوف'] },
    { label: 'قوات حفظ السلام' },
    { label: 'قوات حفظ السلام الروسية' },
  ],
  drop: ['في', 'من', 'إقليم', 'عاجل'],
});

const joined = (line: string): KeywordInput => ({ joined: line, whole: [] });
const whole = (...tags: string[]): KeywordInput => ({ joined: null, whole: tags });
const labelsOf = (inputs: KeywordInput[]): string[][] =>
  assignTags(inputs, taxonomy).tagsPerArticle.map((tags) => tags.map((tag) => tag.label));

describe('assignTags: splitting a keyword line', () => {
  it.each([
    ['single words when nothing is known', 'روسيا موسكو الكرملين', ['روسيا', 'موسكو', 'الكرملين']],
    ['a known multi-word tag whole', 'روسيا دميتري بيسكوف موسكو', ['روسيا', 'دميتري بيسكوف', 'موسكو']],
    ['the longest known phrase first', 'قوات حفظ السلام الروسية', ['قوات حفظ السلام الروسية']],
    [
      'a shorter known phrase when the longer is absent',
      'قوات حفظ السلام روسيا',
      ['قوات حفظ السلام', 'روسيا'],
    ],
    [
      'topic aliases as phrases',
      'أرمينيا ناغورنو كاراباخ قره باغ',
      ['أرمينيا', 'ناغورنو كاراباخ', 'قره باغ'],
    ],
    ['known phrases compared normalised', 'دميتري  بيسكوفْ', ['دميتري بيسكوف']],
    [
      'explicit separators instead of spaces',
      'الجيش الروسي، حلف شمال الأطلسي',
      ['الجيش الروسي', 'حلف شمال الأطلسي'],
    ],
    ['hashtags whole, underscores as spaces', '#قطاع_غزة #الضفة_الغربية', ['قطاع غزة', 'الضفة الغربية']],
  ])('%s', (_rule, line, expected) => {
    expect(labelsOf([joined(line)])).toEqual([expected]);
  });

  it('learns multi-word tags that other articles gave whole', () => {
    expect(labelsOf([whole('الجيش الروسي'), joined('موسكو الجيش الروسي كييف')])[1]).toEqual([
      'موسكو',
      'الجيش الروسي',
      'كييف',
    ]);
  });
});

describe('assignTags: dropping', () => {
  it.each([
    ['a function word', 'في'],
    ['a listed fragment', 'إقليم'],
    ['a phrase made only of function words and fragments', 'فی إقلیم'],
    ['a single letter', 'و'],
    ['digits only', '٢٠٢٣'],
    ['punctuation only', '«»'],
    ['a listed tag', 'عاجل'],
  ])('drops %s', (_rule, tag) => {
    expect(labelsOf([whole(tag)])).toEqual([[]]);
  });

  it('never makes an empty chip or a slug without a letter, whatever the tag', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ unit: 'grapheme' }), { maxLength: 5 }), (forms) => {
        for (const tag of assignTags([whole(...forms.map(cleanLine))], taxonomy).tagsPerArticle[0] ?? []) {
          expect(tag.label.trim()).not.toBe('');
          expect(tag.slug).toMatch(/\p{L}/u);
          expect(tag.slug).not.toMatch(/\s/);
        }
      }),
    );
  });

  it('keeps a phrase that has one real word', () => {
    expect(labelsOf([whole('إقليم كاراباخ')])).toEqual([['إقليم كاراباخ']]);
  });
});

describe('assignTags: merging and labels', () => {
  it('merges spellings that normalise alike and taxonomy aliases, once per article', () => {
    expect(labelsOf([joined('أذربيجان اذربيجان أذريبجان روسيا')])).toEqual([['أذربيجان', 'روسيا']]);
  });

  it('merges a surname the taxonomy aliases to the full name', () => {
    expect(labelsOf([joined('بيسكوف دميتري بيسكوف')])).toEqual([['دميتري بيسكوف']]);
  });

  it('keeps a clitic form apart from its bare word', () => {
    expect(labelsOf([joined('كاراباخ وكاراباخ')])).toEqual([['كاراباخ', 'وكاراباخ']]);
  });

  it('labels an unlisted tag with its most common written form', () => {
    const result = assignTags([whole('أرمينيا'), whole('ارمينيا'), whole('ارمينيا')], taxonomy);
    expect(result.vocabulary).toEqual([{ slug: 'ارمينيا', label: 'ارمينيا', count: 3 }]);
  });

  it('breaks a tie between written forms by the first seen', () => {
    const result = assignTags([whole('ارمينيا'), whole('أرمينيا')], taxonomy);
    expect(result.vocabulary[0]?.label).toBe('ارمينيا');
  });

  it('labels a taxonomy tag with the taxonomy label, however it was written', () => {
    const result = assignTags([whole('أذريبجان'), whole('اذربيجان')], taxonomy);
    expect(result.vocabulary).toEqual([{ slug: 'اذربيجان', label: 'أذربيجان', count: 2 }]);
    expect(result.merged).toEqual([
      { slug: 'اذربيجان', label: 'أذربيجان', variants: ['أذريبجان', 'اذربيجان'] },
    ]);
  });

  it('shares one TagRef per tag across articles', () => {
    const [first, second] = assignTags([whole('روسيا'), whole('روسيا')], taxonomy).tagsPerArticle;
    expect(first?.[0]).toBe(second?.[0]);
  });

  it('counts articles and sorts the vocabulary by count, then slug', () => {
    const result = assignTags([whole('موسكو', 'روسيا'), whole('روسيا'), whole('باكو')], taxonomy);
    expect(result.vocabulary.map((tag) => [tag.label, tag.count])).toEqual([
      ['روسيا', 2],
      ['باكو', 1],
      ['موسكو', 1],
    ]);
  });
});

describe('assignTags: likely variants', () => {
  it.each([
    ['one letter differs', 'ناجورنو', 'ناغورنو'],
    ['two adjacent letters swapped', 'سيباستوبول', 'سيباستبوول'],
    ['one letter more or less', 'زيلينسكي', 'زيلنسكي'],
    ['the same word behind a clitic', 'روسيا', 'وروسيا'],
  ])('reports %s', (reason, a, b) => {
    const result = assignTags([whole(a), whole(a), whole(b)], taxonomy);
    expect(result.likelyVariants).toEqual([{ a, b, reason }]);
  });

  it.each([
    ['short words', 'مصر', 'نصر'],
    ['words two edits apart', 'كاراباخ', 'كارابوخو'],
  ])('leaves %s alone', (_case, a, b) => {
    expect(assignTags([whole(a), whole(b)], taxonomy).likelyVariants).toEqual([]);
  });
});

describe('assignTags: the seed keyword line with the shipped taxonomy', () => {
  const seed = readFileSync(fileURLToPath(new URL('../../content/seed.txt', import.meta.url)), 'utf8');
  const line = /^كلمات دلالية:(.*)$/m.exec(seed)?.[1] ?? '';

  it('finds the keyword line', () => {
    expect(line).toContain('بيسكوف');
  });

  it('splits, merges and drops as an editor would', async () => {
    const shipped = await loadTaxonomy(
      fileURLToPath(new URL('../../content/taxonomy.json', import.meta.url)),
    );
    const [tags] = assignTags([joined(line)], shipped).tagsPerArticle;
    expect(tags?.map((tag) => tag.label)).toEqual([
      'روسيا',
      'موسكو',
      'الكرملين',
      'دميتري بيسكوف',
      'أرمينيا',
      'قوات حفظ السلام الروسية',
      'أذربيجان',
      'كاراباخ',
      'إقليم كاراباخ',
      'القوات الأذربيجانية',
      'القوات الأرمينية',
    ]);
  });
});

describe('assignTags: keyword phrases on seed-format pages', () => {
  // Fixture pages written for this test: lines mixing a taxonomy phrase, phrases only the body or other
  // lines reveal, and single words.
  const page = (title: string, body: string, keywords: string): string =>
    [title, 'تاريخ النشر: 2024-03-01', body, 'المصدر: الجريدة', `كلمات دلالية: ${keywords}`].join('\n');
  const pages = [
    page(
      'الناتو يبحث دعم كييف',
      'اجتمع وزراء حلف الناتو لبحث العملية العسكرية الروسية في أوكرانيا، فيما دعا قائد كتائب القسام إلى التهدئة.',
      'روسيا أوكرانيا العملية العسكرية الروسية في أوكرانيا حلف الناتو دونباس كتائب القسام ناغورنو كاراباخ',
    ),
    page('طوفان الأقصى بعد عام', 'مر عام على الهجوم.', 'غزة طوفان الأقصى حماس'),
    page('ذكرى الهجوم', 'تقرير عن الذكرى.', 'طوفان الأقصى إسرائيل'),
    page('قراءة في الحرب', 'تحليل للحرب.', 'لبنان طوفان الأقصى'),
  ].join('\nإقرأ أيضاً:\n');
  const { records } = parseTxt(new TextEncoder().encode(pages), 'pages.txt');
  const result = assignTags(
    records.map((r) => r.keywords),
    taxonomy,
    { text: (i) => ({ title: records[i]?.title ?? '', body: () => records[i]?.body.join('\n') ?? '' }) },
  );
  const chips = result.tagsPerArticle.map((tags) => tags.map((tag) => tag.label));

  it('makes one chip of each whole keyword', () => {
    expect(chips[0]).toEqual([
      'روسيا',
      'أوكرانيا',
      'العملية العسكرية الروسية في أوكرانيا',
      'حلف الناتو',
      'دونباس',
      'كتائب القسام',
      'ناغورنو كاراباخ',
    ]);
  });

  it('puts the article in the topic its whole phrase names', () => {
    const article = { title: 'عنوان', body: ['نص لا يسمي الإقليم.'], tags: result.tagsPerArticle[0] ?? [] };
    expect(assignTopics(article, taxonomy).map((topic) => topic.slug)).toEqual(['karabakh']);
  });

  it('joins a phrase seen in several lines without the body saying so', () => {
    expect(chips.slice(1).map((tags) => tags.filter((tag) => tag.includes(' ')))).toEqual([
      ['طوفان الأقصى'],
      ['طوفان الأقصى'],
      ['طوفان الأقصى'],
    ]);
  });

  it('loses no single keyword that the text writes beside another only across a comma, the other way round, or qualifying another word', () => {
    const other = page(
      'فرنسا تدين القصف',
      'قالت الخارجية: تدين فرنسا القصف، وتشهد صنعاء، مجدداً، انقطاع الغاز. والمعارضة الإيرانية تدعو الأكراد إلى الانتفاض.',
      'تدين فرنسا صنعاء مجددا الأكراد الإيرانية',
    );
    const [record] = parseTxt(new TextEncoder().encode(other), 'other.txt').records;
    const [tags] = assignTags([record!.keywords], taxonomy, {
      text: () => ({ title: record!.title, body: () => record!.body.join('\n') }),
    }).tagsPerArticle;
    expect(tags?.map((tag) => tag.label)).toEqual(['تدين', 'فرنسا', 'صنعاء', 'مجددا', 'الأكراد', 'الإيرانية']);
  });

  it('does not report a phrase that is dropped', () => {
    const dropped = assignTags([{ joined: 'روسيا في إقليم', whole: [] }], taxonomy);
    expect(dropped.tagsPerArticle).toEqual([[{ slug: 'روسيا', label: 'روسيا' }]]);
    expect(dropped.phrases).toEqual([]);
  });

  it('reports the phrases it found with their evidence, and not the taxonomy phrases', () => {
    expect(result.phrases.map((p) => [p.label, p.lines, p.evidence])).toEqual([
      ['طوفان الأقصى', 3, { whole: 0, text: 1, collocation: 3, structure: 0 }],
      ['العملية العسكرية الروسية في أوكرانيا', 1, { whole: 0, text: 1, collocation: 0, structure: 1 }],
      // Both a noun in construct with the next word, side by side in the body (structure).
      ['حلف الناتو', 1, { whole: 0, text: 1, collocation: 0, structure: 1 }],
      ['كتائب القسام', 1, { whole: 0, text: 1, collocation: 0, structure: 1 }],
    ]);
  });
});
