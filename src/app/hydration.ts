/**
 * The data a prerendered page carries for hydration, once, in a JSON script element (never executed, so a
 * strict Content-Security-Policy needs no hash for it): the route loaders' results and the dehydrated
 * queries the view read. With it the browser hydrates the page without fetching the view's own shards.
 */
import type { DehydratedState } from '@tanstack/react-query';
import { inlineJson } from '../shared/lib/inline-json.ts';

export const HYDRATION_ELEMENT_ID = 'hydration-data';

export interface HydrationPayload {
  /** The path the page was rendered for, as the app links to it. */
  path: string;
  /**
   * False for pages that must be rendered afresh by the browser: an error page served for any unknown path
   * (404.html) and client-only routes whose prerendered file is a shell (/search).
   */
  hydrate: boolean;
  loaderData: Record<string, unknown>;
  queries: DehydratedState;
}

export function hydrationScript(payload: HydrationPayload): string {
  return `<script type="application/json" id="${HYDRATION_ELEMENT_ID}">${inlineJson(payload)}</script>`;
}

export function readHydration(doc: Document): HydrationPayload | null {
  const text = doc.getElementById(HYDRATION_ELEMENT_ID)?.textContent;
  if (!text) return null;
  try {
    return JSON.parse(text) as HydrationPayload;
  } catch {
    return null;
  }
}

function decodePath(path: string): string {
  try {
    return decodeURIComponent(path);
  } catch {
    return path;
  }
}

/**
 * Whether the page in the browser is the one that was prerendered. A query string changes nothing on the
 * prerendered routes except an old `?page=N` link, which must redirect; paths compare decoded, since a
 * browser and encodeURIComponent may escape different characters.
 */
export function matchesLocation(payload: HydrationPayload, location: { pathname: string; search: string }): boolean {
  return (
    payload.hydrate &&
    decodePath(payload.path) === decodePath(location.pathname) &&
    !new URLSearchParams(location.search).has('page')
  );
}
