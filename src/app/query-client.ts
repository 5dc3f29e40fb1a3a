import { QueryClient, type QueryClientConfig } from '@tanstack/react-query';
import { isRetryable } from '../shared/lib/fetch-shard.ts';

/** Shards change only when the site is deployed again. */
const STALE_TIME = 60 * 60 * 1000;

/** Keeps lists in memory long enough for the back button to be instant. */
const GC_TIME = 30 * 60 * 1000;

export function createQueryClient(overrides: QueryClientConfig['defaultOptions'] = {}): QueryClient {
  return new QueryClient({
    defaultOptions: {
      ...overrides,
      queries: {
        staleTime: STALE_TIME,
        gcTime: GC_TIME,
        // Twice for a dropped connection or a server hiccup; never for a missing shard or bad data, nor
        // while the browser knows it is offline: then the service worker's copy was the only chance.
        retry: (failureCount, error) => failureCount < 2 && isRetryable(error) && !knownOffline(),
        // Offline, try once anyway: the service worker may hold the shard (the default would wait).
        networkMode: 'offlineFirst',
        refetchOnWindowFocus: false,
        ...overrides.queries,
      },
    },
  });
}

function knownOffline(): boolean {
  return typeof navigator !== 'undefined' && navigator.onLine === false;
}
