/**
 * `public/_redirects` (Netlify, Cloudflare Pages) and the `rewrite … permanent` lines of deploy/nginx.conf
 * send the same paths to the same places, so a site moves between hosts with the same URLs.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

type Redirect = (path: string) => string | null;

/** `/topics/:slug/page/1 /topics/:slug 301`: a placeholder matches one path segment. */
function hostRules(text: string): Redirect[] {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'))
    .map((line) => {
      const [from = '', to = '', status] = line.split(/\s+/);
      expect(status).toBe('301');
      const names: string[] = [];
      const pattern = new RegExp(
        `^${from.replace(/:(\w+)/g, (_, name: string) => (names.push(name), '([^/]+)'))}$`,
      );
      return (path: string) => {
        const m = pattern.exec(path);
        return m ? to.replace(/:(\w+)/g, (_, name: string) => m[names.indexOf(name) + 1] ?? '') : null;
      };
    });
}

/**
 * `rewrite ^/page/1$ / permanent;`, except the trailing-slash and file-name rules (the hosts drop a trailing
 * slash and «.html» themselves: Netlify's pretty URLs, Cloudflare Pages' default).
 */
const HOSTS_DO_THEMSELVES = new Set(['^/(.+)/$', '^/index(?:\\.html)?$', '^/(.+)\\.html$']);

function nginxRules(conf: string): Redirect[] {
  return [...conf.matchAll(/^\s*rewrite (\S+) (\S+) permanent;/gm)]
    .filter(([, from]) => !HOSTS_DO_THEMSELVES.has(from!))
    .map(([, from = '', to = '']) => {
      const pattern = new RegExp(from);
      return (path: string) => (pattern.test(path) ? path.replace(pattern, to) : null);
    });
}

const first = (rules: Redirect[], path: string): string | null =>
  rules.map((rule) => rule(path)).find((to) => to !== null) ?? null;

describe('the redirects of every host', () => {
  const host = hostRules(readFileSync('public/_redirects', 'utf8'));
  const nginx = nginxRules(readFileSync('deploy/nginx.conf', 'utf8'));

  it.each([
    ['/page/1', '/'],
    ['/topics/karabakh/page/1', '/topics/karabakh'],
    ['/tags/%D8%B1%D9%88%D8%B3%D9%8A%D8%A7/page/1', '/tags/%D8%B1%D9%88%D8%B3%D9%8A%D8%A7'],
    ['/page/2', null],
    ['/topics/karabakh/page/12', null],
    ['/topics/karabakh', null],
    ['/articles/page/1', null],
    ['/tags/a/b/page/1', null],
  ])('%s → %s', (path, to) => {
    expect(first(nginx, path)).toBe(to);
    expect(first(host, path)).toBe(to);
  });
});
