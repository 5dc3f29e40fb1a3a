import '../styles.css';
import { type DehydratedState, hydrate } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot, hydrateRoot } from 'react-dom/client';
import { createBrowserRouter, type DataRouter } from 'react-router';
import { readAppBuild } from '../data/build.ts';
import { readAppPointer } from '../shared/lib/app-pointer.ts';
import { startBuild } from '../shared/lib/data-build.ts';
import { config as configureZod } from 'zod/mini';
import { AppProviders } from './app-providers.tsx';
import { matchesLocation, readHydration } from './hydration.ts';
import { createQueryClient } from './query-client.ts';
import { registerServiceWorker } from './register-service-worker.ts';
import { createRoutes } from './routes.tsx';
import { linkWebAppManifest } from './web-app-manifest.ts';
import { cacheWebFonts } from './web-fonts.ts';

// The Content-Security-Policy forbids eval (docs/decisions/040-content-security-policy.md): zod validates
// without compiling, and never probes for eval, a probe the browser reports as a policy violation.
configureZod({ jitless: true });

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element');

// The app this page was made with: its pointer names the data folder every fetch of this tab reads until
// the reader accepts a newer build (src/features/updates). Hydration does not wait for it.
startBuild(readAppBuild(document), readAppPointer);
const queryClient = createQueryClient();
const payload = readHydration(document);
// The shards the page was built from are as fresh as this deploy: count their age from now, not from
// the build, so hydration does not refetch them.
if (payload) hydrate(queryClient, freshen(payload.queries));
const hydrating = payload !== null && matchesLocation(payload, window.location);
const router = createBrowserRouter(
  createRoutes(queryClient),
  hydrating ? { hydrationData: { loaderData: payload.loaderData } } : undefined,
);
const app = (
  <StrictMode>
    <AppProviders queryClient={queryClient} router={router} />
  </StrictMode>
);

if (hydrating) {
  hydrateRoot(container, app);
} else if (container.firstChild) {
  // A prerendered page of another URL (404.html, the /search shell): keep it on screen until the app has
  // this URL's data, then replace it in one go instead of flashing a skeleton.
  whenInitialized(router, () => createRoot(container).render(app));
} else {
  createRoot(container).render(app);
}

void cacheWebFonts();
// The dev server has no /sw.js (it is built), and a worker there would keep stale modules.
if (!import.meta.env.DEV) registerServiceWorker();
linkWebAppManifest();

function whenInitialized(r: DataRouter, then: () => void): void {
  if (r.state.initialized) return then();
  const unsubscribe = r.subscribe((state) => {
    if (!state.initialized) return;
    unsubscribe();
    then();
  });
}

function freshen(state: DehydratedState): DehydratedState {
  const now = Date.now();
  return {
    ...state,
    queries: state.queries.map((q) => ({ ...q, state: { ...q.state, dataUpdatedAt: now } })),
  };
}
