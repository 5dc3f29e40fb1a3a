import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseDate, unixTime } from './dates.ts';

describe('parseDate', () => {
  it.each([
    ['2018-01-21T13:41:38+00:00', '2018-01-21T13:41:38.000Z'],
    ['2013-07-10T13:43:18+04:00', '2013-07-10T09:43:18.000Z'],
    ['2018-02-18T20:21:45.123Z', '2018-02-18T20:21:45.000Z'],
    ['2018-02-18T20:21:45-0500', '2018-02-19T01:21:45.000Z'],
    ['2023-09-25', '2023-09-25T00:00:00.000Z'],
    ['25th, September 2023 GMT', '2023-09-25T00:00:00.000Z'],
    ['1st, March 2024 GMT', '2024-03-01T00:00:00.000Z'],
    ['  22nd,  October 2022  GMT ', '2022-10-22T00:00:00.000Z'],
    ['Sun, 18 Feb 2018 20:21:45 GMT', '2018-02-18T20:21:45.000Z'],
    ['Sun, 18 Feb 2018 20:21:45 +0300', '2018-02-18T17:21:45.000Z'],
    ['18 Feb 2018', '2018-02-18T00:00:00.000Z'],
    ['September 25, 2023', '2023-09-25T00:00:00.000Z'],
    ['25 سبتمبر 2023', '2023-09-25T00:00:00.000Z'],
    ['٢٥ أيلول ٢٠٢٣', '2023-09-25T00:00:00.000Z'],
    // A weekday before, a time after on either clock, «م» (AD) after the year, an Arabic comma.
    ['الثلاثاء، 16 أكتوبر 2018 - 12:30 م', '2018-10-16T12:30:00.000Z'],
    ['يوم الأحد 7 يناير 2018', '2018-01-07T00:00:00.000Z'],
    ['16 أكتوبر 2018 12:30 ص', '2018-10-16T00:30:00.000Z'],
    ['3 جويلية 2019 09:15 صباحاً', '2019-07-03T09:15:00.000Z'],
    ['16 أكتوبر 2018 9:05 PM', '2018-10-16T21:05:00.000Z'],
    ['16 أكتوبر 2018 13:30 م', '2018-10-16T13:30:00.000Z'],
    ['2 غشت 2018م', '2018-08-02T00:00:00.000Z'],
    ['16 أكتوبر، 2018', '2018-10-16T00:00:00.000Z'],
    // Algerian, Tunisian and Moroccan month names.
    ['16 جوان 2018', '2018-06-16T00:00:00.000Z'],
    ['1 جانفي 2020', '2020-01-01T00:00:00.000Z'],
    ['16 شتنبر 2018', '2018-09-16T00:00:00.000Z'],
    ['٣٠ دجنبر ٢٠١٩', '2019-12-30T00:00:00.000Z'],
    // In figures: day first, as Arabic publishers write them, or year first.
    ['16/10/2018', '2018-10-16T00:00:00.000Z'],
    ['05/06/2018', '2018-06-05T00:00:00.000Z'],
    ['16-10-2018 14:30', '2018-10-16T14:30:00.000Z'],
    ['16.10.2018', '2018-10-16T00:00:00.000Z'],
    ['١٦/١٠/٢٠١٨ ١٤:٣٠ +03:00', '2018-10-16T11:30:00.000Z'],
    ['2018/1/5', '2018-01-05T00:00:00.000Z'],
    ['2018/10/16 - 12:30', '2018-10-16T12:30:00.000Z'],
    ['16/10/2018 | 9:05 م', '2018-10-16T21:05:00.000Z'],
    ['16 أكتوبر 2018 - 12:30 بتوقيت غرينتش', '2018-10-16T12:30:00.000Z'],
    ['16/10/2018 14:30 ت.غ', '2018-10-16T14:30:00.000Z'],
    // Spelt as newsrooms spell them: the Levantine months without «ال», ى for ي, a hamza or not, tatweel,
    // tashkeel, invisible marks from copied text.
    ['16 تشرين أول 2018', '2018-10-16T00:00:00.000Z'],
    ['16 كانون ثاني 2018', '2018-01-16T00:00:00.000Z'],
    ['16 كانون أول 2018', '2018-12-16T00:00:00.000Z'],
    ['16 تشرين ثاني 2018', '2018-11-16T00:00:00.000Z'],
    ['16 تشرين الثانى 2018', '2018-11-16T00:00:00.000Z'],
    ['16 كانون الثانى 2018', '2018-01-16T00:00:00.000Z'],
    ['16 إكتوبر 2018', '2018-10-16T00:00:00.000Z'],
    ['16 أكتوبــر 2018', '2018-10-16T00:00:00.000Z'],
    ['16 أُكْتُوبَر 2018', '2018-10-16T00:00:00.000Z'],
    ['\u200f16 أكتوبر 2018\u200f', '2018-10-16T00:00:00.000Z'],
    ['الإثنين، 15 أكتوبر 2018', '2018-10-15T00:00:00.000Z'],
    ['الجمعة 19 أكتوبر 2018 9:05 مساءً', '2018-10-19T21:05:00.000Z'],
    // The press's two names for one month (AFP's `16 أكتوبر/تشرين الأول 2018`), either first, slash or dash.
    ['16 أكتوبر/تشرين الأول 2018', '2018-10-16T00:00:00.000Z'],
    ['16 تشرين الأول/أكتوبر 2018', '2018-10-16T00:00:00.000Z'],
    ['16 أكتوبر / تشرين الأول 2018', '2018-10-16T00:00:00.000Z'],
    ['16 تشرين الأول - أكتوبر 2018', '2018-10-16T00:00:00.000Z'],
    ['16 أكتوبر-تشرين أول 2018', '2018-10-16T00:00:00.000Z'],
    ['16 جوان/يونيو 2018', '2018-06-16T00:00:00.000Z'],
    ['الثلاثاء 16 يناير/كانون الثاني 2018 - 12:30', '2018-01-16T12:30:00.000Z'],
    // A time after «الساعة» («على الساعة» in the Maghreb), on either clock.
    ['16 أكتوبر 2018 الساعة 12:30', '2018-10-16T12:30:00.000Z'],
    ['16 أكتوبر 2018 الساعة 12:30 مساءً', '2018-10-16T12:30:00.000Z'],
    ['16 أكتوبر 2018 الساعة 9:05 مساءً', '2018-10-16T21:05:00.000Z'],
    ['16 أكتوبر 2018 - الساعة 9:05 صباحاً', '2018-10-16T09:05:00.000Z'],
    ['16 أكتوبر 2018، الساعة 12:30 ص', '2018-10-16T00:30:00.000Z'],
    ['16/10/2018 الساعة 14:30', '2018-10-16T14:30:00.000Z'],
    ['16 شتنبر 2018 على الساعة 14:30', '2018-09-16T14:30:00.000Z'],
  ])('reads %j', (input, expected) => {
    expect(parseDate(input)).toBe(expected);
  });

  it.each([
    [''],
    ['yesterday'],
    ['قبل ساعتين'],
    ['2023-02-30'],
    ['31st, February 2023 GMT'],
    ['2023-13-01'],
    ['25th, Smarch 2023 GMT'],
    ['0001-01-01T00:00:00Z'],
    ['2018-02-18T20:21:45+99:00'],
    ['1695600000'],
    // Month first (no month 16), a contradictory clock, a Hijri date, a weekday alone.
    ['10/16/2018'],
    ['16 أكتوبر 2018 13:30 ص'],
    ['31/02/2018'],
    ['7 صفر 1440 هـ'],
    ['السبت'],
    ['7 صفر 1440'],
    // A day the month does not have, and «تشرين» or «كانون» alone (which of the two?).
    ['32 أكتوبر 2018'],
    ['30 فبراير 2019'],
    ['29 شباط 2019'],
    ['16 تشرين 2018'],
    ['16 كانون 2018'],
    ['16 أكتوبر 2018 الساعة'],
    ['الساعة 12:30'],
    ['16 أكتوبر 2018 الساعة 13:30 صباحاً'],
    // Two month names that disagree, or one that is not a month.
    ['16 أكتوبر/تشرين الثاني 2018'],
    ['16 تشرين الأول - نوفمبر 2018'],
    ['16 أكتوبر/صفر 2018'],
    ['16 أكتوبر/ 2018'],
  ])('refuses %j rather than guess', (input) => {
    expect(parseDate(input)).toBeNull();
  });

  it('says why it refuses a date whose two month names disagree', () => {
    const notes: string[] = [];
    expect(parseDate('16 أكتوبر/تشرين الثاني 2018', notes)).toBeNull();
    expect(notes).toEqual(['its two month names disagree: October, November']);
  });

  // Gulf papers print the Hijri date beside the Gregorian one, in either order.
  it.each([
    ['الخميس 16 جمادى الآخرة 1448 هـ الموافق 26 نوفمبر 2026 م', '2026-11-26T00:00:00.000Z'],
    ['الخميس - 12 ربيع الآخر 1445 هـ - 26 أكتوبر 2023 م', '2023-10-26T00:00:00.000Z'],
    ['26 نوفمبر 2026 | 16 جمادى الثانية 1448هـ', '2026-11-26T00:00:00.000Z'],
    ['17 جمادى الآخرة 1448هجرية الموافق 26/11/2026 الساعة 10:30 ص', '2026-11-26T10:30:00.000Z'],
    // 30 Ramadan 1444 was Eid in Umm al-Qura, 29 days that year: a sighting's day is still a day off at most.
    ['30 رمضان 1444 هـ - 21 أبريل 2023', '2023-04-21T00:00:00.000Z'],
    ['1 محرم 1400 هـ - 21 نوفمبر 1979', '1979-11-21T00:00:00.000Z'],
  ])('reads the Gregorian date of %j and notes nothing', (input, expected) => {
    const notes: string[] = [];
    expect(parseDate(input, notes)).toBe(expected);
    expect(notes).toEqual([]);
  });

  it('keeps the Gregorian date when the Hijri one beside it is a month off, and notes it', () => {
    const notes: string[] = [];
    expect(parseDate('26 نوفمبر 2026 م - 16 جمادى الأولى 1448 هـ', notes)).toBe('2026-11-26T00:00:00.000Z');
    expect(notes).toEqual(['its Hijri date 16/5/1448 is 30 days from its Gregorian date']);
  });

  it('says why a Hijri date alone is not read', () => {
    const notes: string[] = [];
    expect(parseDate('الخميس 12 ربيع الآخر 1445هـ', notes)).toBeNull();
    expect(notes).toEqual(['a Hijri date alone is not read: give the Gregorian date beside it']);
  });

  it.each([
    ['Mon, 16 Oct 2018', '2018-10-16T00:00:00.000Z', 'Monday'],
    ['Monday, October 16, 2018', '2018-10-16T00:00:00.000Z', 'Monday'],
    ['الاثنين، 16 أكتوبر 2018', '2018-10-16T00:00:00.000Z', 'Monday'],
    ['يوم الإثنين 16/10/2018 - 12:30', '2018-10-16T12:30:00.000Z', 'Monday'],
    ['السبت 2018-10-16', '2018-10-16T00:00:00.000Z', 'Saturday'],
  ])('keeps %j, whose weekday is wrong, and notes it', (input, expected, named) => {
    const notes: string[] = [];
    expect(parseDate(input, notes)).toBe(expected);
    expect(notes).toEqual([`its weekday is wrong: 2018-10-16 was a Tuesday, not a ${named}`]);
  });

  it.each([
    ['Tue, 16 Oct 2018'],
    ['Tuesday, October 16, 2018'],
    // The weekday of the date as written, not of the instant in UTC (the 17th).
    ['Tue, 16 Oct 2018 23:30 -0500'],
    ['الثلاثاء 16 تشرين أول 2018 الساعة 11:30 مساءً -05:00'],
  ])('notes nothing of %j, whose weekday is right', (input) => {
    const notes: string[] = [];
    expect(parseDate(input, notes)).not.toBeNull();
    expect(notes).toEqual([]);
  });

  // Every month as each country's newsrooms name it: Egypt and the Gulf, the Levant and Iraq, Algeria and
  // Tunisia, Morocco, with the other spellings seen in print.
  it.each([
    [1, 'يناير|كانون الثاني|كانون الثانى|كانون ثاني|جانفي'],
    [2, 'فبراير|شباط|فيفري'],
    [3, 'مارس|آذار|اذار'],
    [4, 'أبريل|ابريل|إبريل|نيسان|أفريل|افريل'],
    [5, 'مايو|أيار|ايار|مايس|ماي'],
    [6, 'يونيو|يونيه|حزيران|جوان'],
    [7, 'يوليو|يوليه|تموز|جويلية|جويليه|يوليوز'],
    [8, 'أغسطس|اغسطس|آب|اب|أوت|اوت|غشت'],
    [9, 'سبتمبر|أيلول|ايلول|شتنبر'],
    [10, 'أكتوبر|اكتوبر|إكتوبر|تشرين الأول|تشرين الاول|تشرين أول'],
    [11, 'نوفمبر|تشرين الثاني|تشرين الثانى|تشرين ثاني|نونبر'],
    [12, 'ديسمبر|كانون الأول|كانون الاول|كانون أول|دجنبر'],
  ])('reads month %i by each of its names', (month, names) => {
    const expected = `2018-${String(month).padStart(2, '0')}-16T00:00:00.000Z`;
    for (const name of names.split('|')) expect(parseDate(`16 ${name} 2018`), name).toBe(expected);
  });
});

