import { closeSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';

/** Another live run holds the lock: the CLI says so and exits 2. */
export class LockedError extends Error {}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Takes the lock file `file` (created exclusively, holding this process's pid) and returns its release.
 * A lock whose holder is dead (a run killed with -9) is taken over; a live holder is a LockedError.
 */
export function acquireLock(file: string): () => void {
  for (let attempt = 0; attempt < 3; attempt++) {
    let fd: number;
    try {
      fd = openSync(file, 'wx');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      let holder = Number.NaN;
      try {
        holder = Number.parseInt(readFileSync(file, 'utf8'), 10);
      } catch {
        // Gone between open and read: try again.
      }
      if (Number.isInteger(holder) && holder !== process.pid && alive(holder)) {
        throw new LockedError(`a build is running on this output (pid ${holder}, lock ${file})`);
      }
      rmSync(file, { force: true });
      continue;
    }
    writeSync(fd, `${process.pid}\n`);
    closeSync(fd);
    return () => rmSync(file, { force: true });
  }
  throw new LockedError(`cannot take the lock ${file}`);
}
