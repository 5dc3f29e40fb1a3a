/**
 * `npm run build` again after an edit (issue #8 item 1): the prerender renders only the pages whose data
 * changed and writes only the files whose bytes changed, leaving every other file and its mtime as it was,
 * and after any sequence of edits the site is byte-identical to one built from nothing; a build that fails
 * or is killed while it renders leaves the site as it was. No browser: the journey is the editor's, at the command line, with the app and render
 * worker `npm run build` made.
 */
import { execFileSync, spawn } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { articlePath } from '../src/data/paths.ts';
import { deploy, LEDGER_FILE } from '../scripts/deploy/deploy.ts';
import { prerender, type PrerenderOptions } from '../scripts/prerender/cli.ts';
import { stagingFolderFor } from '../scripts/prerender/site-files.ts';

const ROOT = path.resolve(import.meta.dirname, '..');

interface Draft {
  id: string;
  title: string;
  date: string;
  tags: string[];
  body: string[];
}

const TAGS = ['روسيا', 'أوكرانيا', 'الاقتصاد', 'النفط', 'الانتخابات', 'غزة'];

function drafts(count: number): Draft[] {
  return Array.from({ length: count }, (_, i) => ({
    id: `art-${i}`,
    title: `خبر رقم ${i + 1} عن ${TAGS[i % TAGS.length]} والمنطقة`,
    date: new Date(Date.UTC(2025, 0, 1 + i)).toISOString(),
    tags: [TAGS[i % TAGS.length]!, TAGS[(i * 5 + 1) % TAGS.length]!],
    body: [
      `قال مسؤولون إن المحادثات بشأن الملف ${i + 1} ستستمر خلال الأسبوع المقبل بحضور الأطراف كافة.`,
      'وأضافوا أن الأسواق تتابع التطورات عن كثب، وأن الأسعار تأثرت بالأنباء الأخيرة في المنطقة.',
    ],
  }));
}

/** Every file of a site, by path: its bytes, and its mtime. */
function snapshot(dir: string): Map<string, { text: string; mtime: bigint }> {
  const files = new Map<string, { text: string; mtime: bigint }>();
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const full = path.join(entry.parentPath, entry.name);
    files.set(path.relative(dir, full), { text: readFileSync(full, 'latin1'), mtime: statSync(full, { bigint: true }).mtimeNs });
  }
  return files;
}

const bytesOf = (files: Map<string, { text: string }>) => new Map([...files].map(([file, { text }]) => [file, text]));

