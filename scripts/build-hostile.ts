/**
 * Builds the site from the hostile corpus (e2e/fixtures/hostile) into its own folder, the way
 * `npm run build` builds dist/ from content/: the app, the ingest's data and search index, then the
 * prerendered pages, feeds and sitemaps. `e2e/hostile.spec.ts` serves and walks it.
 *
 *   npx tsx scripts/build-hostile.ts [--out dist-hostile]
 *
 * Writes the ingest's report beside the folder (`<out>.report.json`) and prints its counts.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

export const HOSTILE_CORPUS = 'e2e/fixtures/hostile';

const root = fileURLToPath(new URL('..', import.meta.url));

export interface HostileReport {
  counts: { articles: number; rejected: number; warnings: number };
  rejected: Array<{ file: string; line: number; reason: string }>;
  warnings: Array<{ file: string; line: number; message: string }>;
}

export const reportFileOf = (out: string): string => `${path.resolve(root, out)}.report.json`;

export function buildHostile(out: string): HostileReport {
  const dist = path.resolve(root, out);
  const ssr = `${dist}-ssr`;
  // Absolute URLs in feeds, sitemaps and JSON-LD, as a real deploy has them.
  const env = { ...process.env, SITE_URL: 'https://news.example' };
  const run = (args: string[]): void => {
    execFileSync('npx', args, { cwd: root, env, stdio: ['ignore', 'inherit', 'inherit'] });
  };
  const app = `${dist}-app`;
  const data = `${dist}.data`;
  run(['vite', 'build', '--outDir', app, '--emptyOutDir', '--logLevel', 'warn']);
  run([
    'tsx', 'scripts/ingest/cli.ts', '--out', data, '--full', '--cache', `${dist}.cache`,
    '--report', reportFileOf(out), HOSTILE_CORPUS,
  ]);
  run(['vite', 'build', '--ssr', 'scripts/prerender/render-worker.ts', '--outDir', ssr, '--logLevel', 'warn']);
  run([
    'tsx', 'scripts/prerender/cli.ts', '--app', app, '--data', data, '--dist', dist, '--full',
    '--worker', path.join(ssr, 'render-worker.js'), '--cache', `${dist}.pages.json`,
  ]);
  return JSON.parse(readFileSync(reportFileOf(out), 'utf8')) as HostileReport;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = parseArgs({ options: { out: { type: 'string', default: 'dist-hostile' } } });
  const { counts } = buildHostile(values.out);
  process.stdout.write(
    `hostile corpus: ${counts.articles} articles kept, ${counts.rejected} rejected, ${counts.warnings} warnings -> ${values.out}\n`,
  );
}
