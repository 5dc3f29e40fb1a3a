import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  checkBudget,
  cssUrls,
  fontSubset,
  parseHtmlEntries,
  resolveSitePath,
  staticImports,
} from './check-budget.ts';

describe('parseHtmlEntries', () => {
  it('finds module scripts, module preloads and style sheets, in order', () => {
    const html = `<!doctype html><html lang="ar" dir="rtl"><head>
      <script type="module" crossorigin src="/assets/index-a1.js"></script>
      <link rel="modulepreload" crossorigin href="/assets/vendor-b2.js">
      <link rel="stylesheet" crossorigin href="/assets/index-c3.css">
      <link rel="icon" href="/favicon.svg">
      <script src="/legacy.js"></script>
    </head><body><div id="root"></div></body></html>`;
    expect(parseHtmlEntries(html)).toEqual({
      scripts: ['/assets/index-a1.js'],
      modulePreloads: ['/assets/vendor-b2.js'],
      styles: ['/assets/index-c3.css'],
      manifests: [],
    });
  });

  it('finds the entry a built page loads after its first paint', () => {
    const html = '<head><meta name="app-entry" content="/assets/index-d4.js"><meta name="description" content="x"></head>';
    expect(parseHtmlEntries(html).scripts).toEqual(['/assets/index-d4.js']);
  });
});

describe('staticImports', () => {
  it.each([
    ['import{a as b,c}from"./chunk-x.js";', ['./chunk-x.js']],
    ['import"./side-y.js";const z=1;', ['./side-y.js']],
    ['const m=()=>import("./lazy-z.js");', []],
    ['export{q}from"./re-w.js";', ['./re-w.js']],
    ['import*as r from"/assets/abs-v.js";', ['/assets/abs-v.js']],
  ])('%s', (code, expected) => {
    expect(staticImports(code)).toEqual(expected);
  });
});

describe('cssUrls', () => {
  it.each([
    ['src:url(/assets/f-1.woff2)format("woff2")', ['/assets/f-1.woff2']],
    [`src:url("./f-2.woff2?v=1") format("woff2"),url('./f-2.woff')`, ['./f-2.woff2', './f-2.woff']],
    ['background:url(data:image/png;base64,AAAA)', []],
  ])('%s', (css, expected) => {
    expect(cssUrls(css)).toEqual(expected);
  });
});

describe('fontSubset', () => {
  it.each([
    ['/assets/noto-sans-arabic-arabic-400-normal-Bq3x.woff2', 'arabic'],
    ['noto-sans-arabic-latin-ext-700-normal-Zz9.woff', 'latin-ext'],
    ['noto-sans-arabic-latin-400-normal.woff2', 'latin'],
    ['some-icon-font.woff2', null],
  ])('%s → %s', (file, subset) => {
    expect(fontSubset(file)).toBe(subset);
  });
});

describe('resolveSitePath', () => {
  it.each([
    ['/assets/a.js', '/index.html', '/assets/a.js'],
    ['./b.js', '/assets/a.js', '/assets/b.js'],
    ['../data/c.json', '/assets/a.js', '/data/c.json'],
    ['https://example.org/assets/d.js', '/index.html', '/assets/d.js'],
  ])('%s from %s', (ref, from, expected) => {
    expect(resolveSitePath(ref, from)).toBe(expected);
  });
});

