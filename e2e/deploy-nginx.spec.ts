/**
 * The deploy recipe, exercised: nginx runs deploy/nginx.conf (the server block the README shows) over the
 * production build in dist/, with only `listen` and `root` replaced. Checks the SPA fallback, the real 404
 * for data, cache headers, gzip, MIME types, and measures the bytes a first visit really transfers.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from '@playwright/test';
import { articleUrl, distPath, expect, homeShard, test } from './fixtures.ts';

const CONF = fileURLToPath(new URL('../deploy/nginx.conf', import.meta.url));
const NGINX = [process.env.NGINX_PATH, '/usr/sbin/nginx', '/usr/local/sbin/nginx', '/usr/bin/nginx'].find(
  (path): path is string => Boolean(path) && existsSync(path as string),
);
const BUDGET_BYTES = 250 * 1024;

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

/** deploy/nginx.conf with its `listen` and `root` pointed at this run; fails loudly if they moved. */
function serverBlock(port: number, root: string): string {
  const conf = readFileSync(CONF, 'utf8');
  const listen = /^(\s*)listen\s+[^;]+;/m;
  const rootLine = /^(\s*)root\s+[^;]+;/m;
  if (!listen.test(conf) || !rootLine.test(conf)) throw new Error(`${CONF} lost its listen or root line`);
  return conf.replace(listen, `$1listen 127.0.0.1:${port};`).replace(rootLine, `$1root ${root};`);
}

interface RunningNginx {
  origin: string;
  stop: () => Promise<void>;
}

