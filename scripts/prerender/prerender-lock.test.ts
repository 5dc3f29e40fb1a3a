import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { LockedError, lockFileFor } from '../ingest/lock.ts';
import { tempDirs } from '../temp-dirs.ts';
import { prerender } from './cli.ts';

const temp = tempDirs();

describe('prerender', () => {
  it.each(['site', 'data'] as const)(
    'refuses to start while another run holds the %s folder, naming its pid',
    async (held) => {
      const dir = temp('prerender-lock-');
      const folders = { site: path.join(dir, 'dist'), data: path.join(dir, 'data') };
      // The parent process (vitest's) is alive for as long as this test runs.
      writeFileSync(lockFileFor(folders[held]), `${process.ppid}\n`);
      const run = prerender({
        appDir: path.join(dir, 'app'),
        dataDir: folders.data,
        distDir: folders.site,
        workerFile: path.join(dir, 'worker.js'),
        threads: 1,
        siteUrl: undefined,
      });
      await expect(run).rejects.toThrow(LockedError);
      await expect(run).rejects.toThrow(new RegExp(`pid ${process.ppid}`));
    },
  );
});
