import { type RefObject, useEffect } from 'react';
import { useLocation } from 'react-router';

/**
 * On narrow screens a row of links scrolls sideways, and the current one (`aria-current="page"`) may sit
 * out of sight. After each navigation, scroll the row itself, never the page, so that link is centred.
 * `scrollBy` takes a relative offset, so it behaves the same in RTL, where scrollLeft runs negative.
 */
export function useRevealCurrent(scroller: RefObject<HTMLElement | null>): void {
  const { pathname } = useLocation();
  useEffect(() => {
    const row = scroller.current;
    const current = row?.querySelector<HTMLElement>('[aria-current="page"]');
    if (!row || !current || row.scrollWidth <= row.clientWidth) return;
    const rowBox = row.getBoundingClientRect();
    const box = current.getBoundingClientRect();
    row.scrollBy({ left: box.left + box.width / 2 - (rowBox.left + rowBox.width / 2) });
  }, [scroller, pathname]);
}
