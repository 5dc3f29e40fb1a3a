import { hashKey, articlePath } from '../../src/data/paths.ts';
import { normalizeArabic } from '../../src/shared/lib/arabic.ts';
import { copyRecord, type RawRecord, type Rejection } from './record.ts';

export type IdentifiedRecord = RawRecord & { id: string };

/**
 * An id for an article the input gave none: a hash of its normalised title and date, so the same article
 * keeps its URL across rebuilds and across harmless respellings (tashkeel, hamza, spaces).
 */
export function deriveId(title: string, date: string | null): string {
  return `a${hashKey(`${normalizeArabic(title)}\u0000${date ?? ''}`)}`;
}

const where = (r: RawRecord): string => `${r.file}:${r.line}`;

/**
 * Gives every record an id and keeps the first of each: a repeated id, or a different id whose shard file
 * name would collide with an earlier one's, is rejected with the place of the article it clashes with.
 */
export function assignIds(
  records: readonly RawRecord[],
  pathOf: (id: string) => string = articlePath,
): { records: IdentifiedRecord[]; rejections: Rejection[] } {
  const kept: IdentifiedRecord[] = [];
  const rejections: Rejection[] = [];
  const byId = new Map<string, RawRecord>();
  const byPath = new Map<string, IdentifiedRecord>();
  for (const record of records) {
    const id = record.id ?? deriveId(record.title, record.date);
    const first = byId.get(id);
    if (first) {
      rejections.push({
        file: record.file,
        line: record.line,
        reason:
          record.id === null
            ? `same title and ${record.date === null ? 'no date' : 'date'} as the article at ${where(first)}, and no id: give each an id if they are two articles`
            : `duplicate id "${id}" (first seen at ${where(first)})`,
      });
      continue;
    }
    const file = pathOf(id);
    const clash = byPath.get(file);
    if (clash) {
      rejections.push({
        file: record.file,
        line: record.line,
        reason: `id "${id}" hashes to the same file as id "${clash.id}" at ${where(clash)}; give one of them another id`,
      });
      continue;
    }
    const identified = copyRecord(record) as IdentifiedRecord;
    identified.id = id;
    byId.set(id, record);
    byPath.set(file, identified);
    kept.push(identified);
  }
  return { records: kept, rejections };
}
