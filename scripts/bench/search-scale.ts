/**
 * `npm exec tsx scripts/bench/search-scale.ts -- --data DIR [--slice 5000] [--limit N] [--queries N] [--keep | --index DIR] [--trace]`
 *
 * The search index at scale: reads the articles of an ingest output folder (make one with
 * `npm run bench:ingest -- --count 100000 --keep DIR`, then pass DIR/data), builds the sliced Pagefind
 * index, and reports build time, peak memory (this process and the Pagefind binary together), file count,
 * size, and, in headless Chromium, the bytes and time of a first (cold) query and of later ones.
 * `--shards-only` builds only the vocabulary and suggestion shards (minutes, not the index's hour on a
 * busy machine) and prints their sizes, gzipped as a host sends them. `--index DIR` measures the queries
 * over an index kept by an earlier run (`--keep` prints its folder) instead of building one, and
 * `--trace` lists each query's requests with their bytes and times. A later query is followed by its
 * page 2.
 */
import { execFileSync } from 'node:child_process';
import { mkdtemp, readFile, readdir, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { articleSchema, type Article } from '../../src/data/schema.ts';
import { gzipSync } from 'node:zlib';
import { countTokens } from '../../src/shared/lib/search-terms.ts';
import { articleText, buildSearchIndex, DEFAULT_SLICE_SIZE } from '../ingest/search-index.ts';
import { writeSearchShards } from '../ingest/search-vocabulary.ts';
import { loadTaxonomy } from '../ingest/taxonomy.ts';
import { bundleBenchEntry, kb, launchChromium, percentile, serveStatic } from './search-harness.ts';

async function readArticles(dataDir: string, limit: number): Promise<Article[]> {
  const articles: Article[] = [];
  const walk = async (dir: string): Promise<void> => {
    for (const entry of (await readdir(dir, { withFileTypes: true })).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      if (articles.length >= limit) return;
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) await walk(full);
      else if (entry.name.endsWith('.json')) articles.push(articleSchema.parse(JSON.parse(await readFile(full, 'utf8'))));
    }
  };
  await walk(path.join(dataDir, 'articles'));
  return articles;
}

/**
 * RSS in MB of this process and all its descendants (the Pagefind services are child processes), and each
 * descendant's CPU seconds so far (whole seconds, as `ps` gives them).
 */
function treeStats(): { rssMb: number; cpu: Map<number, number> } {
  const rows = execFileSync('ps', ['-eo', 'pid=,ppid=,rss=,times='], { encoding: 'utf8' })
    .trim()
    .split('\n')
    .map((line) => line.trim().split(/\s+/).map(Number) as [number, number, number, number]);
  const children = new Map<number, number[]>();
  for (const [pid, ppid] of rows) children.set(ppid, [...(children.get(ppid) ?? []), pid]);
  const byPid = new Map(rows.map(([pid, , rss, cpu]) => [pid, { rss, cpu }]));
  const cpu = new Map<number, number>();
  let total = 0;
  const stack = [process.pid];
  while (stack.length > 0) {
    const pid = stack.pop()!;
    total += byPid.get(pid)?.rss ?? 0;
    if (pid !== process.pid) cpu.set(pid, byPid.get(pid)?.cpu ?? 0);
    stack.push(...(children.get(pid) ?? []));
  }
  return { rssMb: total / 1024, cpu };
}

