import { queryOptions } from '@tanstack/react-query';
import { manifestPath } from '../../data/paths.ts';
import { manifestSchema } from '../../data/schema.ts';
import { fetchShard } from './fetch-shard.ts';

export const manifestQuery = () =>
  queryOptions({
    queryKey: ['manifest'],
    queryFn: ({ signal }) => fetchShard(manifestPath(), manifestSchema, { signal }),
  });
