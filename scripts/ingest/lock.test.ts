import { spawnSync } from 'node:child_process';
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
    expect(readFileSync(file, 'utf8').trim()).toBe(String(process.pid));
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
    expect(readFileSync(file, 'utf8').trim()).toBe(String(process.pid));
    release();
  });
});