async function countFiles(dir: string): Promise<{ files: number; bytes: number }> {
  let files = 0;
  let bytes = 0;
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue;
    files++;
    bytes += (await stat(path.join(entry.parentPath, entry.name))).size;
  }
  return { files, bytes };
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      data: { type: 'string' },
      slice: { type: 'string', default: String(DEFAULT_SLICE_SIZE) },
      limit: { type: 'string', default: String(Number.MAX_SAFE_INTEGER) },
      queries: { type: 'string', default: '12' },
      keep: { type: 'boolean', default: false },
      index: { type: 'string' },
      trace: { type: 'boolean', default: false },
      'shards-only': { type: 'boolean', default: false },
    },
  });
  if (!values.data) {
    throw new Error('usage: tsx scripts/bench/search-scale.ts --data DIR/data [--slice 5000] [--limit N] [--keep | --index DIR] [--trace]');
  }
  const sliceSize = Number(values.slice);
  // Queries come from the first 500 articles: a kept index needs no more of them.
  const queriesOnly = values.index !== undefined && !values['shards-only'];
  const articles = await readArticles(values.data, queriesOnly ? Math.min(500, Number(values.limit)) : Number(values.limit));
  const taxonomy = await loadTaxonomy('content/taxonomy.json');
  const tmp = values.index ?? (await mkdtemp(path.join(os.tmpdir(), 'search-scale-')));
  if (values['shards-only']) {
    const began = Date.now();
    const shards = await writeSearchShards(tmp, articles, taxonomy, countTokens(articles.map(articleText)));
    console.log(`articles: ${articles.length}; shards built in ${((Date.now() - began) / 1000).toFixed(0)} s`);
    for (const [name, stats] of Object.entries(shards)) {
      const gzipOf = async (f: string): Promise<number> =>
        gzipSync(await readFile(path.join(tmp, name, f)), { level: 6 }).byteLength;
      const files = (await readdir(path.join(tmp, name))).filter((f) => f !== 'index.json');
      const gz = await Promise.all(files.map(gzipOf));
      console.log(
        `${name}: ${stats.files} files, ${kb(stats.bytes)} raw; gzip median ${kb(percentile(gz, 50))}, p95 ${kb(percentile(gz, 95))}, largest ${kb(Math.max(...gz))}; index.json ${kb(stats.indexBytes)} raw, ${kb(await gzipOf('index.json'))} gzip`,
      );
    }
    if (!values.index) await rm(tmp, { recursive: true, force: true });
    return;
  }
  try {
    let peak = 0;
    // CPU seconds of the Pagefind services by pid, the last seen: on a shared machine CPU says more than time.
    const childCpu = new Map<number, number>();
    const sample = (): void => {
      const { rssMb, cpu } = treeStats();
      peak = Math.max(peak, rssMb);
      for (const [pid, seconds] of cpu) childCpu.set(pid, Math.max(childCpu.get(pid) ?? 0, seconds));
    };
    const timer = setInterval(sample, 1000);
    const cpuBefore = process.cpuUsage();
    const began = Date.now();
    const built = values.index
      ? null
      : await buildSearchIndex(articles, tmp, taxonomy, {
          sliceSize,
          onSlice: (done, total) => console.log(`  slice ${done}/${total} written at ${((Date.now() - began) / 1000).toFixed(0)} s`),
        });
    clearInterval(timer);
    sample();
    const seconds = (Date.now() - began) / 1000;
    const { user, system } = process.cpuUsage(cpuBefore);
    const nodeCpu = (user + system) / 1e6;
    const pagefindCpu = [...childCpu.values()].reduce((a, b) => a + b, 0);
    const disk = await countFiles(path.join(tmp, 'pagefind'));
    const manifest = JSON.parse(await readFile(path.join(tmp, 'pagefind', 'search-manifest.json'), 'utf8')) as {
      slices: Array<{ count: number }>;
    };

    // Queries: words of the corpus's own titles, so each finds something; then two words nearly every
    // article has (the worst case for bytes), and a title word with a letter dropped («هل تقصد»).
    const words = [...new Set(articles.slice(0, 500).flatMap((a) => a.title.split(/\s+/)))].filter((w) => w.length >= 4);
    const typo = words.find((w) => w.length >= 6) ?? 'اوكرانيا';
    const queries = [...words.slice(0, Number(values.queries)), 'في من', typo.slice(0, 2) + typo.slice(3)];
    await bundleBenchEntry(path.join(tmp, 'site'));
    // Times on a shared machine follow its load: printed beside them.
    const loadBefore = os.loadavg()[0]!;
    const server = await serveStatic({ '/data/': tmp, '/site/': path.join(tmp, 'site') });
    const browser = await launchChromium();
    const cold: Array<{ bytes: number; ms: number; requests: number }> = [];
    const warm: Array<{ bytes: number; ms: number }> = [];
    const second: Array<{ bytes: number; ms: number }> = [];
    const facets: Array<{ bytes: number; ms: number }> = [];
    try {
      for (const [i, q] of queries.entries()) {
        const page = await browser.newPage();
        await page.goto(server.url);
        await page.addScriptTag({ type: 'module', content: `import * as b from '/site/bench.js'; window.bench = b;` });
        await page.waitForFunction(() => 'bench' in window);
        type Bench = { bench: { runEngine: (q: string, f: boolean, l: boolean, p: number) => Promise<string[]> } };
        const run = async (
          query: string,
          withFacets = false,
          pageNumber = 1,
        ): Promise<{ bytes: number; ms: number; requests: number }> => {
          server.reset();
          const started = Date.now();
          await page.evaluate(
            ([qq, ff, pp]) => (window as unknown as Bench).bench.runEngine(qq, ff, false, pp),
            [query, withFacets, pageNumber] as const,
          );
          const ms = Date.now() - started;
          if (values.trace) {
            const what = withFacets ? ' (facets)' : pageNumber > 1 ? ` (page ${pageNumber})` : '';
            console.log(`${query}${what}: ${kb(server.bytes())}, ${ms} ms`);
            for (const r of server.sent()) console.log(`  ${String(r.ms).padStart(5)} ms ${kb(r.bytes).padStart(9)}  ${r.path}`);
          }
          return { bytes: server.bytes(), ms, requests: server.requests() };
        };
        cold.push(await run(q));
        facets.push(await run(q, true));
        // Later searches in the same page: Pagefind and the slice metadata are already loaded.
        const next = queries[(i + 1) % queries.length]!;
        warm.push(await run(next));
        second.push(await run(next, false, 2));
        await page.close();
      }
    } finally {
      await browser.close();
      await server.close();
    }
    const loadAfter = os.loadavg()[0]!;
    const median = (xs: number[]): number => percentile(xs, 50);
    console.log('\nfirst query, each:');
    for (const [i, q] of queries.entries()) console.log(`  ${q.padEnd(14)} ${kb(cold[i]!.bytes).padStart(10)}  ${cold[i]!.requests} requests`);
    console.log(`\narticles: ${articles.length}, slice size: ${sliceSize}, slices: ${manifest.slices.length}`);
    if (built) {
      console.log(`build: ${seconds.toFixed(0)} s, peak memory (node + pagefind): ${peak.toFixed(0)} MB`);
      console.log(`build CPU: ${(nodeCpu + pagefindCpu).toFixed(0)} s (node, its threads: ${nodeCpu.toFixed(0)} s; Pagefind services: ${pagefindCpu.toFixed(0)} s, sampled each second)`);
    }
    console.log(`index on disk: ${disk.files} files, ${(disk.bytes / 1048576).toFixed(1)} MB`);
    for (const [name, stats] of Object.entries(built?.shards ?? {})) {
      console.log(`${name} shards: ${stats.files} files, ${kb(stats.bytes)}, largest ${kb(stats.largest)} (before gzip)`);
    }
    console.log(
      `first query (cold page, ${queries.length} queries): median ${kb(median(cold.map((c) => c.bytes)))}, max ${kb(Math.max(...cold.map((c) => c.bytes)))}, ` +
        `${median(cold.map((c) => c.requests))} requests, median ${median(cold.map((c) => c.ms))} ms, p95 ${percentile(cold.map((c) => c.ms), 95)} ms`,
    );
    console.log(
      `then the facet counts (every filter chunk): median ${kb(median(facets.map((c) => c.bytes)))}, median ${median(facets.map((c) => c.ms))} ms`,
    );
    console.log(
      `later queries: median ${kb(median(warm.map((c) => c.bytes)))}, median ${median(warm.map((c) => c.ms))} ms, p95 ${percentile(warm.map((c) => c.ms), 95)} ms`,
    );
    console.log(
      `then its page 2: median ${kb(median(second.map((c) => c.bytes)))}, median ${median(second.map((c) => c.ms))} ms, p95 ${percentile(second.map((c) => c.ms), 95)} ms`,
    );
    console.log(`load average (1 min) on ${os.availableParallelism()} cores: ${loadBefore.toFixed(1)} before the queries, ${loadAfter.toFixed(1)} after`);
  } finally {
    if (values.keep) console.log(`kept ${tmp}`);
    else if (!values.index) await rm(tmp, { recursive: true, force: true });
  }
}

await main();
