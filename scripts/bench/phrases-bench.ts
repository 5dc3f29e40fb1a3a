/**
 * `npm run bench:phrases -- PATH/ant-sample.jsonl [--count 100000] [--lost]`
 *
 * How well space-joined keyword lines come out as whole keywords, per evidence source and combined.
 *
 * Quality: every article of the corpus gets true keywords: its hashtags («#قطاع_غزة», whose `_` marks the
 * phrase), the two- and three-word runs that recur in at least MIN_TITLES titles of the corpus (names and
 * phrases of the news), and up to MAX_SINGLES single words that recur in titles. A third of the articles go
 * in as JSON with their keywords as a `tags` array (whole tags another source gave); the rest are rendered
 * as seed-format pages whose `كلمات دلالية:` line joins their keywords by spaces in a shuffled order, with
 * hashtags written as plain words in the body. The pages are parsed by the ingest's own parser and tagged;
 * on the pages only it counts:
 * - whole-phrase rate: multi-word keywords that come out as one chip;
 * - fragment rate: chips that are a piece of one of the article's longer keywords, over all chips;
 * - lost single words: single-word keywords that are not a chip (glued into something longer);
 * - glued chips: chips that span two keywords.
 *
 * Speed: COUNT synthetic articles (made-up words, a pool of made-up phrases, 3 to 10 keywords a line, the
 * phrases written in the body half of the time), tagged with and without phrase discovery: CPU, wall and
 * memory of the difference.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { slugify } from '../../src/shared/lib/arabic.ts';
import { parseJsonl } from '../ingest/parse-json.ts';
import { parseTxt } from '../ingest/parse-txt.ts';
import { EVIDENCE_SOURCES, type EvidenceSource } from '../ingest/phrases.ts';
import type { RawRecord } from '../ingest/record.ts';
import { assignTags, type KeywordInput } from '../ingest/tags.ts';
import { loadTaxonomy, type Taxonomy } from '../ingest/taxonomy.ts';
import { random } from './random.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
/** A word or run of words recurs when it is in this many titles. */
const MIN_TITLES = 3;
const MAX_SINGLES = 4;
const HASHTAG = /#([\p{L}\p{M}\p{N}_]+)/gu;
/** Words a true keyword does not start or end with (the benchmark's own judgement of a run). */
const EDGE_WORDS = new Set(
  ['في', 'من', 'على', 'إلى', 'عن', 'مع', 'أن', 'إن', 'بعد', 'قبل', 'بين', 'حول', 'ضد', 'عبر', 'منذ', 'خلال', 'هل', 'لا', 'لم', 'لن', 'ما', 'قد', 'و', 'أو', 'ثم', 'التي', 'الذي', 'هذا', 'هذه', 'عند', 'رغم', 'دون', 'يوم', 'أمام', 'تحت', 'فوق', 'كل', 'بعض', 'غير', 'عام', 'جديد', 'جديدة', 'بسبب', 'لدى', 'إثر', 'عقب', 'حتى', 'ضمن', 'نحو'].map(slugify),
);
/** Name links start a name («أبو ظبي»، «عبد الله») and never end one: no keyword ends with one or is one. */
const NAME_LINKS = new Set(['أبو', 'أم', 'ابن', 'بن', 'بنت', 'عبد', 'آل', 'ذو'].map(slugify));
/** Reshuffles of a line that reads as a run of its title (see readsAsTitleRun). */
const MAX_SHUFFLES = 20;

function shuffle<T>(items: T[], rand: () => number): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [items[i], items[j]] = [items[j]!, items[i]!];
  }
  return items;
}

interface SourceArticle {
  title: string;
  body: string[];
  date?: string;
}

