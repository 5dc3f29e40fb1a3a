import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { articleHref, homeHref, safeExternalHref, tagHref, topicHref } from './hrefs.ts';

describe('hrefs', () => {
  it.each([
    [homeHref(), '/'],
    [homeHref(0), '/'],
    [homeHref(1), '/page/1'],
    [homeHref(3), '/page/3'],
    [articleHref('a/b?c#d'), '/articles/a%2Fb%3Fc%23d'],
    [topicHref('karabakh'), '/topics/karabakh'],
    [topicHref('karabakh', 2), '/topics/karabakh/page/2'],
    [tagHref('100%', 2), '/tags/100%25/page/2'],
    [tagHref('اذربيجان'), `/tags/${encodeURIComponent('اذربيجان')}`],
    [tagHref('100%'), '/tags/100%25'],
  ])('%s = %s', (href, expected) => {
    expect(href).toBe(expected);
  });
});

describe('safeExternalHref', () => {
  it.each([
    [null, null],
    ['https://example.com/a', 'https://example.com/a'],
    ['http://example.com/', 'http://example.com/'],
    ['javascript:alert(1)', null],
    ['data:text/html,x', null],
    ['/relative', null],
    ['not a url', null],
  ])('%j → %j', (url, expected) => {
    expect(safeExternalHref(url)).toBe(expected);
  });
});

describe('safeExternalHref with siteRelative (pictures)', () => {
  const image = (url: string | null) => safeExternalHref(url, { siteRelative: true });

  it.each([
    ['/images/a.jpg', '/images/a.jpg'],
    ['/images/صورة.jpg?w=2#x', `/images/${encodeURIComponent('صورة')}.jpg?w=2#x`],
    ['https://cdn.example/a.webp', 'https://cdn.example/a.webp'],
    ['//evil.example/a.jpg', null],
    ['/\\evil.example/a.jpg', null],
    ['/\t/evil.example/a.jpg', null],
    ['images/a.jpg', null],
    ['javascript:alert(1)', null],
    ['data:image/png;base64,AAAA', null],
    ['blob:https://example.com/x', null],
    ['', null],
  ])('%j → %j', (url, expected) => {
    expect(image(url)).toBe(expected);
  });

  it('never lets a path reach another host, whatever follows the slash', () => {
    fc.assert(
      fc.property(fc.string(), (rest) => {
        const safe = image(`/${rest}`);
        if (safe === null) return;
        expect(safe.startsWith('/')).toBe(true);
        expect(new URL(safe, 'https://reader.example').host).toBe('reader.example');
      }),
    );
  });

  it('passes only http(s) addresses and site paths, never another scheme', () => {
    fc.assert(
      fc.property(fc.oneof(fc.webUrl(), fc.string(), fc.constantFrom('javascript:x', 'data:,x', 'file:///x')), (url) => {
        const safe = image(url);
        if (safe === null) return;
        expect(safe.startsWith('/') ? !safe.startsWith('//') : /^https?:\/\//.test(safe)).toBe(true);
      }),
    );
  });

  it('without siteRelative, a path is still refused (source links must be absolute)', () => {
    expect(safeExternalHref('/images/a.jpg')).toBeNull();
  });
});
