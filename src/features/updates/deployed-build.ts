/**
 * Is a newer build deployed than the one this tab reads? `/data/build.json` (never cached) names the
 * deployed build. An open list page asks when the tab becomes visible again and every few minutes while
 * it is visible; a hidden tab never polls.
 */
import { queryOptions } from '@tanstack/react-query';
import { BUILD_FILE, buildInfoSchema, type BuildInfo } from '../../data/build.ts';
import { dataBase } from '../../shared/lib/data-build.ts';
import { fetchJson } from '../../shared/lib/fetch-shard.ts';

export const CHECK_INTERVAL_MS = 5 * 60 * 1000;

/** What a newer deploy means for an open tab. */
export type Update = 'none' | 'articles' | 'app';

/**
 * New data for the same app can be swapped in; new app code cannot (an old app must not parse new data),
 * so it needs a reload. A page that names no build (the dev server) never asks.
 */
export function updateFor(deployed: BuildInfo, running: { app: string | null; data: string | null }): Update {
  if (running.app === null || running.data === null) return 'none';
  if (deployed.app !== running.app) return 'app';
  return deployed.data === running.data ? 'none' : 'articles';
}

export const deployedBuildQuery = () =>
  queryOptions({
    queryKey: ['build'],
    queryFn: ({ signal }) =>
      fetchJson(`${dataBase()}${BUILD_FILE}`, buildInfoSchema, { signal, cache: 'no-cache' }),
    staleTime: 0,
    // TanStack Query refetches on visibilitychange and skips the interval while the tab is hidden
    // (refetchIntervalInBackground stays false).
    refetchOnWindowFocus: true,
    refetchInterval: CHECK_INTERVAL_MS,
    // A failed check is simply made again at the next interval or return to the tab.
    retry: false,
  });
