/**
 * The web font, without making any first paint wait for it. A page never switches font once painted (that
 * would move the text), so on a first visit this only fetches the font into the cache after the app has
 * started, and records that; the pre-paint script in index.html then turns it on (`web-fonts` on <html>)
 * from the next page's first paint. (docs/decisions/007-prerendering.md)
 */

/** Also read by the inline script in index.html. */
export const WEB_FONTS_KEY = 'web-fonts';

const FACES = ['400 1em "Noto Sans Arabic"', '700 1em "Noto Sans Arabic"'];

export async function cacheWebFonts(): Promise<void> {
  if (document.documentElement.classList.contains('web-fonts')) return;
  try {
    const loaded = await Promise.all(FACES.map((face) => document.fonts.load(face)));
    if (loaded.every((faces) => faces.length > 0)) localStorage.setItem(WEB_FONTS_KEY, 'cached');
  } catch {
    // Offline, blocked, or storage disabled: the system font stays, as on a first visit.
  }
}
