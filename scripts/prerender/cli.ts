/**
 * `npm run prerender` (run by `npm run build` after `vite build`): makes the built site, `dist/`, from the
 * app's build (`dist-app/`) and the ingest's output (`public/data/`): the app's files, the data in its
 * build folder (site-files.ts), and an HTML file for every URL a reader can reach by following links from
 * home, plus 404.html, the /search shell, the /offline page the service worker falls back to, feeds,
 * sitemaps and robots.txt. It crawls: each rendered page's links are queued until none is new, so whatever
 * the app links to is prerendered and nothing else. Pages render on worker threads (one per core), each
 * writing its files as it goes; this thread keeps only the set of paths seen and the sitemap entries.
 * Everything is written into a staging folder and moved into `dist/` once every page rendered
 * (site-files.ts), so a build that fails or is killed before then leaves `dist/` as it was.
 *
 * Incremental (docs/decisions/030-incremental-ingest.md, eleventh round): a page none of whose data files
 * changed since the last build is not rendered again (page-cache.ts), no file is written that already
 * holds its bytes, and what the site holds that this build did not make is removed. `--full` renders
 * every page.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { isDeepStrictEqual, parseArgs } from 'node:util';
import { Worker } from 'node:worker_threads';
import { HYDRATION_ELEMENT_ID } from '../../src/app/hydration.ts';
import { BUILD_FILE, type BuildInfo } from '../../src/data/build.ts';
import { appBuildMetaTag, appPointerFile } from '../../src/data/app-pointer.ts';
import { readDataChanges } from '../ingest/data-changes.ts';
import { readDataId } from '../ingest/data-id.ts';
import { acquireLock, LockedError, lockFileFor } from '../ingest/lock.ts';
import { OFFLINE_PATH } from '../../src/shared/lib/offline-caches.ts';
import { checkTemplate } from './document.ts';
import { SEARCH_PATH } from './head.ts';
import { globalKey, keptOf, PageCache, type KeptPage } from './page-cache.ts';
import { pageFile } from './page-files.ts';
import type { PageResult, RenderReply, WorkerConfig } from './protocol.ts';
import { siteFromEnv } from './site.ts';
import {
  commitStaged,
  listSite,
  placeAppFiles,
  placeDataBuild,
  planDataBuild,
  removeStale,
  stagingFolderFor,
  staleFiles,
  TEMPLATE_FILE,
} from './site-files.ts';
import { createSiteWriter } from './site-writer.ts';
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
  /** Pages crawled: rendered, or kept because their data did not change. */
  pages: number;
  rendered: number;
  written: number;
  /** Files of the site that this build no longer has, removed. */
  removed: number;
  bytes: number;
  broken: string[];
  failed: PageResult[];
  seconds: number;
  dataBuild: string;
  /** The security headers written to `_headers`, for the template's inline scripts. */
  headers: Headers;
}

export interface PrerenderOptions {
  /** Vite's client build: the template and the app's files. */
  appDir: string;
  /** The ingest's output, which names its id (scripts/ingest/data-id.ts). */
  dataDir: string;
  /** The site made, and brought up to date on the next build. */
  distDir: string;
  workerFile: string;
  threads: number;
  siteUrl: string | undefined;
  /** What each page was made from (page-cache.ts); by default under `.cache/prerender/`, by the site's path. */
  cacheFile?: string;
  /** Render every page, whatever the cache says. */
  full?: boolean;
}

/**
 * The pages rendered on every build: the crawl's roots; and the search shell preloads the index's files,
 * whose names the page cache does not follow.
 */
const ROOTS = ['/', SEARCH_PATH, OFFLINE_PATH, NOT_FOUND_PATH];

/** The app's id: Vite's index.html names every hashed script and stylesheet, so it changes with the code. */
export function appBuildId(template: string): string {
  return createHash('sha256').update(template).digest('hex').slice(0, 16);
}

export function defaultCacheFile(distDir: string): string {
  const name = createHash('sha256').update(path.resolve(distDir)).digest('hex').slice(0, 16);
  return path.join('.cache', 'prerender', `${path.basename(distDir)}-${name}.json`);
}

/**
 * Makes the site, holding its lock and the data's (the ingest's own): a second build of the same site, or
 * an ingest swapping the data in the middle, is a LockedError.
 */
