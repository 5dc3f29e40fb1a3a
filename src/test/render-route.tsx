import { configure, render } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createMemoryRouter } from 'react-router';
import { vi } from 'vitest';
import { AppProviders } from '../app/app-providers.tsx';
import { createQueryClient } from '../app/query-client.ts';
import { createRoutes } from '../app/routes.tsx';
import { readAppPointer } from '../shared/lib/app-pointer.ts';
import { startBuild } from '../shared/lib/data-build.ts';
import { buildFixtureFiles } from './fixtures/data.ts';
import { type FetchOverride, stubDataFetch } from './fixtures/fetch-stub.ts';

// No style sheets load in jsdom, so the per-element visibility check of role queries (getComputedStyle up
// the tree) buys nothing and makes each query slow on a page of 24 cards. (The wait for what a test looks
// for is set for every UI test, in setup.ts.)
configure({ defaultHidden: true });

/** A route test renders the whole app and navigates; on a loaded 2-core machine that can pass 5 s. */
export const ROUTE_TEST_TIMEOUT = 20_000;

export interface RenderRouteOptions {
  files?: Map<string, unknown>;
  override?: FetchOverride;
  /** Start as a built page of this app would (main.tsx): read the app's pointer, then its data folder. */
  app?: string;
}

/** The real route tree in a memory router, a fresh QueryClient, fixture shards behind a stubbed fetch. */
export function renderRoute(url: string, { files = buildFixtureFiles(), override, app }: RenderRouteOptions = {}) {
  const fetchMock = stubDataFetch(files, override);
  if (app !== undefined) startBuild(app, readAppPointer);
  // jsdom has no scrolling; ScrollRestoration calls it on every navigation.
  vi.stubGlobal('scrollTo', () => {});
  // Retries are the client's business in production; here a failure must show at once.
  const queryClient = createQueryClient({ queries: { retry: false } });
  const router = createMemoryRouter(createRoutes(queryClient), { initialEntries: [url] });
  const user = userEvent.setup();
  const result = render(<AppProviders queryClient={queryClient} router={router} />);
  return { ...result, router, queryClient, fetchMock, user };
}
