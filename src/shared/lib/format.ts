/**
 * The one place numbers and dates become text. Built on Intl with an explicit locale and numbering system:
 * a bare `ar` picks different digits on different ICU versions, and render must give the same output on the
 * build machine (prerendering) and in every browser.
 *
 * Decision: Egyptian Arabic conventions (`ar-EG`) with Arabic-Indic digits (`arab`): Gregorian month names
 * as most pan-Arab news sites print them (سبتمبر, not أيلول) and ٠١٢٣٤٥٦٧٨٩ digits. The Hijri date uses the
 * Umm al-Qura calendar. Dates are formatted in UTC so the day printed never depends on the reader's clock.
 */
import type { PluralForms } from '../strings.ar.ts';

const LOCALE = 'ar-EG';
const NUMBERING_SYSTEM = 'arab';

const numberFormat = new Intl.NumberFormat(LOCALE, { numberingSystem: NUMBERING_SYSTEM });

const gregorianFormat = new Intl.DateTimeFormat(LOCALE, {
  numberingSystem: NUMBERING_SYSTEM,
  calendar: 'gregory',
  timeZone: 'UTC',
  day: 'numeric',
  month: 'long',
  year: 'numeric',
});

const hijriFormat = new Intl.DateTimeFormat(LOCALE, {
  numberingSystem: NUMBERING_SYSTEM,
  calendar: 'islamic-umalqura',
  timeZone: 'UTC',
  day: 'numeric',
  month: 'long',
  year: 'numeric',
});

const pluralRules = new Intl.PluralRules('ar');

export function formatNumber(n: number): string {
  return numberFormat.format(n);
}

function toDate(iso: string | null): Date | null {
  if (iso === null) return null;
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? null : date;
}

export interface FormattedDate {
  /** The ISO string for `<time dateTime>`. */
  iso: string;
  gregorian: string;
  hijri: string;
}

/**
 * Each UTC day's two texts, formatted once: Intl's formatting was 3 % of prerendering a list page, which
 * prints 24 dates, most of them days already printed. The texts show the day only, so the day is the key.
 */
const dayTexts = new Map<number, { gregorian: string; hijri: string }>();
const MS_A_DAY = 24 * 60 * 60 * 1000;
/** A bound on the cache, far above the days a corpus spans (27 years). */
const MAX_DAYS = 10_000;

/** Null for an undated article or an unreadable date, so the page shows no date rather than "Invalid Date". */
export function formatDate(iso: string | null): FormattedDate | null {
  const date = toDate(iso);
  if (date === null || iso === null) return null;
  const day = Math.floor(date.getTime() / MS_A_DAY);
  let texts = dayTexts.get(day);
  if (texts === undefined) {
    if (dayTexts.size >= MAX_DAYS) dayTexts.clear();
    texts = { gregorian: gregorianFormat.format(date), hijri: hijriFormat.format(date) };
    dayTexts.set(day, texts);
  }
  return { iso, ...texts };
}

export function formatPlural(n: number, forms: PluralForms): string {
  const category = pluralRules.select(n) as keyof PluralForms;
  return forms[category](formatNumber(n));
}

const relativeFormat = new Intl.RelativeTimeFormat(`${LOCALE}-u-nu-${NUMBERING_SYSTEM}`, { numeric: 'auto' });

const MINUTE_MS = 60 * 1000;
const HOUR_MS = 60 * MINUTE_MS;
const DAY_MS = 24 * HOUR_MS;
/** Past a week a relative time says less than the date beside it. */
const RELATIVE_LIMIT_MS = 7 * DAY_MS;
/** A reader's clock a little behind the build's still reads a just-published article as now. */
const CLOCK_SKEW_MS = 5 * MINUTE_MS;

/**
 * How long ago `iso` was at `now` (`قبل ٣ ساعات`, `أمس`), in whole minutes, hours or days; null for an
 * undated article, a date more than a week old or in the future. It depends on the reader's clock, so it
 * is shown only after hydration, never in the prerendered page.
 */
export function formatRelativeDate(iso: string | null, now: number): string | null {
  const date = toDate(iso);
  if (date === null) return null;
  const ago = now - date.getTime();
  if (ago < -CLOCK_SKEW_MS || ago >= RELATIVE_LIMIT_MS) return null;
  if (ago < HOUR_MS) return relativeFormat.format(-Math.max(0, Math.floor(ago / MINUTE_MS)), 'minute');
  if (ago < DAY_MS) return relativeFormat.format(-Math.floor(ago / HOUR_MS), 'hour');
  return relativeFormat.format(-Math.floor(ago / DAY_MS), 'day');
}
