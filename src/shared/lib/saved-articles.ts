/**
 * The reader's saved articles («المحفوظات»), kept on the device in IndexedDB through idb-keyval
 * (docs/decisions/045-saved-articles-and-offline.md). Each entry holds what a card needs and, once
 * fetched, the whole article, so a saved article reads offline even when the service worker's caches
 * were emptied or the data moved to a new build's path. Loaded on first use (saved-list.ts).
 */
import { createStore, del, entries, get, set, type UseStore } from 'idb-keyval';
import * as z from 'zod/mini';
import { articlePath } from '../../data/paths.ts';
import { type Article, type ArticleSummary, articleSchema, articleSummarySchema } from '../../data/schema.ts';
import { fetchShard } from './fetch-shard.ts';
import { articleHref } from './hrefs.ts';
import { PAGES_CACHE } from './offline-caches.ts';
import { publishSaved, savedSnapshot } from './saved-list.ts';

const savedEntrySchema = z.object({
  summary: articleSummarySchema,
  /** Null until the whole article is fetched (saving from a card fetches it). */
  article: z.nullable(articleSchema),
  /** Milliseconds since the epoch: the list shows the latest saved first. */
  savedAt: z.number(),
});
export type SavedEntry = z.infer<typeof savedEntrySchema>;

let db: UseStore | null = null;
let loaded: Promise<void> | null = null;

function store(): UseStore {
  db ??= createStore('news-reader', 'saved');
  return db;
}

const current = () => savedSnapshot().entries;

/** Reads the device's list once; entries that no longer match the schema (an older build's) are skipped. */
export function loadSaved(): Promise<void> {
  loaded ??= Promise.resolve()
    .then(() => entries(store()))
    .then((rows) => {
      publishSaved(
        rows.flatMap(([, value]) => {
          const parsed = savedEntrySchema.safeParse(value);
          return parsed.success ? [parsed.data] : [];
        }),
      );
    })
    .catch(() => {
      // No IndexedDB (a private window in some browsers): the list stays empty and saving does nothing.
      publishSaved([]);
    });
  return loaded;
}

async function put(entry: SavedEntry): Promise<void> {
  await set(entry.summary.id, entry, store());
  publishSaved([...current().filter((e) => e.summary.id !== entry.summary.id), entry]);
}

/**
 * Saves an article: the card at once, then the whole article (fetched when only the summary is at hand)
 * and its page in the service worker's page cache, so it reads offline even if it was never opened.
 */
export async function saveArticle(summary: ArticleSummary, article: Article | null = null): Promise<void> {
  await loadSaved();
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
  const { id } = entry.summary;
  const article = await fetchShard(articlePath(id), articleSchema);
  const isSaved = () => current().some((e) => e.summary.id === id);
  // Removed meanwhile: do not bring it back.
  if (!isSaved()) return;
  const whole = { ...entry, article };
  await set(id, whole, store());
  // Removed while it was written: its deletion may have reached the device first, so delete it again.
  if (!isSaved()) return del(id, store());
  publishSaved(current().map((e) => (e.summary.id === id ? whole : e)));
}

export async function removeSaved(id: string): Promise<void> {
  await loadSaved();
  await del(id, store());
  publishSaved(current().filter((e) => e.summary.id !== id));
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
