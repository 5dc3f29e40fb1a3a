/**
 * Pagefind fetches its own files (its entry, metadata, WebAssembly, index and filter chunks, fragments) with
 * the page's `fetch`, and never asks twice: one dropped request fails a whole start or a page of results,
 * and a search needs about ten of them, so on a bad mobile network most searches failed until the reader
 * pressed «إعادة المحاولة» several times (e2e/bad-network.spec.ts). This wraps the page's `fetch` so that a
 * request for a file of the search index that failed in a way another try can mend (no answer, a 5xx, or
 * a 200 that is an HTML error page from a proxy or a portal) is made again, up to `tries` times in all,
 * after a short pause; any other request, and any other answer (a 404 is the deploy's, and final), passes
 * as it came. Installed once, when search first loads.
 */
import { isHtmlPage, requestUrl } from '../../shared/lib/fetch-shard.ts';

const TRIES = 3;
const PAUSE_MS = 300;

const wrapped = new WeakSet<typeof fetch>();

/** A file of the search index: `<data>/<build>/pagefind/…`, whatever the build. */
const isIndexFile = (pathname: string, dataBase: string, indexDir: string): boolean =>
  pathname.startsWith(dataBase) && pathname.includes(`/${indexDir}`);

const worthAnotherTry = (response: Response): boolean =>
  response.status >= 500 || (response.ok && isHtmlPage(response));

export function retryIndexFetches(
  dataBase: string,
  indexDir: string,
  tries = TRIES,
  pauseMs = PAUSE_MS,
): void {
  const pageFetch = globalThis.fetch;
  if (wrapped.has(pageFetch)) return;
  const retrying: typeof fetch = async (input, init) => {
    const url = new URL(requestUrl(input), location.href);
    if (!isIndexFile(url.pathname, dataBase, indexDir)) return pageFetch(input, init);
    for (let attempt = 1; ; attempt++) {
      try {
        const response = await pageFetch(input, init);
        if (attempt >= tries || !worthAnotherTry(response)) return response;
      } catch (error) {
        if (attempt >= tries || init?.signal?.aborted) throw error;
      }
      await new Promise((resolve) => setTimeout(resolve, pauseMs * attempt));
    }
  };
  wrapped.add(retrying);
  globalThis.fetch = retrying;
}
