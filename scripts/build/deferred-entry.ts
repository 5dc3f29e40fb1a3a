/**
 * The app's code starts after the first paint. Every page is prerendered, so its text is readable before
 * any script runs; a 120 KB bundle fetched beside the page's CSS only delays that first paint on a slow
 * network (Lighthouse mobile: 1.5 s more). This Vite plugin turns the built index.html's entry script into
 * `<meta name="app-entry">`, and the pre-paint script in index.html loads it once the page has painted.
 * Links and forms work before then, as plain navigations. (docs/decisions/007-prerendering.md)
 */
import type { Plugin } from 'vite';

const ENTRY = /<script type="module" crossorigin src="([^"]+)"><\/script>/g;
const MODULE_PRELOAD = /\s*<link rel="modulepreload" crossorigin href="[^"]+">/g;

export function deferEntry(html: string): string {
  const entries = [...html.matchAll(ENTRY)];
  if (entries.length !== 1) {
    throw new Error(`index.html should have one module script after vite build, found ${entries.length}`);
  }
  return html
    .replace(MODULE_PRELOAD, '')
    .replace(ENTRY, (_, src: string) => `<meta name="app-entry" content="${src}">`);
}

export function deferredEntry(): Plugin {
  return {
    name: 'deferred-entry',
    apply: 'build',
    transformIndexHtml: { order: 'post', handler: deferEntry },
  };
}
