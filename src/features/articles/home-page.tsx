import type { QueryClient } from '@tanstack/react-query';
import { useSuspenseQuery } from '@tanstack/react-query';
import { type LoaderFunctionArgs, useLoaderData } from 'react-router';
import { NEWEST_PAGE } from '../../data/list-pages.ts';
import { formatNumber } from '../../shared/lib/format.ts';
import { homeHref } from '../../shared/lib/hrefs.ts';
import { listDays } from '../../shared/lib/list-days.ts';
import { listQuery } from '../../shared/lib/list-query.ts';
import { manifestQuery } from '../../shared/lib/manifest-query.ts';
import { listPageOf, orNotFound } from '../../shared/lib/route-data.ts';
import { strings } from '../../shared/strings.ar.ts';
import { ListView } from '../../shared/ui/list-view.tsx';
import { ListTopicFilter } from '../../shared/ui/topic-filter.tsx';

export const homeLoader =
  (queryClient: QueryClient) =>
  async (args: LoaderFunctionArgs) => {
    const page = listPageOf(args, homeHref);
    await Promise.all([
      orNotFound(queryClient.query(listQuery('home', null, page))),
      // The counts of the topic filter: the first page's alone, as they move with every article added.
      page === NEWEST_PAGE && queryClient.query(manifestQuery()),
    ]);
    return { page };
  };

export function HomePage() {
  const { page } = useLoaderData<ReturnType<typeof homeLoader>>();
  const { data: list } = useSuspenseQuery(listQuery('home', null, page));
  const title = page > NEWEST_PAGE ? strings.pagination.titled(strings.home.heading, formatNumber(page)) : strings.home.heading;

  return (
    <ListView
      list={list}
      hrefFor={homeHref}
      header={
        <>
          <title>{title + strings.titleSuffix}</title>
          <h1 className="mb-4 text-2xl font-bold sm:text-3xl">{strings.home.heading}</h1>
          {page === NEWEST_PAGE ? (
            <ListTopicFilter active={null} />
          ) : (
            <p className="-mt-3 mb-6 text-neutral-700 dark:text-neutral-300">{listDays(list.items)}</p>
          )}
        </>
      }
    />
  );
}
