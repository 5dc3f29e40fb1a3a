/**
 * Small sites for journeys that need content of their own: one app build, then per corpus the ingest and
 * the prerender into a folder of its own, served by nginx with deploy/nginx.conf on a free port.
 */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import path from 'node:path';
import { expect } from './fixtures.ts';

export interface Draft {
  id: string;
  title: string;
  date: string;
  tags: string[];
  /** The article's paragraphs; by default two made from its title. */
  body?: string[];
}

const ROOT = path.resolve(import.meta.dirname, '..');

const body = (title: string) =>
  [
    `${title}. قال مسؤولون إن المحادثات ستستمر خلال الأسبوع المقبل بحضور ممثلين عن الأطراف كافة.`,
    'وأضافوا أن الأسواق تتابع التطورات عن كثب، وأن الأسعار تأثرت بالأنباء الأخيرة في المنطقة.',
  ];

const run = (command: string, args: string[]) =>
  execFileSync(command, args, { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'], env: { ...process.env, SITE_URL: '' } });

/** One app build in `work`, then a prerendered site for each corpus. Returns each site's folder by name. */
export function buildSites<Name extends string>(work: string, corpora: Record<Name, Draft[]>): Record<Name, string> {
  const app = path.join(work, 'app');
  run('npx', ['vite', 'build', '--outDir', app, '--emptyOutDir', '--logLevel', 'error']);
  const sites = {} as Record<Name, string>;
  for (const [name, drafts] of Object.entries(corpora) as [Name, Draft[]][]) {
    const content = path.join(work, `content-${name}`);
    mkdirSync(content);
    writeFileSync(
      path.join(content, 'articles.jsonl'),
      drafts.map((d) => JSON.stringify({ ...d, body: d.body ?? body(d.title), source: 'وكالة' })).join('\n'),
    );
    const dist = path.join(work, name);
    const data = path.join(work, `data-${name}`);
    const cache = path.join(work, `cache-${name}`);
    run('npx', ['tsx', 'scripts/ingest/cli.ts', '--out', data, '--cache', cache, content]);
    run('npx', ['tsx', 'scripts/prerender/cli.ts', '--app', app, '--data', data, '--dist', dist, '--threads', '1', '--cache', `${cache}.pages.json`]);
    sites[name] = dist;
  }
  return sites;
}

/** A port no one listens on (the journeys' own server and other runs keep theirs). */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** Serves `root` with nginx and deploy/nginx.conf; resolves once it answers. */
export async function serve(root: string): Promise<{ origin: string; server: ChildProcess }> {
  const port = await freePort();
  const origin = `http://127.0.0.1:${port}`;
  const server = spawn(process.execPath, ['--import', 'tsx', 'scripts/serve-nginx.ts', '--root', root, '--port', String(port)], {
    cwd: ROOT,
    stdio: 'ignore',
  });
  await expect.poll(async () => (await fetch(origin).catch(() => null))?.status, { timeout: 30_000 }).toBe(200);
  return { origin, server };
}
