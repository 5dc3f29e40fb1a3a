import { readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDirs } from '../temp-dirs.ts';
import { DATA_ID_FILE, dataBuildId, readDataId, writeDataId } from './data-id.ts';

const temp = tempDirs();

describe('dataBuildId', () => {
  it('is the same for the same files in any order, and changes with a byte or a name', () => {
    const id = dataBuildId([
      ['a.json', '1'],
      ['b/c.json', '2'],
    ]);
    expect(id).toMatch(/^[0-9a-f]{16}$/);
    expect(
      dataBuildId([
        ['b/c.json', '2'],
        ['a.json', '1'],
      ]),
    ).toBe(id);
    expect(
      dataBuildId([
        ['a.json', '1'],
        ['b/c.json', '3'],
      ]),
    ).not.toBe(id);
    expect(
      dataBuildId([
        ['a.json', '1'],
        ['b/d.json', '2'],
      ]),
    ).not.toBe(id);
  });
});

describe('the data id file', () => {
  it('is read back, and left as it was (mtime too) when the id is the same', () => {
    const dir = temp('data-id-');
    expect(readDataId(dir)).toBeNull();
    writeDataId(dir, '0123456789abcdef');
    expect(readDataId(dir)).toBe('0123456789abcdef');
    const file = path.join(dir, DATA_ID_FILE);
    const before = statSync(file, { bigint: true });
    writeDataId(dir, '0123456789abcdef');
    expect(statSync(file, { bigint: true }).mtimeNs).toBe(before.mtimeNs);
    writeDataId(dir, 'fedcba9876543210');
    expect(readFileSync(file, 'utf8')).toBe('fedcba9876543210\n');
  });

  it('is not an id when garbled', () => {
    const dir = temp('data-id-');
    writeFileSync(path.join(dir, DATA_ID_FILE), 'not an id\n');
    expect(readDataId(dir)).toBeNull();
  });
});
