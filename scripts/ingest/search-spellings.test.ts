/**
 * A query typed the way readers type Arabic finds what the corpus's own spelling finds: a real Pagefind
 * index of a few articles, built by this ingest with its vocabulary shards, searched by the reader's
 * engine through Pagefind's own module in Node (as in search-ranking.test.ts).
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Article } from '../../src/data/schema.ts';
import type { SearchEngine } from '../../src/features/search/search-engine.ts';
import { DEFAULT_SEARCH_PARAMS } from '../../src/features/search/search-params.ts';
import { searchEngineInNode, testArticle } from '../search-in-node.ts';
import { parseTaxonomy } from './taxonomy.ts';
import { tempDirs } from '../temp-dirs.ts';

const temp = tempDirs();

const taxonomy = parseTaxonomy({ topics: [{ slug: 'yemen', label: 'اليمن', aliases: [] }], tags: [] });

let day = 0;
function article(id: string, title: string, body: string, tags: string[] = []): Article {
  day++;
  return testArticle(day, { id, title, body: [body], tags: tags.map((label) => ({ slug: label, label })) });
}

/** Bodies that say the word only as the corpus writes it; headlines about something else. */
const articles: Article[] = [
  article('gov1', 'اجتماع في العاصمة', 'قالت الحكومة إن الاجتماع انتهى، وإن الحكومة ستعلن نتائجه غدا.'),
  article('gov2', 'بيان بعد الجلسة', 'أعلنت الحكومة خطة جديدة للنقل في المدن.'),
  article('gov3', 'الحكومة تعلن خطة للمياه', 'قالت الوزارة إن العمل يبدأ الشهر المقبل.'),
  article('school1', 'يوم دراسي', 'عادت المدرسة إلى العمل، وقالت المدرسة إن الدروس تبدأ الأحد.'),
  article('school2', 'طلاب في الصفوف', 'زار الطلاب المدرسة الجديدة، ووصفوا المدرسة بأنها واسعة.'),
  article('school3', 'الدروس المسائية', 'قال المدرس إن الدروس المدرسية تبدأ مساء.'),
  article('hosp1', 'حادث على الطريق', 'نقل الجرحى إلى مستشفى المدينة بعد الحادث.'),
  article('resp1', 'تحقيق في الحادث', 'قال مسؤول في الشرطة إن التحقيق مستمر.'),
  article('ger1', 'قمة في باريس', 'شاركت فرنسا وألمانيا في القمة، وقالت ألمانيا إنها تدعم الاتفاق.'),
  article('ger2', 'محادثات تجارية', 'وصل وزير من ألمانيا إلى القاهرة لبحث التجارة مع ألمانيا.'),
  article('ger3', 'اتفاق للطاقة', 'وقعت ألمانيا اتفاقا للطاقة، وقالت ألمانيا إنه يخدم أوروبا.'),
  article('arm1', 'مباحثات في يريفان', 'زار الوزير أرمينيا، وقال إن أرمينيا شريك مهم.'),
  article('arm2', 'نزاع حدودي', 'اتهمت أرمينيا جيرانها بخرق الهدنة، وردت أرمينيا على البيان.'),
  article('arm3', 'انتخابات مبكرة', 'تشهد أرمينيا انتخابات مبكرة، وتقول أرمينيا إنها جاهزة.'),
  article('sanaa1', 'غارات على صنعاء', 'قصفت طائرات مواقع في صنعاء، وقال سكان صنعاء إن الانفجارات هزت المدينة.'),
  article('sanaa2', 'وفد يصل إلى صنعاء', 'وصل وفد إلى صنعاء لبحث الهدنة مع الحوثيين في صنعاء.'),
  article('sanaa3', 'الأمطار تغمر شوارع صنعاء', 'غمرت الأمطار شوارع صنعاء القديمة.'),
  article('made1', 'صنع في الصين', 'قال المصنع إن ما صنع في الصين يباع هنا، وإن المصنع صنع آلاف القطع.'),
  article('made2', 'المصنع يوسع خطوطه', 'صنع المصنع سيارات جديدة وصنع قطعا للطائرات.'),
  article('erd1', 'أردوغان يزور برلين', 'قال أردوغان إن الزيارة مهمة، وأكد أردوغان دعم الاتفاق.'),
  article('erd2', 'أردوغان والانتخابات', 'يخوض أردوغان الانتخابات، ويقول أردوغان إنه سيفوز.'),
  article('erd3', 'خطاب في أنقرة', 'ألقى أردوغان خطابا في أنقرة، وهاجم أردوغان المعارضة.'),
  article('leb1', 'زيارة إلى بيروت', 'وصل الوزير إلى لبنان، وقال إن لبنان يحتاج إلى الدعم.'),
  article('leb2', 'محادثات حدودية', 'تتفاوض إسرائيل ولبنان على الحدود البحرية.'),
  article('leb3', 'دعم دولي', 'تعهدت فرنسا بتقديم مساعدات للبنان بعد الأزمة.'),
  article('leb4', 'أزمة الكهرباء', 'تعاني المدن بلبنان من انقطاع الكهرباء، فلبنان لا ينتج ما يكفي.'),
  article('build1', 'مشروع سكني', 'خصصت المدينة أرضا لبناء مدرسة، ودعت الشركات لبناء مساكن.'),
  article('build2', 'خطة الإسكان', 'أعلنت الوزارة خطة لبناء ألف منزل.'),
  article('milk1', 'أسعار الغذاء', 'ارتفع سعر لبن الأطفال والخبز.'),
  article('town1', 'انتخابات في المدينة', 'أجريت انتخابات بلدية، وقالت البلدية إن المشاركة كبيرة، وإن البلدية ستعلن النتائج.'),
  article('town2', 'شوارع نظيفة', 'بدأت البلدية حملة لتنظيف الشوارع.'),
  article('has1', 'عرض جديد', 'قال اللاعب إن لديه عرضا، وإن لديه وقتا للتفكير، وإن لديه شروطا.'),
  article('has2', 'خطة المدرب', 'قال المدرب إن لديه خطة، وإن لديه لاعبين جاهزين، ولا لديه شك.'),
  article('has3', 'رأي الخبير', 'قال الخبير إن لديه أدلة، وإن لديه وثائق، وإن لديه شهودا.'),
  // «مصر» is a tag (a name), three letters long; «مصرف» and «مصري» only start like it.
  article('egy1', 'زيارة رسمية', 'وصل الرئيس إلى مصر، وقال إن مصر شريك أساسي.', ['مصر']),
  article('egy2', 'السياحة تنتعش', 'ارتفع عدد السياح بمصر هذا العام.', ['مصر']),
  article('egy3', 'قمة إقليمية', 'استضافت مصر القمة، وقالت مصر إنها ناجحة.', ['مصر']),
  article('bank1', 'أرباح المصارف', 'أعلن مصرف كبير أرباحه، وقال المصرف إن الودائع زادت.'),
  article('bank2', 'لاعب مصري', 'وقع لاعب مصري عقدا مع ناد أوروبي.'),
  article('ard1', 'أردن أخضر', 'زار الوفد الأردن، وقال إن الأردن يستعد للموسم، وإن زراعة الأردن تتوسع.'),
];

