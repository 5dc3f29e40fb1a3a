/**
 * `npm run bench:lcp [-- --runs 3 [--article ID] [--port 4199]]` after
 * `SITE_URL=http://127.0.0.1:4199 npm run build` (an absolute canonical URL on the origin served here, as
 * Lighthouse's SEO audit wants; the same port as --port)
 *
 * Lighthouse (mobile emulation, simulated slow 4G, Debian's Chromium) on the built site served by nginx
 * with deploy/nginx.conf and its security headers: the LCP of an article page beside that of a plain
 * static HTML page of the same article text (written here, served by the same server), their ratio, and
 * LCP, CLS and the four category scores of every page type, search with a query included. Each figure is
 * the median of --runs runs; every audit that kept accessibility, best practices or SEO under 100 is
 * listed under the table. Lighthouse's simulated throttling still scales with the CPU it gets, so the
 * machine's load average is printed before and after.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { BUILD_FILE, type BuildInfo } from '../../src/data/build.ts';
import { articlePath } from '../../src/data/paths.ts';
import type { Article, ListPage, Manifest } from '../../src/data/schema.ts';
import { articleHref, tagHref, topicHref } from '../../src/shared/lib/hrefs.ts';
import { chromiumArgs, systemChromium } from '../chromium.ts';
import { escapeMarkup } from '../prerender/text.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const DIST = path.join(ROOT, 'dist');
const { values } = parseArgs({
  options: { runs: { type: 'string', default: '3' }, article: { type: 'string' }, port: { type: 'string', default: '4199' } },
});
const runs = Number(values.runs);
const PORT = Number(values.port);
const ORIGIN = `http://127.0.0.1:${PORT}`;

const readData = (p: string): unknown => JSON.parse(readFileSync(path.join(DIST, 'data', p), 'utf8'));
// The build's data folder, data/<build>/ (src/data/build.ts).
const build = readData(BUILD_FILE) as BuildInfo;
const readJson = <T>(p: string): T => readData(`${build.data}/${p}`) as T;
const home = readJson<ListPage>('home/1.json');
const id = values.article ?? home.items[0]?.id;
if (!id) throw new Error('the build has no articles: npm run build first');
const article = readJson<Article>(articlePath(id));
const topic = readJson<Manifest>('manifest.json').topics.find((t) => t.count > 0);

/**
 * The article as the plainest page can show it: its headline, lead picture (often the LCP element of the
 * app's page) and text, with no CSS, no script and no font. The icon is a `data:` URL, as on the app's
 * pages, so neither page asks the server for /favicon.ico.
 */
const picture = article.image
  ? `<figure><img src="${escapeMarkup(article.image.src)}" alt="${escapeMarkup(article.image.alt ?? '')}"${
      article.image.width !== null && article.image.height !== null
        ? ` width="${article.image.width}" height="${article.image.height}"`
        : ''
    }>${article.image.caption ? `<figcaption>${escapeMarkup(article.image.caption)}</figcaption>` : ''}</figure>\n`
  : '';
const staticPage = `<!doctype html>
<html lang="ar" dir="rtl">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><link rel="icon" href="data:,"><title>${escapeMarkup(article.title)}</title></head>
<body><h1>${escapeMarkup(article.title)}</h1>
${picture}${article.body.map((p) => `<p>${escapeMarkup(p)}</p>`).join('\n')}
</body>
</html>
`;
const staticDir = path.join(DIST, '__bench');
mkdirSync(staticDir, { recursive: true });
writeFileSync(path.join(staticDir, 'static.html'), staticPage);

const pages: Array<[string, string]> = [
  ['article', articleHref(id)],
  ['static HTML of the same article', '/__bench/static.html'],
  ['home', '/'],
  ...(topic ? [['topic', topicHref(topic.slug)] as [string, string]] : []),
  ...(article.tags[0] ? [['tag', tagHref(article.tags[0].slug)] as [string, string]] : []),
  // The longest word of the article's title: a query with results.
  ['search', `/search?q=${encodeURIComponent(article.title.split(/\s+/).reduce((a, b) => (b.length > a.length ? b : a)))}`],
];
const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'];
// Lighthouse refuses to audit a page answered with 404, so the 404 page's CLS is checked by the journeys.

