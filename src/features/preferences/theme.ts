/**
 * Dark mode: the `dark` class on <html>. index.html applies it before the first paint (same key, same
 * rule) so a dark reader never sees a white flash; this module keeps it in step afterwards. With no saved
 * choice the page follows the system setting, live.
 */

/** Also read by the inline script in index.html. */
export const THEME_STORAGE_KEY = 'theme';

const DARK_QUERY = '(prefers-color-scheme: dark)';

function savedTheme(): 'dark' | 'light' | null {
  try {
    const value = localStorage.getItem(THEME_STORAGE_KEY);
    return value === 'dark' || value === 'light' ? value : null;
  } catch {
    return null;
  }
}

export function isDark(): boolean {
  return document.documentElement.classList.contains('dark');
}

export function setDark(dark: boolean): void {
  document.documentElement.classList.toggle('dark', dark);
  try {
    localStorage.setItem(THEME_STORAGE_KEY, dark ? 'dark' : 'light');
  } catch {
    // Private mode or storage disabled: the choice lasts for this page only.
  }
}

/** For useSyncExternalStore: the class changing, or the system setting changing while none is saved. */
export function subscribeTheme(onChange: () => void): () => void {
  const observer = new MutationObserver(onChange);
  observer.observe(document.documentElement, { attributes: true, attributeFilter: ['class'] });

  const media = typeof matchMedia === 'function' ? matchMedia(DARK_QUERY) : null;
  const followSystem = (event: MediaQueryListEvent) => {
    if (savedTheme() === null) document.documentElement.classList.toggle('dark', event.matches);
  };
  media?.addEventListener('change', followSystem);

  return () => {
    observer.disconnect();
    media?.removeEventListener('change', followSystem);
  };
}
