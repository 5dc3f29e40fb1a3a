/**
 * Publication dates from feeds and aggregator pages. A date we cannot read is reported and the article kept
 * undated: inventing one (today, the file's mtime) would put an old story on top of the home page.
 */

import { normalizeArabic } from '../../src/shared/lib/arabic.ts';

/**
 * Month names as newsrooms write them, looked up in their `normalizeArabic` form: a name written with or
 * without its hamza, with ى for ي, with tatweel or tashkeel finds its month without a row of its own.
 */
const MONTH_NAMES: Record<string, number> = {
  jan: 1, january: 1, feb: 2, february: 2, mar: 3, march: 3, apr: 4, april: 4, may: 5, jun: 6, june: 6,
  jul: 7, july: 7, aug: 8, august: 8, sep: 9, sept: 9, september: 9, oct: 10, october: 10,
  nov: 11, november: 11, dec: 12, december: 12,
  // Egyptian and Gulf.
  يناير: 1, فبراير: 2, مارس: 3, أبريل: 4, مايو: 5, يونيو: 6, يونيه: 6, يوليو: 7, يوليه: 7, أغسطس: 8, سبتمبر: 9,
  أكتوبر: 10, نوفمبر: 11, ديسمبر: 12,
  // Levantine and Iraqi, with «ال» or without (`تشرين أول`, as often printed); Iraq's May is «مايس».
  'كانون الثاني': 1, 'كانون ثاني': 1, شباط: 2, آذار: 3, نيسان: 4, أيار: 5, مايس: 5, حزيران: 6, تموز: 7, آب: 8,
  أيلول: 9, 'تشرين الأول': 10, 'تشرين أول': 10, 'تشرين الثاني': 11, 'تشرين ثاني': 11, 'كانون الأول': 12,
  'كانون أول': 12,
  // Algerian and Tunisian (from the French), then Moroccan names, where they differ from the above.
  جانفي: 1, فيفري: 2, أفريل: 4, ماي: 5, جوان: 6, جويلية: 7, أوت: 8,
  يوليوز: 7, غشت: 8, شتنبر: 9, نونبر: 11, دجنبر: 12,
};
const MONTHS = new Map(Object.entries(MONTH_NAMES).map(([name, month]) => [normalizeArabic(name), month]));

/**
 * Hijri month names. Gulf papers print the Hijri date beside the Gregorian one (`١٢ ربيع الآخر ١٤٤٥ هـ
 * الموافق ٢٦ أكتوبر ٢٠٢٣ م`): the Gregorian date is read, and the Hijri one only checked against it. A
 * Hijri date alone is not read: its Gregorian day depends on the calendar, Umm al-Qura or a sighting.
 */
const HIJRI_MONTH_NAMES: Record<string, number> = {
  محرم: 1, صفر: 2, 'ربيع الأول': 3, 'ربيع أول': 3, 'ربيع الثاني': 4, 'ربيع ثاني': 4, 'ربيع الآخر': 4,
  'جمادى الأولى': 5, 'جمادى الأول': 5, 'جمادى الآخرة': 6, 'جمادى الثانية': 6, 'جمادى الآخر': 6,
  'جمادى الثاني': 6, رجب: 7, شعبان: 8, رمضان: 9, شوال: 10, 'ذو القعدة': 11, 'ذي القعدة': 11,
  'ذو الحجة': 12, 'ذي الحجة': 12,
};
const HIJRI_MONTHS = new Map(Object.entries(HIJRI_MONTH_NAMES).map(([name, month]) => [normalizeArabic(name), month]));

/** Weekdays (0 Sunday), looked up like the months: a date that names one is checked against it. */
const WEEKDAY_NAMES: Record<string, number> = {
  sun: 0, sunday: 0, mon: 1, monday: 1, tue: 2, tues: 2, tuesday: 2, wed: 3, wednesday: 3,
  thu: 4, thur: 4, thurs: 4, thursday: 4, fri: 5, friday: 5, sat: 6, saturday: 6,
  الأحد: 0, الإثنين: 1, الثلاثاء: 2, الأربعاء: 3, الخميس: 4, الجمعة: 5, السبت: 6,
};
const WEEKDAYS = new Map(Object.entries(WEEKDAY_NAMES).map(([name, day]) => [normalizeArabic(name), day]));

const MIN_YEAR = 1900;
const MAX_YEAR = 2100;

const ZONES: Record<string, number> = { gmt: 0, utc: 0, ut: 0, z: 0 };

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

// The patterns below read normalised text (`normalizeArabic`): no hamza on alef, ه for ة, no tashkeel,
// lower-case Latin, ASCII digits.

