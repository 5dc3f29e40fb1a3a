import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SHARE_TARGETS, shareLink } from './share-links.ts';

const title = 'الكرملين: نرفض الانتقادات & «كاراباخ»؟';
const url = 'https://news.example.org/articles/%D8%AA%D9%82?x=1#y';

describe('shareLink', () => {
  it.each([
    ['whatsapp', `https://wa.me/?text=${encodeURIComponent(`${title} ${url}`)}`],
    ['telegram', `https://t.me/share/url?url=${encodeURIComponent(url)}&text=${encodeURIComponent(title)}`],
    ['x', `https://x.com/intent/post?text=${encodeURIComponent(title)}&url=${encodeURIComponent(url)}`],
    ['facebook', `https://www.facebook.com/sharer/sharer.php?u=${encodeURIComponent(url)}`],
  ] as const)('%s', (target, expected) => {
    expect(shareLink(target, title, url)).toBe(expected);
  });

  it('gives back the exact headline and URL to whoever reads the query', () => {
    fc.assert(
      fc.property(fc.string(), fc.webUrl(), (headline, address) => {
        for (const target of SHARE_TARGETS) {
          const params = new URL(shareLink(target, headline, address)).searchParams;
          if (target === 'whatsapp') expect(params.get('text')).toBe(`${headline} ${address}`);
          if (target === 'telegram') expect([params.get('url'), params.get('text')]).toEqual([address, headline]);
          if (target === 'x') expect([params.get('url'), params.get('text')]).toEqual([address, headline]);
          if (target === 'facebook') expect(params.get('u')).toBe(address);
        }
      }),
    );
  });
});
