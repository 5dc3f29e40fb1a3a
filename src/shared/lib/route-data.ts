import { data, type LoaderFunctionArgs, redirect } from 'react-router';
import { NEWEST_PAGE } from '../../data/list-pages.ts';
import { slugify } from './arabic.ts';
import { NotFoundError } from './fetch-shard.ts';
import { parsePage } from './route-params.ts';

/** The router's 404: the error element renders the not-found page, a static handler answers 404. */
export function notFound(): never {
  throw data(null, { status: 404, statusText: 'Not Found' });
}

/** Awaits a loader's data, turning a missing shard into the router's 404. */
export async function orNotFound<T>(promise: Promise<T>): Promise<T> {
  try {
    return await promise;
  } catch (error) {
    if (error instanceof NotFoundError) notFound();
    throw error;
  }
}

/**
 * The page of a list route: `…/page/:page`, or the first page (0) at the bare URL. Older pages count from
 * the oldest (src/data/list-pages.ts), so an old `?page=N` link, which counted from the newest, names no
 * page now: it redirects to the list's bare URL. A page that cannot exist is the 404.
 */
export function listPageOf({ params, request }: LoaderFunctionArgs, hrefFor: (page: number) => string): number {
  if (params.page === undefined) {
    if (new URL(request.url).searchParams.has('page')) throw redirect(hrefFor(NEWEST_PAGE));
    return NEWEST_PAGE;
  }
  const page = parsePage(params.page);
  if (page === null) notFound();
  return page;
}

/**
 * A tag or topic named as readers write it («إسرائيل», «Karabakh») redirects to the page of its slug
 * («اسراييل», «karabakh»), the ingest's spelling of the same name; a slug is left as it is.
 */
export function toSlug(key: string, hrefFor: (slug: string) => string): void {
  const slug = slugify(key);
  // Only to a slug that is its own slug: never a redirect loop.
  if (slug !== key && slug !== '' && slugify(slug) === slug) throw redirect(hrefFor(slug));
}
