/**
 * Text size: a `data-text-size` attribute on <html> that styles.css turns into a scale for the text of
 * `main` (articles and lists). index.html applies the saved step before the first paint (same key), so a
 * reload never jumps; this module changes it afterwards. The middle step is the default and has no
 * attribute, so pages without a saved choice are as they were.
 */

/** Also read by the inline script in index.html. */
export const TEXT_SIZE_STORAGE_KEY = 'text-size';

export const TEXT_SIZES = ['sm', 'md', 'lg', 'xl'] as const;
export type TextSize = (typeof TEXT_SIZES)[number];
export const DEFAULT_TEXT_SIZE: TextSize = 'md';

const ATTRIBUTE = 'data-text-size';

const isTextSize = (value: string | null): value is TextSize => TEXT_SIZES.includes(value as TextSize);

export function currentTextSize(): TextSize {
  const value = document.documentElement.getAttribute(ATTRIBUTE);
  return isTextSize(value) ? value : DEFAULT_TEXT_SIZE;
}

/** The step `by` away from `size`, held at the ends. */
export function stepTextSize(size: TextSize, by: -1 | 1): TextSize {
  const i = Math.min(TEXT_SIZES.length - 1, Math.max(0, TEXT_SIZES.indexOf(size) + by));
  return TEXT_SIZES[i] ?? DEFAULT_TEXT_SIZE;
}

export function setTextSize(size: TextSize): void {
  if (size === DEFAULT_TEXT_SIZE) document.documentElement.removeAttribute(ATTRIBUTE);
  else document.documentElement.setAttribute(ATTRIBUTE, size);
  try {
    localStorage.setItem(TEXT_SIZE_STORAGE_KEY, size);
  } catch {
    // Private mode or storage disabled: the choice lasts for this page only.
  }
}

/** For useSyncExternalStore. */
export function subscribeTextSize(onChange: () => void): () => void {
  const observer = new MutationObserver(onChange);
  observer.observe(document.documentElement, { attributes: true, attributeFilter: [ATTRIBUTE] });
  return () => observer.disconnect();
}
