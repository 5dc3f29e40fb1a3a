import { linkSync, mkdirSync, readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDirs } from '../temp-dirs.ts';
import { createSiteWriter } from './site-writer.ts';

const temp = tempDirs();
const LONG_AGO = new Date('2020-01-01T00:00:00Z');

/** A site whose files were written long ago, so a rewrite shows in the mtime. */
function oldSite(files: Record<string, string>): string {
  const root = temp('site-writer-');
  for (const [file, text] of Object.entries(files)) {
    const full = path.join(root, file);
    mkdirSync(path.dirname(full), { recursive: true });
    writeFileSync(full, text);
    utimesSync(full, LONG_AGO, LONG_AGO);
  }
  return root;
}

const mtime = (root: string, file: string) => statSync(path.join(root, file)).mtime.getTime();

describe('createSiteWriter', () => {
  it('writes new files into folders it makes', () => {
    const root = temp('site-writer-');
    const write = createSiteWriter(root);
    expect(write('index.html', 'بيت')).toBe(true);
    expect(write('tags/وسم/page/2.html', 'صفحة')).toBe(true);
    expect(write('tags/وسم.html', 'وسم')).toBe(true);
    expect(readFileSync(path.join(root, 'tags/وسم/page/2.html'), 'utf8')).toBe('صفحة');
    expect(readFileSync(path.join(root, 'tags/وسم.html'), 'utf8')).toBe('وسم');
  });

  it('replaces a file that differs by a new one, never writing into it: a served hard link keeps its bytes', () => {
    const root = oldSite({ 'articles/b.html': 'خبر قديم' });
    const served = path.join(temp('served-'), 'b.html');
    linkSync(path.join(root, 'articles/b.html'), served);
    expect(createSiteWriter(root)('articles/b.html', 'خبر جديد')).toBe(true);
    expect(readFileSync(path.join(root, 'articles/b.html'), 'utf8')).toBe('خبر جديد');
    expect(readFileSync(served, 'utf8')).toBe('خبر قديم');
  });

  it('leaves a file that already holds the same bytes untouched, and rewrites one that differs', () => {
    const root = oldSite({ 'articles/a.html': 'خبر', 'articles/b.html': 'خبر قديم' });
    const write = createSiteWriter(root);
    expect(write('articles/a.html', 'خبر')).toBe(false);
    expect(mtime(root, 'articles/a.html')).toBe(LONG_AGO.getTime());
    expect(write('articles/b.html', 'خبر جديد')).toBe(true);
    expect(readFileSync(path.join(root, 'articles/b.html'), 'utf8')).toBe('خبر جديد');
    expect(mtime(root, 'articles/b.html')).not.toBe(LONG_AGO.getTime());
  });

  it('lets two writers (two worker threads) fill one folder', () => {
    const root = oldSite({ 'articles/a.html': 'خبر' });
    const first = createSiteWriter(root);
    const second = createSiteWriter(root);
    expect(first('articles/a.html', 'خبر')).toBe(false);
    expect(second('articles/c.html', 'آخر')).toBe(true);
    expect(first('articles/d.html', 'رابع')).toBe(true);
    expect(readFileSync(path.join(root, 'articles/c.html'), 'utf8')).toBe('آخر');
  });
});
