import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { searchPreloadsMeta, searchPreloadUrls, viteManifest, type ViteManifest } from './search-preloads.ts';
import { tempDirs } from '../temp-dirs.ts';

const temp = tempDirs();

const TEMPLATE =
  '<head><meta name="app-entry" content="/assets/index-A.js"><link rel="stylesheet" href="/assets/index.css"></head>';
const MANIFEST: ViteManifest = {
  'index.html': { file: 'assets/index-A.js', imports: ['_hrefs-B.js'] },
  '_hrefs-B.js': { file: 'assets/hrefs-B.js' },
  'src/features/search/search-page.tsx': {
    file: 'assets/search-page-C.js',
    imports: ['index.html', '_shard-index-D.js', '_hrefs-B.js'],
  },
  '_shard-index-D.js': { file: 'assets/shard-index-D.js', imports: ['_hrefs-B.js'] },
  'src/features/saved/saved-page.tsx': { file: 'assets/saved-page-E.js' },
};

function dataDir(entry: object | null): string {
  const dir = temp('search-preloads-');
  mkdirSync(path.join(dir, 'pagefind'));
  if (entry) writeFileSync(path.join(dir, 'pagefind', 'pagefind-entry.json'), JSON.stringify(entry));
  return dir;
}

const ENTRY = { version: '1.6.0', languages: { ar: { hash: 'ar_0123456789', wasm: 'ar', page_count: 2 } } };

describe('searchPreloadUrls', () => {
  it('names the app entry, the search page and the chunks they import (each once), then the newest slice’s files within the data build’s folder', () => {
    expect(searchPreloadUrls(TEMPLATE, MANIFEST, '/', dataDir(ENTRY))).toEqual([
      '/assets/index-A.js',
      '/assets/hrefs-B.js',
      '/assets/search-page-C.js',
      '/assets/shard-index-D.js',
      'pagefind/pagefind.js',
      'pagefind/search-manifest.json',
      'pagefind/pagefind.ar_0123456789.pf_meta',
      'pagefind/wasm.ar.pagefind',
    ]);
  });

  it('names only the app’s code when the build has no search index, and only its entry without a manifest', () => {
    expect(searchPreloadUrls(TEMPLATE, MANIFEST, '/', dataDir(null))).toHaveLength(4);
    expect(searchPreloadUrls(TEMPLATE, null, '/', dataDir(null))).toEqual(['/assets/index-A.js']);
  });

  it('puts the app’s chunks under the site’s base path', () => {
    expect(searchPreloadUrls(TEMPLATE, MANIFEST, '/news/', dataDir(null))).toContain(
      '/news/assets/search-page-C.js',
    );
  });
});

describe('searchPreloadsMeta', () => {
  it('carries the URLs as a JSON array in an escaped attribute, and is nothing without any', () => {
    const meta = searchPreloadsMeta(['pagefind/pagefind.js', '/a"b.js'], TEMPLATE, '/data/');
    expect(meta).toBe(
      '<meta name="search-preloads" content="[&quot;pagefind/pagefind.js&quot;,&quot;/a\\&quot;b.js&quot;]">',
    );
    expect(searchPreloadsMeta([], TEMPLATE, '/data/')).toBe('');
  });

  it('names the pointer of the page’s app, which names the data folder, never the data build itself', () => {
    const template = TEMPLATE.replace('</head>', '<meta name="app-build" content="0123456789abcdef"></head>');
    expect(searchPreloadsMeta(['pagefind/pagefind.js'], template, '/news/data/')).toBe(
      '<meta name="search-preloads" content="[&quot;pagefind/pagefind.js&quot;]" data-pointer="/news/data/apps/0123456789abcdef.json" data-base="/news/data/">',
    );
  });
});

describe('viteManifest', () => {
  it('reads the client build’s manifest, and is null when there is none', () => {
    const dist = temp('search-preloads-dist-');
    expect(viteManifest(dist)).toBeNull();
    mkdirSync(path.join(dist, '.vite'));
    writeFileSync(path.join(dist, '.vite', 'manifest.json'), JSON.stringify(MANIFEST));
    expect(viteManifest(dist)).toEqual(MANIFEST);
  });
});
