import { describe, expect, it } from 'vitest';
import { strings } from '../strings.ar.ts';
import { formatDate, formatNumber, formatPlural, formatRelativeDate } from './format.ts';

describe('formatDate', () => {
  it.each([
    ['2023-09-25T00:00:00.000Z', '٢٥ سبتمبر ٢٠٢٣', '١٠ ربيع الأول ١٤٤٥ هـ'],
    ['2024-03-11T12:00:00.000Z', '١١ مارس ٢٠٢٤', '١ رمضان ١٤٤٥ هـ'],
    ['2020-01-01T00:00:00.000Z', '١ يناير ٢٠٢٠', '٦ جمادى الأولى ١٤٤١ هـ'],
    // 23:30 UTC is already the next day east of Greenwich: the printed day must not depend on the reader.
    ['2023-12-31T23:30:00.000Z', '٣١ ديسمبر ٢٠٢٣', '١٨ جمادى الآخرة ١٤٤٥ هـ'],
  ])('formats %s as %s / %s', (iso, gregorian, hijri) => {
    expect(formatDate(iso)).toEqual({ iso, gregorian, hijri });
  });

  it('prints each time by its UTC day, however many times that day was printed before', () => {
    expect(formatDate('2024-01-01T00:00:00.000Z')?.gregorian).toBe('١ يناير ٢٠٢٤');
    expect(formatDate('2024-01-01T23:59:59.999Z')?.gregorian).toBe('١ يناير ٢٠٢٤');
    // 01:00 in Riyadh is still the last day of 2023 in UTC.
    expect(formatDate('2024-01-01T01:00:00+03:00')).toEqual({
      iso: '2024-01-01T01:00:00+03:00',
      gregorian: '٣١ ديسمبر ٢٠٢٣',
      hijri: '١٨ جمادى الآخرة ١٤٤٥ هـ',
    });
    expect(formatDate('1969-12-31T12:00:00.000Z')?.gregorian).toBe('٣١ ديسمبر ١٩٦٩');
  });

  it.each([[null], ['not a date'], ['']])('gives no date for %j', (iso) => {
    expect(formatDate(iso)).toBeNull();
  });
});

describe('formatNumber', () => {
  it.each([
    [0, '٠'],
    [7, '٧'],
    [1499, '١٬٤٩٩'],
  ])('formats %d as %s', (n, text) => {
    expect(formatNumber(n)).toBe(text);
  });
});

describe('formatPlural', () => {
  it.each([
    [0, 'لا مقالات'],
    [1, 'مقال واحد'],
    [2, 'مقالان'],
    [3, '٣ مقالات'],
    [10, '١٠ مقالات'],
    [11, '١١ مقالاً'],
    [99, '٩٩ مقالاً'],
    [100, '١٠٠ مقال'],
    [102, '١٠٢ مقال'],
    [103, '١٠٣ مقالات'],
  ])('counts %d articles as %s', (n, text) => {
    expect(formatPlural(n, strings.plural.articles)).toBe(text);
  });

  it.each([
    [1, 'دقيقة قراءة'],
    [2, 'دقيقتا قراءة'],
    [3, '٣ دقائق قراءة'],
    [12, '١٢ دقيقة قراءة'],
  ])('says %d reading minutes as %s', (n, text) => {
    expect(formatPlural(n, strings.plural.readingMinutes)).toBe(text);
  });
});

describe('formatRelativeDate', () => {
  const published = '2026-11-30T09:00:00.000Z';
  const at = (minutes: number) => Date.parse(published) + minutes * 60_000;

  it.each([
    ['within its first minute', at(0.5), 'هذه الدقيقة'],
    ['minutes', at(5), 'قبل ٥ دقائق'],
    ['59 minutes', at(59), 'قبل ٥٩ دقيقة'],
    ['an hour', at(60), 'قبل ساعة واحدة'],
    ['hours', at(3 * 60 + 20), 'قبل ٣ ساعات'],
    ['23 hours', at(23 * 60 + 59), 'قبل ٢٣ ساعة'],
    ['a day', at(24 * 60), 'أمس'],
    ['two days', at(2 * 24 * 60), 'أول أمس'],
    ['six days', at(6 * 24 * 60 + 600), 'قبل ٦ أيام'],
    ['a clock a minute behind', at(-1), 'هذه الدقيقة'],
  ])('%s after publication: %s', (_label, now, expected) => {
    expect(formatRelativeDate(published, now)).toBe(expected);
  });

  it.each([
    ['a week or more', at(7 * 24 * 60)],
    ['a year', at(365 * 24 * 60)],
    ['a date well in the future', at(-60)],
  ])('says nothing for %s', (_label, now) => {
    expect(formatRelativeDate(published, now)).toBeNull();
  });

  it.each([[null], ['not a date']])('says nothing for an undated article (%j)', (iso) => {
    expect(formatRelativeDate(iso, at(5))).toBeNull();
  });
});
