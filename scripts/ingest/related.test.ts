import { describe, expect, it } from 'vitest';
import { compareArticles, indexTitles, relateArticles, resolveReadAlso, type RelatableArticle } from './related.ts';

const tag = (slug: string) => ({ slug, label: slug });

function article(id: string, title: string, tags: string[], extra: Partial<RelatableArticle> = {}): RelatableArticle {
  return { id, title, date: null, source: null, body: ['نص قصير.'], tags: tags.map(tag), topics: [], ...extra };
}

describe('relateArticles', () => {
  it('never relates an article to itself and relates those that share tags', () => {
    const { related } = relateArticles([
      article('a', 'الأول', ['جسور', 'أنهار']),
      article('b', 'الثاني', ['جسور']),
      article('c', 'الثالث', ['زراعة']),
    ]);
    expect(related[0]!.map((r) => r.id)).toEqual(['b']);
    expect(related[1]!.map((r) => r.id)).toEqual(['a']);
    expect(related[2]).toEqual([]);
  });

  it('ranks rarer shared tags higher and lists shared tags rarest first', () => {
    const others = Array.from({ length: 8 }, (_, i) => article(`o${i}`, `خبر ${i}`, ['شائع']));
    const { related } = relateArticles([
      article('a', 'الأصل', ['شائع', 'نادر']),
      article('b', 'النادر', ['شائع', 'نادر']),
      ...others,
    ]);
    expect(related[0]![0]).toMatchObject({ id: 'b', sharedTags: [tag('نادر'), tag('شائع')] });
  });

  it('returns at most six, newest first among equals', () => {
    const many = Array.from({ length: 10 }, (_, i) =>
      article(`m${i}`, `عنوان رقم ${i}`, ['مشترك'], { date: `2024-01-${String(i + 1).padStart(2, '0')}T00:00:00.000Z` }),
    );
    const { related } = relateArticles(many);
    expect(related[0]!.map((r) => r.id)).toEqual(['m9', 'm8', 'm7', 'm6', 'm5', 'm4']);
    for (const list of related) expect(list.length).toBeLessThanOrEqual(6);
  });

  it('never shows two articles with one title, nor one with the article’s own title', () => {
    const { related } = relateArticles([
      article('a', 'افتتاح الجسر', ['جسور']),
      article('b', 'إفتتاح الجسر', ['جسور']),
      article('c', 'سقوط المطر', ['جسور']),
      article('d', 'سقوط المطر', ['جسور']),
    ]);
    expect(related[0]!.map((r) => r.id)).toEqual(['c']);
    const titles = related[2]!.map((r) => r.title);
    expect(titles).toEqual(['افتتاح الجسر']);
  });

  it('relates by rare words shared in title and lead when there are no tags', () => {
    const { related } = relateArticles([
      article('a', 'فيضان يغمر قرية الزيتون', [], { body: ['غمرت مياه الفيضان بيوت قرية الزيتون.'] }),
      article('b', 'إجلاء سكان قرية الزيتون بعد الفيضان', [], { body: ['بدأت فرق الإنقاذ إجلاء السكان.'] }),
      article('c', 'مباراة كرة القدم', [], { body: ['انتهت المباراة بالتعادل.'] }),
    ]);
    expect(related[0]!.map((r) => r.id)).toEqual(['b']);
    expect(related[0]![0]!.sharedTags).toEqual([]);
  });

  it('gives weight to shared topics between candidates', () => {
    const topic = { slug: 'ukraine', label: 'أوكرانيا' };
    const { related } = relateArticles([
      article('a', 'أ', ['مشترك'], { topics: [topic] }),
      article('b', 'ب', ['مشترك'], { date: '2024-01-02T00:00:00.000Z' }),
      article('c', 'ج', ['مشترك'], { topics: [topic], date: '2024-01-01T00:00:00.000Z' }),
    ]);
    expect(related[0]!.map((r) => r.id)).toEqual(['c', 'b']);
  });

  it('finds candidates through the index: a tag on every article is not walked', () => {
    const n = 2_000;
    const corpus = Array.from({ length: n }, (_, i) => article(`a${i}`, `عنوان ${i}`, ['عام', `زوج${Math.floor(i / 2)}`]));
    const { related, stats } = relateArticles(corpus);
    expect(stats.skippedKeys).toBeGreaterThanOrEqual(1);
    // All pairs would be n² = 4,000,000 postings; each article only walks its pair tag.
    expect(stats.postingsVisited).toBeLessThanOrEqual(n * 2);
    expect(related[0]!.map((r) => r.id)).toEqual(['a1']);
  });

  it('caps the postings one article walks', () => {
    const corpus = Array.from({ length: 300 }, (_, i) => article(`a${i}`, `عنوان ${i}`, [`t${i % 10}`, `u${i % 15}`]));
    const { stats } = relateArticles(corpus, { budget: 25, postingCap: 1_000 });
    expect(stats.postingsVisited).toBeLessThanOrEqual(300 * 30);
  });
});

describe('compareArticles', () => {
  it('puts the newest first, undated last, ties by id', () => {
    const list = [
      { id: 'b', date: null },
      { id: 'c', date: '2024-01-01T00:00:00.000Z' },
      { id: 'a', date: null },
      { id: 'd', date: '2024-02-01T00:00:00.000Z' },
      { id: 'b2', date: '2024-01-01T00:00:00.000Z' },
    ];
    expect(list.sort(compareArticles).map((a) => a.id)).toEqual(['d', 'b2', 'c', 'a', 'b']);
  });
});

describe('resolveReadAlso', () => {
  const index = indexTitles([
    { id: 'x', title: 'افتتاح الجسر الجديد' },
    { id: 'y', title: 'مهرجان الربيع' },
  ]);

  it('links titles the corpus has, whatever their spelling, and keeps the others as text', () => {
    expect(resolveReadAlso(['إفتتاح الجسر الجديد', 'عنوان غير موجود'], index, 'self')).toEqual([
      { title: 'إفتتاح الجسر الجديد', id: 'x' },
      { title: 'عنوان غير موجود', id: null },
    ]);
  });

  it('does not link an article to itself and drops repeated titles', () => {
    expect(resolveReadAlso(['مهرجان الربيع', 'مهرجان الربيع'], index, 'y')).toEqual([{ title: 'مهرجان الربيع', id: null }]);
  });
});
