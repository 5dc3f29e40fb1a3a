import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { TagRef } from '../../src/data/schema.ts';
import { tokenize } from '../../src/shared/lib/arabic.ts';
import { loadTaxonomy, parseTaxonomy } from './taxonomy.ts';
import { assignTopics, countMentions, topicMatcher } from './topics.ts';

const taxonomy = parseTaxonomy({
  topics: [
    {
      slug: 'karabakh',
      label: 'كاراباخ',
      aliases: ['قره باغ', 'ناغورنو كاراباخ', 'ناجورنو كاراباخ'],
    },
    { slug: 'ukraine', label: 'أوكرانيا', aliases: ['كييف'], adjectives: ['أوكراني'] },
    {
      slug: 'russia',
      label: 'روسيا',
      aliases: ['موسكو', 'الكرملين'],
      adjectives: ['روسي'],
      exclude: ['روسيا البيضاء'],
    },
    { slug: 'iraq', label: 'العراق', adjectives: ['عراقي'] },
  ],
});

const slugs = (title: string, body: string[] = [], tags: TagRef[] = []): string[] =>
  assignTopics({ title, body, tags }, taxonomy).map((topic) => topic.slug);

function mentionsOf(text: string): Record<string, number> {
  const matcher = topicMatcher(taxonomy);
  const counts = new Array<number>(matcher.topics.length).fill(0);
  countMentions(tokenize(text), matcher, counts);
  return Object.fromEntries(
    matcher.topics.map((topic, i) => [topic.slug, counts[i] ?? 0]).filter(([, n]) => n !== 0),
  );
}

describe('countMentions', () => {
  it.each([
    ['the name', 'زار أوكرانيا', { ukraine: 1 }],
    ['behind و', 'روسيا وأوكرانيا', { russia: 1, ukraine: 1 }],
    ['behind ل', 'دعم لأوكرانيا', { ukraine: 1 }],
    ['behind ب', 'قمة بأوكرانيا', { ukraine: 1 }],
    ['behind وب', 'وبأوكرانيا', { ukraine: 1 }],
    ['an adjective with the article', 'الحكومة الأوكرانية', { ukraine: 1 }],
    ['an adjective behind بال', 'بالأوكرانية', { ukraine: 1 }],
    ['a plural adjective', 'الأوكرانيين', { ukraine: 1 }],
    ['a name that carries the article', 'في العراق والعراقيين', { iraq: 2 }],
    ['the article restored behind لل', 'للعراق', { iraq: 1 }],
    ['a capital', 'من كييف إلى موسكو', { ukraine: 1, russia: 1 }],
    ['a two-word alias once', 'إقليم قره باغ', { karabakh: 1 }],
    ['a two-word alias behind a clitic', 'وقره باغ', { karabakh: 1 }],
    ['the longest alias once', 'ناغورنو كاراباخ', { karabakh: 1 }],
    ['spellings as normalised', 'ناجورنو كاراباخ وكاراباخ', { karabakh: 2 }],
    ['nothing for half a two-word alias', 'قره', {}],
    ['nothing for an excluded phrase', 'منتخب روسيا البيضاء', {}],
    ['nothing for a word that merely contains a name', 'روسياتوم أوكرانيات_', { ukraine: 1 }],
    ['nothing for a name that starts like a clitic', 'بوروسيا دورتموند', {}],
  ])('counts %s', (_case, text, expected) => {
    expect(mentionsOf(text)).toEqual(expected);
  });
});

