import fc from 'fast-check';
import { mkdtemp, mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { articlePath, homePagePath, manifestPath, topicListPath } from '../../src/data/paths.ts';
import { articleSchema, listPageSchema, manifestSchema, topicListSchema } from '../../src/data/schema.ts';
import { DATA_CHANGES_FILE } from './data-changes.ts';
import { DATA_ID_FILE, readDataId } from './data-id.ts';
import { parseJsonl } from './parse-json.ts';
import { buildCorpus, collectInputFiles, parseFile, runIngest } from './pipeline.ts';
import { parseTaxonomy } from './taxonomy.ts';

const TAXONOMY = fileURLToPath(new URL('../../content/taxonomy.json', import.meta.url));
const SEED = fileURLToPath(new URL('../../content/seed.txt', import.meta.url));

let root: string;
beforeEach(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), 'pipeline-'));
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

/** The output's files, but the change list that only an incremental run writes (data-changes.ts). */
async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile() && e.name !== DATA_CHANGES_FILE)
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)))
    .sort();
}

async function seedInput(): Promise<string> {
  const input = path.join(root, 'in');
  await mkdir(input);
  await writeFile(path.join(input, 'seed.txt'), await readFile(SEED));
  // Fixture articles written for this test.
  const lines = [
    { id: 'j1', title: 'قمة في باريس حول أوكرانيا', body: ['اجتمع القادة في باريس لبحث دعم أوكرانيا.'], date: '2024-03-01T12:00:00Z', tags: ['أوكرانيا', 'فرنسا'] },
    { id: 'j2', title: 'الكرملين: نرفض الانتقادات الموجهة إلى قوة حفظ السلام في كاراباخ', body: ['نسخة أخرى بالعنوان نفسه.'], date: '2023-09-24T00:00:00Z' },
    { title: '', body: 'بلا عنوان' },
  ];
  await writeFile(path.join(input, 'more.jsonl'), lines.map((l) => JSON.stringify(l)).join('\n'));
  await writeFile(path.join(input, 'notes.md'), 'not an input');
  return input;
}

describe('runIngest', () => {
  it('writes valid shards for every article and reports the rejected one', async () => {
    const input = await seedInput();
    const out = path.join(root, 'out');
    const result = await runIngest({ inputs: [input], out, taxonomyFile: TAXONOMY, search: false, cacheDir: path.join(root, '.cache') });
    expect(result.counts.articles).toBe(4);
    expect(result.rejections).toEqual([{ file: expect.stringContaining('more.jsonl'), line: 3, reason: 'title is empty' }]);

    const manifest = manifestSchema.parse(JSON.parse(await readFile(path.join(out, manifestPath()), 'utf8')));
    expect(manifest.counts.articles).toBe(4);
    const home = listPageSchema.parse(JSON.parse(await readFile(path.join(out, homePagePath(0)), 'utf8')));
    expect(home.items.map((i) => i.date)).toEqual([
      '2024-03-01T12:00:00.000Z',
      '2023-09-25T00:00:00.000Z',
      '2023-09-24T00:00:00.000Z',
      null,
    ]);
    expect(readDataId(out)).toMatch(/^[0-9a-f]{16}$/);
    for (const file of await listFiles(out)) {
      if (file === DATA_ID_FILE) continue;
      const json: unknown = JSON.parse(await readFile(path.join(out, file), 'utf8'));
      if (file.startsWith('articles/')) articleSchema.parse(json);
      else if (file === manifestPath()) manifestSchema.parse(json);
      else if (file === topicListPath()) topicListSchema.parse(json);
      else listPageSchema.parse(json);
    }
    const first = home.items[1]!;
    const article = articleSchema.parse(JSON.parse(await readFile(path.join(out, articlePath(first.id)), 'utf8')));
    expect(article.readAlso).toHaveLength(3);
    expect(article.related.map((r) => r.title)).not.toContain(article.title);
  });

  it('gives byte-identical output for the same input', async () => {
    const input = await seedInput();
    const a = path.join(root, 'a');
    const b = path.join(root, 'b');
    await runIngest({ inputs: [input], out: a, taxonomyFile: TAXONOMY, search: false, cacheDir: path.join(root, '.cache') });
    await runIngest({ inputs: [input], out: b, taxonomyFile: TAXONOMY, search: false, cacheDir: path.join(root, '.cache') });
    const files = await listFiles(a);
    expect(await listFiles(b)).toEqual(files);
    for (const file of files) {
      expect((await readFile(path.join(b, file))).equals(await readFile(path.join(a, file))), file).toBe(true);
    }
  });

  it('keeps the previous output when a run fails part-way', async () => {
    const input = await seedInput();
    const out = path.join(root, 'out');
    await runIngest({ inputs: [input], out, taxonomyFile: TAXONOMY, search: false, cacheDir: path.join(root, '.cache') });
    const before = await listFiles(out);
    await writeFile(path.join(input, 'extra.jsonl'), JSON.stringify({ title: 'خبر إضافي', body: 'نص إضافي.' }));
    await expect(
      runIngest({
        inputs: [input],
        out,
        taxonomyFile: TAXONOMY,
        search: false,
        cacheDir: path.join(root, '.cache'),
        beforeSwap: () => Promise.reject(new Error('injected failure')),
      }),
    ).rejects.toThrow('injected failure');
    expect(await listFiles(out)).toEqual(before);
    expect(await readdir(root)).toEqual(['.cache', 'in', 'out']);
    // The cache of the first run (head, body, parsed files), and no file staged by the failed one.
    const cached = (await readdir(path.join(root, '.cache'))).sort();
    expect(cached).toHaveLength(3);
    expect(cached.map((name) => name.replace(/^out-[0-9a-f]+/, 'out'))).toEqual(['out.body.json', 'out.json', 'out.parsed']);
  });

  it('refuses inputs that hold no article file, and leaves the output as it was', async () => {
    const input = await seedInput();
    const out = path.join(root, 'out');
    const options = { out, taxonomyFile: TAXONOMY, search: false, cacheDir: path.join(root, '.cache') };
    await runIngest({ inputs: [input], ...options });
    const before = await listFiles(out);
    const other = path.join(root, 'feeds');
    await mkdir(other);
    await writeFile(path.join(other, 'news.xml'), '<rss/>');
    await expect(runIngest({ inputs: [other], ...options })).rejects.toThrow(/no article files \(.*\.jsonl.*\) in ".*feeds"/);
    expect(await listFiles(out)).toEqual(before);
  });
});

