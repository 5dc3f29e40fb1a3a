/**
 * `npm run prerender` (run by `npm run build` after `vite build`): writes an HTML file for every URL a
 * reader can reach by following links from home, plus 404.html, the /search shell, the /offline page the service worker falls back to, feeds, sitemaps and
 * robots.txt. It crawls: each rendered page's links are queued until none is new, so whatever the app
 * links to is prerendered and nothing else. Pages render on worker threads (one per core), each writing
 * its files as it goes; this thread keeps only the set of paths seen and the sitemap entries.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { isDeepStrictEqual, parseArgs } from 'node:util';
import { Worker } from 'node:worker_threads';
import { HYDRATION_ELEMENT_ID } from '../../src/app/hydration.ts';
import { buildMetaTags } from '../../src/data/build.ts';
import { publishDataBuild } from './data-build.ts';
import { OFFLINE_PATH } from '../../src/shared/lib/offline-caches.ts';
import { checkTemplate } from './document.ts';
import { SEARCH_PATH } from './head.ts';
import { pageFile } from './page-files.ts';
import type { PageResult, RenderReply, WorkerConfig } from './protocol.ts';
import { siteFromEnv } from './site.ts';
import {
  headersFile,
  NGINX_HEADERS_CONF,
  nginxHeaderLines,
  nginxHeaders,
  securityHeaders,
  type Headers,
} from './security-headers.ts';
import { robotsTxt, sitemapFiles, type NewsEntry, type SitemapEntry } from './sitemaps.ts';

/** Rendered as 404.html: a path no route knows. */
const NOT_FOUND_PATH = '/404';
/** Paths a message: large enough to amortise the messaging, small enough to keep both workers busy. */
const BATCH = 32;
/** Batches a worker holds at once: it renders the next while its last results travel back and are read. */
const IN_FLIGHT = 2;
/** A worker thread's young generation (V8's default is 16 to 64 MB, by the machine's memory). */
const YOUNG_GENERATION_MB = 128;

export interface PrerenderStats {
  pages: number;
  written: number;
  bytes: number;
  broken: string[];
  failed: PageResult[];
  seconds: number;
  dataBuild: string;
  /** The security headers written to `_headers`, for the template's inline scripts. */
  headers: Headers;
}

