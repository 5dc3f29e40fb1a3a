import { queryOptions } from '@tanstack/react-query';
import { getSearchEngine } from './pagefind-client.ts';
import type { SearchParams } from './search-params.ts';

/** One search state's results; the index never changes while the page is open, so they stay fresh. */
export const searchQuery = (params: SearchParams) =>
  queryOptions({
    queryKey: ['search', params],
    queryFn: async () => (await getSearchEngine()).search(params),
    staleTime: Infinity,
  });

/** The same search with every topic and tag counted: fetched after the results, for the facets. */
export const searchFacetsQuery = (params: SearchParams) =>
  queryOptions({
    queryKey: ['search', 'facets', params],
    queryFn: async () => (await getSearchEngine()).search(params, { facets: true }),
    staleTime: Infinity,
    select: (outcome) => outcome.facets,
  });
