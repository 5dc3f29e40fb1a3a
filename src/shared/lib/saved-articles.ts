/**
 * The reader's saved articles («المحفوظات»), kept on the device in IndexedDB through idb-keyval
 * (docs/decisions/045-saved-articles-and-offline.md). Each entry holds what a card needs and, once
 * fetched, the whole article, so a saved article reads offline even when the service worker's caches
 * were emptied or the data moved to a new build's path.
 *
 * React reads the list through useSyncExternalStore: the server snapshot is empty, so a prerendered page
 * and its hydration agree, and the device's list shows right after hydration.
 */
import { createStore, del, entries, get, set, type UseStore } from 'idb-keyval';
import * as z from 'zod/mini';
import { articlePath } from '../../data/paths.ts';
import { type Article, type ArticleSummary, articleSchema, articleSummarySchema } from '../../data/schema.ts';
import { fetchShard } from './fetch-shard.ts';
import { articleHref } from './hrefs.ts';
import { PAGES_CACHE } from './offline-caches.ts';

const savedEntrySchema = z.object({
  summary: articleSummarySchema,
  /** Null until the whole article is fetched (saving from a card fetches it). */
  article: z.nullable(articleSchema),
  /** Milliseconds since the epoch: the list shows the latest saved first. */
  savedAt: z.number(),
});
export type SavedEntry = z.infer<typeof savedEntrySchema>;

/** The list, latest saved first; `ready` once the device's list has been read. */
export interface SavedList {
  ready: boolean;
  entries: readonly SavedEntry[];
}

const NOT_READ: SavedList = Object.freeze({ ready: false, entries: Object.freeze([]) });
/** Characters of the first paragraph a card shows for an article saved from its own page. */
const EXCERPT_CHARS = 160;

let db: UseStore | null = null;
let snapshot: SavedList = NOT_READ;
let loaded: Promise<void> | null = null;
const listeners = new Set<() => void>();

function store(): UseStore {
  db ??= createStore('news-reader', 'saved');
  return db;
}

function publish(next: readonly SavedEntry[]): void {
  snapshot = { ready: true, entries: [...next].sort((a, b) => b.savedAt - a.savedAt) };
  for (const listener of listeners) listener();
}

/** Reads the device's list once; entries that no longer match the schema (an older build's) are skipped. */
function load(): Promise<void> {
  loaded ??= entries(store())
    .then((rows) => {
      const valid = rows.flatMap(([, value]) => {
        const parsed = savedEntrySchema.safeParse(value);
        return parsed.success ? [parsed.data] : [];
      });
      publish(valid);
    })
    .catch(() => {
      // No IndexedDB (a private window in some browsers): the list stays empty and saving does nothing.
      publish([]);
    });
  return loaded;
}

export function subscribeSaved(listener: () => void): () => void {
  listeners.add(listener);
  void load();
  return () => listeners.delete(listener);
}

export const savedSnapshot = (): SavedList => snapshot;
export const serverSavedSnapshot = (): SavedList => NOT_READ;

/** The card of an article saved from its own page. */
export function summaryOf(article: Article): ArticleSummary {
  const first = article.body[0] ?? '';
  const excerpt =
    first.length > EXCERPT_CHARS ? `${first.slice(0, first.lastIndexOf(' ', EXCERPT_CHARS)).trim()}…` : first;
  return {
    id: article.id,
    title: article.title,
    date: article.date,
    source: article.source,
    excerpt,
    topics: article.topics,
  };
}

async function put(entry: SavedEntry): Promise<void> {
  await set(entry.summary.id, entry, store());
  publish([...snapshot.entries.filter((e) => e.summary.id !== entry.summary.id), entry]);
}

/**
 * Saves an article: the card at once, then the whole article (fetched when only the summary is at hand)
 * and its page in the service worker's page cache, so it reads offline even if it was never opened.
 */
export async function saveArticle(summary: ArticleSummary, article: Article | null = null): Promise<void> {
  await load();
  const entry: SavedEntry = { summary, article, savedAt: Date.now() };
  await put(entry);
  await Promise.allSettled([
    article ? Promise.resolve() : keepWholeArticle(entry),
    typeof caches === 'undefined'
      ? Promise.resolve()
      : caches.open(PAGES_CACHE).then((cache) => cache.add(articleHref(summary.id))),
  ]);
}

async function keepWholeArticle(entry: SavedEntry): Promise<void> {
  const article = await fetchShard(articlePath(entry.summary.id), articleSchema);
  // Removed meanwhile: do not bring it back.
  if (!snapshot.entries.some((e) => e.summary.id === entry.summary.id)) return;
  await put({ ...entry, article });
}

export async function removeSaved(id: string): Promise<void> {
  await load();
  await del(id, store());
  publish(snapshot.entries.filter((e) => e.summary.id !== id));
}

/** The whole saved article, for reading it when the network is gone. */
export async function savedArticle(id: string): Promise<Article | null> {
  try {
    const parsed = savedEntrySchema.safeParse(await get(id, store()));
    return parsed.success ? parsed.data.article : null;
  } catch {
    return null;
  }
}
