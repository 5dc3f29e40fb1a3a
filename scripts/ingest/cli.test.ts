import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, mkdir, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const CLI = path.join(ROOT, 'scripts/ingest/cli.ts');
const TSX = path.join(ROOT, 'node_modules/.bin/tsx');

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function run(args: string[], env: Record<string, string> = {}, cwd = ROOT): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(TSX, [CLI, ...args, '--cache', path.join(root, 'cache')], { cwd, env: { ...process.env, CONTENT: '', ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

const lastLine = (text: string): string => text.trimEnd().split('\n').at(-1) ?? '';

let root: string;
let content: string;
const taxonomy = path.join(ROOT, 'content/taxonomy.json');

beforeAll(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), 'ingest-cli-'));
  content = path.join(root, 'content');
  await mkdir(content);
  // Fixture articles written for this test: two good, one rejected.
  const lines = [
    JSON.stringify({ id: 'c1', title: 'سوق الخضار يفتح أبوابه', body: 'افتتح سوق الخضار الجديد صباح اليوم.', date: '2024-04-01T08:00:00Z' }),
    JSON.stringify({ id: 'c2', title: 'أمطار غزيرة على المدينة', body: ['هطلت أمطار غزيرة طوال الليل.'] }),
    'this is not json',
  ];
  await writeFile(path.join(content, 'a.jsonl'), lines.join('\n'));
  await writeFile(path.join(content, 'taxonomy.json'), await readFile(taxonomy));
}, 30_000);

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('ingest CLI', () => {
  it('ends with the summary line, prints rejections on stderr and exits 0', async () => {
    const out = path.join(root, 'out');
    const result = await run(['--no-search', '--out', out, '--taxonomy', taxonomy, content]);
    expect(result.code).toBe(0);
    expect(lastLine(result.stdout)).toMatch(/^ingest: 2 articles, 1 rejected, \d+ tags, \d+ topics -> .*out$/);
    expect(result.stderr).toMatch(/a\.jsonl:3: not valid JSON/);
    expect(await readdir(out)).toContain('manifest.json');
  }, 30_000);

  it('reads CONTENT and skips the taxonomy inside the content folder', async () => {
    const out = path.join(root, 'out-env');
    const result = await run(['--no-search', '--out', out, '--taxonomy', path.join(content, 'taxonomy.json')], { CONTENT: content });
    expect(result.code).toBe(0);
    expect(lastLine(result.stdout)).toMatch(/^ingest: 2 articles, 1 rejected/);
  }, 30_000);

  it('exits 1 with --strict when anything was rejected, and leaves the output as it was', async () => {
    const out = path.join(root, 'out-strict');
    await mkdir(out);
    await writeFile(path.join(out, 'manifest.json'), '{}');
    const result = await run(['--no-search', '--strict', '--out', out, '--taxonomy', taxonomy, content]);
    expect(result.code).toBe(1);
    expect(lastLine(result.stdout)).toMatch(/^ingest: 2 articles, 1 rejected.* \(left as it was: --strict\)$/);
    expect(result.stderr).toMatch(/previous output was left as it was/);
    expect(await readdir(out)).toEqual(['manifest.json']);
  }, 30_000);

  it('exits 2, naming the holder, while another build runs on the same output', async () => {
    const out = path.join(root, 'out-locked');
    // This test's own process stands for the running build.
    await writeFile(path.join(root, '.out-locked.lock'), `${process.pid}\n`);
    const result = await run(['--no-search', '--out', out, '--taxonomy', taxonomy, content]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(new RegExp(`a build is running on this output \\(pid ${process.pid}`));
    await rm(path.join(root, '.out-locked.lock'));
  }, 30_000);

  it('says when nothing changed since the last run, and --full rewrites everything', async () => {
    const out = path.join(root, 'out-again');
    const args = ['--no-search', '--out', out, '--taxonomy', taxonomy, content];
    await run(args);
    const again = await run(args);
    expect(again.code).toBe(0);
    expect(again.stderr).toMatch(/nothing changed since the last run/);
    expect(again.stderr).toMatch(/rewrote 0 of \d+ files/);
    const full = await run([...args, '--full']);
    expect(full.stderr).toMatch(/rewrote (\d+) of \1 files/);
  }, 60_000);

  it('exits 2 before anything is written when the report cannot be written', async () => {
    const out = path.join(root, 'out-no-report');
    const result = await run(['--no-search', '--out', out, '--taxonomy', taxonomy, '--report', path.join(root, 'missing', 'r.json'), content]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/cannot write the report .*ENOENT/);
    expect(existsSync(out)).toBe(false);
  }, 30_000);

  it('writes the report with every rejection', async () => {
    const report = path.join(root, 'report.json');
    const result = await run(['--no-search', '--out', path.join(root, 'out-report'), '--taxonomy', taxonomy, '--report', report, content]);
    expect(result.code).toBe(0);
    const json = JSON.parse(await readFile(report, 'utf8')) as { counts: { articles: number }; rejected: unknown[] };
    expect(json.counts.articles).toBe(2);
    expect(json.rejected).toEqual([{ file: expect.stringMatching(/a\.jsonl$/), line: 3, reason: expect.stringMatching(/^not valid JSON/) }]);
  }, 30_000);

  it('reports the keyword phrases it found, with their evidence, and the runs it left undecided', async () => {
    const pages = path.join(root, 'pages');
    await mkdir(pages);
    // A fixture page: «كتائب القسام» is written whole in the body; «روسيا تصعد» only side by side in the title.
    const page = ['روسيا تصعد عسكريا', 'تاريخ النشر: 2024-03-01', 'أعلنت كتائب القسام أنها صدت الهجوم.', 'المصدر: الجريدة', 'كلمات دلالية: روسيا تصعد كتائب القسام'];
    await writeFile(path.join(pages, 'page.txt'), page.join('\n'));
    const report = path.join(root, 'report-phrases.json');
    const result = await run(['--no-search', '--out', path.join(root, 'out-phrases'), '--taxonomy', taxonomy, '--report', report, pages]);
    expect(result.code).toBe(0);
    const json = JSON.parse(await readFile(report, 'utf8')) as { discoveredPhrases: unknown[]; undecidedKeywordRuns: unknown[] };
    expect(json.discoveredPhrases).toEqual([
      { label: 'كتائب القسام', lines: 1, evidence: { whole: 0, text: 1, collocation: 0, structure: 1 } },
    ]);
    expect(json.undecidedKeywordRuns).toEqual([{ label: 'روسيا تصعد', lines: 1 }]);
  }, 30_000);

  it('prints a rejection that quotes terminal escapes from the input with them escaped', async () => {
    const hostile = path.join(root, 'hostile');
    await mkdir(hostile);
    await writeFile(path.join(hostile, 'a.jsonl'), '\u001b]0;PWNED\u0007\u001b[2J\n');
    const result = await run(['--no-search', '--out', path.join(root, 'out-hostile'), '--taxonomy', taxonomy, hostile]);
    expect(result.stderr).toMatch(/a\.jsonl:1: not valid JSON \(.*\\u001b\]0;PWNED\\u0007/);
    // eslint-disable-next-line no-control-regex
    expect(result.stderr).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
  }, 30_000);

  it.each([
    ['an unknown option', ['--frobnicate']],
    ['a missing input', ['--no-search', '--taxonomy', taxonomy, '/nonexistent/articles']],
    ['a missing taxonomy', ['--no-search', '--taxonomy', '/nonexistent/taxonomy.json']],
  ])('exits 2 on %s', async (_case, args) => {
    const result = await run([...args, '--out', path.join(root, 'never')]);
    expect(result.code).toBe(2);
    expect(result.stderr).not.toBe('');
  }, 30_000);
});