describe('source names', () => {
  it('shows a source by the taxonomy’s name for it, and an incremental run follows a renamed source', async () => {
    const input = path.join(root, 'in');
    await mkdir(input);
    const article = (id: string, source: string) => ({
      id,
      title: `عنوان الخبر ${id}`,
      body: ['نص الخبر في فقرة كاملة.'],
      date: '2024-05-01',
      source,
    });
    await writeFile(
      path.join(input, 'a.jsonl'),
      [article('s1', 'skynews'), article('s2', 'الأسبوع')].map((a) => JSON.stringify(a)).join('\n'),
    );
    const shipped = JSON.parse(await readFile(TAXONOMY, 'utf8')) as Record<string, unknown>;
    const taxonomyFile = path.join(root, 'taxonomy.json');
    const named = async (label: string) => {
      await writeFile(
        taxonomyFile,
        JSON.stringify({ ...shipped, sources: [{ label, aliases: ['Sky News Arabia', 'skynews'] }] }),
      );
    };
    const sources = async (out: string) => {
      const home = listPageSchema.parse(JSON.parse(await readFile(path.join(out, homePagePath(0)), 'utf8')));
      const s1 = articleSchema.parse(JSON.parse(await readFile(path.join(out, articlePath('s1')), 'utf8')));
      return [s1.source, ...home.items.map((i) => i.source)];
    };
    const out = path.join(root, 'out');
    const run = (to: string, cacheDir: string) =>
      runIngest({ inputs: [input], out: to, taxonomyFile, search: false, cacheDir });

    await named('سكاي نيوز عربية');
    await run(out, path.join(root, '.cache'));
    expect(await sources(out)).toEqual(['سكاي نيوز عربية', 'سكاي نيوز عربية', 'الأسبوع']);

    await named('سكاي نيوز');
    await run(out, path.join(root, '.cache'));
    expect(await sources(out)).toEqual(['سكاي نيوز', 'سكاي نيوز', 'الأسبوع']);
    const full = path.join(root, 'full');
    await run(full, path.join(root, '.cache-full'));
    const files = await listFiles(full);
    expect(await listFiles(out)).toEqual(files);
    for (const file of files)
      expect((await readFile(path.join(out, file))).equals(await readFile(path.join(full, file))), file).toBe(
        true,
      );
  });
});

describe('collectInputFiles', () => {
  it('walks folders in sorted order, keeps known extensions and skips the taxonomy', async () => {
    await mkdir(path.join(root, 'b'));
    const names = ['z.txt', 'a.jsonl', 'n.NDJSON', 'taxonomy.json', 'tax.json', 'x.md', 'b/c.json', 'b/taxonomy.json', '.hidden.txt'];
    for (const f of names) {
      await writeFile(path.join(root, f), '');
    }
    const files = await collectInputFiles([root], [path.join(root, 'tax.json')]);
    expect(files.map((f) => path.relative(root, f))).toEqual(['a.jsonl', 'b/c.json', 'n.NDJSON', 'z.txt']);
  });

  it('refuses an input that does not exist', async () => {
    await expect(collectInputFiles([path.join(root, 'missing')])).rejects.toThrow(/cannot read input/);
  });
});

