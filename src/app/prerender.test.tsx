import { QueryClientProvider } from '@tanstack/react-query';
import { renderToString } from 'react-dom/server';
import { StaticRouterProvider, createStaticHandler, createStaticRouter } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { strings } from '../shared/strings.ar.ts';
import { buildFixtureFiles, leadArticle } from '../test/fixtures/data.ts';
import { stubDataFetch } from '../test/fixtures/fetch-stub.ts';
import { ROUTE_TEST_TIMEOUT } from '../test/render-route.tsx';
import { createQueryClient } from './query-client.ts';
import { createRoutes } from './routes.tsx';

afterEach(() => {
  vi.unstubAllGlobals();
});

/** What a build-time prerender will do: run the loaders with a static handler, render to HTML. */
async function prerender(path: string) {
  stubDataFetch(buildFixtureFiles());
  const queryClient = createQueryClient({ queries: { retry: false } });
  const routes = createRoutes(queryClient);
  const handler = createStaticHandler(routes);
  const context = await handler.query(new Request(`http://localhost${path}`));
  if (context instanceof Response) throw new Error(`unexpected redirect for ${path}`);
  const router = createStaticRouter(handler.dataRoutes, context);
  const html = renderToString(
    <QueryClientProvider client={queryClient}>
      <StaticRouterProvider router={router} context={context} />
    </QueryClientProvider>,
  );
  return { status: context.statusCode, html };
}

describe('prerendering', { timeout: ROUTE_TEST_TIMEOUT }, () => {
  it('renders an article to HTML with its headline and date', async () => {
    const { status, html } = await prerender('/articles/a01');
    expect(status).toBe(200);
    expect(html).toContain(`<h1 class="`);
    expect(html).toContain(leadArticle.title);
    expect(html).toContain('٢٥ سبتمبر ٢٠٢٣');
  });

  it('answers an unknown article with status 404 and the 404 page', async () => {
    const { status, html } = await prerender('/articles/nope');
    expect(status).toBe(404);
    expect(html).toContain(strings.notFound.title);
  });

  it.each([
    ['/search?q=x', strings.noScript.search, strings.searchPage.loading],
    ['/saved', strings.noScript.saved, strings.loading],
  ])(
    'prerenders the %s shell with what it says without JavaScript, and its «loading» only for the app',
    async (path, notice, loading) => {
      const { html } = await prerender(path);
      const page = new DOMParser().parseFromString(html, 'text/html');
      const noscript = page.querySelector('noscript');
      expect(noscript?.textContent).toContain(notice);
      expect(noscript?.innerHTML).toContain('href="/"');
      expect(page.querySelector('[role="status"][data-needs-js]')?.textContent).toBe(loading);
    },
  );
});
