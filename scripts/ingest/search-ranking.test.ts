/**
 * What the reader's search engine ranks first over an index this ingest built: a real Pagefind index of a
 * few articles, searched by the real engine (src/features/search/search-engine.ts) through Pagefind's own
 * browser module, which runs in Node once `fetch` reads the index's files.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Article } from '../../src/data/schema.ts';
import type { SearchEngine } from '../../src/features/search/search-engine.ts';
import { DEFAULT_SEARCH_PARAMS } from '../../src/features/search/search-params.ts';
import { searchEngineInNode, testArticle } from '../search-in-node.ts';
import { parseTaxonomy } from './taxonomy.ts';
import { tempDirs } from '../temp-dirs.ts';

const temp = tempDirs();

const taxonomy = parseTaxonomy({
  topics: [{ slug: 'ukraine', label: 'أوكرانيا', aliases: ['كييف'] }],
  tags: [{ label: 'الطاقة' }],
});

const UKRAINE = [{ slug: 'ukraine', label: 'أوكرانيا' }];

function article(id: string, day: number, title: string, body: string[], topics = UKRAINE): Article {
  return testArticle(day, { id, title, body, tags: [{ slug: 'الطاقة', label: 'الطاقة' }], topics });
}

/**
 * Filed under the topic, saying its name often, but not in the headline; newer than the headline. Some
 * write the name without its hamza, as some newsrooms do.
 */
const mentions = (id: string, day: number, title: string, name = 'أوكرانيا'): Article =>
  article(id, day, title, [
    `قال وزراء الطاقة الأوروبيون إن ${name} تحتاج إلى دعم عاجل قبل الشتاء، وإن أسعار الغاز ارتفعت.`,
    `وأضافوا أن شبكة الكهرباء في ${name} تضررت، وأن الاتحاد سيرسل مولدات إلى ${name} خلال أسابيع.`,
    `وتابعوا أن الشركات في ${name} تعمل بنصف طاقتها، وأن المدارس في ${name} أغلقت أبوابها.`,
  ]);

const articles = [
  article('headline', 1, 'أوكرانيا تطلب مولدات كهرباء قبل الشتاء', [
    'طلبت الحكومة من شركائها مولدات كهرباء جديدة بعد أن تضررت محطات الطاقة، وقالت إن الحاجة عاجلة.',
  ]),
  mentions('m1', 2, 'وزراء الطاقة الأوروبيون يبحثون أسعار الغاز', 'اوكرانيا'),
  mentions('m2', 3, 'الاتحاد الأوروبي يعد بمولدات للكهرباء', 'اوكرانيا'),
  mentions('m3', 4, 'قمة في بروكسل عن أمن الطاقة'),
  mentions('m4', 5, 'شتاء صعب ينتظر أوروبا'),
  mentions('m5', 6, 'محطات الكهرباء تحت الضغط'),
  mentions('m6', 7, 'أسعار الغاز تعود إلى الارتفاع'),
  article(
    'elsewhere',
    8,
    'أسعار النفط ترتفع في الأسواق',
    ['ارتفعت أسعار النفط، وذكر محللون أوكرانيا مرة واحدة.'],
    [],
  ),
];

let engine: SearchEngine;

beforeAll(async () => {
  engine = await searchEngineInNode(articles, taxonomy, temp('search-ranking-'));
}, 60_000);

afterAll(() => {
  vi.unstubAllGlobals();
});

async function ranked(q: string): Promise<string[]> {
  const outcome = await engine.search({ ...DEFAULT_SEARCH_PARAMS, q });
  return outcome.hits.map((h) => h.id);
}

describe('search ranking over a built index', () => {
  it.each([
    ['with its hamza', 'أوكرانيا'],
    ['without it, as most readers type', 'اوكرانيا'],
    ['with a conjunction glued on', 'وأوكرانيا'],
  ])('puts the headline that names the word first, typed %s', async (_, q) => {
    const ids = await ranked(q);
    expect(ids[0]).toBe('headline');
    expect(ids).toHaveLength(articles.length);
  });

  it('puts the articles filed under the topic above the one that mentions it once', async () => {
    expect((await ranked('اوكرانيا')).at(-1)).toBe('elsewhere');
  });
});