/** An Arabic weekday before the date (`الثلاثاء 16 أكتوبر 2018`, `يوم الأحد، …`), with what follows it. */
const ARABIC_WEEKDAY = /^(?:يوم )?(الاحد|الاثنين|الثلاثاء|الاربعاء|الخميس|الجمعه|السبت) ?[,\-–|]? ?/;
/** A 12-hour time with its Arabic or English marker (`12:30 م`, `9:05 صباحاً`, `9:05 PM`). */
const TWELVE_HOUR = /(\d{1,2}):(\d{2})(:\d{2})? ?(صباحا|ص|مساء|مساءا|م|am|a\.m\.|pm|p\.m\.)(?= |$)/i;
/** Greenwich time named in Arabic (the only zone named so that has one offset all year). */
const ARABIC_GMT = / ?(?:بتوقيت (?:غرينتش|غرينيتش|جرينتش|جرينيتش)|ت\.غ\.?)$/;
/** «م» (AD) after the year: `2018م`, `2018 م`. */
const AD = /(\d{4}) ?م(?=[ ,]|$)/;
/**
 * A dash or bar between the date and the time, «الساعة» («على الساعة» in the Maghreb), or both:
 * `16 أكتوبر 2018 - 12:30`, `2018/10/16 | 12:30`, `16 أكتوبر 2018 الساعة 12:30`.
 */
const TIME_SEPARATOR = /,? (?:[-–|] )?(?:(?:علي )?الساعه )?(?=\d{1,2}:\d{2})/;

/**
 * A Hijri date (`12 ربيع الاخر 1445 ه`, `1445هـ`, «هجري», «هجرية») with «الموافق» and a dash or bar that ties it
 * to the Gregorian date, before or after it.
 */
const HIJRI = new RegExp(
  String.raw`(?:^|[ ,]+)(?:[-–|] )?(\d{1,2}) (${[...HIJRI_MONTHS.keys()].join('|')}) (1[3-6]\d{2}) ?(?:هجريه|هجري|ه)?(?: ?[-–|,])?(?: الموافق(?: ل)?)?(?=[ ,]|$)`,
);

const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?)?$/i;
const MONTH_NAME = String.raw`(?:[A-Za-z]+|[\u0600-\u06FF]+(?:\s[\u0600-\u06FF]+)?)`;
/** A month's name, or the press's two names for one month: `أكتوبر/تشرين الأول`, `تشرين الأول - أكتوبر`. */
const MONTH = String.raw`${MONTH_NAME}(?: ?[/-] ?${MONTH_NAME})?`;
// `25th, September 2023 GMT`, `25 September 2023 10:00 GMT`, `25 سبتمبر 2023`, `16 أكتوبر/تشرين الأول 2018`
const DAY_MONTH_YEAR = new RegExp(
  String.raw`^(?:([A-Za-z]{3,9}),?\s+)?(\d{1,2})(?:st|nd|rd|th)?,?\s+(${MONTH})\.?,?\s+(\d{4})(?:,?\s+(\d{1,2}):(\d{2})(?::(\d{2}))?)?(?:\s+([A-Za-z]+|[+-]\d{2}:?\d{2}|(?:GMT|UTC)[+-]\d{2}:?\d{2}))?$`,
  'i',
);
// `16/10/2018`, `16-10-2018 14:30`, `16.10.2018`: day first, as Arabic publishers write it; `2018/10/16`.
const NUMERIC_TIME = String.raw`(?:,? (\d{1,2}):(\d{2})(?::(\d{2}))?)?(?: (Z|[A-Za-z]+|[+-]\d{2}:?\d{2}))?$`;
const NUMERIC_DMY = new RegExp(String.raw`^(\d{1,2})([/.-])(\d{1,2})\2(\d{4})` + NUMERIC_TIME, 'i');
const NUMERIC_YMD = new RegExp(String.raw`^(\d{4})([/.-])(\d{1,2})\2(\d{1,2})` + NUMERIC_TIME, 'i');
// `September 25, 2023`, `Sep 25 2023 10:00 GMT`
const MONTH_DAY_YEAR =
  /^(?:([A-Za-z]{3,9}),?\s+)?([A-Za-z]+)\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})(?:,?\s+(\d{1,2}):(\d{2})(?::(\d{2}))?)?(?:\s+([A-Za-z]+|[+-]\d{2}:?\d{2}))?$/i;

/**
 * The first Unix time read as a date: 2 January 1970. Feeds write 0 (or -1) for "no date", and 0 in the
 * server's own zone lands within 14 hours of it; a negative time is such a value far more often than an
 * article from before 1970. A later bound (1990, say) would refuse the true dates of an archive's old
 * articles; a date before 1970 can still be given as text, read from 1900.
 */
const FIRST_UNIX_SECOND = 86_400;

