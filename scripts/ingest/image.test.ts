import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readImage } from './image.ts';

describe('readImage', () => {
  it('takes a plain URL string as the src', () => {
    expect(readImage('https://cdn.example/a.jpg')).toEqual({
      image: { src: 'https://cdn.example/a.jpg', alt: null, caption: null, credit: null, width: null, height: null },
      problems: [],
    });
  });

  it('takes the object form with every field, cleaned', () => {
    const { image, problems } = readImage({
      src: ' /images/kremlin.jpg ',
      alt: ' الكرملين  في موسكو ',
      caption: 'مبنى الكرملين',
      credit: 'رويترز',
      width: 1200,
      height: 675,
    });
    expect(problems).toEqual([]);
    expect(image).toEqual({
      src: '/images/kremlin.jpg',
      alt: 'الكرملين في موسكو',
      caption: 'مبنى الكرملين',
      credit: 'رويترز',
      width: 1200,
      height: 675,
    });
  });

  it('has nothing to say about an article without a picture', () => {
    expect(readImage(undefined)).toEqual({ image: null, problems: [] });
    expect(readImage(null)).toEqual({ image: null, problems: [] });
  });

  it.each([
    ['javascript:alert(1)', /not an http\(s\) or site-relative/],
    ['data:image/png;base64,AAAA', /not an http\(s\) or site-relative/],
    ['//evil.example/a.jpg', /not an http\(s\) or site-relative/],
    ['images/a.jpg', /not an http\(s\) or site-relative/],
    [{ alt: 'x' }, /src is missing/],
    [{ src: 42 }, /src is not text/],
    [42, /not a URL or an object/],
    [['/a.jpg'], /not a URL or an object/],
    [`https://cdn.example/${'a'.repeat(3000)}`, /limit 2000/],
  ])('drops %j and says why', (value, why) => {
    const { image, problems } = readImage(value);
    expect(image).toBeNull();
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(why);
  });

  it('keeps the picture but not a size that cannot reserve a box', () => {
    const { image, problems } = readImage({ src: '/a.jpg', width: -3, height: '2' });
    expect(image).toMatchObject({ src: '/a.jpg', width: null, height: null });
    expect(problems).toEqual([expect.stringMatching(/width\/height ignored/)]);
  });

  it('never throws and never passes a src of another scheme or host', () => {
    fc.assert(
      fc.property(fc.oneof(fc.anything(), fc.string(), fc.record({ src: fc.string(), width: fc.anything() })), (value) => {
        const { image, problems } = readImage(value);
        if (image === null) return;
        expect(image.src.startsWith('//')).toBe(false);
        expect(image.src.startsWith('/') || /^https?:\/\//.test(image.src)).toBe(true);
        expect(Array.isArray(problems)).toBe(true);
      }),
    );
  });
});
