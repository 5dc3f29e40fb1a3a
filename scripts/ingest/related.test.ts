import { isDeepStrictEqual } from 'node:util';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalizeArabic } from '../../src/shared/lib/arabic.ts';
import { headlineBigrams, headlineSimilarity } from './headline-similarity.ts';
import {
  compareArticles,
  formatRelatedQuality,
  indexTitles,
  measureRelated,
  relateArticles,
  resolveReadAlso,
  type RelatableArticle,
} from './related.ts';

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

  describe('a story told twice', () => {
    const own = 'الحكومة تعلن خطة جديدة لدعم مزارعي الزيتون في الجنوب';
    const day = (d: number) => ({ date: `2024-03-0${d}T00:00:00.000Z` });

    it('skips a headline near-identical to the article’s own and fills its place with the next candidate', () => {
      const { related } = relateArticles(
        [
          article('a', own, ['زيتون']),
          // The same story from another outlet: a clitic glued on, newest, so it ranks first.
          article('b', 'الحكومة تعلن خطة جديدة لدعم مزارعي الزيتون بالجنوب', ['زيتون'], day(3)),
          article('c', 'أسعار زيت الزيتون ترتفع قبل موسم القطاف', ['زيتون'], day(2)),
          article('d', 'أمطار غزيرة تبشر بموسم وفير في الحقول', ['زيتون'], day(1)),
        ],
        { maxRelated: 2 },
      );
      expect(related[0]!.map((r) => r.title)).toEqual([
        'أسعار زيت الزيتون ترتفع قبل موسم القطاف',
        'أمطار غزيرة تبشر بموسم وفير في الحقول',
      ]);
    });

    it('keeps the better-ranked of two near-identical candidates', () => {
      const { related } = relateArticles([
        article('a', 'دور النشر تستعد لموسم القراءة', ['كتب']),
        article('b', 'افتتاح معرض الكتاب الدولي بمشاركة مئة دار للنشر', ['كتب'], day(3)),
        article('c', 'إفتتاح معرض الكتاب الدولي: مشاركة مئة دار نشر', ['كتب'], day(2)),
        article('d', 'جائزة الرواية تعلن قائمتها الطويلة', ['كتب'], day(1)),
      ]);
      expect(related[0]!.map((r) => r.id)).toEqual(['b', 'd']);
    });

    it('keeps another angle on the story, a headline only somewhat alike', () => {
      const angle = 'مزارعو الزيتون في الجنوب يرحبون بخطة الحكومة الجديدة';
      expect(headlineSimilarity(headlineBigrams(normalizeArabic(own)), headlineBigrams(normalizeArabic(angle)))).toBeGreaterThan(0.7);
      const { related } = relateArticles([article('a', own, ['زيتون']), article('b', angle, ['زيتون'])]);
      expect(related[0]!.map((r) => r.title)).toEqual([angle]);
    });
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

/**
 * A fixture with seed-like keyword tags, written for this test: four stories of eight articles. Each story
 * has five keywords and each article carries three of them (so any two of a story share one), a keyword for
 * its region (two stories each), and a keyword of its own. Each article also names a person and a town
 * that one article of a story in the other region names too: by words alone, that stranger is its best match.
 */
function keywordCorpus(): RelatableArticle[] {
  const stories = [
    { region: 'الساحل', keywords: ['ميناء الصيادين', 'أسطول الصيد', 'أسعار السمك', 'نقابة البحارة', 'وزارة الزراعة'] },
    { region: 'الساحل', keywords: ['جسر الخليج', 'الطرق السريعة', 'وزارة النقل', 'مقاولات', 'ازدحام المرور'] },
    { region: 'الداخل', keywords: ['موسم الحصاد', 'الجفاف', 'مياه الري', 'السدود', 'أسعار القمح'] },
    { region: 'الداخل', keywords: ['معرض الكتاب', 'دور النشر', 'جائزة الرواية', 'الشعر', 'المكتبات العامة'] },
  ];
  const words = (text: string): string[] => text.split(' ');
  const own = words(
    'قمح شعير أرز عدس فول حمص سمسم زيتون تمر عنب تين رمان مشمش خوخ برتقال ليمون ' +
      'موز تفاح بطيخ شمام جزر بصل ثوم فلفل خيار طماطم بطاطس كوسا ملفوف قرنبيط سبانخ بقدونس',
  );
  const firstNames = words('سالم ناصر عادل كريم ماجد فهد وليد رائد هشام باسل نبيل زياد طارق حازم منير جميل');
  const families = words(
    'الخطيب النجار الحداد الصباغ العطار الخياط الفخراني الزيات الدباغ الحلاق القصاب البناء السقا الطحان الخباز الجزار',
  );
  const towns = words(
    'الرمانة الصفصاف البيدر القنطرة الغدير المرجان الياسمين الزعتر الطاحونة السنديان البلوط الصنوبر النارنج الخزامى ' +
      'الريحان الأقحوان',
  );
  const corpus: RelatableArticle[] = [];
  stories.forEach((story, s) => {
    for (let k = 0; k < 8; k++) {
      // Stories 0 ↔ 2 and 1 ↔ 3 share people and towns, never keywords.
      const pair = (s % 2) * 8 + k;
      const person = `${firstNames[pair]} ${families[pair]}`;
      const word = own[s * 8 + k]!;
      corpus.push(
        article(`s${s}-${k}`, `${person} يتحدث عن ${word} في ${towns[pair]}`, [
          ...[0, 1, 2].map((d) => story.keywords[(k + d) % 5]!),
          story.region,
          `محصول ${word}`,
        ], {
          date: `2024-0${s + 1}-${String(k + 10)}T08:00:00.000Z`,
          body: [`قال ${person} من ${towns[pair]} إن ${word} موضوع اليوم.`],
        }),
      );
    }
  });
  return corpus;
}

describe('relateArticles on keyword tags', () => {
  it('links at least nine in ten related articles through a shared tag', () => {
    const corpus = keywordCorpus();
    const quality = measureRelated(relateArticles(corpus).related);
    expect(quality.links).toBe(corpus.length * 6);
    expect(quality.linksSharingTag / quality.links).toBeGreaterThanOrEqual(0.9);
  });

  it('needs the tags to get there: by words alone the panels point to the other region', () => {
    const corpus = keywordCorpus();
    const tagsOf = new Map(corpus.map((a) => [a.id, new Set(a.tags.map((t) => t.slug))]));
    const { related } = relateArticles(corpus.map((a) => ({ ...a, tags: [] })));
    const links = related.flatMap((list, i) => list.map((r) => [corpus[i]!.id, r.id] as const));
    const sharing = links.filter(([a, b]) => [...tagsOf.get(a)!].some((t) => tagsOf.get(b)!.has(t)));
    expect(links.length).toBeGreaterThan(0);
    expect(sharing.length / links.length).toBeLessThan(0.5);
  });

  it('ranks a candidate sharing a tag above one sharing more words', () => {
    const { related } = relateArticles([
      article('a', 'وليد الحداد يفتتح سوق القرية', ['أسواق'], { body: ['افتتح وليد الحداد سوق القرية الجديد.'] }),
      article('b', 'وليد الحداد يزور سوق القرية', [], { date: '2024-05-01T00:00:00.000Z' }),
      article('c', 'تجار يستعدون للموسم', ['أسواق']),
    ]);
    expect(related[0]!.map((r) => r.id)).toEqual(['c', 'b']);
  });

  it('counts a tag too common to walk when a candidate found by words shares it', () => {
    const filler = Array.from({ length: 40 }, (_, i) => article(`f${i}`, `خبر عام ${i}`, ['محليات']));
    const { related } = relateArticles([
      article('a', 'فيضان يغمر قرية الزيتون', ['محليات']),
      article('b', 'فيضان جديد في قرية الزيتون', [], { date: '2024-05-02T00:00:00.000Z' }),
      article('c', 'فيضان آخر قرب قرية الزيتون', ['محليات'], { date: '2024-05-01T00:00:00.000Z' }),
      ...filler,
    ], { postingCap: 20 });
    expect(related[0]!.map((r) => r.id).slice(0, 2)).toEqual(['c', 'b']);
    expect(related[0]![0]!.sharedTags).toEqual([tag('محليات')]);
  });
});

describe('measureRelated', () => {
  it('counts links, links sharing a tag and articles with at least one', () => {
    const link = (shared: number) => ({ sharedTags: Array.from({ length: shared }, (_, i) => tag(`t${i}`)) });
    const quality = measureRelated([[link(1), link(0), link(2)], [], [link(0)]]);
    expect(quality).toEqual({ articles: 3, withRelated: 2, links: 4, linksSharingTag: 2 });
    expect(formatRelatedQuality(quality)).toBe(
      'related links sharing a tag: 2 of 4 (50.0%), 1.33 per article, 66.7% of articles with at least one',
    );
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

describe('relateArticles with the last run\'s memo', () => {
  const words = ['نهر', 'جسر', 'مدينة', 'سوق', 'مطر', 'قرية', 'طريق', 'ميناء', 'سفينة', 'جبل', 'وادي', 'بحر'];
  const word = fc.constantFrom(...words);
  /**
   * Headlines of two stories, each told several ways: near-identical (a clitic glued on, one word changed,
   * a spelling variant), or from another angle (below the near-duplicate threshold). Without them few
   * panels would skip a near-duplicate, and the property could not catch a memo that misses one.
   */
  const retold = fc.constantFrom(
    'جسر جديد فوق النهر يربط المدينة بالميناء',
    'جسر جديد فوق النهر يربط المدينة مع الميناء',
    'جسر جديد على النهر يربط المدينة بالميناء',
    'إفتتاح جسر جديد فوق النهر يربط المدينة بالميناء',
    'سكان المدينة يعبرون الجسر الجديد إلى الميناء',
    'المطر يغمر سوق القرية ويقطع الطريق إلى الجبل',
    'الأمطار تغمر سوق القرية وتقطع الطريق إلى الجبل',
    'المطر يغمر سوق القرية ويقطع طريق الجبل',
    'تجار سوق القرية يحصون خسائر المطر',
  );
  const shape = {
    title: fc.oneof(fc.array(word, { minLength: 1, maxLength: 4 }).map((w) => w.join(' ')), retold),
    lead: fc.array(word, { maxLength: 6 }).map((w) => w.join(' ')),
    tags: fc.uniqueArray(fc.constantFrom('أ', 'ب', 'ج', 'د', 'ه', 'و', 'ز', 'ح'), { maxLength: 4 }),
    topics: fc.uniqueArray(fc.constantFrom('x', 'y', 'z'), { maxLength: 2 }),
    date: fc.option(fc.integer({ min: 1, max: 9 }).map((d) => `2024-01-0${d}T00:00:00.000Z`), { freq: 4 }),
    source: fc.option(fc.constantFrom('أ', 'ب')),
  };
  const fields = fc.record(shape);
  /** An edit of some fields only, often of those that are not keys: most edits keep an article's keys. */
  const change = fc.oneof(
    fc.record(shape, { requiredKeys: [] }),
    fc.record({ topics: shape.topics }),
    fc.record({ date: shape.date }),
    fc.record({ title: shape.title }),
  );
  const make = (id: string, f: typeof fields extends fc.Arbitrary<infer T> ? T : never): RelatableArticle => ({
    id,
    title: f.title,
    date: f.date,
    source: f.source,
    body: [f.lead],
    lead: f.lead,
    tags: f.tags.map(tag),
    topics: f.topics.map((slug) => ({ slug, label: slug })),
  });

  // A small posting cap and budget, so that common keys go unwalked and walks stop part-way, as at scale.
  const edit = fc.oneof(
    { weight: 3, arbitrary: fc.record({ kind: fc.constant('edit' as const), at: fc.nat(), change, newId: fc.boolean() }) },
    fc.record({ kind: fc.constant('add' as const), fields }),
    fc.record({ kind: fc.constant('delete' as const), at: fc.nat() }),
    // Function words added to a headline: the same keys, date and topics, another similarity, which only a
    // panel reading its candidates' headlines sees.
    {
      weight: 3,
      arbitrary: fc.record({
        kind: fc.constant('retitle' as const),
        at: fc.nat(),
        words: fc.array(fc.constantFrom('في', 'بعد', 'خلال', 'اليوم', 'حول'), { minLength: 1, maxLength: 3 }),
      }),
    },
  );
  // A small posting cap and budget, so that common keys go unwalked and walks stop part-way, as at scale.
  // The default cap is drawn too: it reads the reference size, which must hold still as articles come and go.
  it('gives every panel a full computation gives, after any edits, additions and deletions', () => {
    let runsSkipping = 0;
    fc.assert(
      fc.property(
        fc.array(fields, { minLength: 2, maxLength: 30 }),
        fc.array(edit, { minLength: 1, maxLength: 5 }),
        fc.option(fc.integer({ min: 2, max: 6 }), { freq: 4 }),
        (initial, edits, cap) => {
          const options = cap === null ? { budget: 8, maxRelated: 3 } : { postingCap: cap, budget: 2 * cap, maxRelated: 3 };
          // In site order, as the pipeline gives them: keys are numbered in the order articles bring them.
          const before = initial.map((f, i) => make(`a${i}`, f)).sort(compareArticles);
          const { memo } = relateArticles(before, { ...options, memo: { previous: null } });
          const now = initial.map((f, i) => ({ id: `a${i}`, f }));
          for (const [n, e] of edits.entries()) {
            if (e.kind === 'add') now.push({ id: `c${n}`, f: e.fields });
            else if (now.length === 0) continue;
            else if (e.kind === 'delete') now.splice(e.at % now.length, 1);
            else if (e.kind === 'retitle') {
              const { id, f } = now[e.at % now.length]!;
              now[e.at % now.length] = { id, f: { ...f, title: [f.title, ...e.words].join(' ') } };
            } else {
              const at = e.at % now.length;
              now[at] = { id: e.newId ? `b${n}` : now[at]!.id, f: { ...now[at]!.f, ...e.change } };
            }
          }
          const after = now.map(({ id, f }) => make(id, f));
          const ids = new Set<string>();
          const corpus = after.filter((a) => !ids.has(a.id) && ids.add(a.id)).sort(compareArticles);
          const incremental = relateArticles(corpus, { ...options, memo: { previous: memo! } });
          const full = relateArticles(corpus, { ...options, memo: { previous: null } });
          if (!isDeepStrictEqual(full.related, relateArticles(corpus, { ...options, nearDuplicate: Infinity }).related)) runsSkipping++;
          expect(incremental.related).toEqual(full.related);
          // The memo too, keys and their numbering included: the next run starts from it.
          expect(incremental.memo).toEqual(full.memo);
        },
      ),
      { numRuns: 300 },
    );
    // Enough runs whose full computation skips a near-duplicate for a memo missing one to be caught.
    expect(runsSkipping).toBeGreaterThan(300 / 10);
  }, 60_000);

  it('recomputes only the panels an edit can reach, and none when nothing changed', () => {
    const corpus = Array.from({ length: 40 }, (_, i) =>
      article(`a${i}`, `${words[i % 12]} ${words[(i * 5) % 12]}`, [`t${i % 10}`, `u${i % 3}`], { lead: '' }),
    );
    const first = relateArticles(corpus, { memo: { previous: null } });
    expect(first.stats.recomputed).toBe(40);
    const again = relateArticles(corpus, { memo: { previous: first.memo! } });
    expect(again.stats.recomputed).toBe(0);
    expect(again.related).toEqual(first.related);
    const edited = corpus.map((a) => (a.id === 'a7' ? { ...a, title: `${a.title} جديد` } : a));
    const after = relateArticles(edited, { memo: { previous: first.memo! } });
    expect(after.stats.recomputed).toBeGreaterThan(0);
    expect(after.stats.recomputed).toBeLessThan(40);
    expect(after.related).toEqual(relateArticles(edited).related);
  });
});
