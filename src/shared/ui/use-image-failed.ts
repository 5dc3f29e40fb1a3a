import { useEffect, useRef, useState, type RefObject } from 'react';

/**
 * Whether a picture failed to load, so its figure or thumbnail can leave the page instead of showing a
 * broken-image icon. `onError` catches failures after hydration; a prerendered picture may have failed
 * before React was listening, which the effect reads from the element itself (`complete` with no pixels).
 * Render stays pure: the first render says "not failed", the same on the server and in the browser.
 */
export function useImageFailed(): { ref: RefObject<HTMLImageElement | null>; failed: boolean; onError: () => void } {
  const ref = useRef<HTMLImageElement>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    const img = ref.current;
    if (img && img.complete && img.naturalWidth === 0) setFailed(true);
  }, []);
  return { ref, failed, onError: () => setFailed(true) };
}