test('a second build renders and writes only what an edit touches, and ends as a build from nothing', async () => {
  test.setTimeout(240_000);
  const work = mkdtempSync(path.join(tmpdir(), 'incremental-build-'));
  try {
    const app = path.join(work, 'app');
    execFileSync('npx', ['vite', 'build', '--outDir', app, '--emptyOutDir', '--logLevel', 'error'], { cwd: ROOT });
    const content = path.join(work, 'content');
    const data = path.join(work, 'data');
    mkdirSync(content);
    const ingest = (corpus: Draft[]) => {
      writeFileSync(path.join(content, 'articles.jsonl'), corpus.map((d) => JSON.stringify(d)).join('\n'));
      execFileSync('npx', ['tsx', 'scripts/ingest/cli.ts', '--out', data, '--cache', path.join(work, 'cache'), content], {
        cwd: ROOT,
        stdio: ['ignore', 'ignore', 'inherit'],
      });
    };
    const options = (dist: string, full = false): PrerenderOptions => ({
      appDir: app,
      dataDir: data,
      distDir: path.join(work, dist),
      workerFile: path.join(ROOT, 'dist-ssr/render-worker.js'),
      threads: 2,
      siteUrl: 'https://news.example',
      cacheFile: path.join(work, `${dist}.pages.json`),
      full,
    });
    const site = path.join(work, 'site');
    const staging = stagingFolderFor(site);
    /** A build from nothing of the same data, compared file by file with the incremental site. */
    const expectSameAsFullBuild = async () => {
      rmSync(path.join(work, 'full'), { recursive: true, force: true });
      const full = await prerender(options('full', true));
      expect(full.failed).toEqual([]);
      expect(bytesOf(snapshot(site))).toEqual(bytesOf(snapshot(path.join(work, 'full'))));
    };

    let corpus = drafts(30);
    ingest(corpus);
    const first = await prerender(options('site'));
    expect(first.failed).toEqual([]);
    expect(first.rendered).toBe(first.pages);
    const built = snapshot(site);

    // Nothing changed: nothing is rendered or written, every mtime stays.
    const again = await prerender(options('site'));
    expect(again).toMatchObject({ pages: first.pages, rendered: 0, written: 0, removed: 0 });
    expect(snapshot(site)).toEqual(built);

    // A sentence added to an old article's body: its page and the search shell (which preloads the new
    // build's index) are written, and the few pages whose related panel moved with the new words; no other.
    // A page removed from the site by hand is made again though its data did not change.
    corpus[5]!.body[1] = `${corpus[5]!.body[1]} وانتهى الاجتماع مساءً.`;
    ingest(corpus);
    const removedByHand = `articles/${articleIdOf(site, corpus[20]!)}.html`;
    rmSync(path.join(site, removedByHand));
    const edited = await prerender(options('site'));
    expect(existsSync(path.join(site, removedByHand))).toBe(true);
    expect(edited.rendered).toBeLessThan(first.pages / 3);
    const written = [...snapshot(site)]
      .filter(([file, f]) => !file.startsWith('data/') && built.get(file)?.mtime !== f.mtime)
      .map(([file]) => file);
    expect(written).toEqual(expect.arrayContaining([`articles/${articleIdOf(site, corpus[5]!)}.html`, 'search.html']));
    expect(written.length).toBeLessThanOrEqual(edited.rendered);
    await expectSameAsFullBuild();

    // Tags changed, an article deleted, two added: pages come and go, and the site is still a full build's.
    const deleted = articleIdOf(site, corpus[12]!);
    corpus[3]!.tags = ['الرياضة'];
    corpus = [...corpus.filter((d) => d.id !== 'art-12'), ...drafts(32).slice(30)];
    ingest(corpus);
    const before = snapshot(site);

    // A page that fails to render (its article's file broken): the build lands nothing, the site is the last
    // build's, every byte and mtime, and still names its build.
    const brokenFile = path.join(data, articlePath(articleIdOf(site, corpus[7]!)));
    renameSync(brokenFile, `${brokenFile}.aside`);
    writeFileSync(brokenFile, '{"id":');
    const failed = await prerender(options('site'));
    expect(failed).toMatchObject({ written: 0, removed: 0 });
    expect(failed.failed.length).toBeGreaterThan(0);
    expect(snapshot(site)).toEqual(before);
    expect(existsSync(staging)).toBe(false);
    renameSync(`${brokenFile}.aside`, brokenFile);

    // A build killed (-9) while it renders: the site is the last build's, and can be deployed as it is; the
    // lock is taken over by the next build, which ends as a build from nothing.
    const killed = spawn(
      process.execPath,
      ['--import', 'tsx', 'scripts/prerender/cli.ts', '--app', app, '--data', data, '--dist', site,
        '--worker', path.join(ROOT, 'dist-ssr/render-worker.js'), '--cache', path.join(work, 'site.pages.json')],
      { cwd: ROOT, env: { ...process.env, SITE_URL: 'https://news.example' }, stdio: 'ignore' },
    );
    await expect.poll(() => existsSync(staging), { intervals: [10], timeout: 30_000 }).toBe(true);
    killed.kill('SIGKILL');
    await new Promise((resolve) => killed.once('exit', resolve));
    expect(snapshot(site)).toEqual(before);
    deploy(site, path.join(work, 'served'));
    const served = bytesOf(snapshot(path.join(work, 'served')));
    served.delete(LEDGER_FILE);
    expect(served).toEqual(bytesOf(before));
    const changed = await prerender(options('site'));
    expect(changed.failed).toEqual([]);
    expect(changed.removed).toBeGreaterThan(0);
    expect(readdirSync(path.join(site, 'articles'))).not.toContain(`${deleted}.html`);
    expect(readdirSync(path.join(site, 'tags')).length).toBeGreaterThan(TAGS.length);
    await expectSameAsFullBuild();
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
});

/** The id the ingest gave a draft, found by its title in the built data. */
function articleIdOf(site: string, draft: Draft): string {
  const build = JSON.parse(readFileSync(path.join(site, 'data', 'build.json'), 'utf8')) as { data: string };
  const articles = path.join(site, 'data', build.data, 'articles');
  for (const entry of readdirSync(articles, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const article = JSON.parse(readFileSync(path.join(entry.parentPath, entry.name), 'utf8')) as { id: string; title: string };
    if (article.title === draft.title) return article.id;
  }
  throw new Error(`no article titled ${draft.title}`);
}