export async function prerender(options: PrerenderOptions): Promise<PrerenderStats> {
  mkdirSync(options.distDir, { recursive: true });
  const releaseSite = acquireLock(lockFileFor(options.distDir));
  try {
    const releaseData = acquireLock(lockFileFor(options.dataDir));
    try {
      return await prerenderLocked(options);
    } finally {
      releaseData();
    }
  } finally {
    releaseSite();
  }
}

async function prerenderLocked(options: PrerenderOptions): Promise<PrerenderStats> {
  const started = performance.now();
  const { appDir, dataDir, distDir, workerFile, threads } = options;
  const site = siteFromEnv(options.siteUrl);
  const template = readFileSync(path.join(appDir, TEMPLATE_FILE), 'utf8');
  if (template.includes(HYDRATION_ELEMENT_ID)) {
    throw new Error(`${appDir}/${TEMPLATE_FILE} is already a prerendered page: run "vite build" first`);
  }
  checkTemplate(template);
  const id = readDataId(dataDir);
  if (id === null) throw new Error(`${dataDir} names no data id: run "npm run ingest" first`);
  const changes = options.full ? null : readDataChanges(dataDir);
  const build: BuildInfo = { data: id, app: appBuildId(template) };

  const buildFile = path.join(distDir, 'data', BUILD_FILE);
  const buildText = `${JSON.stringify(build)}\n`;
  // What a build killed before its end staged: this build stages afresh.
  const stagingDir = stagingFolderFor(distDir);
  rmSync(stagingDir, { recursive: true, force: true });
  const app = placeAppFiles(appDir, distDir, stagingDir);
  const writeIfChanged = createSiteWriter(distDir, stagingDir);

  const config: WorkerConfig = {
    distDir,
    stagingDir,
    appDir,
    dataDir,
    // Every page names its app, never its data: the app's pointer names the data (app-pointer.ts).
    template: template.replace('</head>', () => `  ${appBuildMetaTag(build.app)}\n  </head>`),
    dataBuild: build.data,
    siteOrigin: site.origin,
    notFoundPath: NOT_FOUND_PATH,
  };
  const cache = new PageCache(
    options.cacheFile ?? defaultCacheFile(distDir),
    globalKey([config.template, readFileSync(workerFile, 'utf8'), site.origin ?? '', NOT_FOUND_PATH]),
    dataDir,
    id,
    options.full,
    changes,
  );

  const queue = [...ROOTS];
  const seen = new Set(queue);
  for (const known of cache.knownPaths()) {
    if (seen.has(known)) continue;
    seen.add(known);
    queue.push(known);
  }
  const roots = new Set(ROOTS);
  /** The site's files this build made or kept: everything else is removed at the end. */
  const made = new Set([...app.files, `data/${BUILD_FILE}`]);
  const sitemap: SitemapEntry[] = [];
  const news: NewsEntry[] = [];
  const stats: PrerenderStats = {
    pages: 0,
    rendered: 0,
    written: 0,
    removed: 0,
    bytes: 0,
    broken: [],
    failed: [],
    seconds: 0,
    dataBuild: build.data,
    headers: securityHeaders(template),
  };
  // Nothing changed since the last whole build of this site (the same data, app and site, and the build
  // file it wrote last is there): its pages are what this build would write, byte for byte.
  if (
    app.copied === 0 &&
    cache.sameBuild() &&
    existsSync(buildFile) &&
    existsSync(path.join(distDir, 'data', appPointerFile(build.app)))
  ) {
    return { ...stats, ...cache.lastBuild(), seconds: (performance.now() - started) / 1000 };
  }
  const account = (r: KeptPage & { written?: boolean }) => {
    stats.pages++;
    if (r.written) stats.written++;
    stats.bytes += r.bytes;
    if (r.file !== null) made.add(r.file);
    if (r.feed !== null) made.add(r.feed);
    if (r.indexable) sitemap.push({ path: r.path, lastmod: r.lastmod });
    if (r.news) news.push({ path: r.path, ...r.news });
  };
  const listing = listSite(distDir);
  /** The page as the last build made it, if its data did not change and its files are still there. */
  const kept = (pagePath: string): KeptPage | null => {
    if (roots.has(pagePath)) return null;
    const page = cache.unchanged(pagePath);
    if (page === null) return null;
    const there = (file: string | null) => file === null || listing.files.has(file);
    return there(page.file) && there(page.feed) ? page : null;
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
      /** Up to BATCH paths to render, taking the unchanged pages on the way without rendering them. */
      const take = (): string[] => {
        const paths: string[] = [];
        while (paths.length < BATCH && next < queue.length) {
          const pagePath = queue[next++]!;
          const page = kept(pagePath);
          if (page) account(page);
          else paths.push(pagePath);
        }
        return paths;
      };
      const dispatch = () => {
        for (let round = 0; round < IN_FLIGHT; round++) {
          for (const worker of workers) {
            if (held.get(worker)! > round) continue;
            const paths = take();
            if (paths.length === 0) continue;
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
            stats.rendered++;
            account(r);
            if (r.error !== undefined || r.status >= 500) {
              stats.failed.push(r);
              continue;
            }
            if (r.status === 404 && r.path !== NOT_FOUND_PATH && !cache.knew(r.path)) stats.broken.push(r.path);
            cache.remember(r.path, keptOf(r), r.deps);
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

  // A site with a page that failed is left as the last build made it: nothing staged lands.
  if (stats.failed.length > 0) {
    rmSync(stagingDir, { recursive: true, force: true });
    return { ...stats, written: 0, seconds: (performance.now() - started) / 1000 };
  }

  const write = (file: string, text: string) => {
    made.add(file);
    if (writeIfChanged(file, text)) stats.written++;
  };
  for (const file of sitemapFiles(site, sitemap, news)) write(pageFile(file.path, '')!, file.text);
  write('robots.txt', robotsTxt(site));
  write('_headers', headersFile(stats.headers));
  // The app's pointer to this data (decision 043), in build.json's schema.
  write(`data/${appPointerFile(build.app)}`, buildText);

  // The build is whole: it lands. What to link and remove is worked out first, reading only; then, for the
  // moments the landing takes, the site is part old and part new, so it names no build (a deploy refuses
  // it) and has no page cache (the next build renders every page, repairing it).
  const dataPlan = planDataBuild(dataDir, distDir, id, changes);
  const stale = staleFiles(listing, made, dataPlan);
  const newBuild = !existsSync(buildFile) || readFileSync(buildFile, 'utf8') !== buildText;
  if (newBuild) rmSync(buildFile, { force: true });
  cache.forget();
  placeDataBuild(dataPlan);
  commitStaged(stagingDir, distDir);
  stats.removed = removeStale(distDir, stale);
  if (newBuild) {
    writeFileSync(`${buildFile}.tmp`, buildText);
    renameSync(`${buildFile}.tmp`, buildFile);
    stats.written++;
  }
  cache.save();
  stats.seconds = (performance.now() - started) / 1000;
  return stats;
}

async function main(argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      app: { type: 'string', default: 'dist-app' },
      data: { type: 'string', default: 'public/data' },
      dist: { type: 'string', default: 'dist' },
      worker: { type: 'string', default: 'dist-ssr/render-worker.js' },
      threads: { type: 'string', default: String(availableParallelism()) },
      cache: { type: 'string' },
      full: { type: 'boolean', default: false },
    },
  });
  if (!process.env.SITE_URL) {
    process.stderr.write(
      'prerender: SITE_URL is not set, so canonical links, feeds and sitemaps use site-relative URLs\n',
    );
  }
  let stats: PrerenderStats;
  try {
    stats = await prerender({
      appDir: path.resolve(values.app),
      dataDir: path.resolve(values.data),
      distDir: path.resolve(values.dist),
      workerFile: path.resolve(values.worker),
      threads: Number(values.threads),
      siteUrl: process.env.SITE_URL,
      ...(values.cache ? { cacheFile: path.resolve(values.cache) } : {}),
      full: values.full,
    });
  } catch (error) {
    if (!(error instanceof LockedError)) throw error;
    process.stderr.write(`prerender: ${error.message}\n`);
    return 2;
  }
  for (const f of stats.failed.slice(0, 5))
    process.stderr.write(`prerender: ${f.path} failed (${f.status}): ${f.error ?? ''}\n`);
  if (stats.failed.length > 0) {
    process.stderr.write(
      `prerender: ${stats.failed.length} pages failed, so nothing of this build landed: ${values.dist} is as the last build left it\n`,
    );
  }
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
    `prerender: ${stats.pages} pages, ${stats.rendered} rendered (the others' data did not change), ${stats.written} files written, ${stats.removed} removed (${(stats.bytes / 1e6).toFixed(1)} MB of HTML) in ${stats.seconds.toFixed(1)} s -> ${values.dist} (data build ${stats.dataBuild})\n`,
  );
  return stats.failed.length > 0 ? 1 : 0;
}

if (import.meta.url === `file://${process.argv[1]}`) process.exitCode = await main(process.argv.slice(2));
