/**
 * What the page knows of the saved articles: the list React renders (through useSyncExternalStore) and who
 * listens to it. The device's store (saved-articles.ts: IndexedDB, validation, fetching the whole article)
 * loads on first use, off the first view's bytes. The server snapshot is empty, so a prerendered page and
 * its hydration agree and the device's list shows right after hydration.
 */
import type { Article, ArticleSummary } from '../../data/schema.ts';
import type { SavedEntry } from './saved-articles.ts';

/** The list, latest saved first; `ready` once the device's list has been read. */
export interface SavedList {
  ready: boolean;
  entries: readonly SavedEntry[];
}

const NOT_READ: SavedList = Object.freeze({ ready: false, entries: Object.freeze([]) });
/** Characters of the first paragraph a card shows for an article saved from its own page. */
const EXCERPT_CHARS = 160;

let snapshot: SavedList = NOT_READ;
const listeners = new Set<() => void>();

export const savedStore = () => import('./saved-articles.ts');

export function publishSaved(entries: readonly SavedEntry[]): void {
  snapshot = { ready: true, entries: [...entries].sort((a, b) => b.savedAt - a.savedAt) };
  for (const listener of listeners) listener();
}

export function subscribeSaved(listener: () => void): () => void {
  listeners.add(listener);
  void savedStore().then((store) => store.loadSaved());
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
