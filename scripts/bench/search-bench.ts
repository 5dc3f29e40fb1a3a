/**
 * `npm run bench:search -- CORPUS.jsonl [--queries FILE] [--typos FILE]`: search quality over a real
 * corpus. Runs the ingest CLI into a temp folder (which builds the search index), builds a plain Pagefind
 * index of the same articles as the baseline, serves both on 127.0.0.1 and runs each query of
 * `search-queries.json` (spellings readers use) in headless Chromium, cold (a fresh page, so the bytes are
 * what a first search costs). Prints recall@10 and MRR for both, and the bytes each query transferred.
 * Then the misspelt queries of `search-typos.json` (a dropped, doubled or swapped letter, a wrong hamza,
 * ة/ه at the end, a missing space), with «هل تقصد» and without it (`literal`). Last, the names of
 * `search-headlines.json`, each with its hamza and without: how many of the first results are articles
 * whose headline says the word (graded from the corpus itself, as the results page highlights it), and how alike the two spellings'
 * first ten are.
 */
import { execFileSync } from 'node:child_process';
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { articleSchema, SCHEMA_VERSION, type Article } from '../../src/data/schema.ts';
import { highlightTerms, matchesTerms } from '../../src/shared/lib/search-terms.ts';
import { buildSearchIndex } from '../ingest/search-index.ts';
import { loadTaxonomy } from '../ingest/taxonomy.ts';
import { bundleBenchEntry, kb, launchChromium, percentile, serveStatic } from './search-harness.ts';

interface BenchQuery {
  q: string;
  kind: string;
  expected: string[];
}

const K = 10;

async function readArticles(dataDir: string): Promise<Article[]> {
  const articles: Article[] = [];
  const walk = async (dir: string): Promise<void> => {
    for (const entry of await readdir(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) await walk(full);
      else if (entry.name.endsWith('.json')) articles.push(articleSchema.parse(JSON.parse(await readFile(full, 'utf8'))));
    }
  };
  await walk(path.join(dataDir, 'articles'));
  return articles;
}

/**
 * The JSONL records as articles without the ingest (no tags or topics), for when the ingest CLI cannot
 * run: enough to measure the search itself.
 */
async function articlesFromJsonl(file: string): Promise<Article[]> {
  const lines = (await readFile(file, 'utf8')).split('\n').filter((l) => l.trim() !== '');
  return lines.map((line) => {
    const r = JSON.parse(line) as { id: string; title: string; body: string | string[]; date?: string; source?: string };
    return {
      schemaVersion: SCHEMA_VERSION,
      id: r.id,
      title: r.title,
      date: r.date ? new Date(r.date).toISOString() : null,
      source: r.source ?? null,
      url: null,
      body: Array.isArray(r.body) ? r.body : [r.body],
      readingMinutes: 1,
      tags: [],
      topics: [],
      related: [],
      readAlso: [],
    };
  });
}

type Score = ReturnType<typeof score>;

function score(found: readonly string[], expected: readonly string[]): { recall: number; rr: number } {
  const top = found.slice(0, K);
  const hits = expected.filter((id) => top.includes(id)).length;
  const first = top.findIndex((id) => expected.includes(id));
  return { recall: hits / expected.length, rr: first === -1 ? 0 : 1 / (first + 1) };
}

/** The articles whose headline has a word the results page would highlight for `query` (`matchesTerms`). */
function headlineMatches(articles: readonly Article[], query: string): Set<string> {
  const terms = highlightTerms(query);
  return new Set(articles.filter((a) => a.title.split(/\s+/).some((w) => matchesTerms(w, terms))).map((a) => a.id));
}

/** Of the first min(K, matches) results, the share that are headline matches. */
function headlinePrecision(found: readonly string[], matches: ReadonlySet<string>): number {
  const k = Math.min(K, matches.size);
  return k === 0 ? 1 : found.slice(0, k).filter((id) => matches.has(id)).length / k;
}

