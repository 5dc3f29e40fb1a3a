import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, readdir, readFile, rm, stat, utimes, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATA_CHANGES_FILE, readDataChanges } from './data-changes.ts';
import { DATA_ID_FILE, readDataId } from './data-id.ts';
import { cacheFileFor } from './build-cache.ts';
import { runIngest, type IngestOptions } from './pipeline.ts';

/**
 * The promise of the incremental ingest: whatever was built before, the output is byte for byte what a
 * build from nothing of the same input gives; and a failed or killed run leaves output and cache usable.
 */

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const CLI = path.join(ROOT, 'scripts/ingest/cli.ts');

let root: string;
beforeAll(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), 'incremental-'));
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

/** Every file under `dir` with a hash of its bytes; not the change list, which only an incremental run writes. */
async function tree(dir: string): Promise<Record<string, string>> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  const files: Record<string, string> = {};
  for (const e of entries.filter((x) => x.isFile() && x.name !== DATA_CHANGES_FILE).sort((a, b) => (a.parentPath + a.name < b.parentPath + b.name ? -1 : 1))) {
    const file = path.join(e.parentPath, e.name);
    files[path.relative(dir, file)] = createHash('sha1').update(await readFile(file)).digest('hex');
  }
  return files;
}

const TAXONOMIES = [
  { topics: [{ slug: 'rivers', label: 'أنهار', aliases: ['النهر', 'نهر'] }], tags: [{ label: 'جسر' }] },
  {
    topics: [
      { slug: 'rivers', label: 'أنهار', aliases: ['النهر'] },
      { slug: 'markets', label: 'أسواق', aliases: ['سوق'] },
    ],
    tags: [{ label: 'مطر', aliases: ['أمطار'] }],
    stopTags: ['طريق'],
  },
];

interface Item {
  id: string;
  title: string;
  body: string[];
  date: string | null;
  tags: string[];
}

const words = fc.constantFrom('نهر', 'جسر', 'مدينة', 'سوق', 'مطر', 'أمطار', 'النهر', 'قرية', 'طريق', 'ميناء', 'سفينة');
const text = fc.array(words, { minLength: 2, maxLength: 7 }).map((w) => w.join(' '));
const date = fc.option(fc.integer({ min: 0, max: 30 }).map((d) => new Date(Date.UTC(2024, 0, 1 + d)).toISOString()), { freq: 5 });
const item = (id: string) =>
  fc.record({ title: text, body: fc.array(text, { minLength: 1, maxLength: 3 }), date, tags: fc.array(words, { maxLength: 4 }) }).map((r): Item => ({ id, ...r }));
