/**
 * `npm run ingest -- [--out DIR] [--taxonomy FILE] [--report FILE] [--strict] [--no-search] [--full]
 * [--cache DIR] [--profile] [INPUT ...]`
 * Reads, calls the pipeline and writes; all the logic lives in the modules it imports.
 *
 * Memory: bodies are not kept (they are read back from the parsed-file cache), but the corpus's records,
 * tags, related panels and list membership are: a million articles peaked at 6.2 GB resident
 * (docs/decisions/030). Node's default heap cap (a quarter of the machine's memory, at most about 4 GB)
 * is too small for that, so `npm run ingest` raises it to 8 GB (`--max-old-space-size=8192` in
 * package.json); run the file directly with `node --max-old-space-size=8192 --import tsx
 * scripts/ingest/cli.ts` for a corpus that large.
 */
import { constants } from 'node:fs';
import { access, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { LockedError } from './lock.ts';
import { printable } from './record.ts';
import {
  DEFAULT_CACHE_DIR,
  InputError,
  buildReport,
  profileLine,
  rewriteLine,
  runIngest,
  summaryLine,
  type Progress,
  type Timings,
} from './pipeline.ts';

const USAGE =
  'usage: npm run ingest -- [--out DIR] [--taxonomy FILE] [--report FILE] [--strict] [--no-search] [--full] [--cache DIR] [--profile] [INPUT ...]';
const SHOWN_REJECTIONS = 20;

function progressBar(): Progress | undefined {
  if (!process.stderr.isTTY) return undefined;
  let last = '';
  return (phase, done, total) => {
    // Short runs finish before a bar could be read; it would only flicker.
    if (total < 2_000 && phase !== 'search') return;
    const width = 30;
    const filled = total === 0 ? width : Math.round((done / total) * width);
    const line = `${phase.padEnd(7)} [${'#'.repeat(filled)}${' '.repeat(width - filled)}] ${done}/${total}`;
    if (line === last) return;
    last = line;
    process.stderr.write(`\r${line}`);
    if (done >= total) process.stderr.write('\n');
  };
}

async function main(argv: string[]): Promise<number> {
  let args;
  try {
    args = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        out: { type: 'string', default: 'public/data' },
        taxonomy: { type: 'string', default: 'content/taxonomy.json' },
        report: { type: 'string' },
        strict: { type: 'boolean', default: false },
        'no-search': { type: 'boolean', default: false },
        full: { type: 'boolean', default: false },
        cache: { type: 'string', default: DEFAULT_CACHE_DIR },
        profile: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (error) {
    process.stderr.write(`ingest: ${(error as Error).message}\n${USAGE}\n`);
    return 2;
  }
  if (args.values.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const envContent = process.env.CONTENT;
  const inputs = args.positionals.length > 0 ? args.positionals : [envContent && envContent !== '' ? envContent : 'content/'];
  const out = args.values.out;

  // Before the run: a report that cannot be written must not fail it once the output is replaced.
  const reportProblem = args.values.report && (await unwritable(args.values.report));
  if (reportProblem) {
    process.stderr.write(`ingest: cannot write the report "${args.values.report}": ${reportProblem}\n`);
    return 2;
  }

  const timings: Timings | undefined = args.values.profile ? {} : undefined;
  let result;
  try {
    result = await runIngest({
      inputs,
      out,
      taxonomyFile: args.values.taxonomy,
      search: !args.values['no-search'],
      full: args.values.full,
      cacheDir: args.values.cache,
      strict: args.values.strict,
      onProgress: progressBar(),
      onWarning: (message) => process.stderr.write(`ingest: warning: ${printable(message)}\n`),
      timings,
    });
  } catch (error) {
    process.stderr.write(`ingest: ${(error as Error).message}\n`);
    const usage = error instanceof InputError || error instanceof LockedError;
    if (!usage) process.stderr.write('ingest: the previous output was left untouched\n');
    return usage ? 2 : 1;
  }

  const { rejections, warnings } = result;
  for (const r of rejections.slice(0, SHOWN_REJECTIONS))
    process.stderr.write(printable(`${r.file}:${r.line}: ${r.reason}`) + '\n');
  if (rejections.length > SHOWN_REJECTIONS) {
    process.stderr.write(`… and ${rejections.length - SHOWN_REJECTIONS} more rejected\n`);
  }
  if (warnings.length > 0) {
    const first = printable(`${warnings[0]!.file}:${warnings[0]!.line}: ${warnings[0]!.message}`);
    process.stderr.write(
      `${warnings.length} warning${warnings.length === 1 ? '' : 's'}${args.values.report ? ` (see ${args.values.report})` : ''}; first: ${first}\n`,
    );
  }
  if (args.values.report) {
    try {
      await writeFile(args.values.report, buildReport(result));
    } catch (error) {
      process.stderr.write(`ingest: cannot write the report: ${(error as Error).message}\n`);
      process.stdout.write(`${summaryLine(result)}\n`);
      return 2;
    }
  }
  if (result.outcome === 'kept') process.stderr.write('ingest: --strict and rejected records: the previous output was left as it was\n');
  if (result.outcome === 'unchanged') process.stderr.write('ingest: nothing changed since the last run; the output was left as it was\n');
  if (result.outcome !== 'kept') process.stderr.write(`${rewriteLine(result)}\n`);
  if (timings) process.stderr.write(`${profileLine(timings)}\n`);
  process.stdout.write(`${summaryLine(result)}\n`);
  return args.values.strict && rejections.length > 0 ? 1 : 0;
}

/** Why `file` cannot be written, or null: its folder is missing or read-only, or it is a folder. */
async function unwritable(file: string): Promise<string | null> {
  try {
    if ((await stat(file)).isDirectory()) return 'it is a folder';
    await access(file, constants.W_OK);
    return null;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') return (error as NodeJS.ErrnoException).code ?? String(error);
  }
  try {
    await access(path.dirname(path.resolve(file)), constants.W_OK);
    return null;
  } catch (error) {
    return `its folder: ${(error as NodeJS.ErrnoException).code ?? String(error)}`;
  }
}

process.exitCode = await main(process.argv.slice(2));