/**
 * The instant of a Unix time given as a JSON number: seconds, or milliseconds from 1973 on (1e11 and up;
 * below, seconds reach the year 5138), or null before 2 January 1970 (`FIRST_UNIX_SECOND`) or after 2100.
 * Only a number is read so: a string of digits may be anything.
 */
export function unixTime(value: number): string | null {
  if (!Number.isFinite(value)) return null;
  const ms = value >= 1e11 ? value : value * 1000;
  if (ms < FIRST_UNIX_SECOND * 1000) return null;
  const date = new Date(Math.floor(ms / 1000) * 1000);
  const year = date.getUTCFullYear();
  return Number.isNaN(year) || year > MAX_YEAR ? null : date.toISOString();
}

/** `text` with a 12-hour time written on the 24-hour clock (`12:30 م` → `12:30`, `9:05 ص` → `09:05`). */
function twentyFourHour(text: string): string | null {
  const m = TWELVE_HOUR.exec(text);
  if (!m) return text;
  const hour = Number(m[1]);
  const afternoon = /^(م|مساء|pm|p\.m\.)/i.test(m[4]!);
  // `13:30 م` says the same thing twice; `13:30 ص` contradicts itself.
  if (hour < 1 || hour > 23 || (hour > 12 && !afternoon)) return null;
  const h24 = hour > 12 ? hour : (hour % 12) + (afternoon ? 12 : 0);
  return text.slice(0, m.index) + `${String(h24).padStart(2, '0')}:${m[2]}${m[3] ?? ''}` + text.slice(m.index + m[0].length);
}

const monthName = (month: number): string =>
  new Date(Date.UTC(2000, month - 1)).toLocaleString('en-US', { month: 'long', timeZone: 'UTC' });

/**
 * The month a name gives, or the two names of the press's `أكتوبر/تشرين الأول` when they agree. Two that
 * disagree are a typo in one or the other, and which is not said: the date is refused, with a note why.
 */
function monthOf(phrase: string, notes: string[]): number | undefined {
  const [first, ...others] = phrase.split(/ ?[/-] ?/).map((name) => MONTHS.get(name));
  if (first === undefined || others.includes(undefined)) return undefined;
  const other = others.find((month) => month !== first);
  if (other !== undefined) {
    notes.push(`its two month names disagree: ${monthName(first)}, ${monthName(other)}`);
    return undefined;
  }
  return first;
}

/**
 * An ISO 8601 UTC instant for a date written as ISO 8601 (with or without an offset; none means UTC),
 * RFC 822 (`Sun, 18 Feb 2018 20:21:45 GMT`), the aggregator's `25th, September 2023 GMT`, a day and a month
 * name in English or in any Arab country's usage (`16 أكتوبر 2018`, `16 تشرين الأول 2018`, `16 جوان 2018`,
 * `16 شتنبر 2018`) or two (`16 أكتوبر/تشرين الأول 2018`), after a weekday or not, with a time on either
 * clock (`12:30 م`), or in figures day first (`16/10/2018`) or year first (`2018/10/16`); null when the text
 * is not a date we can read with certainty. `notes` gets what a warning should say beyond "unreadable".
 */
export function parseDate(input: string, notes: string[] = []): string | null {
  const normal = normalizeArabic(input).replace(/،/g, ',');
  const arabicWeekday = ARABIC_WEEKDAY.exec(normal);
  const afterWeekday = arabicWeekday ? normal.slice(arabicWeekday[0].length) : normal;
  const hijri = HIJRI.exec(afterWeekday);
  const clean = hijri ? (afterWeekday.slice(0, hijri.index) + afterWeekday.slice(hijri.index + hijri[0].length)).trim() : afterWeekday;
  if (hijri && clean === '') {
    notes.push('a Hijri date alone is not read: give the Gregorian date beside it');
    return null;
  }
  const text = twentyFourHour(clean.replace(ARABIC_GMT, ' GMT').replace(AD, '$1').replace(TIME_SEPARATOR, ' '));
  if (text === null || text === '') return null;
  const written = readWritten(text, notes);
  if (written === null) return null;
  const date = build(...written.parts);
  const weekday = arabicWeekday?.[1] ?? written.weekday;
  if (date !== null && weekday !== undefined) checkWeekday(weekday, written.parts, notes);
  if (date !== null && hijri) checkHijri([+hijri[3]!, HIJRI_MONTHS.get(hijri[2]!)!, +hijri[1]!], date, notes);
  return date;
}

/** A date's parts as written, in `build`'s order, with the English weekday named before it, if any. */
interface Written {
  parts: Parameters<typeof build>;
  weekday?: string;
}

