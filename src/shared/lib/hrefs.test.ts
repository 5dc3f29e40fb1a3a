import { describe, expect, it } from 'vitest';
import { articleHref, homeHref, safeExternalHref, tagHref, topicHref } from './hrefs.ts';

describe('hrefs', () => {
  it.each([
    [homeHref(), '/'],
    [homeHref(1), '/'],
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
