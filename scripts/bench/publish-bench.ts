/**
 * `npm run bench:publish -- [--count 100000] [--no-search] [--no-html] [--keep DIR]`
 *
 * Publishing as a newsroom does it, on a synthetic corpus of real length (about 2,700 characters and
 * 10 tags an article): a full build, a run with nothing changed, 1,000 new articles, one more published
 * (the newsroom's commonest step), one article edited, one deleted; then a full build of the final input into other folders, which must be byte-identical to
 * the incremental output. Each step is what `npm run build` runs after Vite (built once, first): the
 * ingest, then the prerender of the site (unless `--no-html`), each in its own process under
 * /usr/bin/time, so peak memory counts Pagefind's processes too. One line per process, and under the
 * ingest's the CPU of each phase (`--profile`).
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { generateCorpus, REAL_LENGTH } from './synthetic-corpus.ts';
import { DATA_CHANGES_FILE } from '../ingest/data-changes.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const TAXONOMY = path.join(ROOT, 'content/taxonomy.json');
const CLI = path.join(ROOT, 'scripts/ingest/cli.ts');
const PRERENDER = path.join(ROOT, 'scripts/prerender/cli.ts');
const NEW_ARTICLES = 1_000;

interface Step {
  seconds: number;
  cpuSeconds: number;
  peakMb: number;
  rewritten: number;
  files: number;
  /** The CLI's `--profile` line: CPU seconds of each phase. */
  profile: string;
}

interface Timed {
  seconds: number;
  cpuSeconds: number;
  peakMb: number;
  output: string;
}

/** A command in its own process; time, CPU and peak RSS (largest of the process tree) from GNU time. */
function timed(command: string[]): Timed {
  const timed = existsSync('/usr/bin/time');
  const began = performance.now();
  const child = spawnSync(timed ? '/usr/bin/time' : command[0]!, timed ? ['-f', 'TIME %e %U %S %M', ...command] : command.slice(1), {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, CONTENT: '' },
    maxBuffer: 1 << 26,
  });
  const seconds = (performance.now() - began) / 1000;
  if (child.status !== 0) throw new Error(`${command.find((c) => c.endsWith('.ts')) ?? command[0]} failed (${child.status}): ${child.stderr}`);
  const time = /TIME ([\d.]+) ([\d.]+) ([\d.]+) (\d+)/.exec(child.stderr);
  return {
    seconds,
    cpuSeconds: time ? Number(time[2]) + Number(time[3]) : Number.NaN,
    peakMb: time ? Number(time[4]) / 1024 : Number.NaN,
    output: child.stdout + child.stderr,
  };
}

/** One ingest in its own process. */
function ingest(args: string[]): Step {
  const { output, ...step } = timed([process.execPath, '--max-old-space-size=8192', '--import', 'tsx', CLI, '--profile', ...args]);
  const rewritten = /rewrote (\d+) of (\d+) files/.exec(output);
  return {
    ...step,
    rewritten: rewritten ? Number(rewritten[1]) : Number.NaN,
    files: rewritten ? Number(rewritten[2]) : Number.NaN,
    profile: /ingest: profile \(CPU\) (.*)/.exec(output)?.[1] ?? '',
  };
}

/** The prerender of `data` into the site `dist` in its own process: its line says what it rendered and wrote. */
function prerender(app: string, ssr: string, data: string, dist: string, full = false): Timed & { summary: string } {
  const run = timed([
    process.execPath, '--import', 'tsx', PRERENDER, '--app', app, '--data', data, '--dist', dist,
    '--worker', path.join(ssr, 'render-worker.js'), '--cache', `${dist}.pages.json`, ...(full ? ['--full'] : []),
  ]);
  const line = /prerender: (\d+) pages, (\d+) rendered .*?, (\d+) files written, (\d+) removed/.exec(run.output);
  const summary = line
    ? `rendered ${Number(line[2]).toLocaleString('en-US')} of ${Number(line[1]).toLocaleString('en-US')} pages, wrote ${Number(line[3]).toLocaleString('en-US')} files, removed ${Number(line[4]).toLocaleString('en-US')}`
    : run.output.trim().split('\n').at(-1) ?? '';
  return { ...run, summary };
}