const titleWords = (title: string): string[] =>
  title
    .replace(/[«»"“”'‘’()[\]:،,.؟?!|\-–—]/g, ' ')
    .split(/\s+/)
    .filter((w) => w !== '');

const isKeywordWord = (word: string): boolean => {
  const slug = slugify(word);
  return slug.length >= 3 && !EDGE_WORDS.has(slug) && !/[0-9]/.test(slug);
};
const canEndKeyword = (word: string): boolean => isKeywordWord(word) && !NAME_LINKS.has(slugify(word));

/**
 * Whether two keywords of a line, one after the other, read as a run of the title («الدوري» then «الإنجليزي»
 * under «… في الدوري الإنجليزي»). An editor who means two keywords does not write them as the title's phrase;
 * a reader would take them for one, and so would any method. Such a line is shuffled again.
 */
function readsAsTitleRun(keywords: readonly string[], title: string): boolean {
  const spaced = ` ${titleWords(title).map(slugify).join(' ')} `;
  const words = keywords.map((k) => slugify(k).replace(/-/g, ' '));
  return words.some((word, i) => i > 0 && spaced.includes(` ${words[i - 1]} ${word} `));
}

/** The true keywords of each article, as written, and how many lines were shuffled again. */
function trueKeywords(articles: readonly SourceArticle[]): { keywords: string[][]; reshuffled: number } {
  let reshuffled = 0;
  const runCount = new Map<string, number>();
  const wordCount = new Map<string, number>();
  for (const { title } of articles) {
    const words = titleWords(title);
    const seen = new Set<string>();
    words.forEach((word, i) => {
      for (let n = 1; n <= 3 && i + n <= words.length; n++) seen.add(slugify(words.slice(i, i + n).join(' ')));
    });
    for (const slug of seen) (slug.includes('-') ? runCount : wordCount).set(slug, ((slug.includes('-') ? runCount : wordCount).get(slug) ?? 0) + 1);
  }
  const keywords = articles.map(({ title, body }, index) => {
    const rand = random(index + 1);
    const keywords: string[] = [];
    for (const paragraph of body) {
      for (const match of paragraph.matchAll(HASHTAG)) {
        const words = match[1]!.split('_').filter((w) => w !== '');
        if (words.length > 0 && words.length <= 4) keywords.push(words.join(' '));
      }
    }
    const words = titleWords(title);
    const used = new Set<number>();
    for (const n of [3, 2]) {
      for (let i = 0; i + n <= words.length; i++) {
        const run = words.slice(i, i + n);
        if (run.some((_, k) => used.has(i + k))) continue;
        if (!isKeywordWord(run[0]!) || !canEndKeyword(run[n - 1]!)) continue;
        if ((runCount.get(slugify(run.join(' '))) ?? 0) < MIN_TITLES) continue;
        keywords.push(run.join(' '));
        for (let k = 0; k < n; k++) used.add(i + k);
      }
    }
    const singles = words.filter(
      (word, i) => !used.has(i) && canEndKeyword(word) && (wordCount.get(slugify(word)) ?? 0) >= MIN_TITLES,
    );
    keywords.push(...shuffle(singles, rand).slice(0, MAX_SINGLES));
    // One keyword once; a single word that is part of a phrase of the same article is not a keyword apart.
    const slugs = new Set<string>();
    const phraseWords = new Set(keywords.filter((k) => k.includes(' ')).flatMap((k) => slugify(k).split('-')));
    const own = shuffle(
      keywords.filter((k) => {
        const slug = slugify(k);
        if (slugs.has(slug) || (!slug.includes('-') && phraseWords.has(slug))) return false;
        slugs.add(slug);
        return true;
      }),
      rand,
    );
    if (readsAsTitleRun(own, title)) reshuffled++;
    for (let tries = 1; tries < MAX_SHUFFLES && readsAsTitleRun(own, title); tries++) shuffle(own, rand);
    return own;
  });
  return { keywords, reshuffled };
}

/** A seed-format page: title, date, paragraphs, source, keyword line. */
function renderPage(article: SourceArticle, keywords: readonly string[]): string {
  const body = article.body.map((p) => p.replace(HASHTAG, (_m, tag: string) => tag.replace(/_/g, ' ')));
  return [
    article.title,
    ...(article.date ? [`تاريخ النشر: ${article.date}`] : []),
    ...body.map((p) => p.replace(/\n/g, ' ')).filter((p) => p.trim() !== ''),
    'المصدر: مصدر',
    `كلمات دلالية: ${keywords.join(' ')}`,
  ].join('\n');
}

interface Scores {
  multi: number;
  whole: number;
  chips: number;
  fragments: number;
  glued: number;
  singles: number;
  lost: number;
  /** Each lost single word: the record, the word, and the chip it went into (null when none holds it). */
  lostWords: Array<{ record: number; word: string; chip: string | null }>;
}

/** A true keyword: the chip it should make (taxonomy-merged) and the words it was written with. */
interface Truth {
  slug: string;
  words: string[];
}

function score(records: readonly RawRecord[], isPage: readonly boolean[], truth: readonly Truth[][], taxonomy: Taxonomy, evidence: ReadonlySet<EvidenceSource>): Scores {
  const result = assignTags(
    records.map((r) => r.keywords),
    taxonomy,
    { text: (i) => ({ title: records[i]!.title, body: () => records[i]!.body.join('\n') }), evidence },
  );
  const scores: Scores = { multi: 0, whole: 0, chips: 0, fragments: 0, glued: 0, singles: 0, lost: 0, lostWords: [] };
  records.forEach((_, i) => {
    if (!isPage[i]) return;
    const gold = truth[i]!;
    const chips = new Set((result.tagsPerArticle[i] ?? []).map((t) => t.slug));
    for (const { slug, words } of gold) {
      if (words.length > 1) {
        scores.multi++;
        if (chips.has(slug)) scores.whole++;
      } else {
        scores.singles++;
        if (!chips.has(slug)) {
          scores.lost++;
          const chip = [...chips].find((c) => c.split('-').includes(slug)) ?? null;
          scores.lostWords.push({ record: i, word: slug, chip });
        }
      }
    }
    for (const chip of chips) {
      scores.chips++;
      if (gold.some((k) => k.slug === chip)) continue;
      const words = chip.split('-');
      const inside = (k: Truth): boolean =>
        k.words.length > words.length && k.words.some((_, s) => words.every((w, j) => k.words[s + j] === w));
      if (gold.some(inside)) scores.fragments++;
      else if (gold.filter((k) => k.words.some((w) => words.includes(w))).length >= 2) scores.glued++;
    }
  });
  return scores;
}

const percent = (part: number, whole: number): string => `${((100 * part) / Math.max(whole, 1)).toFixed(1)} %`;

/**
 * `--lost`: each single word the combined segmentation lost, the chip it went into, the sources that glue it
 * alone, the sources it needs (without any one of them the word stands alone), the title, the keyword line
 * and the true keywords.
 */
function explainLost(records: readonly RawRecord[], isPage: readonly boolean[], truth: readonly Truth[][], taxonomy: Taxonomy, combined: Scores): void {
  const lostWith = (sources: EvidenceSource[]): Set<string> =>
    new Set(score(records, isPage, truth, taxonomy, new Set(sources)).lostWords.map((l) => `${l.record} ${l.word}`));
  const alone = EVIDENCE_SOURCES.map((source) => lostWith([source]));
  const without = EVIDENCE_SOURCES.map((source) => lostWith(EVIDENCE_SOURCES.filter((s) => s !== source)));
  process.stdout.write(`\nlost single words: word → chip | glued by (alone) | needs | title | line | true keywords\n`);
  for (const { record, word, chip } of combined.lostWords) {
    const key = `${record} ${word}`;
    const by = EVIDENCE_SOURCES.filter((_, k) => alone[k]!.has(key)).join('+') || '-';
    const needs = EVIDENCE_SOURCES.filter((_, k) => !without[k]!.has(key)).join('+') || '-';
    const keywords = truth[record]!.map((k) => k.slug).join(' / ');
    process.stdout.write(
      `${word} → ${chip ?? '(none)'} | ${by} | ${needs} | ${records[record]!.title} | ${records[record]!.keywords.joined} | ${keywords}\n`,
    );
  }
}

async function quality(corpusPath: string, taxonomy: Taxonomy, lost: boolean): Promise<void> {
  const articles = readFileSync(corpusPath, 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as SourceArticle);
  const { keywords, reshuffled } = trueKeywords(articles);
  const pages: string[] = [];
  const json: string[] = [];
  const pageOrder: number[] = [];
  const jsonOrder: number[] = [];
  articles.forEach((article, i) => {
    if (keywords[i]!.length < 2) return;
    if (i % 3 === 0) {
      json.push(JSON.stringify({ title: article.title, body: article.body, date: article.date, tags: keywords[i] }));
      jsonOrder.push(i);
    } else {
      pages.push(renderPage(article, keywords[i]!));
      pageOrder.push(i);
    }
  });
  // Each page is a file of its own: a BBC body holding a lone «اقرأ أيضاً:» line would read as the seed
  // format's separator between articles; such a page is left out.
  const parsedPages: RawRecord[] = [];
  const keptPages: number[] = [];
  pages.forEach((page, n) => {
    const parsed = parseTxt(new TextEncoder().encode(page), 'page.txt').records;
    if (parsed.length === 1 && parsed[0]!.keywords.joined !== null) {
      parsedPages.push(parsed[0]!);
      keptPages.push(pageOrder[n]!);
    }
  });
  const parsedJson = parseJsonl(new TextEncoder().encode(json.join('\n')), 'tags.jsonl');
  if (parsedJson.records.length !== json.length) throw new Error('a JSON article was rejected');
  const records = [...parsedJson.records, ...parsedPages];
  const order = [...jsonOrder, ...keptPages];
  const isPage = records.map((_, i) => i >= parsedJson.records.length);

  // The truth in the ingest's own terms: each keyword alone, as a whole tag, merged and dropped as the
  // taxonomy says (a keyword the taxonomy drops is not expected as a chip).
  const alone = order.flatMap((i) => keywords[i]!.map((k): KeywordInput => ({ joined: null, whole: [k] })));
  const aloneTags = assignTags(alone, taxonomy).tagsPerArticle;
  let at = 0;
  const truth = order.map((i) =>
    keywords[i]!.flatMap((k) => (aloneTags[at++] ?? []).map((t): Truth => ({ slug: t.slug, words: slugify(k).split('-') }))),
  );

  const multi = truth.filter((_, i) => isPage[i]).flat().map((k) => k.words.join('-'));
  process.stdout.write(
    `quality: ${keptPages.length} seed-format pages (+ ${jsonOrder.length} JSON articles with whole tags) from ${path.basename(corpusPath)}; ` +
      `${multi.filter((s) => s.includes('-')).length} multi-word and ${multi.filter((s) => !s.includes('-')).length} single-word keywords on the pages; ${reshuffled} lines shuffled again that read as a run of their title\n`,
  );
  const configs: Array<[string, EvidenceSource[]]> = [
    ['none (every word a chip)', []],
    ...EVIDENCE_SOURCES.map((s): [string, EvidenceSource[]] => [`${s} alone`, [s]]),
    ['combined', [...EVIDENCE_SOURCES]],
  ];
  process.stdout.write(
    `${'evidence'.padEnd(26)}${'whole phrases'.padEnd(22)}${'fragment chips'.padEnd(22)}${'glued chips'.padEnd(20)}lost single words\n`,
  );
  for (const [label, sources] of configs) {
    const s = score(records, isPage, truth, taxonomy, new Set(sources));
    process.stdout.write(
      `${label.padEnd(26)}${`${s.whole}/${s.multi} ${percent(s.whole, s.multi)}`.padEnd(22)}` +
        `${`${s.fragments}/${s.chips} ${percent(s.fragments, s.chips)}`.padEnd(22)}` +
        `${`${s.glued} ${percent(s.glued, s.chips)}`.padEnd(20)}${s.lost}/${s.singles}\n`,
    );
    if (lost && sources.length === EVIDENCE_SOURCES.length) explainLost(records, isPage, truth, taxonomy, s);
  }
}

/** Made-up words and phrases: clearly synthetic, so no season's names are in the speed test. */
function syntheticInputs(count: number): { inputs: KeywordInput[]; titles: string[]; texts: string[] } {
  const rand = random(count);
  const letters = 'بتثجحخدذرزسشصضطظعغفقكلمنهوي';
  const word = (): string => Array.from({ length: 3 + Math.floor(rand() * 5) }, () => letters[Math.floor(rand() * letters.length)]).join('');
  const words = Array.from({ length: 20_000 }, word);
  const keywords = Array.from({ length: 8_000 }, (_, i) =>
    i % 3 === 0 ? `${words[i]} ${words[i + 8_000]}${i % 9 === 0 ? ` ${words[i + 16_000]}` : ''}` : words[i]!,
  );
  const pick = (): string => keywords[Math.floor(rand() ** 3 * keywords.length)]!;
  const inputs: KeywordInput[] = [];
  const titles: string[] = [];
  const texts: string[] = [];
  for (let i = 0; i < count; i++) {
    const own = [...new Set(Array.from({ length: 3 + Math.floor(rand() * 8) }, pick))];
    const filler = (): string => Array.from({ length: 40 }, () => words[Math.floor(rand() * words.length)]).join(' ');
    const body = [filler(), ...own.filter(() => rand() < 0.5), filler()].join(' ');
    inputs.push(i % 4 === 0 ? { joined: null, whole: own } : { joined: own.join(' '), whole: [] });
    titles.push(Array.from({ length: 8 }, () => words[Math.floor(rand() * words.length)]).join(' '));
    texts.push(body);
  }
  return { inputs, titles, texts };
}

function speed(count: number, taxonomy: Taxonomy): void {
  const { inputs, titles, texts } = syntheticInputs(count);
  const measure = (evidence: ReadonlySet<EvidenceSource>): { cpu: number; wall: number; heapMb: number } => {
    const heapBefore = process.memoryUsage().heapUsed;
    const cpuBefore = process.cpuUsage();
    const began = performance.now();
    const result = assignTags(inputs, taxonomy, { text: (i) => ({ title: titles[i]!, body: () => texts[i]! }), evidence });
    const cpu = process.cpuUsage(cpuBefore);
    const heapMb = (process.memoryUsage().heapUsed - heapBefore) / 2 ** 20;
    if (result.tagsPerArticle.length !== count) throw new Error('lost articles');
    return { cpu: (cpu.user + cpu.system) / 1e6, wall: (performance.now() - began) / 1000, heapMb };
  };
  const without = measure(new Set());
  const withAll = measure(new Set(EVIDENCE_SOURCES));
  process.stdout.write(
    `speed: ${count.toLocaleString('en-US')} synthetic articles, ${inputs.filter((i) => i.joined).length.toLocaleString('en-US')} space-joined lines\n` +
      `  tagging without phrase discovery: ${without.cpu.toFixed(1)} s CPU, ${without.wall.toFixed(1)} s wall\n` +
      `  tagging with phrase discovery:    ${withAll.cpu.toFixed(1)} s CPU, ${withAll.wall.toFixed(1)} s wall, heap held after +${withAll.heapMb.toFixed(0)} MB\n` +
      `  phrase discovery's share: ${(withAll.cpu - without.cpu).toFixed(1)} s CPU, ${(withAll.wall - without.wall).toFixed(1)} s wall; ` +
      `peak RSS of this process ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB\n`,
  );
}

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { count: { type: 'string', default: '100000' }, lost: { type: 'boolean', default: false } },
  });
  const taxonomy = await loadTaxonomy(path.join(ROOT, 'content/taxonomy.json'));
  if (positionals[0] === undefined)
    throw new Error('usage: npm run bench:phrases -- PATH/ant-sample.jsonl [--count N] [--lost]');
  await quality(positionals[0], taxonomy, values.lost);
  const count = Number(values.count);
  if (count > 0) speed(count, taxonomy);
}

await main();
