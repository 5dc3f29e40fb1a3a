import {
  lstat,
  mkdir,
  mkdtemp,
  readdir,
  readFile,
  realpath,
  rm,
  stat,
  symlink,
  writeFile,
  chmod,
} from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { InputError, runIngest, type IngestOptions } from './pipeline.ts';

const TAXONOMY = fileURLToPath(new URL('../../content/taxonomy.json', import.meta.url));

let root: string;
let input: string;
beforeEach(async () => {
  root = await realpath(await mkdtemp(path.join(os.tmpdir(), 'output-folder-')));
  input = path.join(root, 'content');
  await mkdir(input);
  // Fixture articles written for this test.
  const lines = [
    {
      id: 'a1',
      title: 'قمة في باريس حول أوكرانيا',
      body: 'اجتمع القادة في باريس.',
      date: '2024-03-01T12:00:00Z',
    },
    { id: 'a2', title: 'أمطار غزيرة في الرباط', body: 'هطلت أمطار غزيرة.', date: '2024-03-02T12:00:00Z' },
  ];
  await writeFile(path.join(input, 'news.jsonl'), lines.map((l) => JSON.stringify(l)).join('\n'));
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

const options = (out: string, more: Partial<IngestOptions> = {}): IngestOptions => ({
  inputs: [input],
  out,
  taxonomyFile: TAXONOMY,
  search: false,
  cacheDir: path.join(root, '.cache'),
  ...more,
});

describe('the output folder', () => {
  it('refuses to replace a folder the ingest did not write, and leaves it as it was', async () => {
    const project = path.join(root, 'project');
    await mkdir(project);
    await writeFile(path.join(project, 'README.md'), 'mine');
    await expect(runIngest(options(project))).rejects.toThrow(InputError);
    await expect(runIngest(options(project))).rejects.toThrow(/did not write .*no manifest\.json/);
    expect(await readdir(project)).toEqual(['README.md']);
  });

  it('refuses an output that is the input, holds it, or lies inside it', async () => {
    await expect(runIngest(options(input))).rejects.toThrow(/holds the input/);
    await expect(runIngest(options(root))).rejects.toThrow(/holds the input/);
    await expect(runIngest(options(path.join(input, 'data')))).rejects.toThrow(/inside the input/);
    expect(await readdir(input)).toEqual(['news.jsonl']);
  });

  it('refuses an output that holds the build cache, or lies inside it', async () => {
    const out = path.join(root, 'out');
    await expect(runIngest(options(out, { cacheDir: path.join(out, 'cache') }))).rejects.toThrow(
      /holds the build cache/,
    );
    await expect(runIngest(options(path.join(root, '.cache', 'out')))).rejects.toThrow(
      /inside the build cache/,
    );
  });

  it('writes into a new or empty folder, and replaces its own output', async () => {
    const out = path.join(root, 'out');
    await mkdir(out);
    await runIngest(options(out));
    expect(await readdir(out)).toContain('manifest.json');
    await writeFile(
      path.join(input, 'news.jsonl'),
      JSON.stringify({ id: 'a3', title: 'خبر ثالث', body: 'نص.' }),
    );
    expect((await runIngest(options(out))).counts.articles).toBe(1);
  });

  it('updates a linked output where the link points, and keeps the link', async () => {
    const real = path.join(root, 'releases', 'data');
    await mkdir(real, { recursive: true });
    const link = path.join(root, 'data');
    await symlink(real, link);
    await runIngest(options(link));
    expect((await lstat(link)).isSymbolicLink()).toBe(true);
    expect(await readdir(real)).toContain('manifest.json');
    // A second spelling of the same folder shares its lock and its cache: nothing to do.
    expect((await runIngest(options(real))).outcome).toBe('unchanged');
  });

  it('is readable by others as the umask allows, and keeps permissions it was given', async () => {
    const out = path.join(root, 'out');
    await runIngest(options(out));
    expect((await stat(out)).mode & 0o777).toBe(0o777 & ~process.umask());
    await chmod(out, 0o750);
    await writeFile(
      path.join(input, 'news.jsonl'),
      JSON.stringify({ id: 'a3', title: 'خبر ثالث', body: 'نص.' }),
    );
    await runIngest(options(out));
    expect((await stat(out)).mode & 0o777).toBe(0o750);
    expect(JSON.parse(await readFile(path.join(out, 'manifest.json'), 'utf8')).counts.articles).toBe(1);
  });
});
