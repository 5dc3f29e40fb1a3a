import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDirs } from '../temp-dirs.ts';
import { deploy, entryFiles, prune, readLedger } from './deploy.ts';

const temp = tempDirs();

const DAY = 24 * 60 * 60 * 1000;

/** A built site: its pages, a data folder, build.json and assets. */
function site(data: string, app: string, pages: Record<string, string>): string {
  const dist = temp(`dist-${data}-`);
  const files: Record<string, string> = {
    ...pages,
    [`data/${data}/manifest.json`]: `{"build":"${data}"}`,
    'data/build.json': JSON.stringify({ data, app }),
    [`data/apps/${app}.json`]: JSON.stringify({ data, app }),
    [`assets/index-${app}.js`]: app,
    'feed.xml': data,
  };
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dist, file)), { recursive: true });
    writeFileSync(path.join(dist, file), text);
  }
  return dist;
}

const A = site('aaaaaaaa', '11111111', { 'index.html': 'home A', 'articles/gone.html': 'gone' });
const B = site('bbbbbbbb', '22222222', { 'index.html': 'home B', 'articles/new.html': 'new' });
const read = (root: string, file: string) => readFileSync(path.join(root, file), 'utf8');

describe('deploy', () => {
  it('puts the new build beside the old one, switches the entry files and drops pages it no longer has', () => {
    const root = temp('served-');
    const t0 = new Date('2026-11-01T00:00:00Z');
    deploy(A, root, { now: t0 });
    deploy(B, root, { now: new Date(t0.getTime() + DAY) });

    expect(JSON.parse(read(root, 'data/build.json'))).toEqual({ data: 'bbbbbbbb', app: '22222222' });
    expect(read(root, 'index.html')).toBe('home B');
    expect(read(root, 'feed.xml')).toBe('bbbbbbbb');
    expect(existsSync(path.join(root, 'articles/gone.html'))).toBe(false);
    // An open tab of build A still finds its data and its code.
    expect(read(root, 'data/aaaaaaaa/manifest.json')).toBe('{"build":"aaaaaaaa"}');
    expect(read(root, 'assets/index-11111111.js')).toBe('11111111');
    expect(JSON.parse(read(root, 'data/apps/11111111.json'))).toEqual({ data: 'aaaaaaaa', app: '11111111' });
    expect(JSON.parse(read(root, 'data/apps/22222222.json'))).toEqual({ data: 'bbbbbbbb', app: '22222222' });
    expect(readLedger(root).map((entry) => entry.data)).toEqual(['aaaaaaaa', 'bbbbbbbb']);
  });

  it('sends only what changed: files are linked, not copied, and a second deploy of the same site places none', () => {
    const dist = site('cccccccc', '33333333', { 'index.html': 'home C', 'articles/a.html': 'a' });
    const root = temp('served-');
    const first = deploy(dist, root);
    expect(first.placed).toEqual({ copied: 0, linked: 7, unchanged: 0 });
    const ino = (dir: string, file: string) => statSync(path.join(dir, file)).ino;
    expect(ino(root, 'data/cccccccc/manifest.json')).toBe(ino(dist, 'data/cccccccc/manifest.json'));
    // The data folder, already there, is not even looked into.
    expect(deploy(dist, root).placed).toEqual({ copied: 0, linked: 0, unchanged: 6 });
    // One page rebuilt, as the prerender writes it (a new file): only it is sent, and the served copy of
    // the old one was never written into.
    writeFileSync(path.join(dist, 'articles/a.new'), 'a, edited');
    renameSync(path.join(dist, 'articles/a.new'), path.join(dist, 'articles/a.html'));
    expect(deploy(dist, root).placed).toEqual({ copied: 0, linked: 1, unchanged: 5 });
    expect(read(root, 'articles/a.html')).toBe('a, edited');
  });

  it('refuses a site whose build did not finish (no build.json), changing nothing', () => {
    const dist = site('dddddddd', '44444444', { 'index.html': 'home D' });
    rmSync(path.join(dist, 'data/build.json'));
    const root = temp('served-');
    expect(() => deploy(dist, root)).toThrow(/names no build/);
    expect(existsSync(path.join(root, 'index.html'))).toBe(false);
  });

  it('switches the app’s pointer before the pages, and build.json after them', () => {
    expect(
      entryFiles([
        'data/build.json',
        'index.html',
        'data/aaaaaaaa/manifest.json',
        'data/apps/11111111.json',
        'feed.xml',
        'articles/x.html',
      ]),
    ).toEqual(['data/apps/11111111.json', 'index.html', 'articles/x.html', 'data/build.json']);
  });

  it('prunes a build only once it has not been current for the days kept', () => {
    const root = temp('served-');
    const t0 = new Date('2026-11-01T00:00:00Z');
    deploy(A, root, { now: t0 });
    // A was current until B went live, 10 days after A was built: it is kept 7 days from then.
    const switched = new Date(t0.getTime() + 10 * DAY);
    deploy(B, root, { now: switched });
    expect(prune(root, { keepDays: 7, now: new Date(switched.getTime() + 6 * DAY) })).toEqual([]);
    expect(prune(root, { keepDays: 7, now: new Date(switched.getTime() + 8 * DAY) }).sort()).toEqual([
      'assets/index-11111111.js',
      'data/aaaaaaaa',
      'data/apps/11111111.json',
    ]);
    expect(existsSync(path.join(root, 'data/aaaaaaaa'))).toBe(false);
    expect(JSON.parse(read(root, 'data/apps/22222222.json'))).toEqual({ data: 'bbbbbbbb', app: '22222222' });
    expect(read(root, 'data/bbbbbbbb/manifest.json')).toBe('{"build":"bbbbbbbb"}');
    expect(read(root, 'assets/index-22222222.js')).toBe('22222222');
    expect(readLedger(root).map((entry) => entry.data)).toEqual(['bbbbbbbb']);
  });

  it('never prunes the current build, however old', () => {
    const root = temp('served-');
    deploy(A, root, { now: new Date('2020-01-01T00:00:00Z') });
    expect(prune(root, { keepDays: 0, now: new Date('2026-01-01T00:00:00Z') })).toEqual([]);
    expect(read(root, 'data/aaaaaaaa/manifest.json')).toBe('{"build":"aaaaaaaa"}');
  });
});
