/**
 * The byte budget of the first view: what a reader's browser downloads to show the home page, measured on
 * the production build (`dist/`) in bytes on the wire, never in times (times depend on the machine).
 *
 *   npm run budget [-- DIST_DIR]
 *
 * Counts index.html (prerendered: the page and its data), the entry JS chunks (`<script type=module>`,
 * `<meta name=app-entry>`, `<link rel=modulepreload>` and their static imports), the CSS, and, for a build that is not prerendered, the data shards home fetches
 * (`data/manifest.json`, `data/home/0.json`). Text is counted gzipped (zlib level 9, as a static
 * host with gzip serves it); woff2 as is, since it is already compressed and hosts do not gzip it.
 * Exits 1 when the total is over budget, when search (Pagefind) code sits in the entry chunks, or when
 * dist ships a font subset other than Arabic. The web app manifest and the service worker (sw.js) count
 * too: every first view fetches them. The Arabic-subset woff2
 * fonts the CSS references are listed apart, not in the total: a first view paints in the system's font
 * and fetches them after the app has started, for the next page (src/app/web-fonts.ts), as the service
 * worker's precache does.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, posix } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { HYDRATION_ELEMENT_ID } from '../src/app/hydration.ts';
import { NEWEST_PAGE } from '../src/data/list-pages.ts';
import { homePagePath } from '../src/data/paths.ts';

export const BUDGET_BYTES = 250 * 1024;

export type BudgetKind = 'html' | 'js' | 'css' | 'font' | 'data' | 'pwa';

export interface BudgetItem {
  /** Site path, as the browser requests it (`/assets/index-abc.js`). */
  path: string;
  kind: BudgetKind;
  rawBytes: number;
  /** Bytes on the wire: gzip level 9 for text, the file itself for woff2. */
  wireBytes: number;
}

export interface HtmlEntries {
  scripts: string[];
  modulePreloads: string[];
  styles: string[];
  /** The web app manifest, fetched in the first view: `<link rel="manifest">`, or the built pages'
   * `<meta name="app-manifest">`, which the app links after `load` (scripts/build/deferred-entry.ts). */
  manifests: string[];
}