describe('assignTopics', () => {
  it('takes a topic named in the title', () => {
    expect(slugs('قمة بشأن أوكرانيا')).toEqual(['ukraine']);
  });

  it('takes a topic named in a tag', () => {
    expect(slugs('قمة في باريس', [], [{ slug: 'القوات-الاوكرانيه', label: 'القوات الأوكرانية' }])).toEqual([
      'ukraine',
    ]);
  });

  it('takes a topic named in the first paragraph and another one', () => {
    expect(slugs('قمة في باريس', ['دعم أوكرانيا.', 'نص آخر.', 'وقال إن الجيش الأوكراني قوي.'])).toEqual([
      'ukraine',
    ]);
  });

  it('takes a topic named in three paragraphs', () => {
    expect(slugs('قمة', ['مقدمة.', 'عن أوكرانيا.', 'عن كييف.', 'عن الأوكرانيين.'])).toEqual(['ukraine']);
  });

  it.each([
    ['once, deep in the body', ['مقدمة عن الاقتصاد.', 'نص.', 'كما زار روسيا العام الماضي.']],
    ['only in the first paragraph', ['زار الوزير روسيا ثم عاد.', 'وتحدث عن الاقتصاد.']],
    ['twice in one paragraph, not the first', ['مقدمة.', 'زار روسيا ثم عاد من موسكو.']],
    ['in two paragraphs, neither the first', ['مقدمة.', 'زار روسيا.', 'نص.', 'عاد من موسكو.']],
  ])('leaves out a topic mentioned in passing: %s', (_case, body) => {
    expect(slugs('خبر اقتصادي', body)).toEqual([]);
  });

  it('lists topics in taxonomy order, not the order they appear', () => {
    expect(slugs('العراق وروسيا وأوكرانيا وكاراباخ')).toEqual(['karabakh', 'ukraine', 'russia', 'iraq']);
  });

  it('compiles the matcher once per taxonomy', () => {
    expect(topicMatcher(taxonomy)).toBe(topicMatcher(taxonomy));
  });
});

/** Just enough of the seed format for these tests; the ingest's parser is the real one. */
function seedArticles(): Array<{ title: string; body: string[] }> {
  const text = readFileSync(fileURLToPath(new URL('../../content/seed.txt', import.meta.url)), 'utf8');
  const lines = text.split('\n').map((line) => line.trim());
  const articles: Array<{ title: string; body: string[] }> = [];
  let current: { title: string; body: string[] } | null = null;
  let inBody = false;
  for (const line of lines) {
    if (line === '') continue;
    if (current === null || /^إقرأ أيضاً:$/.test(line)) {
      if (current !== null) articles.push(current);
      current = line.startsWith('إقرأ') ? null : { title: line, body: [] };
      inBody = current !== null;
      continue;
    }
    if (/^(تاريخ النشر|المصدر|كلمات دلالية|الصورة|تصوير):/.test(line)) continue;
    if (line.startsWith('اقرأ أيضاً')) inBody = false;
    else if (inBody) current.body.push(line);
  }
  if (current !== null) articles.push(current);
  return articles;
}

describe('assignTopics on the seed with the shipped taxonomy', async () => {
  const shipped = await loadTaxonomy(fileURLToPath(new URL('../../content/taxonomy.json', import.meta.url)));
  const [kremlin, macron] = seedArticles();
  const topicsOf = (article: { title: string; body: string[] } | undefined): string[] =>
    article === undefined ? [] : assignTopics({ ...article, tags: [] }, shipped).map((topic) => topic.slug);

  it('reads both seed articles', () => {
    expect(kremlin?.title).toContain('الكرملين');
    expect(macron?.title).toContain('ماكرون');
    expect(macron?.body).toHaveLength(6);
  });

  it('puts the Kremlin article in karabakh and not in ukraine', () => {
    expect(topicsOf(kremlin)).toContain('karabakh');
    expect(topicsOf(kremlin)).not.toContain('ukraine');
  });

  it('puts the Macron article in ukraine and not in karabakh', () => {
    expect(topicsOf(macron)).toContain('ukraine');
    expect(topicsOf(macron)).not.toContain('karabakh');
  });

  it('gives each the countries it is about', () => {
    expect(topicsOf(kremlin)).toEqual(['karabakh', 'russia', 'armenia', 'azerbaijan']);
    // «بشأن العقوبات على روسيا..»: the topic its title names comes first.
    expect(topicsOf(macron)).toEqual(['russia', 'ukraine']);
  });

  it('puts first the topics its title names, then the others in taxonomy order', () => {
    const article = {
      title: 'احتجاجات في أرمينيا لليوم الخامس',
      body: ['تظاهر الآلاف في يريفان.', 'وتحدث المحتجون عن كاراباخ.', 'وطالبوا باستقالة رئيس الوزراء في أرمينيا.', 'وعن كاراباخ قالوا الكثير.', 'وعاد الحديث عن كاراباخ.'],
      tags: [],
    };
    expect(assignTopics(article, shipped).map((t) => t.slug)).toEqual(['armenia', 'karabakh']);
  });
});
