import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDirs } from '../temp-dirs.ts';
import { changedPaths, DATA_CHANGES_FILE, readDataChanges, writeDataChanges } from './data-changes.ts';

const temp = tempDirs();

describe('changedPaths', () => {
  it('names the files whose hash moved, those only one output has, and every file of a bundle whose key moved', () => {
    const before = {
      files: {
        'manifest.json': 'm1',
        'home/1.json': 'h1',
        'tags/a.json': 't1',
        'pagefind/search-manifest.json': 's1',
      },
      slices: [
        { path: '', key: 'k-new', files: ['pagefind.js', 'index/1.pf_index'] },
        { path: 'slice-0/', key: 'k-old', files: ['pagefind.js'] },
      ],
    };
    const after = {
      files: {
        'manifest.json': 'm1',
        'home/1.json': 'h2',
        'home/2.json': 'h3',
        'pagefind/search-manifest.json': 's1',
      },
      slices: [
        { path: '', key: 'k-newer', files: ['pagefind.js', 'index/2.pf_index'] },
        { path: 'slice-0/', key: 'k-old', files: ['pagefind.js'] },
      ],
    };
    expect(changedPaths(before, after, 'pagefind')).toEqual([
      'home/1.json',
      'home/2.json',
      'pagefind/index/1.pf_index',
      'pagefind/index/2.pf_index',
      'pagefind/pagefind.js',
      'tags/a.json',
    ]);
    expect(changedPaths(before, { files: before.files, slices: [] }, 'pagefind')).toEqual([
      'pagefind/index/1.pf_index',
      'pagefind/pagefind.js',
      'pagefind/slice-0/pagefind.js',
    ]);
  });
});

describe('writeDataChanges and readDataChanges', () => {
  it('round-trips a list, removes it when there is none, and refuses one that names a path outside the output', () => {
    const dir = temp('data-changes-');
    writeDataChanges(dir, { from: '0123456789abcdef', paths: ['home/1.json'] });
    expect(readDataChanges(dir)).toEqual({ from: '0123456789abcdef', paths: ['home/1.json'] });
    writeDataChanges(dir, null);
    expect(readDataChanges(dir)).toBeNull();
    for (const bad of ['../site/index.html', '/etc/passwd', 'home//1.json', 'home/./1.json', 'a\\b', 7]) {
      writeFileSync(
        path.join(dir, DATA_CHANGES_FILE),
        JSON.stringify({ from: 'x', paths: ['home/1.json', bad] }),
      );
      expect(readDataChanges(dir), String(bad)).toBeNull();
    }
    writeFileSync(path.join(dir, DATA_CHANGES_FILE), '{"from":"x","paths":["home/1.json"');
    expect(readDataChanges(dir)).toBeNull();
  });
});
