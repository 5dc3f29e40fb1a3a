import type { QueryClient } from '@tanstack/react-query';
import { useSuspenseQuery } from '@tanstack/react-query';
import { type LoaderFunctionArgs, redirect, useLoaderData } from 'react-router';
import { slugify } from '../../shared/lib/arabic.ts';
import { topicHref } from '../../shared/lib/hrefs.ts';
import { listQuery } from '../../shared/lib/list-query.ts';
import { manifestQuery } from '../../shared/lib/manifest-query.ts';
import { listPageOf, notFound, orNotFound, toSlug } from '../../shared/lib/route-data.ts';
import { parseKey } from '../../shared/lib/route-params.ts';
import { strings } from '../../shared/strings.ar.ts';
import { ListHeader } from '../../shared/ui/list-header.tsx';
import { ListView } from '../../shared/ui/list-view.tsx';
import { TopicFilter } from '../../shared/ui/topic-filter.tsx';

export const topicLoader = (queryClient: QueryClient) => async (args: LoaderFunctionArgs) => {
  const slug = parseKey(args.params.slug);
  if (slug === null) notFound();
  const page = listPageOf(args, (p) => topicHref(slug, p));
  toSlug(slug, (key) => topicHref(key, page));
  // A topic named as readers see it («كاراباخ») redirects to its slug («karabakh»). The manifest is
  // already in the cache once the app runs: the layout's loader reads it.
  const { topics } = await queryClient.query(manifestQuery());
  const key = slugify(slug);
  const named = topics.find((topic) => topic.slug !== slug && slugify(topic.label) === key);
  if (named) throw redirect(topicHref(named.slug, page));
  await orNotFound(queryClient.query(listQuery('topic', slug, page)));
  return { slug, page };
};

export function TopicPage() {
  const { slug, page } = useLoaderData<ReturnType<typeof topicLoader>>();
  const { data: list } = useSuspenseQuery(listQuery('topic', slug, page));
  const { data: manifest } = useSuspenseQuery(manifestQuery());

  return (
    <ListView
      list={list}
      hrefFor={(p) => topicHref(slug, p)}
      header={
        <>
          <ListHeader
            eyebrow={strings.list.topicEyebrow}
            label={list.label ?? slug}
            total={list.total}
            page={page}
          />
          <div className="mb-6">
            <TopicFilter topics={manifest.topics} total={manifest.counts.articles} active={slug} />
          </div>
        </>
      }
    />
  );
}