async function main(): Promise<void> {
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: {
      queries: { type: 'string', default: 'scripts/bench/search-queries.json' },
      typos: { type: 'string', default: 'scripts/bench/search-typos.json' },
      headlines: { type: 'string', default: 'scripts/bench/search-headlines.json' },
      keep: { type: 'boolean', default: false },
      'no-baseline': { type: 'boolean', default: false },
    },
  });
  const corpus = positionals[0];
  if (!corpus) throw new Error('usage: npm run bench:search -- CORPUS.jsonl [--queries FILE] [--keep]');
  const { queries } = JSON.parse(await readFile(values.queries, 'utf8')) as { queries: BenchQuery[] };
  const { queries: typos } = JSON.parse(await readFile(values.typos, 'utf8')) as { queries: BenchQuery[] };
  const { queries: headlines } = JSON.parse(await readFile(values.headlines, 'utf8')) as { queries: Array<[string, string]> };

  const tmp = await mkdtemp(path.join(os.tmpdir(), 'search-bench-'));
  const data = path.join(tmp, 'data');
  const plain = path.join(tmp, 'plain');
  try {
    const taxonomy = await loadTaxonomy('content/taxonomy.json');
    let t = Date.now();
    let articles: Article[];
    try {
      execFileSync('npx', ['tsx', 'scripts/ingest/cli.ts', '--out', data, corpus], { stdio: ['ignore', 'inherit', 'inherit'] });
      console.log(`ingest with search index: ${((Date.now() - t) / 1000).toFixed(1)} s`);
      articles = await readArticles(data);
    } catch {
      console.warn('the ingest CLI failed: indexing the JSONL records directly (no tags or topics)');
      articles = await articlesFromJsonl(corpus);
      t = Date.now();
      await buildSearchIndex(articles, data, taxonomy);
      console.log(`search index: ${((Date.now() - t) / 1000).toFixed(1)} s`);
    }
    t = Date.now();
    await buildSearchIndex(articles, plain, taxonomy, { plain: true });
    console.log(`plain Pagefind index: ${((Date.now() - t) / 1000).toFixed(1)} s`);
    await bundleBenchEntry(path.join(tmp, 'site'));

    const server = await serveStatic({ '/data/': data, '/plain/': plain, '/site/': path.join(tmp, 'site') });
    const browser = await launchChromium();
    const rows: Array<{ q: string; kind: string; ours: Score; base: Score; bytes: number; ms: number }> = [];
    const typoRows: Array<{ q: string; kind: string; ours: Score; base: Score; bytes: number; ms: number }> = [];
    const headlineRows: Array<{ pair: [string, string]; matches: number; precision: [number, number]; same: number }> = [];
    try {
      const run = async (fn: 'runEngine' | 'runPlain' | 'runLiteral', q: string): Promise<{ ids: string[]; bytes: number; ms: number }> => {
        const page = await browser.newPage();
        await page.goto(server.url);
        await page.addScriptTag({ type: 'module', content: `import * as b from '/site/bench.js'; window.bench = b;` });
        await page.waitForFunction(() => 'bench' in window);
        server.reset();
        const started = Date.now();
        const ids = await page.evaluate(
          ([name, query]) => (window as unknown as Record<string, Record<string, (q: string) => Promise<string[]>>>).bench![name]!(query),
          [fn, q] as const,
        );
        const ms = Date.now() - started;
        const bytes = server.bytes();
        await page.close();
        return { ids, bytes, ms };
      };
      for (const query of queries) {
        const ours = await run('runEngine', query.q);
        const base = values['no-baseline'] ? ours : await run('runPlain', query.q);
        rows.push({ q: query.q, kind: query.kind, ours: score(ours.ids, query.expected), base: score(base.ids, query.expected), bytes: ours.bytes, ms: ours.ms });
      }
      for (const query of typos) {
        const ours = await run('runEngine', query.q);
        const base = values['no-baseline'] ? ours : await run('runLiteral', query.q);
        typoRows.push({ q: query.q, kind: query.kind, ours: score(ours.ids, query.expected), base: score(base.ids, query.expected), bytes: ours.bytes, ms: ours.ms });
      }
      for (const pair of headlines) {
        const matches = headlineMatches(articles, pair[0]);
        const [a, b] = [(await run('runEngine', pair[0])).ids, (await run('runEngine', pair[1])).ids];
        const same = a.slice(0, K).filter((id) => b.slice(0, K).includes(id)).length / Math.max(1, Math.min(K, a.length));
        headlineRows.push({ pair, matches: matches.size, precision: [headlinePrecision(a, matches), headlinePrecision(b, matches)], same });
      }
    } finally {
      await browser.close();
      await server.close();
    }

    const mean = (xs: number[]): number => xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length);
    const report = (title: string, list: typeof rows, baseName: string): void => {
      console.log(`\n${title}\n${'query'.padEnd(14)} ${'kind'.padEnd(24)} recall  base   RR     bytes(cold)  ms`);
      for (const r of list) {
        console.log(
          `${r.q.padEnd(14)} ${r.kind.padEnd(24)} ${r.ours.recall.toFixed(2)}   ${r.base.recall.toFixed(2)}   ${r.ours.rr.toFixed(2)}   ${kb(r.bytes).padStart(10)}  ${r.ms}`,
        );
      }
      const bytes = list.map((r) => r.bytes);
      const ms = list.map((r) => r.ms);
      console.log(`queries: ${list.length}, corpus: ${articles.length} articles`);
      console.log(`recall@${K}: ${mean(list.map((r) => r.ours.recall)).toFixed(3)} (${baseName}: ${mean(list.map((r) => r.base.recall)).toFixed(3)})`);
      console.log(`MRR@${K}: ${mean(list.map((r) => r.ours.rr)).toFixed(3)} (${baseName}: ${mean(list.map((r) => r.base.rr)).toFixed(3)})`);
      console.log(`bytes per cold query: median ${kb(percentile(bytes, 50))}, max ${kb(Math.max(...bytes))}`);
      console.log(`cold query time: median ${percentile(ms, 50)} ms, p95 ${percentile(ms, 95)} ms`);
    };
    report('spellings readers use', rows, 'plain Pagefind');
    report('typos', typoRows, 'without «هل تقصد»');
    console.log(`\nheadlines first: of the first min(${K}, headlines naming it) results, the share whose headline names it`);
    console.log(`${'with hamza'.padEnd(12)} ${'without'.padEnd(12)} headlines  with   without  same first ${K}`);
    for (const r of headlineRows) {
      console.log(
        `${r.pair[0].padEnd(12)} ${r.pair[1].padEnd(12)} ${String(r.matches).padStart(9)}  ${r.precision[0].toFixed(2)}   ${r.precision[1].toFixed(2)}     ${r.same.toFixed(2)}`,
      );
    }
    console.log(`headline precision: with hamza ${mean(headlineRows.map((r) => r.precision[0])).toFixed(3)}, without ${mean(headlineRows.map((r) => r.precision[1])).toFixed(3)}`);
    console.log(`same first ${K} with and without hamza: ${mean(headlineRows.map((r) => r.same)).toFixed(3)}`);
  } finally {
    if (values.keep) console.log(`kept ${tmp}`);
    else await rm(tmp, { recursive: true, force: true });
  }
}

await main();
