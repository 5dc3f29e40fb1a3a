/**
 * Search in `npm start`: the reader imports each slice's `pagefind.js` from the data folder at run time
 * (src/features/search/pagefind-client.ts), and Vite's dev server refuses to serve a file of `public/` as
 * a module ("should not be imported from source code": its transform sees the `?import` it adds). This
 * plugin serves those scripts as they are, before Vite's own handlers. The build and the deployed site
 * never see it: there they are plain static files.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Plugin } from 'vite';

/** A Pagefind script under `/data/`, any slice, any query (`?import`, `?attempt=N`). */
const PAGEFIND_SCRIPT = /^\/data\/(?:[^?#]*\/)?pagefind\/(?:slice-\d+\/)?pagefind[\w-]*\.js(?:[?#]|$)/;

export function pagefindDev(): Plugin {
  return {
    name: 'pagefind-dev',
    apply: 'serve',
    configureServer(server) {
      const publicDir = server.config.publicDir;
      server.middlewares.use((req, res, next) => {
        const url = req.url ?? '';
        if (!PAGEFIND_SCRIPT.test(url)) return next();
        const file = path.join(publicDir, decodeURIComponent(url.replace(/[?#].*$/, '')));
        if (!file.startsWith(publicDir + path.sep)) return next();
        readFile(file).then(
          (body) => {
            res.setHeader('Content-Type', 'text/javascript; charset=utf-8');
            res.setHeader('Cache-Control', 'no-cache');
            res.end(body);
          },
          () => next(),
        );
      });
    },
  };
}
