import { queryOptions } from '@tanstack/react-query';
import { articlePath } from '../../data/paths.ts';
import { articleSchema } from '../../data/schema.ts';
import { fetchShard } from '../../shared/lib/fetch-shard.ts';
import { savedStore } from '../../shared/lib/saved-list.ts';

export const articleQuery = (id: string) =>
  queryOptions({
    queryKey: ['articles', id],
    queryFn: async ({ signal }) => {
      try {
        return await fetchShard(articlePath(id), articleSchema, { signal });
      } catch (error) {
        // No network and no cached shard: an article the reader saved still reads from the device.
        const saved = error instanceof TypeError ? await (await savedStore()).savedArticle(id) : null;
        if (saved) return saved;
        throw error;
      }
    },
  });
