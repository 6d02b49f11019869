/**
 * Wall-clock time in IANA zones, read from the runtime's own tz database through
 * `Intl.DateTimeFormat` (no hard-coded offsets: DST rules come with the pinned tzdata, DESIGN.md
 * invariant 8).
 *
 * Local → instant is the only direction with choices:
 * - a local time the clocks skipped (spring forward) resolves to the transition itself — the first
 *   instant at which the clock reads that time or later;
 * - a local time the clocks showed twice (fall back) resolves to the earlier occurrence unless the
 *   caller asks for the later. Deadlines take the earlier one: a grace period that ends "at the
 *   end of a day" ends the first time the clock shows the next day (conservative).
 */

import { MS_PER_DAY } from './instants';

export interface LocalDate {
  year: number;
  /** 1–12 */
  month: number;
  day: number;
}

export interface LocalDateTime extends LocalDate {
  hour: number;
  minute: number;
  second: number;
  millisecond: number;
}

export type Disambiguation = 'earlier' | 'later';

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** en-US with numeric fields and a 24-hour clock formats as `M/D/YYYY, HH:MM:SS`; reading that is faster than `formatToParts`. */
const EN_US_NUMERIC = /^(\d+)\/(\d+)\/(\d+), (\d+):(\d+):(\d+)$/;

export function localDateTimeOf(epochMs: number, timeZone: string): LocalDateTime {
  const formatted = formatterFor(timeZone).format(epochMs);
  const match = EN_US_NUMERIC.exec(formatted);
  if (!match) throw new Error(`Unexpected wall-clock format from Intl: ${formatted}`);
  const [month, day, year, hour, minute, second] = match.slice(1).map(Number);
  // Zone offsets are whole seconds, so the millisecond is the instant's own.
  const millisecond = ((epochMs % 1000) + 1000) % 1000;
  return { year, month, day, hour, minute, second, millisecond };
}

export function localDateOf(epochMs: number, timeZone: string): LocalDate {
  const { year, month, day } = localDateTimeOf(epochMs, timeZone);
  return { year, month, day };
}

/** The wall-clock reading taken as if it were UTC: a number that orders local times. */
function wallClockMs(local: LocalDate & Partial<LocalDateTime>): number {
  const { year, month, day, hour = 0, minute = 0, second = 0, millisecond = 0 } = local;
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  date.setUTCHours(hour, minute, second, millisecond);
  return date.getTime();
}

export function utcOffsetMs(epochMs: number, timeZone: string): number {
  return wallClockMs(localDateTimeOf(epochMs, timeZone)) - epochMs;
}

/** The instant at which the zone's clocks read `local` (see the header for skipped and repeated times). */
export function instantOfLocalTime(local: LocalDate & Partial<LocalDateTime>, timeZone: string, disambiguation: Disambiguation = 'earlier'): number {
  const wall = wallClockMs(local);
  // Offsets a day either side bracket any single transition near this wall time.
  const offsetBefore = utcOffsetMs(wall - MS_PER_DAY, timeZone);
  const offsetAfter = utcOffsetMs(wall + MS_PER_DAY, timeZone);
  const readings = [...new Set([wall - offsetBefore, wall - offsetAfter])].filter((instant) => wall - instant === utcOffsetMs(instant, timeZone));
  if (readings.length > 0) return disambiguation === 'earlier' ? Math.min(...readings) : Math.max(...readings);
  return firstInstantWithOffset(wall - offsetAfter, wall - offsetBefore, offsetAfter, timeZone);
}

/** Binary search, to the millisecond, for a transition known to lie in (from, to]. */
function firstInstantWithOffset(from: number, to: number, offset: number, timeZone: string): number {
  let low = from;
  let high = to;
  while (high - low > 1) {
    const middle = low + Math.floor((high - low) / 2);
    if (utcOffsetMs(middle, timeZone) === offset) high = middle;
    else low = middle;
  }
  return high;
}

/** The instant in (from, to] at which the zone's offset changes, assuming at most one change (clocks move once a day at most). */
export function offsetTransitionWithin(from: number, to: number, timeZone: string): number | null {
  const offsetAtEnd = utcOffsetMs(to, timeZone);
  if (utcOffsetMs(from, timeZone) === offsetAtEnd) return null;
  return firstInstantWithOffset(from, to, offsetAtEnd, timeZone);
}

/**
 * The zone's offset throughout local day `date`, or null when it changes around that day. Every
 * instant of the day lies within a day before its midnight wall time and two after it, so equal
 * offsets at those ends mean none changed (clocks never move twice within three days).
 */
export function steadyOffsetOn(date: LocalDate, timeZone: string): number | null {
  const midnight = wallClockMs(date);
  const offset = utcOffsetMs(midnight - MS_PER_DAY, timeZone);
  return offset === utcOffsetMs(midnight + 2 * MS_PER_DAY, timeZone) ? offset : null;
}

/** The instant a local time reads on a day whose offset is known not to change. */
export function instantAtSteadyOffset(local: LocalDate & Partial<LocalDateTime>, offset: number): number {
  return wallClockMs(local) - offset;
}

export function addLocalDays(date: LocalDate, days: number): LocalDate {
  const shifted = new Date(wallClockMs(date) + days * MS_PER_DAY);
  return { year: shifted.getUTCFullYear(), month: shifted.getUTCMonth() + 1, day: shifted.getUTCDate() };
}

/** 0 = Sunday … 6 = Saturday. */
export function weekdayOf(date: LocalDate): number {
  return new Date(wallClockMs(date)).getUTCDay();
}

export function isoDateOf(date: LocalDate): string {
  return `${String(date.year).padStart(4, '0')}-${String(date.month).padStart(2, '0')}-${String(date.day).padStart(2, '0')}`;
}

/** Milliseconds since local midnight of the instant's own local day. */
export function localTimeOfDayMs(local: LocalDateTime): number {
  return ((local.hour * 60 + local.minute) * 60 + local.second) * 1000 + local.millisecond;
}
