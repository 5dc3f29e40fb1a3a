import { queryOptions } from '@tanstack/react-query';
import { articlePath } from '../../data/paths.ts';
import { articleSchema } from '../../data/schema.ts';
import { fetchShard } from '../../shared/lib/fetch-shard.ts';

export const articleQuery = (id: string) =>
  queryOptions({
    queryKey: ['articles', id],
    queryFn: ({ signal }) => fetchShard(articlePath(id), articleSchema, { signal }),
  });
