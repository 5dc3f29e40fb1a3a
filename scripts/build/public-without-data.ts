/**
 * The client build copies `public/` without its `data/` folder. That folder is the ingest's output (1.1 GB
 * in 146,000 files at 100,000 articles): copied by Vite on every build, it made `npm run build` rewrite the
 * whole site for any change. The prerender hard-links it into the site's build folder instead
 * (scripts/prerender/site-files.ts). Vite's own copy (`build.copyPublicDir`, turned off) cannot leave a
 * folder out.
 */
import { cpSync } from 'node:fs';
import path from 'node:path';
import type { Plugin } from 'vite';

export function publicWithoutData(): Plugin {
  let from = '';
  let to = '';
  return {
    name: 'public-without-data',
    apply: (_config, env) => env.command === 'build' && !env.isSsrBuild,
    configResolved(config) {
      from = config.publicDir;
      to = path.resolve(config.root, config.build.outDir);
    },
    writeBundle() {
      cpSync(from, to, { recursive: true, filter: (file) => path.relative(from, file) !== 'data' });
    },
  };
}
