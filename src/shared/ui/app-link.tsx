import { createContext, use, type MouseEvent, type ReactNode } from 'react';

type LinkClick = (event: MouseEvent<HTMLAnchorElement>) => void;

/** The click handler of every app link, bound to the router by the app shell; none outside a router. */
export const LinkNavigation = createContext<LinkClick | null>(null);

/**
 * The handler that opens a plain click on an app link in place through `follow` (React Router's navigate).
 * A click with a modifier (new tab or window, download) or another button stays the browser's, as React
 * Router's `shouldProcessLinkClick` decides.
 */
export function linkClickHandler(follow: (to: string) => void): LinkClick {
  return (event) => {
    const modified = event.metaKey || event.altKey || event.ctrlKey || event.shiftKey;
    if (event.button !== 0 || modified) return;
    event.preventDefault();
    follow(event.currentTarget.getAttribute('href')!);
  };
}

export interface AppLinkProps {
  /** A site-absolute path, as `src/shared/lib/hrefs.ts` makes them (`/articles/abc`, `/search?q=…`). */
  to: string;
  className?: string;
  rel?: string;
  'aria-current'?: 'page' | 'true';
  children: ReactNode;
}

/**
 * A link to a view of the app: a real `<a href>` that prerendered pages and readers without JavaScript
 * follow, opened in place by the router on a plain click, as React Router's `<Link>` does. `<Link>` runs
 * about a dozen hooks a link and resolves its `to` against the route matches twice, a tenth of
 * prerendering a page (every path here is already absolute); this reads one context
 * (docs/decisions/007-prerendering.md, sixth round).
 */
export function AppLink({ to, className, rel, 'aria-current': current, children }: AppLinkProps) {
  return (
    <a
      aria-current={current}
      rel={rel}
      className={className}
      href={to}
      onClick={use(LinkNavigation) ?? undefined}
    >
      {children}
    </a>
  );
}
