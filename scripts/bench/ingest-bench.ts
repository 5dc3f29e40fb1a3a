/**
 * `npm run bench:ingest -- [--count 100000] [--keep DIR]`
 *
 * Generates a clearly synthetic corpus (made-up Arabic-looking words, 3 to 10 Zipf-distributed keyword tags
 * per article, some topic aliases from the taxonomy), runs the ingest on it without the search index in a
 * child process, and prints throughput, peak memory, output sizes and how many related links share a tag
 * with their article. With --count ≥ 100,000 it runs 10,000 first and shows both side by side, so growth is
 * visible. --keep DIR keeps the corpus and the output (DIR/data).
 */
import { spawnSync } from 'node:child_process';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { formatRelatedQuality, type RelatedQuality } from '../ingest/related.ts';
import { generateCorpus } from './synthetic-corpus.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const TAXONOMY = path.join(ROOT, 'content/taxonomy.json');

interface RunStats {
  articles: number;
  rejected: number;
  seconds: number;
  /** User + system CPU seconds: on a busy shared machine, wall time says more about the neighbours. */
  cpuSeconds: number;
  maxRssMb: number;
  phases: Record<string, { wallMs: number; cpuMs: number }>;
  files: number;
  bytes: number;
  largestList: { path: string; bytes: number };
  largestArticle: { path: string; bytes: number };
  related: RelatedQuality;
}

/** Child mode: one ingest, its own clock and peak memory, as JSON on stdout. */
async function runChild(corpus: string, out: string): Promise<void> {
  const { runIngest } = await import('../ingest/pipeline.ts');
  const began = performance.now();
  const cpuBefore = process.cpuUsage();
  const phases: RunStats['phases'] = {};
  const result = await runIngest({ inputs: [corpus], out, taxonomyFile: TAXONOMY, search: false, timings: phases });
  const stats: RunStats = {
    articles: result.counts.articles,
    rejected: result.counts.rejected,
    seconds: (performance.now() - began) / 1000,
    cpuSeconds: ((cpu) => (cpu.user + cpu.system) / 1e6)(process.cpuUsage(cpuBefore)),
    maxRssMb: process.resourceUsage().maxRSS / 1024,
    phases,
    files: result.write.files,
    bytes: result.write.bytes,
    largestList: result.write.largestList,
    largestArticle: result.write.largestArticle,
    related: result.related,
  };
  process.stdout.write(JSON.stringify(stats));
}

function runIngestChild(corpus: string, out: string): RunStats {
  const child = spawnSync(
    process.execPath,
    ['--import', 'tsx', fileURLToPath(import.meta.url), '--child', corpus, out],
    { cwd: ROOT, encoding: 'utf8', maxBuffer: 1 << 24, stdio: ['ignore', 'pipe', 'inherit'] },
  );
  if (child.status !== 0) throw new Error(`ingest child failed with status ${child.status}`);
  return JSON.parse(child.stdout) as RunStats;
}

const kb = (bytes: number): string => `${(bytes / 1024).toFixed(1)} KB`;

async function benchmark(count: number, dir: string, keepOutput: boolean): Promise<RunStats> {
  const corpus = path.join(dir, `corpus-${count}.jsonl`);
  const out = path.join(dir, keepOutput ? 'data' : `data-${count}`);
  process.stderr.write(`generating ${count.toLocaleString('en-US')} synthetic articles…\n`);
  await generateCorpus(corpus, count, TAXONOMY);
  // A fresh folder: deleting a previous run's output is not the ingest's work (the pipeline times it apart
  // as "remove old" when it does happen).
  await rm(out, { recursive: true, force: true });
  process.stderr.write(`ingesting ${count.toLocaleString('en-US')}…\n`);
  const stats = runIngestChild(corpus, out);
  if (!keepOutput) await rm(out, { recursive: true, force: true });
  return stats;
}

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      count: { type: 'string', default: '10000' },
      keep: { type: 'string' },
      child: { type: 'boolean', default: false },
    },
  });
  if (values.child) {
    await runChild(positionals[0]!, positionals[1]!);
    return;
  }
  const count = Number(values.count);
  if (!Number.isInteger(count) || count < 1) throw new Error('--count must be a positive integer');
  const dir = values.keep ? path.resolve(values.keep) : await mkdtemp(path.join(os.tmpdir(), 'ingest-bench-'));
  await mkdir(dir, { recursive: true });
  try {
    const counts = count >= 100_000 ? [10_000, count] : [count];
    const runs: Array<[number, RunStats]> = [];
    for (const n of counts) runs.push([n, await benchmark(n, dir, Boolean(values.keep) && n === count)]);
    const rows: Array<[string, (s: RunStats) => string]> = [
      ['articles', (s) => s.articles.toLocaleString('en-US')],
      ['rejected', (s) => String(s.rejected)],
      ['time', (s) => `${s.seconds.toFixed(1)} s`],
      ['CPU time', (s) => `${s.cpuSeconds.toFixed(1)} s`],
      ['articles/second', (s) => Math.round(s.articles / s.seconds).toLocaleString('en-US')],
      ['phases, CPU (s)', (s) => Object.entries(s.phases).map(([p, t]) => `${p} ${(t.cpuMs / 1000).toFixed(1)}`).join(', ')],
      ['phases, wall (s)', (s) => Object.entries(s.phases).map(([p, t]) => `${p} ${(t.wallMs / 1000).toFixed(1)}`).join(', ')],
      ['peak RSS', (s) => `${s.maxRssMb.toFixed(0)} MB`],
      ['files written', (s) => s.files.toLocaleString('en-US')],
      ['bytes written', (s) => `${(s.bytes / 1024 / 1024).toFixed(1)} MB`],
      ['largest list shard', (s) => `${kb(s.largestList.bytes)} (${s.largestList.path})`],
      ['largest article shard', (s) => `${kb(s.largestArticle.bytes)} (${s.largestArticle.path})`],
    ];
    process.stdout.write(
      `ingest benchmark (synthetic corpus, --no-search, ${os.cpus().length} CPUs, load average ${os.loadavg()[0]!.toFixed(1)})\n`,
    );
    process.stdout.write(`${''.padEnd(24)}${runs.map(([n]) => `${n.toLocaleString('en-US')} articles`.padEnd(44)).join('')}\n`);
    for (const [label, cell] of rows) {
      process.stdout.write(`${label.padEnd(24)}${runs.map(([, s]) => cell(s).padEnd(44)).join('')}\n`);
    }
    for (const [n, s] of runs) {
      process.stdout.write(`${n.toLocaleString('en-US')} articles: ${formatRelatedQuality(s.related)}\n`);
    }
    if (values.keep) process.stdout.write(`kept the corpus (corpus-${count}.jsonl) and its output (data/) in ${dir}\n`);
  } finally {
    if (!values.keep) await rm(dir, { recursive: true, force: true });
  }
}

await main();