describe('ingest of untrusted JSONL (property)', () => {
  const taxonomy = parseTaxonomy({ topics: [{ slug: 'rivers', label: 'أنهار', aliases: ['النهر'] }] });
  const words = fc.constantFrom('نهر', 'جسر', 'مدينة', 'سوق', 'مطر', 'النهر', 'قرية', 'طريق', 'x', '<b>نص</b>', '&amp;');
  const text = fc.array(words, { minLength: 1, maxLength: 8 }).map((w) => w.join(' '));
  const valid = fc.record({ title: text, body: fc.array(text, { minLength: 1, maxLength: 3 }), tags: fc.array(text, { maxLength: 3 }) });
  const garbage = fc.oneof(
    fc.string(),
    fc.constant('{"title": "x", "body": '),
    fc.constant('null'),
    fc.constant('[]'),
    fc.record({ title: fc.constant(''), body: text }).map((o) => JSON.stringify(o)),
    fc.record({ title: text }).map((o) => JSON.stringify(o)),
    fc.record({ title: text, body: fc.integer() }).map((o) => JSON.stringify(o)),
    fc.record({ title: text, body: fc.constant([' ', '']) }).map((o) => JSON.stringify(o)),
  );
  const line = fc.oneof(
    valid.map((v) => ({ valid: true as const, v })),
    garbage.map((g) => ({ valid: false as const, g })),
  );

  it('never crashes and keeps exactly the valid lines', () => {
    fc.assert(
      fc.property(fc.array(line, { maxLength: 30 }), (lines) => {
        const source = lines
          .map((l, i) => (l.valid ? JSON.stringify({ id: `id${i}`, ...l.v }) : l.g.replace(/\n/g, ' ')))
          .join('\n');
        const parsed = parseJsonl(new TextEncoder().encode(source), 'p.jsonl');
        // A garbage string may happen to be a valid article; count only what we know.
        const expected = lines.flatMap((l, i) => (l.valid ? [`id${i}`] : []));
        const corpus = buildCorpus(parsed.records, taxonomy);
        const ids = new Set(corpus.articles.map((a) => a.id));
        for (const id of expected) expect(ids.has(id)).toBe(true);
        expect(corpus.articles.length).toBe(expected.length + parsed.records.filter((r) => !r.id?.startsWith('id')).length);
        for (const a of corpus.articles) articleSchema.parse(a);
      }),
      { numRuns: 200 },
    );
  });
});

describe('parseFile', () => {
  const article = (id: string) => ({ id, title: `عنوان ${id}`, body: ['نص الخبر في فقرة كاملة.'], date: '2024-05-01' });
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'parse-file-'));
  });
  afterEach(async () => rm(dir, { recursive: true, force: true }));

  it('reads a .jsonl file of articles pretty-printed over several lines, with a warning', async () => {
    const file = path.join(dir, 'pretty.jsonl');
    await writeFile(file, `${JSON.stringify(article('p1'), null, 2)}\n${JSON.stringify(article('p2'), null, 2)}\n`);
    const { records, rejections, warnings } = await parseFile(file, 'pretty.jsonl');
    expect(records.map((r) => [r.line, r.id])).toEqual([
      [1, 'p1'],
      [9, 'p2'],
    ]);
    expect(rejections).toEqual([]);
    expect(warnings).toEqual([{ file: 'pretty.jsonl', line: 1, message: expect.stringContaining('one after another') }]);
  });

  it('reads a .ndjson file as JSON Lines', async () => {
    const file = path.join(dir, 'feed.ndjson');
    await writeFile(file, `${JSON.stringify(article('n1'))}\n{"title": \n${JSON.stringify(article('n2'))}\n`);
    const { records, rejections } = await parseFile(file, 'feed.ndjson');
    expect(records.map((r) => [r.line, r.id])).toEqual([
      [1, 'n1'],
      [3, 'n2'],
    ]);
    expect(rejections).toEqual([{ file: 'feed.ndjson', line: 2, reason: expect.stringMatching(/^not valid JSON/) }]);
  });

  it('leaves a .jsonl file with one good line as it is: its bad lines rejected one by one', async () => {
    const file = path.join(dir, 'mixed.jsonl');
    await writeFile(file, `${JSON.stringify(article('m1'))}\n{"title": "x",\n"body": "y"}\n`);
    const { records, rejections, warnings } = await parseFile(file, 'mixed.jsonl');
    expect(records.map((r) => r.id)).toEqual(['m1']);
    expect(rejections.map((r) => r.line)).toEqual([2, 3]);
    expect(warnings).toEqual([]);
  });
});