const server = spawn(path.join(ROOT, 'node_modules/.bin/tsx'), ['scripts/serve-nginx.ts', '--root', DIST, '--port', String(PORT)], {
  cwd: ROOT,
  stdio: ['ignore', 'ignore', 'inherit'],
});
const chrome = await chromeLauncher.launch({
  chromePath: systemChromium(),
  chromeFlags: ['--headless=new', ...chromiumArgs],
});

try {
  for (let i = 0; ; i++) {
    try {
      await fetch(ORIGIN);
      break;
    } catch {
      if (i > 100) throw new Error('nginx did not start');
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  const load = () => loadavg().map((x) => x.toFixed(1)).join(', ');
  const loadBefore = load();
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  const rows: string[] = [];
  const lcpOf: Record<string, number> = {};
  const shortfalls = new Set<string>();
  for (const [label, url] of pages) {
    const samples: Array<{ lcp: number; cls: number; scores: number[] }> = [];
    for (let r = 0; r < runs; r++) {
      const result = await lighthouse(`${ORIGIN}${url}`, {
        port: chrome.port,
        output: 'json',
        logLevel: 'error',
        onlyCategories: CATEGORIES,
        // Every run a first visit. Lighthouse keeps local storage between runs by default but empties the
        // HTTP cache: the app's 'web-fonts' flag from the run before would then turn the web font on at
        // the first paint of a page that must download it, which a reader gets from the service worker (decision 007).
        clearStorageTypes: ['file_systems', 'shader_cache', 'service_workers', 'cache_storage', 'local_storage'],
      });
      if (!result) throw new Error(`no Lighthouse result for ${url}`);
      const { audits, categories } = result.lhr;
      for (const category of CATEGORIES.slice(1)) {
        for (const ref of categories[category]?.auditRefs ?? []) {
          const audit = audits[ref.id];
          if (ref.weight > 0 && audit?.score !== null && audit?.score !== undefined && audit.score < 1)
            shortfalls.add(`${label}: ${category} ${ref.id} (${audit.title})`);
        }
      }
      samples.push({
        lcp: audits['largest-contentful-paint']?.numericValue ?? NaN,
        cls: audits['cumulative-layout-shift']?.numericValue ?? NaN,
        scores: CATEGORIES.map((c) => Math.round((categories[c]?.score ?? 0) * 100)),
      });
    }
    const lcp = median(samples.map((s) => s.lcp));
    lcpOf[label] = lcp;
    const scores = [0, 1, 2, 3].map((k) => median(samples.map((s) => s.scores[k]!)));
    rows.push(
      `| ${label} | ${Math.round(lcp)} | ${median(samples.map((s) => s.cls)).toFixed(3)} | ${scores.join(' | ')} |`,
    );
  }
  const ratio = lcpOf['article']! / lcpOf['static HTML of the same article']!;
  process.stdout.write(
    [
      `Lighthouse ${runs} run(s) a page, mobile emulation, median; article ${id}`,
      `load average (1, 5, 15 min): ${loadBefore} before, ${load()} after`,
      '| page | LCP ms | CLS | performance | accessibility | best practices | SEO |',
      '| --- | --- | --- | --- | --- | --- | --- |',
      ...rows,
      '',
      `article LCP / static LCP = ${ratio.toFixed(2)} (target ≤ 1.30)`,
      '',
      ...(shortfalls.size > 0 ? ['Audits under 100 (accessibility, best practices, SEO):', ...shortfalls, ''] : []),
    ].join('\n'),
  );
} finally {
  await chrome.kill();
  server.kill('SIGTERM');
  rmSync(staticDir, { recursive: true, force: true });
}