export async function prerender(
  distDir: string,
  workerFile: string,
  threads: number,
  siteUrl: string | undefined,
): Promise<PrerenderStats> {
  const started = performance.now();
  const site = siteFromEnv(siteUrl);
  const template = readFileSync(path.join(distDir, 'index.html'), 'utf8');
  if (template.includes(HYDRATION_ELEMENT_ID)) {
    throw new Error(`${distDir}/index.html is already a prerendered page: run "vite build" first`);
  }
  checkTemplate(template);
  const build = await publishDataBuild(distDir, template, threads);
  const config: WorkerConfig = {
    distDir,
    // Every page names its build, so its app reads that build's data folder for as long as it is open.
    template: template.replace('</head>', () => `  ${buildMetaTags(build)}\n  </head>`),
    dataBuild: build.data,
    siteOrigin: site.origin,
    notFoundPath: NOT_FOUND_PATH,
  };

  const queue = ['/', SEARCH_PATH, OFFLINE_PATH, NOT_FOUND_PATH];
  const seen = new Set(queue);
  const sitemap: SitemapEntry[] = [];
  const news: NewsEntry[] = [];
  const stats: PrerenderStats = {
    pages: 0,
    written: 0,
    bytes: 0,
    broken: [],
    failed: [],
    seconds: 0,
    dataBuild: build.data,
    headers: securityHeaders(template),
  };

  // React's production build: the development one validates every element and renders several times slower.
  const env = { ...process.env, NODE_ENV: 'production' };
  // Nearly everything a page allocates is garbage once it is written: a young generation larger than V8's
  // default collects it in fewer scavenges (GC fell from about 11 to 7 % of a worker's profile).
  const resourceLimits = { maxYoungGenerationSizeMb: YOUNG_GENERATION_MB };
  const workers = Array.from({ length: threads }, () => new Worker(workerFile, { workerData: config, env, resourceLimits }));
  try {
    await new Promise<void>((resolve, reject) => {
      const held = new Map(workers.map((worker) => [worker, 0]));
      // Read from the front by index: splicing a queue of 100,000 paths moves all of them each time.
      let next = 0;
      const dispatch = () => {
        for (let round = 0; round < IN_FLIGHT; round++) {
          for (const worker of workers) {
            if (held.get(worker)! > round || next >= queue.length) continue;
            const paths = queue.slice(next, next + BATCH);
            next += paths.length;
            held.set(worker, held.get(worker)! + 1);
            worker.postMessage({ paths });
          }
        }
        if ([...held.values()].every((n) => n === 0)) resolve();
      };
      for (const worker of workers) {
        worker.on('error', reject);
        worker.on('message', ({ results }: RenderReply) => {
          held.set(worker, held.get(worker)! - 1);
          for (const r of results) {
            stats.pages++;
            if (r.error !== undefined || r.status >= 500) stats.failed.push(r);
            else if (r.status === 404 && r.path !== NOT_FOUND_PATH) stats.broken.push(r.path);
            if (r.written) stats.written++;
            stats.bytes += r.bytes;
            if (r.indexable) sitemap.push({ path: r.path, lastmod: r.lastmod });
            if (r.news) news.push({ path: r.path, ...r.news });
            for (const link of r.links) {
              if (!seen.has(link)) {
                seen.add(link);
                queue.push(link);
              }
            }
          }
          dispatch();
        });
      }
      dispatch();
    });
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }

  for (const file of sitemapFiles(site, sitemap, news))
    writeFileSync(path.join(distDir, pageFile(file.path, '')!), file.text);
  writeFileSync(path.join(distDir, 'robots.txt'), robotsTxt(site));
  writeFileSync(path.join(distDir, '_headers'), headersFile(stats.headers));
  stats.seconds = (performance.now() - started) / 1000;
  return stats;
}

async function main(argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      dist: { type: 'string', default: 'dist' },
      worker: { type: 'string', default: 'dist-ssr/render-worker.js' },
      threads: { type: 'string', default: String(availableParallelism()) },
    },
  });
  if (!process.env.SITE_URL) {
    process.stderr.write(
      'prerender: SITE_URL is not set, so canonical links, feeds and sitemaps use site-relative URLs\n',
    );
  }
  const stats = await prerender(
    path.resolve(values.dist),
    path.resolve(values.worker),
    Number(values.threads),
    process.env.SITE_URL,
  );
  for (const f of stats.failed.slice(0, 5))
    process.stderr.write(`prerender: ${f.path} failed (${f.status}): ${f.error ?? ''}\n`);
  if (stats.broken.length > 0) {
    process.stderr.write(
      `prerender: ${stats.broken.length} linked paths answer 404, e.g. ${stats.broken.slice(0, 3).join(' ')}\n`,
    );
  }
  // nginx sends what deploy/security-headers.conf says: a theme script edited without it would be blocked.
  if (!isDeepStrictEqual(nginxHeaders(readFileSync(NGINX_HEADERS_CONF, 'utf8')), stats.headers)) {
    process.stderr.write(
      `prerender: ${NGINX_HEADERS_CONF} is out of step with the build's security headers; its add_header lines should be:\n${nginxHeaderLines(stats.headers)}\n`,
    );
    return 1;
  }
  process.stdout.write(
    `prerender: ${stats.pages} pages (${stats.written} files written, ${(stats.bytes / 1e6).toFixed(1)} MB) in ${stats.seconds.toFixed(1)} s, ${Math.round(stats.pages / stats.seconds)} pages/s -> ${values.dist} (data build ${stats.dataBuild})\n`,
  );
  return stats.failed.length > 0 ? 1 : 0;
}

if (import.meta.url === `file://${process.argv[1]}`) process.exitCode = await main(process.argv.slice(2));
