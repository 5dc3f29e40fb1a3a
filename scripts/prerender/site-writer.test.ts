import { mkdirSync, readdirSync, readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs';
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

const read = (root: string, file: string) => readFileSync(path.join(root, file), 'utf8');

describe('createSiteWriter', () => {
  it('stages new files into folders it makes, leaving the site as it was', () => {
    const site = temp('site-writer-');
    const staging = path.join(temp('staging-'), 'next');
    const write = createSiteWriter(site, staging);
    expect(write('index.html', 'بيت')).toBe(true);
    expect(write('tags/وسم/page/2.html', 'صفحة')).toBe(true);
    expect(write('tags/وسم.html', 'وسم')).toBe(true);
    expect(read(staging, 'tags/وسم/page/2.html')).toBe('صفحة');
    expect(read(staging, 'tags/وسم.html')).toBe('وسم');
    expect(readdirSync(site)).toEqual([]);
  });

  it("stages a file whose bytes differ from the site's, and leaves one that holds the same bytes alone", () => {
    const site = oldSite({
      'articles/a.html': 'خبر',
      'articles/b.html': 'خبر قديم',
      'articles/c.html': 'خبر أ',
    });
    const staging = temp('staging-');
    const write = createSiteWriter(site, staging);
    expect(write('articles/a.html', 'خبر')).toBe(false);
    expect(write('articles/b.html', 'خبر جديد')).toBe(true);
    // As long as the file there, but not the same bytes.
    expect(write('articles/c.html', 'خبر ب')).toBe(true);
    expect(readdirSync(path.join(staging, 'articles')).sort()).toEqual(['b.html', 'c.html']);
    expect(read(staging, 'articles/b.html')).toBe('خبر جديد');
    expect(read(site, 'articles/b.html')).toBe('خبر قديم');
    expect(mtime(site, 'articles/a.html')).toBe(LONG_AGO.getTime());
    expect(mtime(site, 'articles/b.html')).toBe(LONG_AGO.getTime());
  });

  it('lets two writers (two worker threads) fill one staging folder', () => {
    const site = oldSite({ 'articles/a.html': 'خبر' });
    const staging = temp('staging-');
    const first = createSiteWriter(site, staging);
    const second = createSiteWriter(site, staging);
    expect(first('articles/a.html', 'خبر')).toBe(false);
    expect(second('articles/c.html', 'آخر')).toBe(true);
    expect(first('articles/d.html', 'رابع')).toBe(true);
    expect(readdirSync(path.join(staging, 'articles')).sort()).toEqual(['c.html', 'd.html']);
  });
});
