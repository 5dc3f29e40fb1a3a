/**
 * `npm run bench:publish -- [--count 100000] [--no-search] [--keep DIR]`
 *
 * Publishing as a newsroom does it, on a synthetic corpus of real length (about 2,700 characters and
 * 10 tags an article): a full build, a run with nothing changed, 1,000 new articles, one article edited,
 * one deleted; then a full build of the final input into another folder, which must be byte-identical to
 * the incremental output. Each run is the ingest CLI in its own process under /usr/bin/time, so peak
 * memory counts Pagefind's processes too. One line per step, and under it the CPU of each phase (`--profile`).
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

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const TAXONOMY = path.join(ROOT, 'content/taxonomy.json');
const CLI = path.join(ROOT, 'scripts/ingest/cli.ts');
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

/** One ingest in its own process; time, CPU and peak RSS (largest of the process tree) from GNU time. */
function ingest(args: string[]): Step {
  const timed = existsSync('/usr/bin/time');
  const command = [process.execPath, '--max-old-space-size=8192', '--import', 'tsx', CLI, '--profile', ...args];
  const began = performance.now();
  const child = spawnSync(timed ? '/usr/bin/time' : command[0]!, timed ? ['-f', 'TIME %e %U %S %M', ...command] : command.slice(1), {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, CONTENT: '' },
    maxBuffer: 1 << 26,
  });
  const seconds = (performance.now() - began) / 1000;
  if (child.status !== 0) throw new Error(`ingest failed (${child.status}): ${child.stderr}`);
  const time = /TIME ([\d.]+) ([\d.]+) ([\d.]+) (\d+)/.exec(child.stderr);
  const rewritten = /rewrote (\d+) of (\d+) files/.exec(child.stderr);
  return {
    seconds,
    cpuSeconds: time ? Number(time[2]) + Number(time[3]) : Number.NaN,
    peakMb: time ? Number(time[4]) / 1024 : Number.NaN,
    rewritten: rewritten ? Number(rewritten[1]) : Number.NaN,
    files: rewritten ? Number(rewritten[2]) : Number.NaN,
    profile: /ingest: profile \(CPU\) (.*)/.exec(child.stderr)?.[1] ?? '',
  };
}

/** Every file under `dir` with a hash of its bytes. */
async function tree(dir: string): Promise<Map<string, string>> {
  const files = new Map<string, string>();
  for (const e of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!e.isFile()) continue;
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
  const run = (label: string, args: string[]): void => {
    const s = ingest([...common, ...args]);
    process.stdout.write(
      `${label.padEnd(22)} ${`${s.seconds.toFixed(1)} s`.padStart(9)}  CPU ${`${s.cpuSeconds.toFixed(1)} s`.padStart(8)}  peak ${`${s.peakMb.toFixed(0)} MB`.padStart(8)}  rewrote ${s.rewritten.toLocaleString('en-US')} of ${s.files.toLocaleString('en-US')} files\n${' '.repeat(24)}${s.profile}\n`,
    );
  };

  try {
    process.stderr.write(`generating ${count.toLocaleString('en-US')} synthetic articles of real length…\n`);
    await generateCorpus(path.join(input, 'archive.jsonl'), count, TAXONOMY, { ...REAL_LENGTH, start: Date.UTC(2022, 0, 1), days: 730 });
    // Today's articles: dated after the archive, as a newsroom publishes.
    const today = path.join(dir, 'today.jsonl');
    await generateCorpus(today, NEW_ARTICLES, TAXONOMY, { ...REAL_LENGTH, seed: count + 1, idPrefix: 'today-', start: Date.UTC(2024, 0, 1), days: 1 });
    await rm(out, { recursive: true, force: true });
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
    process.stdout.write(
      diff.length === 0
        ? 'incremental output is byte-identical to a full build of the same input\n'
        : `incremental output DIFFERS from a full build in ${diff.length} files, first: ${diff.slice(0, 5).join(', ')}\n`,
    );
    if (diff.length > 0) process.exitCode = 1;
  } finally {
    if (!values.keep) await rm(dir, { recursive: true, force: true });
  }
}

await main();
