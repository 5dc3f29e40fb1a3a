import type { QueryClient } from '@tanstack/react-query';
import type { RouteObject } from 'react-router';
import { articleLoader } from '../features/articles/article-loader.ts';
import { ArticlePage } from '../features/articles/article-page.tsx';
import { HomePage, homeLoader } from '../features/articles/home-page.tsx';
import { TagPage, tagLoader } from '../features/tags/tag-page.tsx';
import { OfflinePage } from '../features/saved/offline-page.tsx';
import { SavedPage } from '../features/saved/saved-page.tsx';
import { TopicPage, topicLoader } from '../features/topics/topic-page.tsx';
import { notFound } from '../shared/lib/route-data.ts';
import { AppFallback, RootLayout, rootLoader } from './root-layout.tsx';
import { RootError, RouteError } from './route-error.tsx';

/**
 * A list's first page (home, topic, tag): the pages that look for fresh news (src/features/updates). An
 * older page keeps its articles as new ones arrive (docs/decisions/031), so it has none to offer.
 */
const LIST = { list: true } as const;

/**
 * The whole route tree, built once per QueryClient: by createBrowserRouter in the app, by
 * createMemoryRouter in tests, and by createStaticHandler when pages are prerendered. Loaders await the
 * queries a view cannot render without; the view reads the same queries with useSuspenseQuery.
 */
export function createRoutes(queryClient: QueryClient): RouteObject[] {
  return [
    {
      id: 'root',
      path: '/',
      loader: rootLoader(queryClient),
      element: <RootLayout />,
      errorElement: <RootError />,
      hydrateFallbackElement: <AppFallback />,
      children: [
        {
          // Errors of a view render inside the layout, so the header and its ways out stay.
          errorElement: <RouteError />,
          children: [
            { index: true, loader: homeLoader(queryClient), element: <HomePage />, handle: LIST },
            { path: 'page/:page', loader: homeLoader(queryClient), element: <HomePage /> },
            { path: 'topics/:slug', loader: topicLoader(queryClient), element: <TopicPage />, handle: LIST },
            { path: 'topics/:slug/page/:page', loader: topicLoader(queryClient), element: <TopicPage /> },
            { path: 'tags/:slug', loader: tagLoader(queryClient), element: <TagPage />, handle: LIST },
            { path: 'tags/:slug/page/:page', loader: tagLoader(queryClient), element: <TagPage /> },
            { path: 'articles/:id', loader: articleLoader(queryClient), element: <ArticlePage /> },
            // Search and Pagefind load only when a reader opens it. Its results depend on the query string,
            // so its prerendered file is a shell the browser renders afresh, never hydrates.
            {
              path: 'search',
              handle: { clientOnly: true },
              lazy: async () => ({ Component: (await import('../features/search/search-page.tsx')).SearchPage }),
            },
            // Saved articles live on the device, and /offline is what the service worker shows for a page
            // never kept: both are shells (offline.html, saved.html) the browser renders.
            { path: 'saved', handle: { clientOnly: true }, element: <SavedPage /> },
            { path: 'offline', handle: { clientOnly: true }, element: <OfflinePage /> },
            // Anything else is the 404 page, answered with a 404 status by a static handler.
            { path: '*', loader: () => notFound() },
          ],
        },
      ],
    },
  ];
}
