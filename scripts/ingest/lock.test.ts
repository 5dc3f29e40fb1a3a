import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LockedError, acquireLock } from './lock.ts';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'lock-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('acquireLock', () => {
  it('writes the pid and removes the file on release', () => {
    const file = path.join(dir, 'out.lock');
    const release = acquireLock(file);
    expect(readFileSync(file, 'utf8').trim().split(' ')[0]).toBe(String(process.pid));
    release();
    expect(existsSync(file)).toBe(false);
  });

  it('refuses a lock held by a live process, naming its pid', () => {
    const file = path.join(dir, 'out.lock');
    writeFileSync(file, `${process.ppid}\n`);
    expect(() => acquireLock(file)).toThrow(LockedError);
    expect(() => acquireLock(file)).toThrow(new RegExp(`pid ${process.ppid}`));
  });

  it('takes over a stale lock from a dead process', () => {
    const file = path.join(dir, 'out.lock');
    const dead = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))']).stdout.toString();
    writeFileSync(file, `${dead}\n`);
    const release = acquireLock(file);
    expect(readFileSync(file, 'utf8').trim().split(' ')[0]).toBe(String(process.pid));
    release();
  });

  it.runIf(existsSync('/proc/self/stat'))('takes over a lock whose pid now names another process', () => {
    const file = path.join(dir, 'out.lock');
    // The parent is alive, but it started at another time than the run that wrote the lock.
    writeFileSync(file, `${process.ppid} 1\n`);
    acquireLock(file)();
  });

  it.runIf(existsSync('/proc/self/stat'))(
    'takes over a lock held by a killed run its parent has not reaped yet',
    async () => {
      const file = path.join(dir, 'out.lock');
      const child = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)']);
      await new Promise((resolve) => child.once('spawn', resolve));
      writeFileSync(file, `${child.pid}\n`);
      expect(() => acquireLock(file)).toThrow(LockedError);
      // SIGKILL, and this test does not reap it: a zombie until the event loop runs the exit handler.
      execFileSync('kill', ['-9', String(child.pid)]);
      for (let i = 0; i < 100 && !readFileSync(`/proc/${child.pid}/stat`, 'utf8').includes(') Z '); i++)
        execFileSync('sleep', ['0.01']);
      acquireLock(file)();
    },
  );
});
