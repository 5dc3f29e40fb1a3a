import { queryOptions } from '@tanstack/react-query';
import { homePagePath, tagPagePath, topicPagePath } from '../../data/paths.ts';
import { type ListKind, listPageSchema } from '../../data/schema.ts';
import { fetchShard } from './fetch-shard.ts';

function listPath(kind: ListKind, slug: string | null, page: number): string {
  if (kind === 'home') return homePagePath(page);
  if (slug === null) throw new Error(`A ${kind} list needs a slug`);
  return kind === 'topic' ? topicPagePath(slug, page) : tagPagePath(slug, page);
}

/** One page of a list: home (slug null), a topic or a tag. */
export const listQuery = (kind: ListKind, slug: string | null, page: number) =>
  queryOptions({
    queryKey: ['list', kind, slug, page],
    queryFn: ({ signal }) => fetchShard(listPath(kind, slug, page), listPageSchema, { signal }),
  });