function readWritten(text: string, notes: string[]): Written | null {
  const iso = ISO.exec(text);
  if (iso) {
    const offset = parseZone(iso[7]);
    if (offset === undefined) return null;
    return { parts: [+iso[1]!, +iso[2]!, +iso[3]!, +(iso[4] ?? 0), +(iso[5] ?? 0), +(iso[6] ?? 0), offset] };
  }

  const dmy = DAY_MONTH_YEAR.exec(text);
  if (dmy) {
    const month = monthOf(dmy[3]!, notes);
    const offset = parseZone(dmy[8]);
    if (month === undefined || offset === undefined) return null;
    return {
      parts: [+dmy[4]!, month, +dmy[2]!, +(dmy[5] ?? 0), +(dmy[6] ?? 0), +(dmy[7] ?? 0), offset],
      weekday: dmy[1],
    };
  }

  const dayFirst = NUMERIC_DMY.exec(text);
  const numeric = dayFirst ?? NUMERIC_YMD.exec(text);
  if (numeric) {
    const [year, day] = dayFirst ? [numeric[4], numeric[1]] : [numeric[1], numeric[4]];
    const offset = parseZone(numeric[8]);
    if (offset === undefined) return null;
    return {
      parts: [
        +year!,
        +numeric[3]!,
        +day!,
        +(numeric[5] ?? 0),
        +(numeric[6] ?? 0),
        +(numeric[7] ?? 0),
        offset,
      ],
    };
  }

  const mdy = MONTH_DAY_YEAR.exec(text);
  if (mdy) {
    const month = MONTHS.get(mdy[2]!);
    const offset = parseZone(mdy[8]);
    if (month === undefined || offset === undefined) return null;
    return {
      parts: [+mdy[4]!, month, +mdy[3]!, +(mdy[5] ?? 0), +(mdy[6] ?? 0), +(mdy[7] ?? 0), offset],
      weekday: mdy[1],
    };
  }
  return null;
}

const weekdayName = (day: number): string =>
  new Date(Date.UTC(2000, 0, 2 + day)).toLocaleString('en-US', { weekday: 'long', timeZone: 'UTC' });

/**
 * Notes a weekday that is not the date's (`Mon, 16 Oct 2018`: a Tuesday). The date is kept, as the more
 * reliable of the two. The weekday is that of the date as written, not of the instant in UTC.
 */
function checkWeekday(weekday: string, [year, month, day]: Written['parts'], notes: string[]): void {
  const named = WEEKDAYS.get(weekday);
  const date = new Date(Date.UTC(year, month - 1, day));
  if (named === undefined || named === date.getUTCDay()) return;
  const ymd = date.toISOString().slice(0, 10);
  notes.push(
    `its weekday is wrong: ${ymd} was a ${weekdayName(date.getUTCDay())}, not a ${weekdayName(named)}`,
  );
}

const umalqura = new Intl.DateTimeFormat('en-u-ca-islamic-umalqura-nu-latn', {
  timeZone: 'UTC',
  day: 'numeric',
  month: 'numeric',
  year: 'numeric',
});
const DAY_MS = 86_400_000;
/** 1 Muharram 1 AH, 16 July 622 (Julian), as a proleptic Gregorian UTC time, and a mean Hijri year. */
const HIJRI_EPOCH = Date.UTC(622, 6, 19);
const HIJRI_YEAR_DAYS = 354.36667;

/** The UTC day of a Hijri date in Umm al-Qura: the arithmetic estimate, corrected by Intl within 5 days. */
function fromHijri(year: number, month: number, day: number): number {
  const estimate = HIJRI_EPOCH + Math.round((year - 1) * HIJRI_YEAR_DAYS + (month - 1) * 29.53 + day - 1) * DAY_MS;
  for (const shift of [0, -1, 1, -2, 2, -3, 3, -4, 4, -5, 5]) {
    const parts = umalqura.formatToParts(new Date(estimate + shift * DAY_MS));
    const part = (type: string) => Number(parts.find((p) => p.type === type)?.value);
    if (part('year') === year && part('month') === month && part('day') === day) return estimate + shift * DAY_MS;
  }
  return estimate;
}

/**
 * Notes a Hijri date more than a day from the Gregorian date beside it (Umm al-Qura and a sighting differ
 * by a day at most): one of the two is a typo. The Gregorian date is kept, as papers date by it.
 */
function checkHijri([year, month, day]: [number, number, number], gregorian: string, notes: string[]): void {
  const days = Math.round((fromHijri(year, month, day) - Date.parse(gregorian.slice(0, 10))) / DAY_MS);
  if (Math.abs(days) <= 1) return;
  notes.push(`its Hijri date ${day}/${month}/${year} is ${Math.abs(days)} days from its Gregorian date`);
}
