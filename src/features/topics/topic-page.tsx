import type { QueryClient } from '@tanstack/react-query';
import { useSuspenseQuery } from '@tanstack/react-query';
import { type LoaderFunctionArgs, redirect, useLoaderData } from 'react-router';
import { NEWEST_PAGE } from '../../data/list-pages.ts';
import { slugify } from '../../shared/lib/arabic.ts';
import { topicHref } from '../../shared/lib/hrefs.ts';
import { listQuery } from '../../shared/lib/list-query.ts';
import { manifestQuery } from '../../shared/lib/manifest-query.ts';
import { topicListQuery } from '../../shared/lib/topic-list-query.ts';
import { listPageOf, notFound, orNotFound, toSlug } from '../../shared/lib/route-data.ts';
import { parseKey } from '../../shared/lib/route-params.ts';
import { strings } from '../../shared/strings.ar.ts';
import { ListHeader } from '../../shared/ui/list-header.tsx';
import { ListView } from '../../shared/ui/list-view.tsx';
import { ListTopicFilter } from '../../shared/ui/topic-filter.tsx';

export const topicLoader = (queryClient: QueryClient) => async (args: LoaderFunctionArgs) => {
  const slug = parseKey(args.params.slug);
  if (slug === null) notFound();
  const page = listPageOf(args, (p) => topicHref(slug, p));
  toSlug(slug, (key) => topicHref(key, page));
  // A topic named as readers see it («كاراباخ») redirects to its slug («karabakh»). The topics are
  // already in the cache once the app runs: the layout's loader reads them.
  const { topics } = await queryClient.query(topicListQuery());
  const key = slugify(slug);
  const named = topics.find((topic) => topic.slug !== slug && slugify(topic.label) === key);
  if (named) throw redirect(topicHref(named.slug, page));
  await Promise.all([
    orNotFound(queryClient.query(listQuery('topic', slug, page))),
    // The counts of the topic filter, on the first page alone (home-page.tsx).
    page === NEWEST_PAGE && queryClient.query(manifestQuery()),
  ]);
  return { slug, page };
};

export function TopicPage() {
  const { slug, page } = useLoaderData<ReturnType<typeof topicLoader>>();
  const { data: list } = useSuspenseQuery(listQuery('topic', slug, page));

  return (
    <ListView
      list={list}
      hrefFor={(p) => topicHref(slug, p)}
      header={
        <>
          <ListHeader
            eyebrow={strings.list.topicEyebrow}
            label={list.label ?? slug}
            list={list}
          />
          {page === NEWEST_PAGE ? <ListTopicFilter active={slug} /> : <div className="mb-6" />}
        </>
      }
    />
  );
}
