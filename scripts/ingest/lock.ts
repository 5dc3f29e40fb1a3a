import { closeSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import path from 'node:path';

/** The lock of an output folder: beside it, so that any run on that folder sees it (ingest or prerender). */
export const lockFileFor = (out: string): string => path.join(path.dirname(out), `.${path.basename(out)}.lock`);

/** Another live run holds the lock: the CLI says so and exits 2. */
export class LockedError extends Error {}

/**
 * A process's state and start time (clock ticks since boot) from Linux's /proc, or null where there is no
 * /proc: a killed run can linger as a zombie until its parent reaps it, and after a restart its pid may
 * belong to another process.
 */
function procStat(pid: number): { state: string; start: string } | null {
  try {
    const text = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // After "pid (comm) ": the command name may hold spaces and parentheses.
    const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
    return { state: fields[0]!, start: fields[19]! };
  } catch {
    return null;
  }
}

function alive(pid: number, start: string | undefined): boolean {
  try {
    process.kill(pid, 0);
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    if ((error as NodeJS.ErrnoException).code !== 'EPERM') return false;
  }
  const now = procStat(pid);
  if (!now) return true;
  return now.state !== 'Z' && now.state !== 'X' && (start === undefined || start === now.start);
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
      let start: string | undefined;
      try {
        const [pid, started] = readFileSync(file, 'utf8').trim().split(' ');
        holder = Number.parseInt(pid!, 10);
        start = started;
      } catch {
        // Gone between open and read: try again.
      }
      if (Number.isInteger(holder) && holder !== process.pid && alive(holder, start)) {
        throw new LockedError(`a build is running on this output (pid ${holder}, lock ${file})`);
      }
      rmSync(file, { force: true });
      continue;
    }
    const start = procStat(process.pid)?.start;
    writeSync(fd, `${process.pid}${start ? ` ${start}` : ''}\n`);
    closeSync(fd);
    return () => rmSync(file, { force: true });
  }
  throw new LockedError(`cannot take the lock ${file}`);
}
