import { data } from 'react-router';
import { NotFoundError } from './fetch-shard.ts';

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
