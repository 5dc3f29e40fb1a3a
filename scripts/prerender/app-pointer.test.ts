import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildInfoSchema } from '../../src/data/build.ts';
import { tempDirs } from '../temp-dirs.ts';
import { writeAppPointer } from './app-pointer.ts';

const temp = tempDirs();

describe('writeAppPointer', () => {
  it('names the build’s data folder in data/apps/<app id>.json, in build.json’s schema', () => {
    const dist = temp('app-pointer-');
    const build = { data: '0123456789abcdef', app: 'fedcba9876543210' };
    const file = writeAppPointer(dist, build);
    expect(file).toBe('data/apps/fedcba9876543210.json');
    expect(buildInfoSchema.parse(JSON.parse(readFileSync(path.join(dist, file), 'utf8')))).toEqual(build);
  });

  it('leaves the file (and its mtime) as it was when it names the same build, and other apps’ pointers alone', () => {
    const dist = temp('app-pointer-');
    const build = { data: 'aaaaaaaaaaaaaaaa', app: '1111111111111111' };
    const file = path.join(dist, writeAppPointer(dist, build));
    const before = statSync(file, { bigint: true }).mtimeNs;
    writeAppPointer(dist, build);
    expect(statSync(file, { bigint: true }).mtimeNs).toBe(before);
    writeAppPointer(dist, { data: 'bbbbbbbbbbbbbbbb', app: '2222222222222222' });
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual(build);
  });
});
