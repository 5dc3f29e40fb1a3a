import { useQueryClient } from '@tanstack/react-query';
import { isRouteErrorResponse, useRevalidator, useRouteError } from 'react-router';
import { AppLink } from '../shared/ui/app-link.tsx';
import { OfflinePage } from '../features/saved/offline-page.tsx';
import {
  GarbledResponseError,
  HttpError,
  InvalidDataError,
  NotFoundError,
  UnknownDataBuildError,
} from '../shared/lib/fetch-shard.ts';
import { homeHref } from '../shared/lib/hrefs.ts';
import { useOnline } from '../shared/lib/use-online.ts';
import { strings } from '../shared/strings.ar.ts';
import { AppShell } from './app-shell.tsx';
import { NotFoundPage } from './not-found-page.tsx';

function isNotFound(error: unknown): boolean {
  return (isRouteErrorResponse(error) && error.status === 404) || error instanceof NotFoundError;
}

function explain(error: unknown): string {
  if (error instanceof InvalidDataError) return strings.error.invalidData;
  if (
    error instanceof TypeError ||
    error instanceof HttpError ||
    error instanceof GarbledResponseError ||
    error instanceof UnknownDataBuildError
  ) {
    return strings.error.network;
  }
  return strings.error.generic;
}

function technicalMessage(error: unknown): string {
  if (isRouteErrorResponse(error)) return `${error.status} ${error.statusText}`;
  if (error instanceof Error) return `${error.name}: ${error.message}`;
  return String(error);
}

/** A view's error: the 404 page for anything missing, else what went wrong and a way to try again. */
export function RouteError() {
  const error = useRouteError();
  const online = useOnline();
  if (isNotFound(error)) return <NotFoundPage />;
  // Offline, a page this device never kept: say so, and offer the saved articles, which do read.
  if (!online && error instanceof TypeError) return <OfflinePage />;
  return <ErrorView error={error} />;
}

/** The manifest itself failed: no topics to show, but the frame and a retry still work. */
export function RootError() {
  return (
    <AppShell topics={null}>
      <RouteError />
    </AppShell>
  );
}

function ErrorView({ error }: { error: unknown }) {
  const queryClient = useQueryClient();
  const revalidator = useRevalidator();

  const retry = () => {
    // A failed query would otherwise answer the loader from the cache with the same error.
    queryClient.removeQueries({ predicate: (query) => query.state.status === 'error' });
    void revalidator.revalidate();
  };

  return (
    <section className="mx-auto flex max-w-[70ch] flex-col items-start gap-4 py-10">
      <title>{strings.error.title + strings.titleSuffix}</title>
      <h1 className="text-3xl font-bold">{strings.error.title}</h1>
      <p role="alert" className="text-lg leading-[1.9] text-neutral-800 dark:text-neutral-200">
        {explain(error)}
      </p>
      <div className="flex flex-wrap gap-3">
        <button
          type="button"
          onClick={retry}
          disabled={revalidator.state === 'loading'}
          className="rounded-md bg-red-800 px-5 py-2.5 font-bold text-white hover:bg-red-900 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-red-800 disabled:opacity-60 dark:bg-red-300 dark:text-neutral-950 dark:hover:bg-red-200 dark:focus-visible:outline-red-300"
        >
          {strings.error.retry}
        </button>
        <AppLink
          to={homeHref()}
          className="rounded-md border border-neutral-300 px-5 py-2.5 font-bold hover:bg-neutral-100 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-red-800 dark:border-neutral-600 dark:hover:bg-neutral-800 dark:focus-visible:outline-red-300"
        >
          {strings.error.home}
        </AppLink>
      </div>
      <details className="w-full text-sm text-neutral-700 dark:text-neutral-300">
        <summary className="cursor-pointer">{strings.error.details}</summary>
        <pre
          dir="ltr"
          className="mt-2 overflow-x-auto rounded bg-neutral-100 p-3 text-start whitespace-pre-wrap dark:bg-neutral-900"
        >
          {technicalMessage(error)}
        </pre>
      </details>
    </section>
  );
}
