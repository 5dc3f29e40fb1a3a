/**
 * What the header's search box is typing, told to the search engine without importing it: the engine's
 * module (loaded by the search page) listens here, so on any other page, or before a first search,
 * typing costs nothing.
 */
let listener: ((typed: string) => void) | null = null;

export function onTyping(fn: ((typed: string) => void) | null): void {
  listener = fn;
}

/** Called after a pause in typing, with what the box holds. */
export function typing(typed: string): void {
  listener?.(typed);
}
