import { mkdirSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { createServer, type Plugin } from 'vite';
import { afterEach, describe, expect, it } from 'vitest';
import { pagefindDev } from './pagefind-dev.ts';
import { tempDirs } from '../temp-dirs.ts';

const temp = tempDirs();

const SCRIPT = 'export const search = () => "pagefind";\n';
const servers: Array<{ close(): Promise<void> }> = [];
afterEach(async () => Promise.all(servers.splice(0).map((s) => s.close())));

/** A dev server over a site whose public/ holds a data build with Pagefind's script in two slices. */
async function devServer(plugins: Plugin[]): Promise<string> {
  const root = temp('pagefind-dev-');
  for (const dir of ['public/data/pagefind', 'public/data/pagefind/slice-3']) {
    mkdirSync(path.join(root, dir), { recursive: true });
    writeFileSync(path.join(root, dir, 'pagefind.js'), SCRIPT);
  }
  writeFileSync(path.join(root, 'index.html'), '<!doctype html><title>t</title>');
  const server = await createServer({
    root,
    configFile: false,
    logLevel: 'silent',
    plugins,
    server: { port: 0, host: '127.0.0.1' },
  });
  await server.listen();
  servers.push(server);
  return `http://127.0.0.1:${(server.httpServer!.address() as AddressInfo).port}`;
}

describe('pagefindDev', () => {
  it('serves each slice’s pagefind.js as a module, as the reader imports it', async () => {
    const base = await devServer([pagefindDev()]);
    for (const url of [
      '/data/pagefind/pagefind.js?import',
      '/data/pagefind/slice-3/pagefind.js?import&attempt=1',
    ]) {
      const res = await fetch(base + url);
      expect(res.status, url).toBe(200);
      expect(res.headers.get('content-type')).toMatch(/^text\/javascript/);
      expect(await res.text()).toBe(SCRIPT);
    }
  });

  it('is needed: Vite alone refuses the import of a public file', async () => {
    const base = await devServer([]);
    expect((await fetch(`${base}/data/pagefind/pagefind.js?import`)).status).toBe(500);
  });

  it('leaves other paths, and paths out of the public folder, to Vite', async () => {
    const base = await devServer([pagefindDev()]);
    const served = async (url: string) => (await fetch(base + url)).text();
    expect(await served('/data/pagefind/slice-9/pagefind.js')).not.toBe(SCRIPT);
    expect(await served('/data/%2e%2e/%2e%2e/pagefind/pagefind.js')).not.toBe(SCRIPT);
  });
});
