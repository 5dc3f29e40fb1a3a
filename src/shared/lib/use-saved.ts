import { useSyncExternalStore } from 'react';
import { type SavedList, savedSnapshot, serverSavedSnapshot, subscribeSaved } from './saved-list.ts';

/** The device's saved articles, latest first; empty and not ready while prerendering and hydrating. */
export function useSavedArticles(): SavedList {
  return useSyncExternalStore(subscribeSaved, savedSnapshot, serverSavedSnapshot);
}