/** Every file under `dir` with a hash of its bytes; not the change list, which only an incremental run writes. */
async function tree(dir: string): Promise<Map<string, string>> {
  const files = new Map<string, string>();
  for (const e of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!e.isFile() || e.name === DATA_CHANGES_FILE) continue;
    const file = path.join(e.parentPath, e.name);
    files.set(path.relative(dir, file), createHash('sha1').update(await readFile(file)).digest('hex'));
  }
  return files;
}

function differences(a: Map<string, string>, b: Map<string, string>): string[] {
  const paths = new Set([...a.keys(), ...b.keys()]);
  return [...paths].filter((p) => a.get(p) !== b.get(p)).sort();
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      count: { type: 'string', default: '100000' },
      'no-search': { type: 'boolean', default: false },
      'no-html': { type: 'boolean', default: false },
      keep: { type: 'string' },
    },
  });
  const count = Number(values.count);
  if (!Number.isInteger(count) || count < 1) throw new Error('--count must be a positive integer');
  const dir = values.keep ? path.resolve(values.keep) : await mkdtemp(path.join(os.tmpdir(), 'publish-bench-'));
  await mkdir(dir, { recursive: true });
  const input = path.join(dir, 'in');
  // A kept folder's previous input (today's file) would otherwise be part of the full build.
  await rm(input, { recursive: true, force: true });
  await mkdir(input, { recursive: true });
  const out = path.join(dir, 'data');
  const common = ['--taxonomy', TAXONOMY, '--cache', path.join(dir, 'cache'), ...(values['no-search'] ? ['--no-search'] : [])];
  const html = !values['no-html'];
  const app = path.join(dir, 'app');
  // Inside the project, where its imports resolve (as `npm run prerender` builds it).
  const ssr = path.join(ROOT, 'dist-ssr');
  const site = path.join(dir, 'site');
  const figures = (s: Timed) =>
    `${`${s.seconds.toFixed(1)} s`.padStart(9)}  CPU ${`${s.cpuSeconds.toFixed(1)} s`.padStart(8)}  peak ${`${s.peakMb.toFixed(0)} MB`.padStart(8)}`;
  const run = (label: string, args: string[]): void => {
    const s = ingest([...common, ...args]);
    process.stdout.write(
      `${label.padEnd(22)} ${figures({ ...s, output: '' })}  rewrote ${s.rewritten.toLocaleString('en-US')} of ${s.files.toLocaleString('en-US')} files\n${' '.repeat(24)}${s.profile}\n`,
    );
    if (!html) return;
    const p = prerender(app, ssr, out, site, args.includes('--full'));
    process.stdout.write(`${'  + HTML'.padEnd(22)} ${figures(p)}  ${p.summary}\n`);
    process.stdout.write(`${'  = step'.padEnd(22)} ${`${(s.seconds + p.seconds).toFixed(1)} s`.padStart(9)}  CPU ${`${(s.cpuSeconds + p.cpuSeconds).toFixed(1)} s`.padStart(8)}\n`);
  };

  try {
    process.stderr.write(`generating ${count.toLocaleString('en-US')} synthetic articles of real length…\n`);
    await generateCorpus(path.join(input, 'archive.jsonl'), count, TAXONOMY, { ...REAL_LENGTH, start: Date.UTC(2022, 0, 1), days: 730 });
    // Today's articles: dated after the archive, as a newsroom publishes.
    const today = path.join(dir, 'today.jsonl');
    await generateCorpus(today, NEW_ARTICLES, TAXONOMY, { ...REAL_LENGTH, seed: count + 1, idPrefix: 'today-', start: Date.UTC(2024, 0, 1), days: 1 });
    // One more, published after them.
    const late = path.join(dir, 'late.jsonl');
    await generateCorpus(late, 1, TAXONOMY, { ...REAL_LENGTH, seed: count + 2, idPrefix: 'late-', start: Date.UTC(2024, 0, 2), days: 1 });
    await rm(out, { recursive: true, force: true });
    if (html) {
      // The app and the render worker, as `npm run build` makes them before the prerender.
      const vite = path.join(ROOT, 'node_modules/.bin/vite');
      spawnSync(vite, ['build', '--outDir', app, '--emptyOutDir', '--logLevel', 'error'], { cwd: ROOT, stdio: 'inherit' });
      spawnSync(vite, ['build', '--ssr', 'scripts/prerender/render-worker.ts', '--outDir', ssr, '--logLevel', 'error'], { cwd: ROOT, stdio: 'inherit' });
      await rm(site, { recursive: true, force: true });
      await rm(`${site}.pages.json`, { force: true });
    }
    // An archive is older than the run that builds it: a file modified in the two seconds before a run
    // looks at it is read again by the next one (git's racy rule, build-cache.ts), which is not the case
    // measured here.
    await new Promise((resolve) => setTimeout(resolve, 2_100));
    process.stdout.write(
      `publish benchmark: ${count.toLocaleString('en-US')} articles${values['no-search'] ? ', no search' : ''}, ${os.cpus().length} CPUs, load average ${os.loadavg()[0]!.toFixed(1)}\n`,
    );
    run('full build', ['--full', '--out', out, input]);
    run('nothing changed', ['--out', out, input]);
    const todayLines = (await readFile(today, 'utf8')).trimEnd().split('\n');
    await writeFile(path.join(input, 'today.jsonl'), `${todayLines.join('\n')}\n`);
    run(`+${NEW_ARTICLES.toLocaleString('en-US')} articles`, ['--out', out, input]);
    todayLines.push((await readFile(late, 'utf8')).trim());
    await writeFile(path.join(input, 'today.jsonl'), `${todayLines.join('\n')}\n`);
    run('one article published', ['--out', out, input]);
    const edited = JSON.parse(todayLines[0]!) as { title: string; body: string[]; tags: string[] | string };
    edited.title = `${edited.title} (محدّث)`;
    edited.body = [...edited.body, 'فقرة أضيفت بعد النشر.'];
    edited.tags = Array.isArray(edited.tags) ? [...edited.tags.slice(1), 'وسم جديد'] : `${edited.tags}، وسم جديد`;
    todayLines[0] = JSON.stringify(edited);
    await writeFile(path.join(input, 'today.jsonl'), `${todayLines.join('\n')}\n`);
    run('one article edited', ['--out', out, input]);
    todayLines.splice(1, 1);
    await writeFile(path.join(input, 'today.jsonl'), `${todayLines.join('\n')}\n`);
    run('one article deleted', ['--out', out, input]);

    const reference = path.join(dir, 'data-full');
    await rm(reference, { recursive: true, force: true });
    ingest([...common, '--cache', path.join(dir, 'cache-full'), '--full', '--out', reference, input]);
    const diff = differences(await tree(out), await tree(reference));
    if (html) {
      const siteFull = path.join(dir, 'site-full');
      await rm(siteFull, { recursive: true, force: true });
      prerender(app, ssr, reference, siteFull, true);
      diff.push(...differences(await tree(site), await tree(siteFull)).map((file) => `site/${file}`));
    }
    process.stdout.write(
      diff.length === 0
        ? `incremental output${html ? ' (data and site)' : ''} is byte-identical to a full build of the same input\n`
        : `incremental output DIFFERS from a full build in ${diff.length} files, first: ${diff.slice(0, 5).join(', ')}\n`,
    );
    if (diff.length > 0) process.exitCode = 1;
  } finally {
    if (!values.keep) await rm(dir, { recursive: true, force: true });
  }
}

await main();
