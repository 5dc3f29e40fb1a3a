import { inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { LOGO_RED, drawIcon, encodePng } from './app-icons.ts';

/** Reads back what encodePng wrote: size and the unfiltered RGBA rows. */
function decode(png: Buffer): { width: number; height: number; pixel: (x: number, y: number) => number[] } {
  expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  const width = png.readUInt32BE(16);
  const height = png.readUInt32BE(20);
  const idatLength = png.readUInt32BE(33);
  expect(png.toString('ascii', 37, 41)).toBe('IDAT');
  const rows = inflateSync(png.subarray(41, 41 + idatLength));
  const pixel = (x: number, y: number) => {
    const i = y * (width * 4 + 1) + 1 + x * 4;
    return [...rows.subarray(i, i + 4)];
  };
  return { width, height, pixel };
}

describe('app icons', () => {
  it('writes a PNG of the asked size', () => {
    const { width, height } = decode(encodePng(48, drawIcon(48, false)));
    expect([width, height]).toEqual([48, 48]);
  });

  it('leaves the rounded corners of the plain icon transparent and fills them on the maskable one', () => {
    expect(decode(encodePng(64, drawIcon(64, false))).pixel(0, 0)[3]).toBe(0);
    expect(decode(encodePng(64, drawIcon(64, true))).pixel(0, 0)).toEqual([...LOGO_RED, 255]);
  });

  it('draws white text lines ranged right on the red square', () => {
    const { pixel } = decode(encodePng(100, drawIcon(100, false)));
    // Across the middle runs the second, shorter line: white towards the right, red at the left.
    const y = 50;
    expect(pixel(70, y)).toEqual([255, 255, 255, 255]);
    expect(pixel(22, y)).toEqual([...LOGO_RED, 255]);
  });

  it('keeps the maskable icon\'s marks inside the safe circle', () => {
    const size = 128;
    const rgba = drawIcon(size, true);
    for (let y = 0; y < size; y++) {
      for (let x = 0; x < size; x++) {
        const i = (y * size + x) * 4;
        const isMark = rgba[i] !== LOGO_RED[0];
        const r = Math.hypot(x + 0.5 - size / 2, y + 0.5 - size / 2) / size;
        if (isMark) expect(r).toBeLessThanOrEqual(0.4);
      }
    }
  });
});
