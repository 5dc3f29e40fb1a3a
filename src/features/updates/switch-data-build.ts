/**
 * Moves an open tab to a newer build's data as a whole: from now on every fetch goes to the new build's
 * folder, nothing of the old build stays in memory (views not on screen are dropped), and the views on
 * screen are refetched in place, so the reader keeps their place while the list changes under them.
 */
import type { QueryClient } from '@tanstack/react-query';
import { setDataBuild } from '../../shared/lib/data-build.ts';

/** False when a view on screen could not be read from the new build (gone from it, or offline). */
export async function switchDataBuild(queryClient: QueryClient, build: string): Promise<boolean> {
  setDataBuild(build);
  queryClient.removeQueries({ type: 'inactive' });
  await queryClient.refetchQueries({ type: 'active' });
  return !queryClient
    .getQueryCache()
    .findAll({ type: 'active' })
    .some((query) => query.state.status === 'error');
}
