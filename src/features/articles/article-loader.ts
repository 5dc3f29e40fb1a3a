import type { QueryClient } from '@tanstack/react-query';
import type { LoaderFunctionArgs } from 'react-router';
import { notFound, orNotFound } from '../../shared/lib/route-data.ts';
import { parseKey } from '../../shared/lib/route-params.ts';
import { articleQuery } from './article-query.ts';

export const articleLoader =
  (queryClient: QueryClient) =>
  async ({ params }: LoaderFunctionArgs) => {
    const id = parseKey(params.id);
    if (id === null) notFound();
    await orNotFound(queryClient.query(articleQuery(id)));
    return { id };
  };
