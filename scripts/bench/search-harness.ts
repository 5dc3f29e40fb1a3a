/**
 * What the search benchmarks share: a tiny static server that counts the bytes it sends (gzipping text as
 * any real host does; Pagefind's own files are already gzip, and go out saying so, as deploy/nginx.conf
 * sends them), the reader's search engine bundled for the browser, and headless Chromium with the flags of
 * playwright.config.ts.
 */
import { existsSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import http from 'node:http';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium, type Browser } from 'playwright-core';
import { build } from 'vite';
import { chromiumArgs, systemChromium } from '../chromium.ts';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json',
  '.css': 'text/css',
};
const COMPRESSIBLE = new Set(['.html', '.js', '.json', '.css']);
/** Pagefind's files that Pagefind gzips itself (its WebAssembly and index): sent as gzip, so the browser inflates them. */
const PAGEFIND_GZIP = /\.(pagefind|pf_meta|pf_index|pf_fragment|pf_filter)$/;

export interface StaticServer {
  url: string;
  /** Bytes sent (as on the wire, gzipped where a host would) since the last reset. */
  bytes: () => number;
  requests: () => number;
  /** Each request since the last reset: its path, bytes sent and when it was answered (ms after the reset). */
  sent: () => ReadonlyArray<{ path: string; bytes: number; ms: number }>;
  reset: () => void;
  close: () => Promise<void>;
}

/** Serves `mounts` (URL prefix → folder) and `/` as a blank page, on 127.0.0.1. */
export async function serveStatic(mounts: Record<string, string>): Promise<StaticServer> {
  let bytes = 0;
  let requests = 0;
  let since = Date.now();
  let sent: Array<{ path: string; bytes: number; ms: number }> = [];
  const server = http.createServer((req, res) => {
    void (async () => {
      const pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
      let file: string | null = null;
      for (const [prefix, dir] of Object.entries(mounts)) {
        if (pathname.startsWith(prefix)) {
          const candidate = path.join(dir, pathname.slice(prefix.length));
          if (candidate.startsWith(dir)) file = candidate;
        }
      }
      let body: Buffer;
      let type = 'text/html; charset=utf-8';
      if (pathname === '/') {
        body = Buffer.from('<!doctype html><html lang="ar" dir="rtl"><meta charset="utf-8"><title>bench</title></html>');
      } else if (file && existsSync(file) && (await stat(file)).isFile()) {
        body = await readFile(file);
        type = TYPES[path.extname(file)] ?? 'application/octet-stream';
        if (COMPRESSIBLE.has(path.extname(file))) {
          body = gzipSync(body);
          res.setHeader('content-encoding', 'gzip');
        } else if (PAGEFIND_GZIP.test(file)) {
          res.setHeader('content-encoding', 'gzip');
        }
      } else {
        res.statusCode = 404;
        res.end();
        return;
      }
      requests++;
      bytes += body.byteLength;
      sent.push({ path: pathname, bytes: body.byteLength, ms: Date.now() - since });
      res.setHeader('content-type', type);
      // As deploy/nginx.conf: a build's search index never changes, so the browser keeps it (a second copy of
      // a slice's Pagefind loads its files from the cache); the rest is asked for again. Each page of the
      // benchmarks is a new browser context, so a first query still starts with an empty cache.
      res.setHeader('cache-control', pathname.includes('/pagefind/') ? 'public, max-age=31536000, immutable' : 'no-store');
      res.end(body);
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}`,
    bytes: () => bytes,
    requests: () => requests,
    sent: () => sent,
    reset: () => {
      bytes = 0;
      requests = 0;
      since = Date.now();
      sent = [];
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** Bundles `search-bench-entry.ts` to `<outDir>/bench.js` with the project's own Vite. */
export async function bundleBenchEntry(outDir: string): Promise<void> {
  await build({
    configFile: false,
    logLevel: 'warn',
    build: {
      outDir,
      emptyOutDir: true,
      target: 'es2022',
      minify: false,
      lib: { entry: path.resolve('scripts/bench/search-bench-entry.ts'), formats: ['es'], fileName: () => 'bench.js' },
    },
  });
}

export async function launchChromium(): Promise<Browser> {
  const executablePath = systemChromium();
  if (!executablePath) throw new Error('no Chromium found: install one (apt-get install chromium) or set CHROMIUM_PATH');
  return chromium.launch({ executablePath, args: chromiumArgs });
}

export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

export const kb = (bytes: number): string => `${(bytes / 1024).toFixed(1)} KB`;