async function startNginx(nginx: string): Promise<RunningNginx> {
  const dir = mkdtempSync(join(tmpdir(), 'nginx-e2e-'));
  const port = await freePort();
  for (const sub of ['logs', 'temp']) mkdirSync(join(dir, sub));
  const temp = ['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi']
    .map((kind) => `${kind}_temp_path ${join(dir, 'temp', kind)};`)
    .join('\n  ');
  // Foreground, one process, everything under the temp dir: no root-owned paths, nothing left behind.
  const conf = `daemon off;
master_process off;
worker_processes 1;
pid ${join(dir, 'nginx.pid')};
error_log ${join(dir, 'logs', 'error.log')} warn;
events { worker_connections 256; }
http {
  include /etc/nginx/mime.types;
  default_type application/octet-stream;
  access_log ${join(dir, 'logs', 'access.log')};
  sendfile on;
  ${temp}
${serverBlock(port, distPath())}
}
`;
  const confPath = join(dir, 'nginx.conf');
  writeFileSync(confPath, conf);

  const child: ChildProcess = spawn(
    nginx,
    ['-p', dir, '-e', join(dir, 'logs', 'error.log'), '-c', confPath],
    {
      stdio: ['ignore', 'ignore', 'pipe'],
    },
  );
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  let exited = false;
  child.once('exit', () => (exited = true));

  const origin = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 10_000;
  for (;;) {
    if (exited) throw new Error(`nginx exited at start-up:\n${stderr}`);
    try {
      await fetch(`${origin}/index.html`);
      break;
    } catch {
      if (Date.now() > deadline) throw new Error(`nginx did not answer on ${origin}:\n${stderr}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  return {
    origin,
    stop: async () => {
      if (!exited) {
        const gone = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGTERM');
        await gone;
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

interface Transfer {
  url: string;
  status: number;
  encoding: string;
  bytes: number;
}

/** Loads `path` in a fresh page (empty cache) and sums what crossed the wire: headers + encoded bodies. */
async function firstVisit(
  page: Page,
  url: string,
  ready: (page: Page) => Promise<void>,
): Promise<Transfer[]> {
  const pending: Promise<Transfer>[] = [];
  page.on('requestfinished', (request) => {
    pending.push(
      (async () => {
        const response = await request.response();
        const sizes = await request.sizes();
        return {
          url: new URL(request.url()).pathname,
          status: response?.status() ?? 0,
          encoding: (await response?.headerValue('content-encoding')) ?? '-',
          bytes: sizes.responseHeadersSize + sizes.responseBodySize,
        };
      })(),
    );
  });
  await page.goto(url, { waitUntil: 'networkidle' });
  await ready(page);
  await page.waitForLoadState('networkidle');
  return Promise.all(pending);
}

function printTransfers(label: string, transfers: Transfer[]): number {
  const total = transfers.reduce((sum, t) => sum + t.bytes, 0);
  const rows = transfers.map(
    (t) => `  ${String(t.bytes).padStart(8)}  ${t.status}  ${t.encoding.padEnd(4)}  ${t.url}`,
  );
  console.log(
    `${label}: ${total} bytes (${(total / 1024).toFixed(1)} KB) in ${transfers.length} responses\n${rows.join('\n')}`,
  );
  return total;
}

test.describe('deploy: nginx with deploy/nginx.conf', () => {
  test.describe.configure({ mode: 'default' });

  let server: RunningNginx | undefined;

  test.beforeAll(async () => {
    if (!NGINX) {
      // On a developer machine without nginx this is a skip; in CI it is a failure, since CI installs it.
      if (process.env.CI)
        throw new Error('nginx is not installed (apt-get install nginx); CI must run the deploy test');
      return;
    }
    server = await startNginx(NGINX);
  });

  test.afterAll(async () => {
    await server?.stop();
  });

  test.beforeEach(() => {
    test.skip(!NGINX, 'nginx is not installed (apt-get install nginx): skipping the deploy test');
  });

  const at = (path: string): string => `${server?.origin}${path}`;
  const gzip = { headers: { 'accept-encoding': 'gzip' } };

  test('/ serves the app shell as UTF-8 HTML that is always revalidated', async ({ request, page }) => {
    const response = await request.get(at('/'));
    expect(response.status()).toBe(200);
    expect(response.headers()['content-type']).toBe('text/html; charset=utf-8');
    expect(response.headers()['cache-control']).toBe('no-cache');
    expect(await response.text()).toContain('<script type="module"');

    await page.goto(at('/'));
    await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
    const [first] = homeShard().items;
    await expect(page.getByRole('link', { name: first?.title }).first()).toBeVisible();
  });

  test('a deep link to an article serves index.html and renders the article', async ({ request, page }) => {
    const article = homeShard().items[0];
    if (!article) throw new Error('the build has no articles');
    const response = await request.get(at(articleUrl(article.id)));
    expect(response.status()).toBe(200);
    expect(response.headers()['cache-control']).toBe('no-cache');
    expect(await response.text()).toBe(readFileSync(distPath('index.html'), 'utf8'));

    await page.goto(at(articleUrl(article.id)));
    await expect(page.getByRole('heading', { level: 1, name: article.title })).toBeVisible();
  });

  test('a malformed escape (/tags/%E0%A4%A) is refused by nginx itself with a 400', async ({ request }) => {
    // nginx rejects the request line before any location applies, so the app only ever meets such a
    // path through client-side navigation (covered in reader.spec.ts).
    const response = await request.get(at('/tags/%E0%A4%A'));
    expect(response.status()).toBe(400);
  });

  test('data shards are UTF-8 JSON with a short cache', async ({ request }) => {
    const response = await request.get(at('/data/manifest.json'));
    expect(response.status()).toBe(200);
    expect(response.headers()['content-type']).toBe('application/json; charset=utf-8');
    expect(response.headers()['cache-control']).toBe('public, max-age=300');
    expect(await response.json()).toMatchObject({ schemaVersion: 1 });
  });

  for (const [label, path] of [
    ['a missing shard', '/data/nope.json'],
    ['a missing article shard', '/data/articles/00/0000000000000000.json'],
    ['a missing asset (a stale chunk after a deploy)', '/assets/index-gone.js'],
  ]) {
    test(`${label} is a real 404, not index.html`, async ({ request }) => {
      const response = await request.get(at(path as string));
      expect(response.status()).toBe(404);
      expect(await response.text()).not.toBe(readFileSync(distPath('index.html'), 'utf8'));
      expect(response.headers()['cache-control'], 'a 404 is not cached').toBeUndefined();
    });
  }

  test('hashed assets are cached for a year, immutable', async ({ request }) => {
    const html = readFileSync(distPath('index.html'), 'utf8');
    const script = /<script type="module"[^>]*src="([^"]+)"/.exec(html)?.[1];
    expect(script).toMatch(/^\/assets\/.+\.js$/);
    const response = await request.get(at(script as string));
    expect(response.status()).toBe(200);
    expect(response.headers()['content-type']).toBe('application/javascript; charset=utf-8');
    expect(response.headers()['cache-control']).toBe('public, max-age=31536000, immutable');
  });

  test('JS, CSS and JSON are gzipped; woff2 is sent as is', async ({ request }) => {
    const html = readFileSync(distPath('index.html'), 'utf8');
    const script = /<script type="module"[^>]*src="([^"]+)"/.exec(html)?.[1] as string;
    const style = /<link rel="stylesheet"[^>]*href="([^"]+)"/.exec(html)?.[1] as string;
    for (const path of [script, style, '/data/manifest.json', '/data/home/1.json']) {
      const response = await request.get(at(path), gzip);
      expect.soft(response.headers()['content-encoding'], path).toBe('gzip');
      expect.soft(response.headers()['vary'], path).toBe('Accept-Encoding');
    }
    const font = readdirSync(distPath('assets')).find((file) => file.endsWith('.woff2'));
    if (font) {
      const response = await request.get(at(`/assets/${font}`), gzip);
      expect(response.headers()['content-type']).toBe('font/woff2');
      expect(response.headers()['content-encoding']).toBeUndefined();
    }
  });

  test('Pagefind and wasm files get their MIME types', async ({ request }) => {
    const folder = ['data/pagefind', 'pagefind'].find((dir) => existsSync(distPath(dir, 'pagefind.js')));
    test.skip(!folder, 'this build has no Pagefind index');
    const files = readdirSync(distPath(folder as string));
    const expected: [RegExp, string][] = [
      [/^pagefind\.js$/, 'application/javascript; charset=utf-8'],
      [/^pagefind-entry\.json$/, 'application/json; charset=utf-8'],
      [/\.pf_meta$/, 'application/octet-stream'],
      [/\.pagefind$/, 'application/octet-stream'],
      [/\.wasm$/, 'application/wasm'],
    ];
    let checked = 0;
    for (const [pattern, type] of expected) {
      const file = files.find((name) => pattern.test(name));
      if (!file) continue;
      const response = await request.get(at(`/${folder}/${file}`), gzip);
      expect.soft(response.status(), file).toBe(200);
      expect.soft(response.headers()['content-type'], file).toBe(type);
      if (type === 'application/octet-stream') {
        // Pagefind compresses these itself; gzipping them again only costs CPU.
        expect.soft(response.headers()['content-encoding'], file).toBeUndefined();
      }
      checked++;
    }
    expect(checked).toBeGreaterThanOrEqual(3);
  });

  test('bytes transferred by a first visit to home and to an article', async ({
    page,
    browser,
  }, testInfo) => {
    const home = await firstVisit(page, at('/'), async (p) => {
      await expect(p.getByRole('link', { name: homeShard().items[0]?.title }).first()).toBeVisible();
    });
    const homeBytes = printTransfers('first view of home through nginx (gzip)', home);

    const article = homeShard().items[0];
    if (!article) throw new Error('the build has no articles');
    // A new context: an empty cache, as for a reader who arrives from a shared link.
    const context = await browser.newContext();
    const fresh = await context.newPage();
    const articleTransfers = await firstVisit(fresh, at(articleUrl(article.id)), async (p) => {
      await expect(p.getByRole('heading', { level: 1, name: article.title })).toBeVisible();
    });
    await context.close();
    const articleBytes = printTransfers('first view of an article through nginx (gzip)', articleTransfers);

    testInfo.annotations.push(
      { type: 'home bytes', description: String(homeBytes) },
      { type: 'article bytes', description: String(articleBytes) },
    );
    expect(
      home.every((t) => t.status < 400),
      'every response of home succeeded',
    ).toBe(true);
    expect(homeBytes).toBeLessThanOrEqual(BUDGET_BYTES);
    expect(articleBytes).toBeLessThanOrEqual(BUDGET_BYTES);
  });
});
