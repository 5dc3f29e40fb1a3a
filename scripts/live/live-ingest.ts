/**
 * The live preview of `npm start` (issue #8): a Vite plugin that watches the content folder and the
 * taxonomy, re-runs the ingest (incremental, so a save costs what it changes) and reloads the open page.
 * The ingest runs with --strict: a file with a rejected record leaves the data as it was, so the site keeps
 * serving the last good data, and the error (file and line) shows in the terminal and in Vite's overlay
 * until a save fixes it.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import type { Plugin } from 'vite';

export interface LiveIngestOptions {
  /** The content folder (default `$CONTENT` or `content/`). */
  content?: string;
  taxonomy?: string;
  out?: string;
}

export interface IngestFailure {
  message: string;
  file: string | null;
  line: number | null;
}

/** What went wrong, from the ingest's stderr: its first `file:line: reason`, or its first line. */
export function ingestFailure(stderr: string): IngestFailure {
  const lines = stderr.split('\n').filter((l) => l.trim() !== '');
  const located = lines.map((l) => /^(.+?):(\d+): (.+)$/.exec(l)).find((m) => m !== null);
  const message = lines.join('\n') || 'the ingest failed';
  return located ? { message, file: located[1]!, line: Number(located[2]) } : { message, file: null, line: null };
}

/** Calls coming while a run is in progress make one more run after it, not one each. */
function serialised(task: () => Promise<void>): () => void {
  let running = false;
  let again = false;
  const go = (): void => {
    if (running) {
      again = true;
      return;
    }
    running = true;
    void task().finally(() => {
      running = false;
      if (again) {
        again = false;
        go();
      }
    });
  };
  return go;
}

export function liveIngest(options: LiveIngestOptions = {}): Plugin {
  const content = options.content ?? (process.env.CONTENT || 'content/');
  const taxonomy = options.taxonomy ?? 'content/taxonomy.json';
  const out = options.out ?? 'public/data';
  return {
    name: 'live-ingest',
    apply: 'serve',
    configureServer(server) {
      if (process.env.VITEST) return;
      const root = server.config.root;
      const logger = server.config.logger;
      const watched = [path.resolve(root, content), path.resolve(root, taxonomy)];
      let failure: IngestFailure | null = null;
      const overlay = (f: IngestFailure) => ({
        type: 'error' as const,
        err: {
          message: f.message,
          stack: '',
          plugin: 'live-ingest',
          ...(f.file ? { id: f.file, loc: { file: path.resolve(root, f.file), line: f.line ?? 1, column: 1 } } : {}),
        },
      });

      const ingest = serialised(
        () =>
          new Promise<void>((resolve) => {
            const began = performance.now();
            const args = ['--import', 'tsx', 'scripts/ingest/cli.ts', '--strict', '--out', out, '--taxonomy', taxonomy, content];
            const child = spawn(process.execPath, args, { cwd: root, env: { ...process.env, CONTENT: '' } });
            let stdout = '';
            let stderr = '';
            child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
            child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
            child.on('close', (code) => {
              const ms = Math.round(performance.now() - began);
              if (code === 0) {
                failure = null;
                logger.info(`${stdout.trim().split('\n').at(-1) ?? 'ingest done'} (${ms} ms); reloading`, { timestamp: true });
                server.ws.send({ type: 'full-reload' });
              } else {
                failure = ingestFailure(stderr);
                logger.error(`live ingest failed; still serving the last good data\n${failure.message}`, { timestamp: true });
                server.ws.send(overlay(failure));
              }
              resolve();
            });
          }),
      );

      server.watcher.add(watched);
      const onFile = (file: string): void => {
        if (watched.some((w) => file === w || file.startsWith(`${w}${path.sep}`))) ingest();
      };
      server.watcher.on('add', onFile).on('change', onFile).on('unlink', onFile);
      // A page opened or reloaded while the content is broken shows the error too.
      server.ws.on('connection', () => {
        if (failure) server.ws.send(overlay(failure));
      });
    },
  };
}
