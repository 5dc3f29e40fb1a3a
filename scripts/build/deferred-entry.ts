/**
 * The app's code and its web app manifest come after the first paint. Every page is prerendered, so its
 * text is readable before any script runs; a 120 KB bundle fetched beside the page's CSS only delays that
 * first paint on a slow network (Lighthouse mobile: 1.5 s more). This Vite plugin turns the built
 * index.html's entry script into `<meta name="app-entry">`, and the pre-paint script in index.html loads
 * it once the page has painted. Links and forms work before then, as plain navigations.
 * (docs/decisions/007-prerendering.md)
 *
 * Chromium fetches a page's manifest as soon as it meets `<link rel="manifest">`, before the page's
 * largest paint; the install prompt needs it only later. So the link vite-plugin-pwa writes becomes
 * `<meta name="app-manifest">` too, and the app adds the link after `load` (src/app/web-app-manifest.ts);
 * Chromium picks up a manifest link added later, and the app stays installable.
 */
import type { Plugin } from 'vite';

const ENTRY = /<script type="module" crossorigin src="([^"]+)"><\/script>/g;
const MODULE_PRELOAD = /\s*<link rel="modulepreload" crossorigin href="[^"]+">/g;
const MANIFEST = /<link rel="manifest" href="([^"]+)">/g;

export function deferEntry(html: string): string {
  const entries = [...html.matchAll(ENTRY)];
  if (entries.length !== 1) {
    throw new Error(`index.html should have one module script after vite build, found ${entries.length}`);
  }
  return html
    .replace(MODULE_PRELOAD, '')
    .replace(ENTRY, (_, src: string) => `<meta name="app-entry" content="${src}">`)
    .replace(MANIFEST, (_, href: string) => `<meta name="app-manifest" content="${href}">`);
}

/** Listed after vite-plugin-pwa, whose manifest link it moves: both run last (`enforce: 'post'`). */
export function deferredEntry(): Plugin {
  return {
    name: 'deferred-entry',
    apply: 'build',
    enforce: 'post',
    transformIndexHtml: { order: 'post', handler: deferEntry },
  };
}
