/**
 * `npm run bench:prerender -- --data DIR [--threads N]`
 *
 * Prerenders a whole site over a data folder (for 100,000 articles: `npm run bench:ingest -- --count 100000
 * --keep /tmp/b100k`, then `--data /tmp/b100k/data`) and prints pages, files, bytes, the median article
 * page, wall and CPU time (the machine is shared: CPU seconds say more than wall when it is busy), the
 * load average before and after, pages per second and the peak memory of the process (its worker threads
 * included). The data folder (made by the ingest, which names it in its `data-id` file) is only read: the
 * site's build folder is hard links to it (docs/decisions/043-build-addressed-data.md).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { prerender } from '../prerender/cli.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

const { values } = parseArgs({
  options: { data: { type: 'string' }, threads: { type: 'string', default: String(os.availableParallelism()) } },
});
if (!values.data) {
  process.stderr.write('usage: npm run bench:prerender -- --data DIR [--threads N]\n');
  process.exit(2);
}

const site = mkdtempSync(path.join(os.tmpdir(), 'prerender-bench-'));
const app = `${site}-app`;
const vite = path.join(ROOT, 'node_modules/.bin/vite');
execFileSync(vite, ['build', '--outDir', app, '--emptyOutDir', '--logLevel', 'error'], { cwd: ROOT, stdio: 'inherit' });
execFileSync(vite, ['build', '--ssr', 'scripts/prerender/render-worker.ts', '--outDir', 'dist-ssr', '--logLevel', 'error'], {
  cwd: ROOT,
  stdio: 'inherit',
});

/**
 * This thread's own CPU seconds, apart from the worker threads' (Linux: its task's utime and stime, in the
 * kernel's 100 ticks a second), or null elsewhere. At 100,000 articles the coordinating thread was busier
 * than either worker (docs/decisions/007-prerendering.md).
 */
function coordinatorCpuSeconds(): number | null {
  try {
    const stat = readFileSync(`/proc/self/task/${process.pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return null;
  }
}

const loadBefore = os.loadavg();
const cpuBefore = process.cpuUsage();
const coordinatorBefore = coordinatorCpuSeconds();
const stats = await prerender({
  appDir: app,
  dataDir: path.resolve(values.data),
  distDir: site,
  workerFile: path.join(ROOT, 'dist-ssr/render-worker.js'),
  threads: Number(values.threads),
  siteUrl: 'https://news.example.org',
  cacheFile: `${site}.cache.json`,
});
const cpu = process.cpuUsage(cpuBefore);
const coordinatorAfter = coordinatorCpuSeconds();
const loadAfter = os.loadavg();
const maxRssMb = process.resourceUsage().maxRSS / 1024;
const load = (l: number[]) => l.map((x) => x.toFixed(1)).join(' ');

const articles = readdirSync(path.join(site, 'articles')).map((f) => statSync(path.join(site, 'articles', f)).size);
articles.sort((a, b) => a - b);
const median = articles[Math.floor(articles.length / 2)] ?? 0;

process.stdout.write(
  [
    `prerender: ${stats.pages} pages, ${stats.written} files written, ${(stats.bytes / 1e9).toFixed(2)} GB of HTML`,
    `  ${stats.seconds.toFixed(1)} s wall, ${Math.round(stats.pages / stats.seconds)} pages/s on ${values.threads} threads`,
    `  ${((cpu.user + cpu.system) / 1e6).toFixed(1)} s CPU (user ${(cpu.user / 1e6).toFixed(1)}, system ${(cpu.system / 1e6).toFixed(1)}), ${(((cpu.user + cpu.system) / 1e3) / stats.pages).toFixed(2)} ms CPU a page`,
    coordinatorBefore === null || coordinatorAfter === null
      ? '  (no per-thread CPU on this system)'
      : `  of which the coordinating thread ${(coordinatorAfter - coordinatorBefore).toFixed(1)} s (linking the data, queueing paths, receiving results; the rest is the render threads)`,
    `  load average (1, 5, 15 min) ${load(loadBefore)} before, ${load(loadAfter)} after`,
    `  peak memory ${maxRssMb.toFixed(0)} MB (this process and its worker threads)`,
    `  median article page ${(median / 1024).toFixed(1)} KB (${articles.length} article pages)`,
    `  ${stats.failed.length} failed, ${stats.broken.length} linked paths answering 404`,
    `  site kept in ${site} (its data hard-linked from ${values.data})`,
    '',
  ].join('\n'),
);
