import {
  existsSync,
  linkSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  statSync,
  unlinkSync,
  writeFileSync,
} from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDirs } from '../temp-dirs.ts';
import { DATA_CHANGES_FILE } from '../ingest/data-changes.ts';
import { DATA_ID_FILE } from '../ingest/data-id.ts';
import { listFiles } from '../file-tree.ts';
import {
  commitStaged,
  listSite,
  placeAppFiles,
  placeDataBuild,
  planDataBuild,
  removeStale,
  staleFiles,
} from './site-files.ts';

const temp = tempDirs();

function folder(files: Record<string, string>): string {
  const dir = temp('site-files-');
  for (const [file, text] of Object.entries(files)) put(dir, file, text);
  return dir;
}

function put(dir: string, file: string, text: string): void {
  mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
  writeFileSync(path.join(dir, file), text);
}

const stamp = (file: string) => statSync(file, { bigint: true });

describe('placeAppFiles', () => {
  it('stages the app but its template, and not a file the site holds with the same bytes', () => {
    const app = folder({ 'index.html': '<html>', 'assets/a.js': 'a', 'sw.js': 'w' });
    const site = folder({ 'sw.js': 'w' });
    const staging = temp('staging-');
    expect(placeAppFiles(app, site, staging)).toEqual({
      files: expect.arrayContaining(['assets/a.js', 'sw.js']),
      copied: 1,
    });
    expect(listFiles(staging)).toEqual(['assets/a.js']);
    expect(existsSync(path.join(site, 'assets/a.js'))).toBe(false);
  });
});

describe('commitStaged', () => {
  it('moves every staged file into the site, replacing a file by a new one: a served hard link keeps its bytes', () => {
    const site = folder({ 'articles/a.html': 'خبر قديم', 'articles/b.html': 'باق' });
    const served = path.join(temp('served-'), 'a.html');
    linkSync(path.join(site, 'articles/a.html'), served);
    const staging = folder({ 'articles/a.html': 'خبر جديد', 'tags/وسم/page/2.html': 'صفحة' });
    expect(commitStaged(staging, site).sort()).toEqual(['articles/a.html', 'tags/وسم/page/2.html']);
    expect(readFileSync(path.join(site, 'articles/a.html'), 'utf8')).toBe('خبر جديد');
    expect(readFileSync(path.join(site, 'articles/b.html'), 'utf8')).toBe('باق');
    expect(readFileSync(path.join(site, 'tags/وسم/page/2.html'), 'utf8')).toBe('صفحة');
    expect(readFileSync(served, 'utf8')).toBe('خبر قديم');
    expect(existsSync(staging)).toBe(false);
  });
});

const place = (data: string, site: string, id: string) => placeDataBuild(planDataBuild(data, site, id));