function attr(tag: string, name: string): string | undefined {
  const match = new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s>]+))`, 'i').exec(tag);
  return match ? (match[1] ?? match[2] ?? match[3]) : undefined;
}

/** The entry scripts, module preloads and style sheets an HTML page links to, in document order. */
export function parseHtmlEntries(html: string): HtmlEntries {
  const entries: HtmlEntries = { scripts: [], modulePreloads: [], styles: [], manifests: [] };
  for (const [tag] of html.matchAll(/<script\b[^>]*>/gi)) {
    const src = attr(tag, 'src');
    if (src && attr(tag, 'type') === 'module') entries.scripts.push(src);
  }
  // The built pages load their entry after the first paint (scripts/build/deferred-entry.ts).
  for (const [tag] of html.matchAll(/<meta\b[^>]*>/gi)) {
    const src = attr(tag, 'content');
    if (src && attr(tag, 'name') === 'app-entry') entries.scripts.push(src);
    if (src && attr(tag, 'name') === 'app-manifest') entries.manifests.push(src);
  }
  for (const [tag] of html.matchAll(/<link\b[^>]*>/gi)) {
    const rel = attr(tag, 'rel')?.toLowerCase().split(/\s+/) ?? [];
    const href = attr(tag, 'href');
    if (!href) continue;
    if (rel.includes('modulepreload')) entries.modulePreloads.push(href);
    else if (rel.includes('stylesheet')) entries.styles.push(href);
    else if (rel.includes('manifest')) entries.manifests.push(href);
  }
  return entries;
}

/** The specifiers of a module's static imports (`import x from "./a.js"`, `import "./b.js"`), not `import()`. */
export function staticImports(code: string): string[] {
  const found = new Set<string>();
  const pattern = /(?:^|[;\s}])(?:import|export)\s*(?:[\w$\s{},*]*?\bfrom\s*)?["']([^"']+\.m?js)["']/g;
  for (const match of code.matchAll(pattern)) {
    if (match[1]) found.add(match[1]);
  }
  return [...found];
}

/** The `url(...)` references of a style sheet, unquoted, without query or fragment. */
export function cssUrls(css: string): string[] {
  const found = new Set<string>();
  for (const match of css.matchAll(/url\(\s*(?:"([^"]*)"|'([^']*)'|([^)\s]*))\s*\)/g)) {
    const url = (match[1] ?? match[2] ?? match[3] ?? '').replace(/[?#].*$/, '');
    if (url && !url.startsWith('data:')) found.add(url);
  }
  return [...found];
}

/** Fontsource names files `<family>-<subset>-<weight>-<style>`: the subset, or null for another font. */
export function fontSubset(fileName: string): string | null {
  const match = /^noto-sans-arabic-([a-z-]+?)-\d{3}-(?:normal|italic)\b/.exec(posix.basename(fileName));
  return match?.[1] ?? null;
}

const FONT_FILE = /\.(?:woff2?|ttf|otf|eot)$/i;

/**
 * Marks of Pagefind's browser runtime (pagefind.js and its wasm loader) and of its Node API. A URL that
 * merely names `/pagefind/pagefind.js` for a lazy `import()` is fine; the code itself must not be here.
 */
const PAGEFIND_MARKERS = [
  'pagefind_dcd',
  'pagefind-entry.json',
  'pagefind_version',
  'addCustomRecord',
  'PagefindInstance',
];

export function pagefindMarkers(code: string): string[] {
  return PAGEFIND_MARKERS.filter((marker) => code.includes(marker));
}

/** Resolves a reference found in `fromSitePath` to a site path (`/assets/x.js`). */
export function resolveSitePath(ref: string, fromSitePath: string): string {
  if (/^[a-z]+:\/\//i.test(ref)) return new URL(ref).pathname;
  if (ref.startsWith('/')) return posix.normalize(ref);
  return posix.normalize(posix.join(posix.dirname(fromSitePath), ref));
}

function siteFile(dist: string, sitePath: string): string {
  return join(dist, ...decodeURIComponent(sitePath).split('/').filter(Boolean));
}

function measure(dist: string, sitePath: string, kind: BudgetKind): BudgetItem {
  const bytes = readFileSync(siteFile(dist, sitePath));
  const compressed = kind !== 'font';
  return {
    path: sitePath,
    kind,
    rawBytes: bytes.length,
    wireBytes: compressed ? gzipSync(bytes, { level: 9 }).length : bytes.length,
  };
}

export interface BudgetReport {
  items: BudgetItem[];
  /** Fetched after the first view, for the next pages: not in the total. */
  later: BudgetItem[];
  totalBytes: number;
  problems: string[];
}

/** Measures the first view of home in a built `dist/` folder and lists every broken rule. */
export function checkBudget(dist: string, budgetBytes = BUDGET_BYTES): BudgetReport {
  const problems: string[] = [];
  const items: BudgetItem[] = [];
  const later: BudgetItem[] = [];
  const missing = (sitePath: string): boolean => {
    if (existsSync(siteFile(dist, sitePath))) return false;
    problems.push(`${sitePath} is referenced but missing from ${dist}`);
    return true;
  };

  const html = readFileSync(join(dist, 'index.html'), 'utf8');
  items.push(measure(dist, '/index.html', 'html'));
  const entries = parseHtmlEntries(html);
  if (entries.scripts.length === 0) problems.push('index.html has no <script type="module"> or <meta name="app-entry"> entry');

  // The entry chunks and everything they import statically: all of it runs before the first paint.
  const queue = [...entries.scripts, ...entries.modulePreloads].map((ref) =>
    resolveSitePath(ref, '/index.html'),
  );
  const seenJs = new Set<string>();
  while (queue.length > 0) {
    const sitePath = queue.shift() as string;
    if (seenJs.has(sitePath) || missing(sitePath)) continue;
    seenJs.add(sitePath);
    const code = readFileSync(siteFile(dist, sitePath), 'utf8');
    items.push(measure(dist, sitePath, 'js'));
    const marks = pagefindMarkers(code);
    if (marks.length > 0) {
      problems.push(
        `entry chunk ${sitePath} contains Pagefind code (${marks.join(', ')}): load search lazily`,
      );
    }
    for (const ref of staticImports(code)) queue.push(resolveSitePath(ref, sitePath));
  }

  for (const style of entries.styles.map((ref) => resolveSitePath(ref, '/index.html'))) {
    if (missing(style)) continue;
    items.push(measure(dist, style, 'css'));
    const css = readFileSync(siteFile(dist, style), 'utf8');
    for (const url of cssUrls(css).map((ref) => resolveSitePath(ref, style))) {
      // An Arabic page draws with the Arabic subset only; browsers take woff2 and skip the woff fallback.
      if (!url.endsWith('.woff2') || fontSubset(url) !== 'arabic' || missing(url)) continue;
      later.push(measure(dist, url, 'font'));
    }
  }

  // A prerendered home carries its data in the HTML (counted above); an app-only build fetches it.
  if (!html.includes(`id="${HYDRATION_ELEMENT_ID}"`)) {
    for (const shard of ['/data/manifest.json', `/data/${homePagePath(NEWEST_PAGE)}`]) {
      if (!missing(shard)) items.push(measure(dist, shard, 'data'));
    }
  }

  // The installable app, on every first view: the manifest and the service worker.
  for (const manifest of entries.manifests.map((ref) => resolveSitePath(ref, '/index.html'))) {
    if (!missing(manifest)) items.push(measure(dist, manifest, 'pwa'));
  }
  if (existsSync(join(dist, 'sw.js'))) items.push(measure(dist, '/sw.js', 'pwa'));
  for (const file of listFiles(dist)) {
    if (!FONT_FILE.test(file)) continue;
    const subset = fontSubset(file);
    if (subset !== 'arabic') {
      problems.push(`dist ships ${file} (${subset ?? 'unknown'} subset): only the Arabic subset is wanted`);
    }
  }

  const totalBytes = items.reduce((sum, item) => sum + item.wireBytes, 0);
  if (totalBytes > budgetBytes) {
    problems.push(
      `first view of home is ${formatKb(totalBytes)}, over the budget of ${formatKb(budgetBytes)}`,
    );
  }
  return { items, later, totalBytes, problems };
}

function listFiles(dir: string, prefix = ''): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const rel = prefix ? `${prefix}/${entry.name}` : entry.name;
    return entry.isDirectory() ? listFiles(join(dir, entry.name), rel) : [rel];
  });
}

export function formatKb(bytes: number): string {
  return `${(bytes / 1024).toFixed(1)} KB`;
}

export function formatReport(report: BudgetReport, budgetBytes = BUDGET_BYTES): string {
  const rows = report.items.map((item) => [
    item.kind,
    item.path,
    String(item.rawBytes),
    String(item.wireBytes),
  ]);
  const header = ['kind', 'file', 'raw bytes', 'wire bytes'];
  const footer = [
    'total',
    '',
    String(report.items.reduce((s, i) => s + i.rawBytes, 0)),
    String(report.totalBytes),
  ];
  const all = [header, ...rows, footer];
  const widths = header.map((_, col) => Math.max(...all.map((row) => (row[col] ?? '').length)));
  const line = (row: string[]): string =>
    row
      .map((cell, col) => (col >= 2 ? cell.padStart(widths[col] ?? 0) : cell.padEnd(widths[col] ?? 0)))
      .join('  ');
  const rule = widths.map((w) => '-'.repeat(w)).join('  ');
  const percent = ((report.totalBytes / budgetBytes) * 100).toFixed(0);
  return [
    line(header),
    rule,
    ...rows.map(line),
    rule,
    line(footer),
    `budget: ${formatKb(report.totalBytes)} of ${formatKb(budgetBytes)} (${percent}%), text gzipped at level 9, woff2 as is`,
    ...report.later.map(
      (item) => `after the first view, for the next pages: ${item.kind} ${item.path} ${item.wireBytes} bytes`,
    ),
  ].join('\n');
}

function main(): void {
  const dist = process.argv[2] ?? 'dist';
  if (!existsSync(join(dist, 'index.html'))) {
    console.error(`budget: ${dist}/index.html not found; run \`npm run build\` first`);
    process.exit(2);
  }
  const report = checkBudget(dist);
  console.log(formatReport(report));
  for (const problem of report.problems) console.error(`budget: FAIL ${problem}`);
  process.exit(report.problems.length > 0 ? 1 : 0);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) main();