describe('checkBudget', () => {
  let dist = '';
  afterEach(() => rmSync(dist, { recursive: true, force: true }));

  function writeDist(files: Record<string, string>): string {
    dist = mkdtempSync(join(tmpdir(), 'budget-'));
    for (const [path, text] of Object.entries(files)) {
      mkdirSync(dirname(join(dist, path)), { recursive: true });
      writeFileSync(join(dist, path), text);
    }
    return dist;
  }

  const html = `<script type="module" src="/assets/index-1.js"></script><link rel="stylesheet" href="/assets/index-2.css">`;
  const css = `@font-face{src:url(/assets/noto-sans-arabic-arabic-400-normal-3.woff2) format("woff2"),url(/assets/noto-sans-arabic-arabic-400-normal-3.woff) format("woff")}`;
  const site = {
    'index.html': html,
    'assets/index-1.js': 'import"./shared-4.js";const lazy=()=>import("./search-5.js");',
    'assets/shared-4.js': 'export const x="نص";',
    'assets/search-5.js': 'const pagefind_version="1.6.0";',
    'assets/index-2.css': css,
    'assets/noto-sans-arabic-arabic-400-normal-3.woff2': 'font',
    'assets/noto-sans-arabic-arabic-400-normal-3.woff': 'old font',
    'data/manifest.json': '{"schemaVersion":1}',
    'data/home/0.json': '{"items":[]}',
  };

  it('counts the entry chunks and their static imports, the CSS and home data; the Arabic woff2 after', () => {
    const report = checkBudget(writeDist(site));
    expect(report.items.map((item) => item.path)).toEqual([
      '/index.html',
      '/assets/index-1.js',
      '/assets/shared-4.js',
      '/assets/index-2.css',
      '/data/manifest.json',
      '/data/home/0.json',
    ]);
    expect(report.later.map((item) => item.path)).toEqual(['/assets/noto-sans-arabic-arabic-400-normal-3.woff2']);
    expect(report.problems).toEqual([]);
  });

  it.each([
    ['<link rel="manifest" href="/manifest.webmanifest">'],
    ['<meta name="app-manifest" content="/manifest.webmanifest">'],
  ])('counts the web app manifest named by %s, and the service worker', (tag) => {
    const report = checkBudget(
      writeDist({
        ...site,
        'index.html': `${html}${tag}`,
        'manifest.webmanifest': '{"lang":"ar"}',
        'sw.js': 'precacheAndRoute([])',
      }),
    );
    expect(report.items.filter((item) => item.kind === 'pwa').map((item) => item.path)).toEqual([
      '/manifest.webmanifest',
      '/sw.js',
    ]);
  });

  it('counts no shard for a prerendered home, whose data is in its HTML', () => {
    const prerendered = `${html}<script type="application/json" id="hydration-data">{}</script>`;
    const report = checkBudget(writeDist({ ...site, 'index.html': prerendered }));
    expect(report.items.map((item) => item.kind)).not.toContain('data');
  });

  it('counts woff2 as is and text gzipped, and the web font after the first view', () => {
    const report = checkBudget(writeDist(site));
    expect(report.items.map((item) => item.kind)).not.toContain('font');
    const font = report.later.find((item) => item.kind === 'font');
    expect(font?.wireBytes).toBe(font?.rawBytes);
    expect(report.totalBytes).toBe(report.items.reduce((sum, item) => sum + item.wireBytes, 0));
  });

  it('fails when the total is over budget', () => {
    expect(checkBudget(writeDist(site), 10).problems).toEqual([expect.stringMatching(/over the budget/)]);
  });

  it('fails when Pagefind code is in an entry chunk', () => {
    const report = checkBudget(writeDist({ ...site, 'assets/shared-4.js': 'fetch("pagefind-entry.json")' }));
    expect(report.problems).toEqual([expect.stringMatching(/shared-4\.js contains Pagefind code/)]);
  });

  it('fails when dist ships another font subset', () => {
    const report = checkBudget(
      writeDist({ ...site, 'assets/noto-sans-arabic-latin-400-normal-6.woff2': 'x' }),
    );
    expect(report.problems).toEqual([expect.stringMatching(/latin subset/)]);
  });

  it('reports a referenced file that is missing', () => {
    const { 'data/home/0.json': _dropped, ...rest } = site;
    expect(checkBudget(writeDist(rest)).problems).toEqual([
      '/data/home/0.json is referenced but missing from ' + dist,
    ]);
  });
});
