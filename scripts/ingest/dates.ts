/**
 * Publication dates from feeds and aggregator pages. A date we cannot read is reported and the article kept
 * undated: inventing one (today, the file's mtime) would put an old story on top of the home page.
 */

const MONTHS: Record<string, number> = {
  jan: 1, january: 1, feb: 2, february: 2, mar: 3, march: 3, apr: 4, april: 4, may: 5, jun: 6, june: 6,
  jul: 7, july: 7, aug: 8, august: 8, sep: 9, sept: 9, september: 9, oct: 10, october: 10,
  nov: 11, november: 11, dec: 12, december: 12,
  // Egyptian/Gulf and Levantine month names, as aggregator pages print them.
  يناير: 1, فبراير: 2, مارس: 3, أبريل: 4, ابريل: 4, إبريل: 4, مايو: 5, يونيو: 6, يونيه: 6, يوليو: 7, يوليه: 7,
  أغسطس: 8, اغسطس: 8, سبتمبر: 9, أكتوبر: 10, اكتوبر: 10, نوفمبر: 11, ديسمبر: 12,
  'كانون الثاني': 1, شباط: 2, آذار: 3, اذار: 3, نيسان: 4, أيار: 5, ايار: 5, حزيران: 6, تموز: 7, آب: 8, اب: 8,
  أيلول: 9, ايلول: 9, 'تشرين الأول': 10, 'تشرين الاول': 10, 'تشرين الثاني': 11, 'كانون الأول': 12, 'كانون الاول': 12,
};

const MIN_YEAR = 1900;
const MAX_YEAR = 2100;

const ZONES: Record<string, number> = { gmt: 0, utc: 0, ut: 0, z: 0 };

function toDigits(text: string): string {
  return text.replace(/[٠-٩]/g, (d) => String(d.charCodeAt(0) - 0x0660)).replace(/[۰-۹]/g, (d) => String(d.charCodeAt(0) - 0x06f0));
}

/** Minutes east of UTC for `+03:00`, `+0300`, `-05`, `GMT`, `Z`; undefined when unreadable. */
function parseZone(zone: string | undefined): number | undefined {
  if (zone === undefined || zone === '') return 0;
  const named = ZONES[zone.toLowerCase()];
  if (named !== undefined) return named;
  const m = /^(?:gmt|utc)?([+-])(\d{2}):?(\d{2})?$/i.exec(zone);
  if (!m) return undefined;
  const minutes = Number(m[2]) * 60 + Number(m[3] ?? '0');
  if (minutes > 14 * 60) return undefined;
  return m[1] === '-' ? -minutes : minutes;
}

function build(
  year: number,
  month: number,
  day: number,
  hour = 0,
  minute = 0,
  second = 0,
  offsetMinutes = 0,
): string | null {
  if (year < MIN_YEAR || year > MAX_YEAR || month < 1 || month > 12 || hour > 23 || minute > 59 || second > 60) {
    return null;
  }
  const local = Date.UTC(year, month - 1, day, hour, minute, Math.min(second, 59));
  const check = new Date(local);
  // Date.UTC rolls 31 February over into March; a date that does not exist is not a date.
  if (check.getUTCDate() !== day || check.getUTCMonth() !== month - 1) return null;
  return new Date(local - offsetMinutes * 60_000).toISOString();
}

const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?)?$/i;
// `25th, September 2023 GMT`, `25 September 2023 10:00 GMT`, `25 سبتمبر 2023`
const DAY_MONTH_YEAR =
  /^(?:[A-Za-z]{3,9},?\s+)?(\d{1,2})(?:st|nd|rd|th)?,?\s+([A-Za-z]+|[\u0600-\u06FF]+(?:\s[\u0600-\u06FF]+)?)\.?,?\s+(\d{4})(?:,?\s+(\d{1,2}):(\d{2})(?::(\d{2}))?)?(?:\s+([A-Za-z]+|[+-]\d{2}:?\d{2}|(?:GMT|UTC)[+-]\d{2}:?\d{2}))?$/;
// `September 25, 2023`, `Sep 25 2023 10:00 GMT`
const MONTH_DAY_YEAR =
  /^(?:[A-Za-z]{3,9},?\s+)?([A-Za-z]+)\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})(?:,?\s+(\d{1,2}):(\d{2})(?::(\d{2}))?)?(?:\s+([A-Za-z]+|[+-]\d{2}:?\d{2}))?$/;

/**
 * An ISO 8601 UTC instant for a date written as ISO 8601 (with or without an offset; none means UTC),
 * RFC 822 (`Sun, 18 Feb 2018 20:21:45 GMT`) or the aggregator's `25th, September 2023 GMT`; null when the
 * text is not a date we can read with certainty.
 */
export function parseDate(input: string): string | null {
  const text = toDigits(input).replace(/\s+/g, ' ').trim();
  if (text === '') return null;

  const iso = ISO.exec(text);
  if (iso) {
    const offset = parseZone(iso[7]);
    if (offset === undefined) return null;
    return build(+iso[1]!, +iso[2]!, +iso[3]!, +(iso[4] ?? 0), +(iso[5] ?? 0), +(iso[6] ?? 0), offset);
  }

  const dmy = DAY_MONTH_YEAR.exec(text);
  if (dmy) {
    const month = MONTHS[dmy[2]!.toLowerCase()];
    const offset = parseZone(dmy[7]);
    if (month === undefined || offset === undefined) return null;
    return build(+dmy[3]!, month, +dmy[1]!, +(dmy[4] ?? 0), +(dmy[5] ?? 0), +(dmy[6] ?? 0), offset);
  }

  const mdy = MONTH_DAY_YEAR.exec(text);
  if (mdy) {
    const month = MONTHS[mdy[1]!.toLowerCase()];
    const offset = parseZone(mdy[7]);
    if (month === undefined || offset === undefined) return null;
    return build(+mdy[3]!, month, +mdy[2]!, +(mdy[4] ?? 0), +(mdy[5] ?? 0), +(mdy[6] ?? 0), offset);
  }
  return null;
}
