/**
 * The web app's icons, drawn at build time from the logo's shapes (the favicon's red rounded square, with
 * a headline and three lines of text ranged right as Arabic is) and written as PNG with node:zlib. No
 * image library is installed here (sharp, which @vite-pwa/assets-generator needs, is a native download),
 * and the logo is a few rectangles, so a 16-sample rasteriser and a PNG encoder are all it takes.
 */
import { crc32, deflateSync } from 'node:zlib';
import type { Plugin } from 'vite';

/** The logo's red (index.html's favicon and theme colour). */
export const LOGO_RED = [0x99, 0x1b, 0x1b] as const;
const WHITE = [0xff, 0xff, 0xff] as const;

export interface IconSpec {
  fileName: string;
  size: number;
  /** Full-bleed background with the marks inside the central safe circle (80 %), as Android masks it. */
  maskable: boolean;
}

export const ICONS: IconSpec[] = [
  { fileName: 'icons/icon-192.png', size: 192, maskable: false },
  { fileName: 'icons/icon-512.png', size: 512, maskable: false },
  { fileName: 'icons/icon-maskable-512.png', size: 512, maskable: true },
];

/** A rounded rectangle in units of the icon's side (0..1). */
interface Box {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
  r: number;
}

function inside(box: Box, x: number, y: number): boolean {
  if (x < box.x0 || x > box.x1 || y < box.y0 || y > box.y1) return false;
  const cx = Math.min(Math.max(x, box.x0 + box.r), box.x1 - box.r);
  const cy = Math.min(Math.max(y, box.y0 + box.r), box.y1 - box.r);
  return (x - cx) ** 2 + (y - cy) ** 2 <= box.r ** 2;
}

/** The marks: a headline bar and three text lines, flush to the right edge as Arabic text is. */
function marks(maskable: boolean): Box[] {
  // The maskable icon keeps its marks inside the safe zone, so they are drawn smaller around the centre.
  const scale = maskable ? 0.62 : 0.78;
  const at = (x0: number, y0: number, x1: number, y1: number): Box => {
    const t = (v: number) => 0.5 + (v - 0.5) * scale;
    return { x0: t(x0), y0: t(y0), x1: t(x1), y1: t(y1), r: (0.045 * scale) };
  };
  return [at(0.14, 0.16, 0.86, 0.34), at(0.3, 0.45, 0.86, 0.55), at(0.14, 0.63, 0.86, 0.73), at(0.4, 0.81, 0.86, 0.91)];
}

/** RGBA pixels of one icon, 4×4 samples a pixel so the rounded edges are smooth. */
export function drawIcon(size: number, maskable: boolean): Uint8Array {
  const background: Box = maskable ? { x0: 0, y0: 0, x1: 1, y1: 1, r: 0 } : { x0: 0, y0: 0, x1: 1, y1: 1, r: 0.1875 };
  const bars = marks(maskable);
  const pixels = new Uint8Array(size * size * 4);
  const n = 4;
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let cover = 0;
      let white = 0;
      for (let sy = 0; sy < n; sy++) {
        for (let sx = 0; sx < n; sx++) {
          const x = (px + (sx + 0.5) / n) / size;
          const y = (py + (sy + 0.5) / n) / size;
          if (!inside(background, x, y)) continue;
          cover++;
          if (bars.some((bar) => inside(bar, x, y))) white++;
        }
      }
      const i = (py * size + px) * 4;
      const w = cover === 0 ? 0 : white / cover;
      for (let c = 0; c < 3; c++) pixels[i + c] = Math.round(LOGO_RED[c]! * (1 - w) + WHITE[c]! * w);
      pixels[i + 3] = Math.round((cover / (n * n)) * 255);
    }
  }
  return pixels;
}

function chunk(type: string, data: Uint8Array): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'ascii');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

/** An 8-bit RGBA PNG (colour type 6), rows unfiltered. */
export function encodePng(size: number, rgba: Uint8Array): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 6, 0, 0, 0], 8);
  const rows = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) rows.set(rgba.subarray(y * size * 4, (y + 1) * size * 4), y * (size * 4 + 1) + 1);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(rows, { level: 9 })),
    chunk('IEND', new Uint8Array(0)),
  ]);
}

/** Vite plugin: emits the icons into the client build, where the web app manifest points. */
export function appIcons(): Plugin {
  return {
    name: 'news-reader:app-icons',
    apply: 'build',
    generateBundle() {
      if (this.environment.config.consumer !== 'client') return;
      for (const icon of ICONS) {
        this.emitFile({ type: 'asset', fileName: icon.fileName, source: encodePng(icon.size, drawIcon(icon.size, icon.maskable)) });
      }
    },
  };
}
