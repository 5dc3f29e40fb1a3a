import { queryOptions } from '@tanstack/react-query';
import { topicListPath } from '../../data/paths.ts';
import { topicListSchema } from '../../data/schema.ts';
import { fetchShard } from './fetch-shard.ts';

export const topicListQuery = () =>
  queryOptions({
    queryKey: ['topics'],
    queryFn: ({ signal }) => fetchShard(topicListPath(), topicListSchema, { signal }),
  });
