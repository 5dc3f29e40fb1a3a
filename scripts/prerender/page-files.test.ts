import { describe, expect, it } from 'vitest';
import { articleHref, tagHref } from '../../src/shared/lib/hrefs.ts';
import { laterPages, pageFile, pageLinks } from './page-files.ts';

describe('pageFile', () => {
  it.each([
    ['/', 'index.html'],
    ['/page/2', 'page/2.html'],
    ['/topics/karabakh', 'topics/karabakh.html'],
    ['/topics/karabakh/page/3', 'topics/karabakh/page/3.html'],
    [tagHref('وقف-اطلاق-النار'), 'tags/وقف-اطلاق-النار.html'],
    [articleHref('100% خبر'), 'articles/100% خبر.html'],
    [articleHref('a?b#c'), 'articles/a?b#c.html'],
  ])('%s → %s', (path, file) => {
    expect(pageFile(path)).toBe(file);
  });

  it.each([
    ['an id with a slash', articleHref('a/b')],
    ['an id that is ..', articleHref('..')],
    ['a control character', articleHref('a\u0001b')],
    ['a name too long for a file system', articleHref('خ'.repeat(150))],
    ['a malformed escape', '/tags/%E0%A4%A'],
  ])('has no file for %s', (_, path) => {
    expect(pageFile(path)).toBeNull();
  });

  it('names files other than pages', () => {
    expect(pageFile('/topics/karabakh/feed.xml', '')).toBe('topics/karabakh/feed.xml');
  });
});

describe('pageLinks', () => {
  it('finds the site-relative links of a page, once each, without fragments or query strings', () => {
    const html =
      '<a href="/articles/a%2Fb">x</a><a class="c" href="/tags/x#top">y</a><a href="/tags/x">z</a>' +
      '<a href="https://example.com/">out</a><a href="//cdn.example.com/">cdn</a><a href="/search?q=x">s</a>' +
      '<a href="/a&amp;b">amp</a><a href="#main">skip</a>';
    expect(pageLinks(html)).toEqual(['/articles/a%2Fb', '/tags/x', '/a&b']);
  });
});

describe('laterPages', () => {
  it("names every older page of a list from its first, as the list's «أخبار أقدم» links reach them", () => {
    expect(laterPages({ kind: 'home', slug: null, page: 0, older: 2 })).toEqual(['/page/2', '/page/1']);
    expect(laterPages({ kind: 'topic', slug: 'karabakh', page: 0, older: 1 })).toEqual(['/topics/karabakh/page/1']);
    expect(laterPages({ kind: 'tag', slug: 'a/b', page: 0, older: 1 })).toEqual(['/tags/a%2Fb/page/1']);
  });

  it('names none for a list of one page, or from an older page', () => {
    expect(laterPages({ kind: 'home', slug: null, page: 0, older: null })).toEqual([]);
    expect(laterPages({ kind: 'tag', slug: 'x', page: 4, older: 3 })).toEqual([]);
  });
});
