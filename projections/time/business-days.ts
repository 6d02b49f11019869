/**
 * Business days for grace periods (RULES.md "Business days, grace periods and violations"): every
 * day but Saturday, Sunday and the national public holidays of the customer's country, as the
 * pinned `date-holidays` data gives them (type `public`, country level, substitute days included).
 * Regional holidays are not skipped (conservative: deadlines come sooner).
 */

import Holidays from 'date-holidays';
import { addLocalDays, instantOfLocalTime, isoDateOf, localDateOf, weekdayOf, type LocalDate } from './zoned-time';

const calendars = new Map<string, Holidays>();
const holidayDates = new Map<string, ReadonlySet<string>>();

function calendarOf(country: string): Holidays {
  let calendar = calendars.get(country);
  if (!calendar) {
    calendar = new Holidays(country);
    calendars.set(country, calendar);
  }
  return calendar;
}

/** `YYYY-MM-DD` dates of the country's national public holidays that fall in `year`. */
export function nationalPublicHolidays(country: string, year: number): ReadonlySet<string> {
  const key = `${country}:${year}`;
  let dates = holidayDates.get(key);
  if (!dates) {
    const collected = new Set<string>();
    for (const holiday of calendarOf(country).getHolidays(year)) {
      if (holiday.type !== 'public') continue;
      const firstDay = holiday.date.slice(0, 10);
      const [y, m, d] = firstDay.split('-').map(Number);
      // A holiday may span several days (its end is exclusive); most span one.
      const dayCount = Math.max(1, Math.ceil((holiday.end.getTime() - holiday.start.getTime()) / 86_400_000));
      for (let offset = 0; offset < dayCount; offset++) collected.add(isoDateOf(addLocalDays({ year: y, month: m, day: d }, offset)));
    }
    dates = collected;
    holidayDates.set(key, dates);
  }
  return dates;
}

export function isBusinessDay(date: LocalDate, country: string): boolean {
  const weekday = weekdayOf(date);
  if (weekday === 0 || weekday === 6) return false;
  const isoDate = isoDateOf(date);
  // A multi-day holiday that starts in December is listed under its starting year.
  return !nationalPublicHolidays(country, date.year).has(isoDate) && !nationalPublicHolidays(country, date.year - 1).has(isoDate);
}

/**
 * Every contact after a withdrawal asks its deadline again (a report, thousands of times), and
 * counting days through the time zone is slow. Cleared when full: the service runs for months.
 */
const deadlines = new Map<string, number>();
const MAX_REMEMBERED_DEADLINES = 10_000;

/**
 * The end, in `timeZone`, of the `count`-th business day after the local day of `epochMs` — that
 * is, the first instant of the following local day.
 */
export function endOfBusinessDaysAfter(epochMs: number, count: number, timeZone: string, country: string): number {
  const key = `${epochMs}|${count}|${timeZone}|${country}`;
  let end = deadlines.get(key);
  if (end === undefined) {
    if (deadlines.size >= MAX_REMEMBERED_DEADLINES) deadlines.clear();
    end = countBusinessDays(epochMs, count, timeZone, country);
    deadlines.set(key, end);
  }
  return end;
}

function countBusinessDays(epochMs: number, count: number, timeZone: string, country: string): number {
  let day = localDateOf(epochMs, timeZone);
  for (let counted = 0; counted < count; ) {
    day = addLocalDays(day, 1);
    if (isBusinessDay(day, country)) counted++;
  }
  return instantOfLocalTime(addLocalDays(day, 1), timeZone, 'earlier');
}
