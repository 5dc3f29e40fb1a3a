import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  fromWindows1256,
  isWindows1256,
  utf16Bom,
  utf16Warning,
  WINDOWS_1256_WARNING,
} from './legacy-encoding.ts';
import { parseFile } from './pipeline.ts';
import { tempDirs } from '../temp-dirs.ts';

const temp = tempDirs();

/** Text in Windows-1256, byte for byte (Node can decode the code page but not encode it). */
function windows1256(text: string): Buffer {
  const table = new Map<string, number>();
  const decoder = new TextDecoder('windows-1256');
  for (let b = 0x80; b <= 0xff; b++) table.set(decoder.decode(Uint8Array.of(b)), b);
  return Buffer.from([...text].map((c) => (c.charCodeAt(0) < 0x80 ? c.charCodeAt(0) : table.get(c)!)));
}

const ARTICLE = {
  id: 'w1',
  title: 'الكرملين يرفض الانتقادات؟',
  body: 'صرح المتحدث باسم الكرملين اليوم بأنه لا توجد خطط لاجتماع جديد؟ ولم يحدد موعداً.',
};

describe('isWindows1256', () => {
  it('recognises Arabic in the legacy code page, «؟» after a letter (a valid UTF-8 pair) included', () => {
    expect(isWindows1256(windows1256(JSON.stringify(ARTICLE)))).toBe(true);
  });

  it.each([
    ['UTF-8 Arabic', Buffer.from(JSON.stringify(ARTICLE))],
    [
      'UTF-8 Arabic with a broken line',
      Buffer.concat([
        Buffer.from(JSON.stringify(ARTICLE) + '\n'),
        Buffer.from([0xc3, 0x28, 0xe1, 0xc7, 0x0a]),
      ]),
    ],
    ['ASCII', Buffer.from('{"title": "plain"}')],
    [
      'Latin-1 French',
      Buffer.from('Le président a été reçu à l’Élysée, où les débats ont été très animés.', 'latin1'),
    ],
    ['a handful of high bytes', windows1256('عن')],
  ])('leaves %s alone', (_kind, bytes) => {
    expect(isWindows1256(bytes)).toBe(false);
  });

  it('decodes to the same text as UTF-8', () => {
    expect(fromWindows1256(windows1256(ARTICLE.title)).toString('utf8')).toBe(ARTICLE.title);
  });
});

describe('a file in Windows-1256', () => {
  it('is read, every article kept, with one warning at its first line', async () => {
    const dir = temp('legacy-');
    const file = path.join(dir, 'old.jsonl');
    writeFileSync(
      file,
      windows1256(`${JSON.stringify(ARTICLE)}\n${JSON.stringify({ ...ARTICLE, id: 'w2' })}\n`),
    );
    const { records, rejections, warnings } = await parseFile(file, 'old.jsonl');
    expect(rejections).toEqual([]);
    expect(records.map((r) => [r.id, r.title])).toEqual([
      ['w1', ARTICLE.title],
      ['w2', ARTICLE.title],
    ]);
    expect(warnings).toEqual([{ file: 'old.jsonl', line: 1, message: WINDOWS_1256_WARNING }]);
  });
});

describe('a file in UTF-16 with a byte order mark', () => {
  const text = `${JSON.stringify(ARTICLE)}\r\n${JSON.stringify({ ...ARTICLE, id: 'w2' })}\r\n`;
  /** What Windows PowerShell's `>` writes: a byte order mark, then UTF-16. */
  const utf16 = (bigEndian: boolean): Buffer => {
    const little = Buffer.from(`\uFEFF${text}`, 'utf16le');
    return bigEndian ? Buffer.from(little).swap16() : little;
  };

  it.each([
    ['little-endian', false, 'utf-16le'],
    ['big-endian', true, 'utf-16be'],
  ] as const)(
    'is read when %s, every article kept, with one warning naming it',
    async (_kind, bigEndian, encoding) => {
      const file = path.join(temp('utf16-'), 'out.jsonl');
      writeFileSync(file, utf16(bigEndian));
      expect(utf16Bom(utf16(bigEndian))).toBe(encoding);
      const { records, rejections, warnings } = await parseFile(file, 'out.jsonl');
      expect(rejections).toEqual([]);
      expect(records.map((r) => [r.id, r.title])).toEqual([
        ['w1', ARTICLE.title],
        ['w2', ARTICLE.title],
      ]);
      expect(warnings).toEqual([{ file: 'out.jsonl', line: 1, message: utf16Warning(encoding) }]);
      expect(utf16Warning(encoding)).toMatch(/UTF-16 (little|big)-endian/);
    },
  );

  it('is read as a .json array too', async () => {
    const file = path.join(temp('utf16-'), 'out.json');
    writeFileSync(file, Buffer.from(`\uFEFF${JSON.stringify([ARTICLE])}`, 'utf16le'));
    const { records, rejections } = await parseFile(file, 'out.json');
    expect(rejections).toEqual([]);
    expect(records.map((r) => r.id)).toEqual(['w1']);
  });

  it('is rejected whole when it is not valid UTF-16', async () => {
    const file = path.join(temp('utf16-'), 'bad.jsonl');
    writeFileSync(
      file,
      Buffer.concat([Buffer.from('\uFEFF{"title"', 'utf16le'), Buffer.from([0x00, 0xdc, 0x41, 0x00])]),
    );
    expect(await parseFile(file, 'bad.jsonl')).toEqual({
      records: [],
      rejections: [{ file: 'bad.jsonl', line: 1, reason: expect.stringMatching(/^not valid UTF-16LE/) }],
      warnings: [],
    });
  });

  it('leaves UTF-8 with its own byte order mark alone', () => {
    expect(utf16Bom(Buffer.from(`\uFEFF${text}`))).toBeNull();
  });
});
