import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  headersFile,
  inlineScriptHashes,
  NGINX_HEADERS_CONF,
  nginxHeaderLines,
  nginxHeaders,
  securityHeaders,
} from './security-headers.ts';

const repoFile = (name: string) => readFileSync(new URL(`../../${name}`, import.meta.url), 'utf8');
/** The example of the CSP spec (and MDN): the hash of `alert('Hello, world.');`. */
const HELLO = "'sha256-qznLcsROx4GACP2dm0UCKCzCG+HiZ1guq6ZZDob/Tng='";

describe('inlineScriptHashes', () => {
  it('hashes the text of an inline script as the browser does', () => {
    expect(inlineScriptHashes("<head><script>alert('Hello, world.');</script></head>")).toEqual([HELLO]);
  });

  it.each([
    ['a classic script with a JavaScript type', `<script type="text/javascript">alert('Hello, world.');</script>`],
    ['a module', `<script type=module>alert('Hello, world.');</script>`],
    ['CRLF line ends, which the parser makes LF', "<script>alert('Hello,\r\n world.');</script>"],
  ])('hashes %s', (_, html) => {
    const expected = html.includes('\r\n') ? inlineScriptHashes("<script>alert('Hello,\n world.');</script>") : [HELLO];
    expect(inlineScriptHashes(html)).toEqual(expected);
  });

  it.each([
    ['a script file', '<script type="module" crossorigin src="/assets/index.js"></script>'],
    ['hydration data', '<script type="application/json" id="hydration-data">{"a":1}</script>'],
    ['JSON-LD', '<script type="application/ld+json">{"@type":"NewsArticle"}</script>'],
  ])('needs no hash for %s', (_, html) => {
    expect(inlineScriptHashes(html)).toEqual([]);
  });

  it('lists each script once, in document order', () => {
    const html = "<script>alert('Hello, world.');</script><script>1</script><script>alert('Hello, world.');</script>";
    expect(inlineScriptHashes(html)).toEqual([HELLO, inlineScriptHashes('<script>1</script>')[0]]);
  });
});

describe('securityHeaders', () => {
  const headers = securityHeaders("<script>alert('Hello, world.');</script>");
  const directives = new Map(
    headers['Content-Security-Policy']!.split('; ').map((d) => [d.split(' ')[0], d.split(' ').slice(1).join(' ')]),
  );

  it('allows scripts from the site and the hashed inline ones, never inline or eval', () => {
    expect(directives.get('script-src')).toBe(`'self' 'wasm-unsafe-eval' ${HELLO}`);
    expect(headers['Content-Security-Policy']).not.toMatch(/'unsafe-inline'|'unsafe-eval'/);
  });

  it.each([
    ['default-src', "'self'"],
    ['style-src', "'self'"],
    ['img-src', "'self' https: data:"],
    ['connect-src', "'self'"],
    ['object-src', "'none'"],
    ['base-uri', "'self'"],
    ['form-action', "'self'"],
    ['frame-ancestors', "'none'"],
  ])('sets %s to %s', (directive, value) => {
    expect(directives.get(directive)).toBe(value);
  });

  it('turns off the camera, microphone and location but keeps sharing for the site', () => {
    const features = headers['Permissions-Policy']!.split(', ');
    expect(features).toEqual(expect.arrayContaining(['camera=()', 'microphone=()', 'geolocation=()']));
  });

  it('writes a _headers file with one block for every path', () => {
    expect(headersFile({ 'X-Content-Type-Options': 'nosniff', 'Referrer-Policy': 'no-referrer' })).toBe(
      '# Written by the build (scripts/prerender/security-headers.ts); edits here are lost.\n/*\n  X-Content-Type-Options: nosniff\n  Referrer-Policy: no-referrer\n',
    );
  });

  it('reads back the nginx lines it writes', () => {
    expect(nginxHeaders(nginxHeaderLines(headers))).toEqual(headers);
  });
});

describe('deploy/nginx.conf', () => {
  it("sends exactly the headers the build computes for index.html's inline scripts", () => {
    const expected = securityHeaders(repoFile('index.html'));
    expect(
      nginxHeaders(readFileSync(NGINX_HEADERS_CONF, 'utf8')),
      `deploy/security-headers.conf should say:\n${nginxHeaderLines(expected)}`,
    ).toEqual(expected);
  });

  it('includes them in the server and in every location, which inherit no add_header', () => {
    const [server = '', ...locations] = repoFile('deploy/nginx.conf').split(/^\s*location\s/m);
    const include = /^\s*include\s+\S*news-reader-security-headers\.conf;/m;
    expect(server).toMatch(include);
    expect(locations.length).toBeGreaterThan(0);
    for (const location of locations) expect(location, location.split('\n')[0]).toMatch(include);
  });
});
