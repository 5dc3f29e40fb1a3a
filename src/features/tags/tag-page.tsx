import type { QueryClient } from '@tanstack/react-query';
import { useSuspenseQuery } from '@tanstack/react-query';
import { type LoaderFunctionArgs, useLoaderData } from 'react-router';
import { tagHref } from '../../shared/lib/hrefs.ts';
import { listQuery } from '../../shared/lib/list-query.ts';
import { listPageOf, notFound, orNotFound, toSlug } from '../../shared/lib/route-data.ts';
import { parseKey } from '../../shared/lib/route-params.ts';
import { strings } from '../../shared/strings.ar.ts';
import { ListHeader } from '../../shared/ui/list-header.tsx';
import { ListView } from '../../shared/ui/list-view.tsx';

export const tagLoader =
  (queryClient: QueryClient) =>
  async (args: LoaderFunctionArgs) => {
    const slug = parseKey(args.params.slug);
    if (slug === null) notFound();
    const page = listPageOf(args, (p) => tagHref(slug, p));
    toSlug(slug, (key) => tagHref(key, page));
    await orNotFound(queryClient.query(listQuery('tag', slug, page)));
    return { slug, page };
  };

export function TagPage() {
  const { slug, page } = useLoaderData<ReturnType<typeof tagLoader>>();
  const { data: list } = useSuspenseQuery(listQuery('tag', slug, page));

  return (
    <ListView
      list={list}
      hrefFor={(p) => tagHref(slug, p)}
      header={
        <div className="mb-6">
          <ListHeader
            eyebrow={strings.list.tagEyebrow}
            label={list.label ?? slug}
            title={strings.list.tagTitle(list.label ?? slug)}
            list={list}
          />
        </div>
      }
    />
  );
}
