/**
 * What each prerendered page was made from, so the next build renders only the pages whose inputs changed
 * (docs/decisions/030-incremental-ingest.md, eleventh round). A page's inputs are the data files its
 * loaders read (and, for a list, the pages its feed reads), each known by its inode, size and mtime: the
 * ingest never writes into a file it wrote, so a changed file is a new inode, and an unchanged one keeps
 * all three. Everything else a page depends on (the app's template and render code, the site's origin)
 * is one key for the whole cache: when it moves, every page is rendered again.
 *
 * The next build starts its crawl from every page the cache knows as well as from the roots, so a page
 * reached only through pages that are not rendered again is still there; a page the data no longer has
 * reads a file that is gone, so it is rendered again, answers 404 and is removed from the site.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { DataChanges } from '../ingest/data-changes.ts';
import type { PageResult } from './protocol.ts';

/** Bumped when the file's shape changes. */
const FORMAT = 2;

/** What the crawl needs of a page it does not render again. */
export type KeptPage = Omit<PageResult, 'links' | 'written' | 'error' | 'deps'>;

/** A rendered page, as the cache keeps it. */
export function keptOf(r: PageResult): KeptPage {
  const { path, status, file, bytes, indexable, lastmod, news, feed } = r;
  return { path, status, file, bytes, indexable, lastmod, news, feed };
}

interface Entry {
  /** Indexes into the cache's `files`. */
  deps: number[];
  page: KeptPage;
}

interface CacheFile {
  format: number;
  global: string;
  /** The data id the pages were made from. */
  data: string;
  /** Every data file a page read, and beside it (`stamps`) its inode, size and mtime in that build. */
  files: string[];
  stamps: string[];
  pages: Record<string, Entry>;
}

/** The key for everything but the data: equal keys, the same page from the same data files. */
export function globalKey(parts: readonly string[]): string {
  const hash = createHash('sha256').update(String(FORMAT));
  for (const part of parts) hash.update(`\0${part}`);
  return hash.digest('hex');
}

export class PageCache {
  private readonly next: CacheFile;
  private readonly previous: CacheFile | null;
  private readonly fileIndex = new Map<string, number>();
  /** Whether each of the previous build's files is as it was then, once asked. */
  private readonly same = new Map<number, boolean>();
  private readonly stamps = new Map<string, string>();

  /**
   * The cache at `file`, used only if it was made with `global` and is whole (else, and with `full`, every
   * page is rendered); `dataDir` is the folder the deps are read from, the ingest's output `dataId`. When
   * the ingest's `changes` start from the data the cache was made from, a file they do not name keeps its
   * stamp unlooked-at (150,000 stats at 100,000 articles).
   */
  constructor(
    private readonly file: string,
    global: string,
    private readonly dataDir: string,
    dataId: string,
    full = false,
    changes: DataChanges | null = null,
  ) {
    this.next = { format: FORMAT, global, data: dataId, files: [], stamps: [], pages: {} };
    this.previous = full ? null : read(file, global);
    if (this.previous && changes?.from === this.previous.data) {
      const changed = new Set(changes.paths);
      const { files, stamps } = this.previous;
      for (const [i, dep] of files.entries()) if (!changed.has(dep)) this.stamps.set(dep, stamps[i]!);
    }
  }

  /** The last build was made from this very data, with the same app and site: its pages are this one's. */
  sameBuild(): boolean {
    return this.previous?.data === this.next.data;
  }

  /** The pages of the last build, and their bytes. */
  lastBuild(): { pages: number; bytes: number } {
    const pages = Object.values(this.previous?.pages ?? {});
    return { pages: pages.length, bytes: pages.reduce((sum, entry) => sum + (entry.page?.bytes ?? 0), 0) };
  }

  /** Every page the previous build rendered, to start the crawl from. */
  knownPaths(): string[] {
    return this.previous ? Object.keys(this.previous.pages) : [];
  }

  /** Whether the previous build rendered this page. */
  knew(pagePath: string): boolean {
    return this.previous?.pages[pagePath] !== undefined;
  }

  /** The page as the previous build made it, when none of its inputs changed; else null. */
  unchanged(pagePath: string): KeptPage | null {
    const previous = this.previous;
    const entry = previous?.pages[pagePath];
    if (!previous || !entry || !Array.isArray(entry.deps)) return null;
    for (const i of entry.deps) {
      let same = this.same.get(i);
      if (same === undefined) {
        same = previous.files[i] !== undefined && this.stamp(previous.files[i]) === previous.stamps[i];
        this.same.set(i, same);
      }
      if (!same) return null;
    }
    this.remember(
      pagePath,
      entry.page,
      entry.deps.map((i) => previous.files[i]!),
    );
    return entry.page;
  }

  /** Records a page rendered (or kept) this build with the data files it read. */
  remember(pagePath: string, page: KeptPage, deps: readonly string[]): void {
    const indexes = deps.map((dep) => {
      let i = this.fileIndex.get(dep);
      if (i === undefined) {
        i = this.next.files.push(dep) - 1;
        this.next.stamps.push(this.stamp(dep));
        this.fileIndex.set(dep, i);
      }
      return i;
    });
    this.next.pages[pagePath] = { deps: indexes, page };
  }

  /** Removes the last build's cache: the site is about to change, and until it is whole no cache is true of it. */
  forget(): void {
    rmSync(this.file, { force: true });
  }

  /** Writes the cache for the next build, by a rename: a build killed before this leaves the last one. */
  save(): void {
    mkdirSync(path.dirname(this.file), { recursive: true });
    writeFileSync(`${this.file}.tmp`, JSON.stringify(this.next));
    renameSync(`${this.file}.tmp`, this.file);
  }

  /** A data file as the ingest left it: a changed file is a new inode (this module's header). */
  private stamp(dep: string): string {
    let stamp = this.stamps.get(dep);
    if (stamp === undefined) {
      try {
        const s = statSync(path.join(this.dataDir, dep), { bigint: true });
        stamp = `${s.ino}:${s.size}:${s.mtimeNs}`;
      } catch {
        stamp = 'none';
      }
      this.stamps.set(dep, stamp);
    }
    return stamp;
  }
}

function read(file: string, global: string): CacheFile | null {
  try {
    const parsed = JSON.parse(readFileSync(file, 'utf8')) as CacheFile;
    if (parsed.format !== FORMAT || parsed.global !== global || typeof parsed.pages !== 'object') return null;
    if (!Array.isArray(parsed.files) || !Array.isArray(parsed.stamps)) return null;
    return parsed;
  } catch {
    return null;
  }
}
