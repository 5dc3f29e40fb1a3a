/**
 * Which data folder an app reads: its pointer, `/data/apps/<app id>.json`, which every deploy rewrites
 * before its pages (docs/decisions/043-build-addressed-data.md). Never taken from the HTTP cache; the
 * service worker answers it network-first, so offline the copy it kept still says where the kept data is.
 */
import { appPointerFile } from '../../data/app-pointer.ts';
import { buildInfoSchema } from '../../data/build.ts';
import { dataBase } from './data-build.ts';
import { fetchJson, isRetryable, UnknownDataBuildError } from './fetch-shard.ts';

export async function readAppPointer(app: string): Promise<string> {
  const url = `${dataBase()}${appPointerFile(app)}`;
  let pointer;
  try {
    pointer = await fetchJson(url, buildInfoSchema, { cache: 'no-cache' });
  } catch (error) {
    // A network failure stays one (offline, the offline page); a missing or bad pointer is asked for again.
    if (isRetryable(error)) throw error;
    throw new UnknownDataBuildError(url, { cause: error });
  }
  if (pointer.app !== app)
    throw new UnknownDataBuildError(url, { cause: new Error(`it names app ${pointer.app}`) });
  return pointer.data;
}