let engine: SearchEngine;

beforeAll(async () => {
  engine = await searchEngineInNode(articles, taxonomy, temp('search-spellings-'), { vocabulary: true });
}, 60_000);

afterAll(() => {
  vi.unstubAllGlobals();
});

async function found(q: string): Promise<string[]> {
  const outcome = await engine.search({ ...DEFAULT_SEARCH_PARAMS, q });
  return outcome.hits.map((h) => h.id).sort();
}

describe('a query spelt as readers type finds what the corpus spelling finds', () => {
  it.each([
    ['ه for a final ة', 'الحكومه', 'الحكومة'],
    ['ه for a final ة only bodies write', 'المدرسه', 'المدرسة'],
    ['ه for a final ة, with و glued on', 'والحكومه', 'والحكومة'],
    ['ي for ى', 'مستشفي', 'مستشفى'],
    ['و for ؤ', 'مسوول', 'مسؤول'],
    ['tatweel', 'الحكومـة', 'الحكومة'],
    ['tashkeel', 'الحُكُومَة', 'الحكومة'],
  ])('%s: «%s»', async (_, typed, corpus) => {
    const expected = await found(corpus);
    expect(expected.length).toBeGreaterThan(0);
    expect(await found(typed)).toEqual(expected);
  });
});

describe('a word with «و» glued on', () => {
  it.each([
    ['with its hamza', 'وألمانيا', 'ألمانيا'],
    ['without it', 'والمانيا', 'ألمانيا'],
  ])('finds what the bare word finds, typed %s', async (_, typed, bare) => {
    const expected = await found(bare);
    expect(expected).toEqual(['ger1', 'ger2', 'ger3']);
    expect(await found(typed)).toEqual(expected);
  });

  it('is not corrected to another glued word one slip away', async () => {
    const outcome = await engine.search({ ...DEFAULT_SEARCH_PARAMS, q: 'وارمينيا' });
    expect(outcome.suggestion).toBeNull();
    expect(outcome.hits.map((h) => h.id).sort()).toEqual(['arm1', 'arm2', 'arm3']);
  });
});

describe('a name with proclitics glued on', () => {
  it.each([['ولبنان'], ['بلبنان'], ['للبنان'], ['فلبنان'], ['وبلبنان']])(
    '«%s» finds what «لبنان» finds, and no word that only starts like it',
    async (typed) => {
      expect(await found('لبنان')).toEqual(['leb1', 'leb2', 'leb3', 'leb4']);
      expect(await found(typed)).toEqual(['leb1', 'leb2', 'leb3', 'leb4']);
    },
  );

  it.each([['بمصر'], ['لمصر'], ['ومصر'], ['وبمصر']])(
    '«%s» finds what «مصر» finds: a name of three letters, known as a tag',
    async (typed) => {
      const bare = await found('مصر');
      expect(bare).toEqual(expect.arrayContaining(['egy1', 'egy3']));
      expect(await found(typed)).toEqual(bare);
    },
  );

  it('is not cut from a noun of its own: «بلدية» is not «لديه»', async () => {
    expect(await found('بلدية')).toEqual(['town1', 'town2']);
  });
});

describe('«هل تقصد»', () => {
  it('puts back a final hamza before it drops a letter', async () => {
    const outcome = await engine.search({ ...DEFAULT_SEARCH_PARAMS, q: 'صنعا' });
    expect(outcome.suggestion).toBe('صنعاء');
    expect(outcome.hits.map((h) => h.id).sort()).toEqual(['sanaa1', 'sanaa2', 'sanaa3']);
  });

  it('counts, once corrected, the corrected query\'s results alone', async () => {
    const outcome = await engine.search({ ...DEFAULT_SEARCH_PARAMS, q: 'اردغان' });
    expect(outcome).toMatchObject({ suggestion: 'أردوغان', corrected: true, total: 3 });
  });
});