describe('unixTime', () => {
  it.each([
    [1539691200, '2018-10-16T12:00:00.000Z'],
    [1539691200999, '2018-10-16T12:00:00.000Z'],
    [86_400, '1970-01-02T00:00:00.000Z'],
  ])('reads %j', (input, expected) => {
    expect(unixTime(input)).toBe(expected);
  });

  // 0 and -1 are how feeds say "no date"; ±14 hours is 0 written in some server's zone.
  it.each([[9e15], [-3e9], [Number.NaN], [Infinity], [0], [-1], [-10_800], [50_400], [86_399], [-1e12]])(
    'refuses %j',
    (input) => {
      expect(unixTime(input)).toBeNull();
    },
  );
});

describe('parseDate on any text', () => {
  const pieces = fc.constantFrom('الثلاثاء', '،', ',', ' ', '-', '|', '/', '.', ':', 'م', 'ص', 'صباحاً', 'PM', 'GMT', '+03:00', '١٦', '16', '2018', '10', '31', '12', '30', 'أكتوبر', 'جوان', 'تشرين الأول', 'رمضان', 'هـ', 'الموافق', '1445', 'T', 'Z');
  it('never throws, and gives null or an instant between 1900 and 2100', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.array(pieces, { maxLength: 12 }).map((p) => p.join(''))), (text) => {
        const date = parseDate(text);
        if (date === null) return;
        expect(date).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.000Z$/);
        const year = Number(date.slice(0, 4));
        expect(year >= 1899 && year <= 2101).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });
});
