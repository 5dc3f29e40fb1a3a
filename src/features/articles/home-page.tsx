import type { QueryClient } from '@tanstack/react-query';
import { useSuspenseQuery } from '@tanstack/react-query';
import { type LoaderFunctionArgs, useLoaderData } from 'react-router';
import { formatNumber } from '../../shared/lib/format.ts';
import { homeHref } from '../../shared/lib/hrefs.ts';
import { listQuery } from '../../shared/lib/list-query.ts';
import { manifestQuery } from '../../shared/lib/manifest-query.ts';
import { listPageOf, orNotFound } from '../../shared/lib/route-data.ts';
import { strings } from '../../shared/strings.ar.ts';
import { ListView } from '../../shared/ui/list-view.tsx';
import { TopicFilter } from '../../shared/ui/topic-filter.tsx';

export const homeLoader =
  (queryClient: QueryClient) =>
  async (args: LoaderFunctionArgs) => {
    const page = listPageOf(args, homeHref);
    await Promise.all([
      orNotFound(queryClient.query(listQuery('home', null, page))),
      queryClient.query(manifestQuery()),
    ]);
    return { page };
  };

export function HomePage() {
  const { page } = useLoaderData<ReturnType<typeof homeLoader>>();
  const { data: list } = useSuspenseQuery(listQuery('home', null, page));
  const { data: manifest } = useSuspenseQuery(manifestQuery());
  const title = page > 1 ? strings.pagination.titled(strings.home.heading, formatNumber(page)) : strings.home.heading;

  return (
    <ListView
      list={list}
      hrefFor={homeHref}
      header={
        <>
          <title>{title + strings.titleSuffix}</title>
          <h1 className="mb-4 text-2xl font-bold sm:text-3xl">{strings.home.heading}</h1>
          <div className="mb-6">
            <TopicFilter topics={manifest.topics} total={manifest.counts.articles} active={null} />
          </div>
        </>
      }
    />
  );
}
