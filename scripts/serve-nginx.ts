/**
 * Serves a built site with nginx and deploy/nginx.conf (only its `listen` and `root` replaced), in the
 * foreground, as one unprivileged process under a temp folder: what the Playwright journeys run against, so
 * they test the deploy recipe itself (prerendered files, the 404 status, headers).
 *
 *   npx tsx scripts/serve-nginx.ts [--root dist] [--port 4173]
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { NGINX_HEADERS_CONF } from './prerender/security-headers.ts';

const CONF = fileURLToPath(new URL('../deploy/nginx.conf', import.meta.url));
/** Where deploy/nginx.conf includes its security headers from (the nginx prefix, e.g. /etc/nginx/snippets/). */
const HEADERS_INCLUDE = /^(\s*)include\s+\S*news-reader-security-headers\.conf;/gm;

export function nginxBinary(): string | undefined {
  return [process.env.NGINX_PATH, '/usr/sbin/nginx', '/usr/local/sbin/nginx', '/usr/bin/nginx', '/opt/homebrew/bin/nginx'].find(
    (path): path is string => Boolean(path) && existsSync(path as string),
  );
}

/**
 * deploy/nginx.conf with its `listen` and `root` pointed at this run and its security headers included
 * from deploy/; fails loudly if they moved.
 */
export function serverBlock(port: number, root: string): string {
  const conf = readFileSync(CONF, 'utf8');
  const listen = /^(\s*)listen\s+[^;]+;/m;
  const rootLine = /^(\s*)root\s+[^;]+;/m;
  if (!listen.test(conf) || !rootLine.test(conf)) throw new Error(`${CONF} lost its listen or root line`);
  if (!conf.match(HEADERS_INCLUDE)) throw new Error(`${CONF} no longer includes the security headers`);
  return conf
    .replace(listen, `$1listen 127.0.0.1:${port};`)
    .replace(rootLine, `$1root ${root};`)
    .replace(HEADERS_INCLUDE, `$1include "${NGINX_HEADERS_CONF}";`);
}

function mimeTypes(): string {
  const candidates = ['/etc/nginx/mime.types', '/usr/local/etc/nginx/mime.types', '/opt/homebrew/etc/nginx/mime.types'];
  const found = candidates.find((p) => existsSync(p));
  if (!found) throw new Error('nginx mime.types not found');
  return found;
}

function main(): void {
  const { values } = parseArgs({
    options: { root: { type: 'string', default: 'dist' }, port: { type: 'string', default: '4173' } },
  });
  const nginx = nginxBinary();
  if (!nginx) {
    process.stderr.write('serve-nginx: nginx is not installed (apt-get install nginx, or brew install nginx)\n');
    process.exit(2);
  }
  const dir = mkdtempSync(join(tmpdir(), 'nginx-serve-'));
  for (const sub of ['logs', 'temp']) mkdirSync(join(dir, sub));
  const temp = ['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi']
    .map((kind) => `${kind}_temp_path ${join(dir, 'temp', kind)};`)
    .join('\n  ');
  const conf = `daemon off;
master_process off;
worker_processes 1;
pid ${join(dir, 'nginx.pid')};
error_log stderr warn;
events { worker_connections 512; }
http {
  include ${mimeTypes()};
  default_type application/octet-stream;
  access_log off;
  sendfile on;
  ${temp}
${serverBlock(Number(values.port), resolve(values.root))}
}
`;
  const confPath = join(dir, 'nginx.conf');
  writeFileSync(confPath, conf);
  const child = spawn(nginx, ['-p', dir, '-e', 'stderr', '-c', confPath], { stdio: 'inherit' });
  const stop = () => child.kill('SIGTERM');
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
  child.on('exit', (code) => {
    rmSync(dir, { recursive: true, force: true });
    process.exit(code ?? 0);
  });
  process.stdout.write(`serve-nginx: http://127.0.0.1:${values.port}/ serves ${values.root}\n`);
}

if (import.meta.url === `file://${process.argv[1]}`) main();