describe('placeDataBuild', () => {
  it('links the data into its build folder, without its id file, and leaves it alone on the next build', () => {
    const data = folder({ 'manifest.json': '{}', 'home/1.json': '[1]', [DATA_ID_FILE]: 'x' });
    const site = temp('site-');
    expect(place(data, site, '0123456789abcdef')).toBe(2);
    const built = path.join(site, 'data', '0123456789abcdef');
    expect(readdirSync(built).sort()).toEqual(['home', 'manifest.json']);
    expect(stamp(path.join(built, 'home/1.json')).ino).toBe(stamp(path.join(data, 'home/1.json')).ino);
    expect(place(data, site, '0123456789abcdef')).toBe(0);
  });

  it("brings the last build's folder up to date: new and changed files linked, gone ones removed", () => {
    const data = folder({ 'manifest.json': '{}', 'home/1.json': '[1]', 'tags/a/1.json': '[]' });
    const site = temp('site-');
    place(data, site, '0000000000000001');
    // As the ingest does: a changed file is a new file (a new inode), never written into.
    writeFileSync(path.join(data, 'home/1.new'), '[2]');
    renameSync(path.join(data, 'home/1.new'), path.join(data, 'home/1.json'));
    put(data, 'home/2.json', '[3]');
    const gone = path.join(data, 'tags');
    renameSync(gone, path.join(temp('elsewhere-'), 'tags'));
    const plan = planDataBuild(data, site, '0000000000000002');
    // Planning reads: the last build is still there, whole, under its id.
    expect(readdirSync(path.join(site, 'data'))).toEqual(['0000000000000001']);
    expect(readFileSync(path.join(site, 'data/0000000000000001/home/1.json'), 'utf8')).toBe('[1]');
    expect(placeDataBuild(plan)).toBe(2);
    expect(readdirSync(path.join(site, 'data')).sort()).toEqual(['0000000000000002']);
    const built = path.join(site, 'data', '0000000000000002');
    expect(readdirSync(built).sort()).toEqual(['home', 'manifest.json']);
    expect(readFileSync(path.join(built, 'home/1.json'), 'utf8')).toBe('[2]');
    expect(readFileSync(path.join(built, 'home/2.json'), 'utf8')).toBe('[3]');
  });

  it('finishes the folder a landing killed half-way left', () => {
    const data = folder({ 'manifest.json': '{}', 'home/1.json': '[1]', 'home/2.json': '[2]' });
    const site = temp('site-');
    place(data, site, '0000000000000001');
    const partial = path.join(site, 'data', 'partial');
    renameSync(path.join(site, 'data', '0000000000000001'), partial);
    unlinkSync(path.join(partial, 'home/2.json'));
    put(data, 'home/3.json', '[3]');
    expect(place(data, site, '0000000000000002')).toBe(2);
    expect(readdirSync(path.join(site, 'data'))).toEqual(['0000000000000002']);
    expect(listFiles(path.join(site, 'data', '0000000000000002')).sort()).toEqual([
      'home/1.json',
      'home/2.json',
      'home/3.json',
      'manifest.json',
    ]);
  });

  it("takes the ingest's change list from the last build's data at its word, and ignores one from another", () => {
    const data = folder({
      'manifest.json': '{}',
      'home/1.json': '[1]',
      'home/2.json': '[2]',
      'tags/a.json': '[]',
    });
    const site = temp('site-');
    place(data, site, '0000000000000001');
    const replace = (file: string, text: string) => {
      writeFileSync(path.join(data, `${file}.new`), text);
      renameSync(path.join(data, `${file}.new`), path.join(data, file));
    };
    replace('home/1.json', '[10]');
    // Unnamed by the list below: trusted unchanged, so not looked at.
    replace('home/2.json', '[20]');
    put(data, 'home/3.json', '[3]');
    renameSync(path.join(data, 'tags'), path.join(temp('elsewhere-'), 'tags'));
    put(data, DATA_CHANGES_FILE, 'the list');
    const paths = ['home/1.json', 'home/3.json', 'tags/a.json'];

    const plan = planDataBuild(data, site, '0000000000000002', { from: '0000000000000001', paths });
    expect(plan.link.sort()).toEqual(['home/1.json', 'home/3.json']);
    expect(plan.unlink.sort()).toEqual(['home/1.json', 'tags/a.json']);
    expect(placeDataBuild(plan)).toBe(2);
    const built = path.join(site, 'data', '0000000000000002');
    expect(listFiles(built).sort()).toEqual(['home/1.json', 'home/2.json', 'home/3.json', 'manifest.json']);
    expect(readFileSync(path.join(built, 'home/1.json'), 'utf8')).toBe('[10]');
    expect(readFileSync(path.join(built, 'home/2.json'), 'utf8')).toBe('[2]');

    // A list from a build the site does not hold: every file is compared, and the list is not linked.
    replace('home/3.json', '[30]');
    const compared = planDataBuild(data, site, '0000000000000003', { from: '0000000000000001', paths: [] });
    expect(compared.link.sort()).toEqual(['home/2.json', 'home/3.json']);
  });
});

describe('staleFiles and removeStale', () => {
  it('find, reading only, what the build did not make, other data builds and emptied folders; then remove them', () => {
    const site = folder({
      'index.html': 'home',
      'articles/a.html': 'a',
      'articles/gone.html': 'gone',
      'tags/old/index.html': 'old',
      'data/build.json': '{}',
      'data/0000000000000001/manifest.json': '{}',
      'data/0000000000000002/manifest.json': '{}',
      'data/0000000000000003/manifest.json': '{}',
    });
    const keep = new Set(['index.html', 'articles/a.html', 'data/build.json']);
    // The build lands as 0000000000000003, made from the last build's folder, 0000000000000002.
    const plan = { ...planDataBuild(folder({}), site, '0000000000000004'), id: '0000000000000003' };
    plan.from = path.join(site, 'data', '0000000000000002');
    const stale = staleFiles(listSite(site), keep, plan);
    expect(listFiles(site)).toHaveLength(8);
    expect(removeStale(site, stale)).toBe(3);
    expect(readdirSync(site).sort()).toEqual(['articles', 'data', 'index.html']);
    expect(readdirSync(path.join(site, 'articles'))).toEqual(['a.html']);
    expect(readdirSync(path.join(site, 'data')).sort()).toEqual([
      '0000000000000002',
      '0000000000000003',
      'build.json',
    ]);
  });

  it('leaves a folder that the landing filled', () => {
    const site = folder({ 'tags/old/index.html': 'old' });
    const stale = staleFiles(listSite(site), new Set(), planDataBuild(folder({}), site, '0000000000000001'));
    put(site, 'tags/new.html', 'new');
    removeStale(site, stale);
    expect(listFiles(site)).toEqual(['tags/new.html']);
  });
});
