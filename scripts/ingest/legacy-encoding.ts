/**
 * Text in an encoding other than UTF-8, recognised from a file's first bytes so that such a file is read
 * rather than rejected line by line: UTF-16 after its byte order mark, and Arabic in Windows-1256.
 *
 * Arabic text in Windows-1256, the legacy Arabic code page that older newsroom systems and archives still
 * export, recognised so that such a file is read rather than rejected line by line as invalid UTF-8.
 *
 * The test is on the file's first bytes: UTF-8 Arabic is almost all valid two-byte sequences (a broken
 * line here and there is still UTF-8, and is rejected at its line as before), while in Windows-1256 each
 * Arabic letter is one byte from 0xC1 up, which UTF-8 cannot follow by another such byte. A few of its
 * pairs do form valid UTF-8 (a letter and «؟», 0xC9 0xBF), so the test is a proportion, and the text must
 * then read as Arabic in that code page.
 */

/** Bytes sniffed: enough for a few articles. */
export const SNIFF_BYTES = 64 << 10;
const LEGACY_ARABIC = 'windows-1256';

/** Whether `sample` (a file's first bytes) is Arabic text in Windows-1256 rather than UTF-8. */
export function isWindows1256(sample: Uint8Array): boolean {
  let valid = 0;
  let invalid = 0;
  for (let i = 0; i < sample.length; i++) {
    const lead = sample[i]!;
    if (lead < 0x80) continue;
    const length = lead >= 0xc2 && lead <= 0xdf ? 2 : lead >= 0xe0 && lead <= 0xef ? 3 : lead >= 0xf0 && lead <= 0xf4 ? 4 : 0;
    let ok = length > 0 && i + length <= sample.length;
    for (let k = 1; ok && k < length; k++) ok = (sample[i + k]! & 0xc0) === 0x80;
    if (ok) {
      valid++;
      i += length - 1;
    } else if (i + 4 < sample.length) {
      // A sequence cut by the end of the sample is neither.
      invalid++;
    }
  }
  if (invalid < 8 || invalid < 4 * valid) return false;
  const text = new TextDecoder(LEGACY_ARABIC).decode(sample);
  const high = text.match(/[^\p{ASCII}]/gu)?.length ?? 0;
  const arabic = text.match(/[\u0600-\u06ff]/g)?.length ?? 0;
  return arabic >= 0.9 * high;
}

/** A Windows-1256 file's bytes as UTF-8. */
export function fromWindows1256(bytes: Uint8Array): Buffer {
  return Buffer.from(new TextDecoder(LEGACY_ARABIC).decode(bytes), 'utf8');
}

/** The warning a file read this way carries (at its line 1). */
export const WINDOWS_1256_WARNING = 'read as Windows-1256 (the legacy Arabic code page), not UTF-8: save it as UTF-8 to be sure';

export type Utf16 = 'utf-16le' | 'utf-16be';

/**
 * The UTF-16 a file's byte order mark announces (FF FE little-endian, FE FF big-endian: what Windows
 * PowerShell 5's `>` and `Out-File` write), or null. Neither pair can begin UTF-8 text.
 */
export function utf16Bom(sample: Uint8Array): Utf16 | null {
  if (sample[0] === 0xff && sample[1] === 0xfe) return 'utf-16le';
  if (sample[0] === 0xfe && sample[1] === 0xff) return 'utf-16be';
  return null;
}

/** A UTF-16 file's bytes as UTF-8, without the byte order mark; null when they are not valid UTF-16. */
export function fromUtf16(bytes: Uint8Array, encoding: Utf16): Buffer | null {
  try {
    return Buffer.from(new TextDecoder(encoding, { fatal: true }).decode(bytes), 'utf8');
  } catch {
    return null;
  }
}

/** The warning a file read as UTF-16 carries (at its line 1). */
export const utf16Warning = (encoding: Utf16): string =>
  `read as UTF-16 ${encoding === 'utf-16le' ? 'little' : 'big'}-endian (its byte order mark says so), not UTF-8: save it as UTF-8 to be sure`;
