/** Messages between the prerender's coordinator (cli.ts) and its worker threads (render-worker.ts). */

export interface WorkerConfig {
  /** The built site (dist/) as the last build left it: a page is written only where its bytes differ. */
  distDir: string;
  /** Where this build writes (site-writer.ts): moved into distDir once the build is whole. */
  stagingDir: string;
  /** Vite's client build: the app's files, and its manifest. */
  appDir: string;
  /** The ingest's output: the data the pages are made from, served as `/data/<dataBuild>/`. */
  dataDir: string;
  template: string;
  dataBuild: string;
  siteOrigin: string | null;
  /** The path rendered as 404.html. */
  notFoundPath: string;
}

export interface RenderRequest {
  paths: string[];
}

export interface PageResult {
  path: string;
  status: number;
  /** The file written, relative to distDir; null when none (a redirect, an error, an unsafe path). */
  file: string | null;
  /** True when the file's bytes changed (or it is new). */
  written: boolean;
  bytes: number;
  /** Site-relative links of the page that its thread had not reported before. */
  links: string[];
  /** An article or list page answered 200: it belongs in the sitemap. */
  indexable: boolean;
  lastmod: string | null;
  /** A dated article, for the news sitemap. */
  news: { title: string; date: string } | null;
  /** The list's feed written beside the page, relative to distDir. */
  feed: string | null;
  /** The data files the page was made from, relative to the data's folder (page-cache.ts). */
  deps: string[];
  error?: string;
}

export interface RenderReply {
  results: PageResult[];
}