const edit = fc.oneof(
  fc.record({ kind: fc.constant('add' as const), file: fc.nat(1), item: item('') }),
  fc.record({ kind: fc.constant('edit' as const), at: fc.nat(), item: item('') }),
  fc.record({ kind: fc.constant('remove' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('taxonomy' as const) }),
);

/**
 * Each input file's text and the mtime it was given: a file written again with the same text gets its old
 * mtime back, a changed one a new mtime, both well in the past, so the next run trusts unchanged files
 * unread (as after an editor's save) and must see the changed ones.
 */
const written = new Map<string, { text: string; mtime: number }>();
let clock = Date.UTC(2020, 0, 1) / 1000;

async function writeInput(dir: string, files: Item[][], taxonomy: number): Promise<string> {
  await rm(dir, { recursive: true, force: true });
  await mkdir(dir);
  for (const [i, items] of files.entries()) {
    const file = path.join(dir, `f${i}.jsonl`);
    const text = items.map((x) => JSON.stringify(x)).join('\n');
    await writeFile(file, text);
    const was = written.get(file);
    const mtime = was?.text === text ? was.mtime : (clock += 10);
    written.set(file, { text, mtime });
    await utimes(file, mtime, mtime);
  }
  const taxonomyFile = path.join(dir, 'taxonomy.json');
  await writeFile(taxonomyFile, JSON.stringify(TAXONOMIES[taxonomy]));
  return taxonomyFile;
}

/**
 * The list an incremental run writes (data-changes.ts) starts from the output it replaced and names every
 * file that differs from it; each path it names outside the search index differs (a rebuilt search bundle
 * is named whole, though some of its files may come out the same).
 */
function expectChangesListed(before: Record<string, string>, beforeId: string | null, dir: string, after: Record<string, string>): void {
  const differs = [...new Set([...Object.keys(before), ...Object.keys(after)])].filter(
    (f) => before[f] !== after[f] && f !== DATA_ID_FILE,
  );
  // A run that found nothing changed leaves the output, its list included, as it was.
  if (differs.length === 0) return;
  const changes = readDataChanges(dir);
  expect(changes?.from).toBe(beforeId);
  const listed = new Set(changes!.paths);
  expect(differs.filter((f) => !listed.has(f))).toEqual([]);
  expect(changes!.paths.filter((f) => !f.startsWith('pagefind/') && !differs.includes(f))).toEqual([]);
}

function incrementalEqualsFull(search: boolean, maxEdits: number) {
  return fc.asyncProperty(
    fc.array(item(''), { minLength: 1, maxLength: 8 }),
    fc.array(edit, { minLength: 1, maxLength: maxEdits }),
    async (initial, edits) => {
      const run = await mkdtemp(path.join(root, 'p-'));
      const input = path.join(run, 'in');
      let next = 0;
      const named = (x: Item): Item => ({ ...x, id: `n${next++}` });
      const files: Item[][] = [initial.map(named), []];
      let taxonomy = 0;
      const options = (out: string, taxonomyFile: string, cacheDir: string): IngestOptions => ({
        inputs: [input],
        out,
        taxonomyFile,
        search,
        sliceSize: 2,
        cacheDir,
      });
      const incremental = path.join(run, 'inc');
      await runIngest(options(incremental, await writeInput(input, files, taxonomy), path.join(run, 'cache-inc')));
      for (const e of edits) {
        const all = files.flat();
        if (e.kind === 'add') files[e.file]!.push(named(e.item));
        else if (e.kind === 'taxonomy') taxonomy = 1 - taxonomy;
        else if (all.length > 0) {
          const target = all[e.at % all.length]!;
          const list = files.find((f) => f.includes(target))!;
          if (e.kind === 'remove') list.splice(list.indexOf(target), 1);
          else list[list.indexOf(target)] = { ...e.item, id: target.id };
        }
        const [before, beforeId] = [await tree(incremental), readDataId(incremental)];
        await runIngest(options(incremental, await writeInput(input, files, taxonomy), path.join(run, 'cache-inc')));
        expectChangesListed(before, beforeId, incremental, await tree(incremental));
      }
      const full = path.join(run, 'full');
      await runIngest({ ...options(full, path.join(input, 'taxonomy.json'), path.join(run, 'cache-full')), full: true });
      expect(existsSync(path.join(full, DATA_CHANGES_FILE))).toBe(false);
      expect(await tree(incremental)).toEqual(await tree(full));
      await rm(run, { recursive: true, force: true });
    },
  );
}

describe('incremental ingest (property)', () => {
  it('gives the bytes of a full build after any edits (data)', async () => {
    await fc.assert(incrementalEqualsFull(false, 6), { numRuns: 20 });
  }, 120_000);

  it('gives the bytes of a full build after any edits (data and search slices)', async () => {
    await fc.assert(incrementalEqualsFull(true, 3), { numRuns: 3 });
  }, 120_000);
});

describe('incremental ingest', () => {
  const seed = async (dir: string, count: number): Promise<{ input: string; taxonomy: string }> => {
    const items = Array.from({ length: count }, (_, i): Item => ({
      id: `a${i}`,
      title: `خبر رقم ${i} عن النهر`,
      body: [`نص الخبر ${i} عن السوق والمطر في المدينة ${i % 7}.`],
      date: new Date(Date.UTC(2024, 0, 1, 0, i)).toISOString(),
      tags: [`وسم${i % 13}`, 'جسر'],
    }));
    const input = path.join(dir, 'in');
    return { input, taxonomy: await writeInput(input, [items], 0) };
  };

  it('rewrites only changed files and leaves the others with their inode and mtime', async () => {
    const dir = await mkdtemp(path.join(root, 'm-'));
    const { input, taxonomy } = await seed(dir, 60);
    const options = { inputs: [input], out: path.join(dir, 'out'), taxonomyFile: taxonomy, search: false, cacheDir: path.join(dir, 'cache') };
    const first = await runIngest(options);
    expect(first.write.rewritten).toBe(first.write.files);
    const oldest = path.join(options.out, 'articles');
    const before = await tree(options.out);
    const inodes = new Map<string, number>();
    for (const file of Object.keys(before)) inodes.set(file, (await stat(path.join(options.out, file))).ino);
    expect(oldest).toBeTruthy();

    const again = await runIngest(options);
    expect(again.outcome).toBe('unchanged');

    const text = await readFile(path.join(input, 'f0.jsonl'), 'utf8');
    await writeFile(path.join(input, 'f0.jsonl'), text.replace('نص الخبر 5 ', 'نص الخبر الخامس '));
    const edited = await runIngest(options);
    expect(edited.outcome).toBe('written');
    const after = await tree(options.out);
    const changed = Object.keys(after).filter((f) => after[f] !== before[f] && f !== DATA_ID_FILE);
    expect(edited.write.rewritten).toBe(changed.length);
    // The output's name changes with it (scripts/ingest/data-id.ts).
    expect(after[DATA_ID_FILE]).not.toBe(before[DATA_ID_FILE]);
    expect(changed.length).toBeGreaterThan(0);
    expect(changed.length).toBeLessThan(Object.keys(after).length / 2);
    for (const file of Object.keys(after)) {
      const same = after[file] === before[file];
      expect((await stat(path.join(options.out, file))).ino === inodes.get(file), file).toBe(same);
    }

    // The next run builds in the output it replaced (the spare, beside the cache), with the same promise.
    const spare = cacheFileFor(options.cacheDir, options.out).replace(/\.json$/, '.spare');
    expect(await tree(spare)).toEqual(before);
    const afterInodes = new Map<string, number>();
    for (const file of Object.keys(after)) afterInodes.set(file, (await stat(path.join(options.out, file))).ino);
    await writeFile(path.join(input, 'f0.jsonl'), text.replace('نص الخبر 9 ', 'نص الخبر التاسع '));
    // A trash a killed run left beside the spare: the next run uses one of its own and removes both.
    await mkdir(`${spare}.trash-dead`);
    await writeFile(path.join(`${spare}.trash-dead`, '0'), 'old');
    const outBefore = (await stat(options.out)).ino;
    expect((await runIngest(options)).write.rewritten).toBeGreaterThan(0);
    const last = await tree(options.out);
    expect(last).toEqual(await tree(await buildFull(options, dir)));
    for (const file of Object.keys(last)) {
      const same = last[file] === after[file];
      expect((await stat(path.join(options.out, file))).ino === afterInodes.get(file), file).toBe(same);
    }
    expect((await stat(spare)).ino).toBe(outBefore);
    const trashes = async (): Promise<string[]> =>
      (await readdir(path.dirname(spare))).filter((name) => name.startsWith(`${path.basename(spare)}.trash`));
    for (let tries = 0; tries < 100 && (await trashes()).length > 0; tries++) await new Promise((r) => setTimeout(r, 20));
    expect(await trashes()).toEqual([]);
    // Nor is anything of the run left beside the output.
    const leftovers = (await readdir(path.dirname(options.out))).filter((name) => name.startsWith(`.${path.basename(options.out)}.tmp-`));
    expect(leftovers).toEqual([]);
  }, 60_000);

  it("with search: an edit recounts only the slice it rebuilds, links the unchanged vocabulary files and keeps the spare's unchanged bundles", async () => {
    const dir = await mkdtemp(path.join(root, 's-'));
    const { input, taxonomy } = await seed(dir, 60);
    const out = path.join(dir, 'out');
    const options = { inputs: [input], out, taxonomyFile: taxonomy, search: true, sliceSize: 20, cacheDir: path.join(dir, 'cache') };
    await runIngest(options);
    const before = await tree(options.out);
    const shardFiles = Object.keys(before).filter((f) => /^pagefind\/(vocab|suggest)\//.test(f));
    expect(shardFiles.length).toBeGreaterThan(10);
    const inodes = new Map<string, number>();
    for (const file of shardFiles) inodes.set(file, (await stat(path.join(options.out, file))).ino);
    const countsDir = cacheFileFor(options.cacheDir, options.out).replace(/\.json$/, '.counts');
    const countsBefore = new Map<string, number>();
    for (const name of await readdir(countsDir)) countsBefore.set(name, (await stat(path.join(countsDir, name))).mtimeMs);
    expect(countsBefore.size).toBe(3);

    // A title word changed in the oldest slice: one slice rebuilt, and one title word in the vocabulary.
    const text = await readFile(path.join(input, 'f0.jsonl'), 'utf8');
    await writeFile(path.join(input, 'f0.jsonl'), text.replace('خبر رقم 3 عن النهر', 'خبر رقم 3 عن الوادي'));
    const edited = await runIngest(options);
    expect(edited.search?.built).toBe(1);
    const after = await tree(options.out);
    expect(after).toEqual(await tree(await buildFull(options, dir)));
    const changed = shardFiles.filter((f) => after[f] !== before[f]);
    expect(changed.length).toBeGreaterThan(0);
    expect(changed.length).toBeLessThan(shardFiles.length / 2);
    for (const file of shardFiles.filter((f) => f in after)) {
      const same = after[file] === before[file];
      expect((await stat(path.join(options.out, file))).ino === inodes.get(file), file).toBe(same);
    }
    // The two slices it did not rebuild kept their counts untouched; the rebuilt one's old counts are gone.
    const countsAfter = await readdir(countsDir);
    expect(countsAfter).toHaveLength(3);
    const kept = countsAfter.filter((name) => countsBefore.has(name));
    expect(kept).toHaveLength(2);
    for (const name of kept) expect((await stat(path.join(countsDir, name))).mtimeMs).toBe(countsBefore.get(name));

    // The next run builds in the spare (the first output): its bundle of the slice no edit touched stays
    // there, folder and all, rather than being linked again file by file.
    const spare = cacheFileFor(options.cacheDir, options.out).replace(/\.json$/, '.spare');
    const untouched = (await stat(path.join(spare, 'pagefind/slice-1'))).ino;
    await writeFile(path.join(input, 'f0.jsonl'), text.replace('خبر رقم 3 عن النهر', 'خبر رقم 3 عن السهل'));
    expect((await runIngest(options)).search?.built).toBe(1);
    expect(await tree(options.out)).toEqual(await tree(await buildFull(options, dir)));
    expect((await stat(path.join(options.out, 'pagefind/slice-1'))).ino).toBe(untouched);
  }, 60_000);

  it('falls back to a full build, with one warning, when the cache is corrupt or describes another output', async () => {
    const dir = await mkdtemp(path.join(root, 'c-'));
    const { input, taxonomy } = await seed(dir, 10);
    const warnings: string[] = [];
    const options = {
      inputs: [input],
      out: path.join(dir, 'out'),
      taxonomyFile: taxonomy,
      search: false,
      cacheDir: path.join(dir, 'cache'),
      onWarning: (m: string) => warnings.push(m),
    };
    await runIngest(options);
    const reference = await tree(options.out);
    const cacheFile = cacheFileFor(options.cacheDir, options.out);
    await writeFile(cacheFile, '{"format": 999');
    const rebuilt = await runIngest(options);
    expect(warnings).toEqual([expect.stringMatching(/corrupt or from another version; building from nothing$/)]);
    expect(rebuilt.write.rewritten).toBe(rebuilt.write.files);
    expect(await tree(options.out)).toEqual(reference);

    // An output replaced behind the cache's back: the cache no longer describes it.
    await rm(options.out, { recursive: true });
    await writeFile(path.join(input, 'extra.jsonl'), JSON.stringify({ id: 'x', title: 'خبر آخر', body: 'نص آخر.' }));
    await mkdir(options.out);
    await runIngest(options);
    expect(warnings[1]).toMatch(/does not describe the output/);

    // A body that is not the one its head was written with (a run killed between the two renames).
    await writeFile(cacheFile.replace(/\.json$/, '.body.json'), '{"files":{},"keys":{},"topics":{},"related":{"basis":"","df":{},"panels":{}},"slices":[]}');
    await writeFile(path.join(input, 'extra.jsonl'), JSON.stringify({ id: 'x', title: 'خبر ثالث', body: 'نص آخر.' }));
    const afterBody = await runIngest(options);
    expect(warnings[2]).toMatch(/corrupt or from another version; building from nothing$/);
    expect(afterBody.write.rewritten).toBe(afterBody.write.files);
    const full = await runIngest({ ...options, out: path.join(dir, 'full'), full: true });
    expect(full.write.files).toBe(afterBody.write.files);
    expect(await tree(options.out)).toEqual(await tree(path.join(dir, 'full')));
  }, 60_000);
});

/** A build from nothing of the same input, in its own folder under `dir`. */
async function buildFull(options: IngestOptions, dir: string): Promise<string> {
  const out = path.join(dir, 'full');
  await runIngest({ ...options, out, cacheDir: path.join(dir, 'cache-full'), full: true });
  return out;
}

describe('ingest killed mid-run', () => {
  function start(args: string[]): { child: ReturnType<typeof spawn>; done: Promise<number | null> } {
    // Node itself with tsx's loader, not the tsx wrapper: the kill must reach the process that writes.
    const child = spawn(process.execPath, ['--import', 'tsx', CLI, ...args], { cwd: ROOT, env: { ...process.env, CONTENT: '' }, stdio: 'ignore' });
    return { child, done: new Promise((resolve) => child.on('close', resolve)) };
  }

  it('leaves the previous output or the new one, whole, and the next run takes over the stale lock', async () => {
    const dir = await mkdtemp(path.join(root, 'k-'));
    const items = (n: number, word: string) =>
      Array.from({ length: n }, (_, i): Item => ({
        id: `k${i}`,
        title: `${word} ${i}`,
        body: [`نص ${word} ${i} `.repeat(20)],
        date: new Date(Date.UTC(2023, 0, 1, 0, i)).toISOString(),
        tags: [`وسم${i % 50}`, `وسم${i % 7}`],
      }));
    const input = path.join(dir, 'in');
    const taxonomy = await writeInput(input, [items(2000, 'قديم')], 0);
    const out = path.join(dir, 'out');
    const args = ['--no-search', '--out', out, '--cache', path.join(dir, 'cache'), '--taxonomy', taxonomy, input];
    expect(await start(args).done).toBe(0);
    const old = await tree(out);

    await writeInput(input, [items(2000, 'جديد')], 0);
    const fullOut = path.join(dir, 'full');
    expect(await start(['--no-search', '--full', '--out', fullOut, '--cache', path.join(dir, 'cache-full'), '--taxonomy', taxonomy, input]).done).toBe(0);
    const fresh = await tree(fullOut);

    for (const delay of [700, 1400, 2100]) {
      const { child, done } = start(args);
      await new Promise((resolve) => setTimeout(resolve, delay));
      child.kill('SIGKILL');
      await done;
      const now = await tree(out);
      expect([old, fresh]).toContainEqual(now);
    }
    expect(await start(args).done).toBe(0);
    expect(await tree(out)).toEqual(fresh);
    expect((await readdir(dir)).filter((n) => n.startsWith('.'))).toEqual([]);
  }, 120_000);
});
