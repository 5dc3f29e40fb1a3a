/**
 * The security headers every response carries, in one place: the Content-Security-Policy (with the
 * sha256 of each inline script the built HTML keeps), nosniff, the referrer policy and the permissions
 * policy. The build writes them as `dist/_headers` (Netlify, Cloudflare Pages); deploy/nginx.conf sends
 * them from deploy/security-headers.conf, which the build and a unit test check against this module.
 * Why each directive: docs/decisions/040-content-security-policy.md.
 */
import { createHash } from 'node:crypto';
import { fileURLToPath } from 'node:url';

/** The nginx snippet deploy/nginx.conf includes in every location. */
export const NGINX_HEADERS_CONF = fileURLToPath(new URL('../../deploy/security-headers.conf', import.meta.url));

export type Headers = Record<string, string>;

/** `<script …>…</script>`; the body cannot hold `</script` (the HTML parser would have closed it there). */
const SCRIPT = /<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi;
const ATTRIBUTE = (name: string) => new RegExp(`\\s${name}(?:\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s>]+)))?`, 'i');
/** The `type`s a browser runs (https://html.spec.whatwg.org/#javascript-mime-type), and `module`. */
const EXECUTABLE_TYPE = /^(?:|module|(?:text|application)\/(?:x-)?(?:java|ecma)script|text\/(?:javascript1\.[0-5]|jscript|livescript))$/i;

function attribute(attributes: string, name: string): string | undefined {
  const match = ATTRIBUTE(name).exec(attributes);
  if (!match) return undefined;
  return match[1] ?? match[2] ?? match[3] ?? '';
}

/**
 * The CSP source of every inline script a browser would run (`'sha256-…'`), in document order, without
 * repeats. Scripts with `src` are covered by `'self'`; JSON (`application/json`, `application/ld+json`)
 * is data a browser never runs, so it needs no hash.
 */
export function inlineScriptHashes(html: string): string[] {
  const hashes = new Set<string>();
  for (const [, attributes = '', body = ''] of html.matchAll(SCRIPT)) {
    if (attribute(attributes, 'src') !== undefined) continue;
    if (!EXECUTABLE_TYPE.test((attribute(attributes, 'type') ?? '').trim())) continue;
    // The HTML parser turns CRLF into LF before the browser hashes the text.
    const text = body.replace(/\r\n?/g, '\n');
    hashes.add(`'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`);
  }
  return [...hashes];
}

/**
 * The features the reader never uses, turned off for it and anything it might embed. Only names Chromium
 * knows: an unknown one is logged as a console error on every page (so no `interest-cohort`, which
 * `browsing-topics` replaced; no `web-share`, which Chromium does not recognise here either: its default,
 * the page's own origin, is what the share button needs).
 */
const PERMISSIONS_POLICY = [
  'accelerometer=()',
  'autoplay=()',
  'browsing-topics=()',
  'camera=()',
  'display-capture=()',
  'geolocation=()',
  'gyroscope=()',
  'hid=()',
  'magnetometer=()',
  'microphone=()',
  'midi=()',
  'payment=()',
  'publickey-credentials-get=()',
  'serial=()',
  'usb=()',
  'xr-spatial-tracking=()',
].join(', ');

/**
 * The headers for a site whose HTML is `html` (the built index.html: every prerendered page is made from
 * it, so it holds every inline script a page has).
 */
export function securityHeaders(html: string): Headers {
  const policy = [
    "default-src 'self'",
    // Pagefind compiles its WebAssembly (in its worker, or on the page when a worker cannot start).
    ['script-src', "'self'", "'wasm-unsafe-eval'", ...inlineScriptHashes(html)].join(' '),
    "style-src 'self'",
    "img-src 'self' https: data:",
    "font-src 'self'",
    "connect-src 'self'",
    "worker-src 'self'",
    "manifest-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
  return {
    'Content-Security-Policy': policy,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'strict-origin-when-cross-origin',
    'Permissions-Policy': PERMISSIONS_POLICY,
    'Cross-Origin-Opener-Policy': 'same-origin',
  };
}

/** `dist/_headers` for Netlify and Cloudflare Pages: one block for every path. */
export function headersFile(headers: Headers): string {
  const lines = Object.entries(headers).map(([name, value]) => `  ${name}: ${value}`);
  return ['# Written by the build (scripts/prerender/security-headers.ts); edits here are lost.', '/*', ...lines, ''].join('\n');
}

const ADD_HEADER = /^\s*add_header\s+([\w-]+)\s+"([^"]*)"\s+always\s*;/gm;

/** The headers an nginx snippet sends with `add_header Name "value" always;`. */
export function nginxHeaders(conf: string): Headers {
  return Object.fromEntries([...conf.matchAll(ADD_HEADER)].map(([, name = '', value = '']) => [name, value]));
}

/** The same headers as nginx `add_header` lines, for deploy/security-headers.conf. */
export function nginxHeaderLines(headers: Headers): string {
  return Object.entries(headers)
    .map(([name, value]) => `add_header ${name} "${value}" always;`)
    .join('\n');
}
