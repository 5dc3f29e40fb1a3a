/**
 * A prerender worker thread: renders the paths it is sent through the app (src/app/render-page.tsx),
 * writes each page's HTML file (and a list's feed) where it changed (site-writer.ts), and replies with what
 * each page links to. Built by Vite (`vite build --ssr`), so it runs the same modules the browser does.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';
import { createPageRenderer, type PageView } from '../../src/app/render-page.tsx';
import { homePagePath, tagPagePath, topicListPath, topicPagePath } from '../../src/data/paths.ts';
import { dataBase, setDataBuild } from '../../src/shared/lib/data-build.ts';
import { requestUrl } from '../../src/shared/lib/fetch-shard.ts';
import { NEWEST_PAGE } from '../../src/data/list-pages.ts';
import type { ArticleSummary, ListPage } from '../../src/data/schema.ts';
import { documentRenderer } from './document.ts';
import { atomFeed, FEED_SIZE, feedPath } from './feeds.ts';
import { buildHead, SEARCH_PATH } from './head.ts';
import { laterPages, pageFile, pageLinks } from './page-files.ts';
import type { PageResult, RenderReply, RenderRequest, WorkerConfig } from './protocol.ts';
import { searchPreloadsMeta, searchPreloadUrls, viteManifest } from './search-preloads.ts';
import { createSiteWriter } from './site-writer.ts';

const config = workerData as WorkerConfig;
const site = { origin: config.siteOrigin };
setDataBuild(config.dataBuild);

/**
 * A data file (or one of the app's), as the app's fetch sees it. The body is the file's text, handed to the
 * app's `res.json()` as is: a streamed body (undici's) cost more than the page's own loaders.
 */
class FileResponse extends Response {
  constructor(
    private readonly bodyText: string,
    status: number,
  ) {
    super(null, { status, headers: { 'content-type': 'application/json' } });
  }

  override async json(): Promise<unknown> {
    return JSON.parse(this.bodyText) as unknown;
  }

  override async text(): Promise<string> {
    return this.bodyText;
  }
}

/** Where the app's data URLs start: `/data/<build>/`. */
const dataPrefix = `${dataBase()}${config.dataBuild}/`;

/**
 * The data files the page being rendered read (relative to the data's folder): what it is made from, for
 * the page cache (page-cache.ts). The topic list is read once a thread and kept, but every page shows it.
 */
let deps = new Set<string>();

/** The app fetches `/data/<build>/…`: here that is a file of the ingest's output. */
globalThis.fetch = async (input: string | URL | Request) => {
  const url = new URL(requestUrl(input), 'http://localhost');
  let file = path.join(config.appDir, decodeURIComponent(url.pathname));
  if (url.pathname.startsWith(dataPrefix)) {
    const dep = decodeURIComponent(url.pathname.slice(dataPrefix.length));
    deps.add(dep);
    file = path.join(config.dataDir, dep);
  }
  try {
    return new FileResponse(readFileSync(file, 'utf8'), 200);
  } catch {
    return new FileResponse('not found', 404);
  }
};

const searchPreloads = searchPreloadsMeta(
  searchPreloadUrls(config.template, viteManifest(config.appDir), import.meta.env.BASE_URL, config.dataDir),
  config.template,
  dataBase(),
);
const renderPage = createPageRenderer(config.siteOrigin ?? undefined);
const renderDocument = documentRenderer(config.template);
const writeIfChanged = createSiteWriter(config.distDir, config.stagingDir);

/**
 * Links this thread has reported already. Every page repeats the header's and footer's links, and a list
 * page links 24 articles others link too: sent each time, they were millions of strings for the
 * coordinating thread to receive and look up at 100,000 articles.
 */
const reported = new Set<string>();

function newLinks(html: string, more: string[]): string[] {
  const links: string[] = [];
  for (const link of [...pageLinks(html), ...more]) {
    if (reported.has(link)) continue;
    // A copy: a link cut from the page's markup is a slice that keeps the whole page alive with it.
    reported.add(Buffer.from(link).toString());
    links.push(link);
  }
  return links;
}

/** A page that wrote nothing: a redirect, an error, an unsafe path. */
function nothingWritten(path: string, status: number): PageResult {
  return { path, status, file: null, written: false, bytes: 0, links: [], indexable: false, lastmod: null, news: null, feed: null, deps: [] };
}

async function renderOne(pagePath: string): Promise<PageResult> {
  deps = new Set([topicListPath()]);
  const page = await renderPage(pagePath);
  const base = { ...nothingWritten(pagePath, 0), deps: [...deps] };
  if (page.kind === 'redirect') return { ...base, status: page.status };
  const isNotFoundPage = pagePath === config.notFoundPath;
  const file = isNotFoundPage ? '404.html' : page.status === 200 ? pageFile(pagePath) : null;
  const links = newLinks(page.html, page.view.kind === 'list' ? laterPages(page.view.list) : []);
  if (file === null) return { ...base, status: page.status, links };

  const head =
    buildHead({ site, path: pagePath, status: page.status, title: page.title, view: page.view }) +
    (pagePath === SEARCH_PATH ? `\n    ${searchPreloads}` : '');
  const text = renderDocument({
    title: page.title,
    head,
    html: page.html,
    hydration: page.hydration,
  });
  const written = writeIfChanged(file, text);
  const feed = page.view.kind === 'list' && page.view.list.page === NEWEST_PAGE ? writeFeed(page.view.list) : null;
  return {
    ...base,
    deps: [...deps],
    feed,
    status: isNotFoundPage ? 404 : page.status,
    file,
    written,
    bytes: Buffer.byteLength(text),
    links,
    indexable: page.status === 200 && page.view.kind !== 'other',
    lastmod: lastmodOf(page.view),
    news:
      page.view.kind === 'article' && page.view.article.date
        ? { title: page.view.article.title, date: page.view.article.date }
        : null,
  };
}

function lastmodOf(view: PageView): string | null {
  if (view.kind === 'article') return view.article.date;
  if (view.kind === 'list') return view.list.items.find((i) => i.date !== null)?.date ?? null;
  return null;
}

/** A list's feed: its newest FEED_SIZE articles, from its first page and the older ones after it; returns its file. */
function writeFeed(first: ListPage): string | null {
  const items: ArticleSummary[] = [...first.items];
  for (let page = first.older; items.length < FEED_SIZE && page !== null; page = page > 1 ? page - 1 : null) {
    const shard =
      first.kind === 'home'
        ? homePagePath(page)
        : first.kind === 'topic'
          ? topicPagePath(first.slug!, page)
          : tagPagePath(first.slug!, page);
    deps.add(shard);
    items.push(...(JSON.parse(readFileSync(path.join(config.dataDir, shard), 'utf8')) as ListPage).items);
  }
  const file = pageFile(feedPath(first.kind, first.slug), '');
  if (file)
    writeIfChanged(file, atomFeed({ site, kind: first.kind, slug: first.slug, label: first.label, items }));
  return file;
}

async function renderBatch({ paths }: RenderRequest): Promise<void> {
  const results: PageResult[] = [];
  for (const p of paths) {
    try {
      results.push(await renderOne(p));
    } catch (error) {
      results.push({ ...nothingWritten(p, 500), error: String((error as Error)?.stack ?? error) });
    }
  }
  parentPort!.postMessage({ results } satisfies RenderReply);
}

// The coordinator sends a batch ahead; batches render one after another, since pages share the query client.
let rendering = Promise.resolve();
parentPort!.on('message', (request: RenderRequest) => {
  rendering = rendering.then(() => renderBatch(request));
});
