/**
 * Renders one URL of the app to HTML, as the build's prerenderer needs it: the same route tree, loaders and
 * components as the browser, through React Router's static handler. Data comes through the global fetch,
 * which the prerenderer points at the built data folder.
 */
import { type DehydratedState, QueryClientProvider, dehydrate } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { renderToString } from 'react-dom/server';
import { StaticRouterProvider, createStaticHandler, createStaticRouter } from 'react-router';
import type { Article, ListPage } from '../data/schema.ts';
import { decodeHtmlEntities } from '../shared/lib/html-entities.ts';
import type { HydrationPayload } from './hydration.ts';
import { createQueryClient } from './query-client.ts';
import { createRoutes } from './routes.tsx';
import { topicListQuery } from '../shared/lib/topic-list-query.ts';

/** What the page shows, for its head, feeds and sitemap. */
export type PageView =
  | { kind: 'article'; article: Article }
  | { kind: 'list'; list: ListPage }
  | { kind: 'other' };

export type RenderedPage =
  | { kind: 'redirect'; status: number; location: string }
  | {
      kind: 'page';
      status: number;
      /** The document title the page's components set. */
      title: string;
      /** The markup inside `#root`. */
      html: string;
      hydration: HydrationPayload;
      view: PageView;
    };

/** The query every page reads (the root loader's), kept from one page to the next. */
export const KEPT_QUERY = topicListQuery().queryKey[0];

/** A leading run of elements React hoists into the head (<title>, <meta>, <link>) when rendering a subtree. */
const HOISTED = /^(?:<(?:title|meta|link)\b[^>]*>(?:[^<]*<\/title>)?)*/;

export function createPageRenderer(origin = 'http://localhost') {
  const queryClient = createQueryClient({ queries: { retry: false } });
  const handler = createStaticHandler(createRoutes(queryClient));

  return async function renderPage(path: string): Promise<RenderedPage> {
    // Each page dehydrates only what it read; the topic list, read by every page, is kept between pages.
    queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== KEPT_QUERY || q.state.status !== 'success' });
    const context = await handler.query(new Request(new URL(path, origin)));
    if (context instanceof Response) {
      return { kind: 'redirect', status: context.status, location: context.headers.get('Location') ?? '/' };
    }
    const router = createStaticRouter(handler.dataRoutes, context);
    const markup = renderToString(
      <StrictMode>
        <QueryClientProvider client={queryClient}>
          <StaticRouterProvider router={router} context={context} hydrate={false} />
        </QueryClientProvider>
      </StrictMode>,
    );
    const hoisted = HOISTED.exec(markup)?.[0] ?? '';
    const title = /<title>([^<]*)<\/title>/.exec(hoisted)?.[1] ?? '';
    const clientOnly = context.matches.some((m) => (m.route.handle as { clientOnly?: boolean } | undefined)?.clientOnly);

    return {
      kind: 'page',
      status: context.statusCode,
      // React escapes text as HTML; the head builder escapes again, so the title travels as plain text.
      title: decodeHtmlEntities(title),
      html: markup.slice(hoisted.length),
      hydration: {
        path,
        hydrate: context.errors === null && !clientOnly,
        loaderData: context.loaderData,
        queries: timeless(dehydrate(queryClient)),
      },
      view: viewOf(queryClient.getQueryCache().getAll().map((q) => ({ key: q.queryKey, data: q.state.data }))),
    };
  };
}

/** The same data makes the same bytes: the build's clock stays out (the browser counts age from its own). */
function timeless(state: DehydratedState): DehydratedState {
  return { ...state, queries: state.queries.map((q) => ({ ...q, dehydratedAt: 0, state: { ...q.state, dataUpdatedAt: 0 } })) };
}

function viewOf(queries: Array<{ key: readonly unknown[]; data: unknown }>): PageView {
  const find = (resource: string) => queries.find((q) => q.key[0] === resource && q.data !== undefined)?.data;
  const article = find('articles') as Article | undefined;
  if (article) return { kind: 'article', article };
  const list = find('list') as ListPage | undefined;
  if (list) return { kind: 'list', list };
  return { kind: 'other' };
}

