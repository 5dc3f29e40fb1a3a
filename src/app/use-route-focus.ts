import { useEffect, useRef } from 'react';
import { type Location, useLocation, useNavigationType } from 'react-router';

/**
 * After a navigation inside the app, focus the new page's h1 (else <main>), as a page load would start the
 * reader at the top: a screen reader reads the new heading, and the next Tab starts in the new page rather
 * than at a link that is gone. It runs after ScrollRestoration has scrolled, and focuses without scrolling.
 *
 * - Not on the first render (the page load, hydration): the browser has already announced the page.
 * - Not when only the query string or hash changes (a search's facets, sort and pages, the skip link),
 *   unless the focus was lost with the control that had it: the reader is working in the page.
 * - Back and forward restore where the reader was: the heading takes the focus only when it is on screen
 *   there, since a focus above the view would make the next Tab, or a screen reader's cursor, jump back up.
 */
export function useRouteFocus(): void {
  const location = useLocation();
  const navigationType = useNavigationType();
  const shown = useRef<Location | null>(null);

  useEffect(() => {
    const previous = shown.current;
    shown.current = location;
    // Null: the first render. The same key: StrictMode running the effect again.
    if (previous === null || previous.key === location.key) return;
    const main = document.getElementById('main');
    if (!main) return;
    const focusLost = document.activeElement === null || document.activeElement === document.body;
    if (previous.pathname === location.pathname && !focusLost) return;
    const heading = main.querySelector('h1');
    const target = heading ?? main;
    if (navigationType === 'POP' && !topOnScreen(target)) return;
    // Focusable by script only: the heading is not a Tab stop.
    if (heading && !heading.hasAttribute('tabindex')) heading.tabIndex = -1;
    target.focus({ preventScroll: true });
  }, [location, navigationType]);
}

function topOnScreen(element: HTMLElement): boolean {
  const { top } = element.getBoundingClientRect();
  return top >= 0 && top < window.innerHeight;
}
