/**
 * Policy and statutory periods (RULES.md "Inputs"): ISO 8601 durations with whole-number
 * components, added to an event's time as calendar periods in UTC with the day of month clamped —
 * 2 years after 2024-02-29 is 2026-02-28, which ends a window up to a day before the statutes'
 * day-based wording would (conservative).
 */

export interface IsoDuration {
  years: number;
  months: number;
  weeks: number;
  days: number;
  hours: number;
  minutes: number;
  seconds: number;
}

/** The same grammar the ingest validator accepts (`PnYnMnWnDTnHnMnS`, at least one component). */
const ISO_8601_DURATION = /^P(?!$)(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?(?:T(?=\d)(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?)?$/;

export class InvalidDurationError extends Error {
  constructor(readonly text: string) {
    super(`Not an ISO 8601 duration with whole-number components: ${JSON.stringify(text)}`);
    this.name = 'InvalidDurationError';
  }
}

const parsedDurations = new Map<string, IsoDuration>();

export function parseIsoDuration(text: string): IsoDuration {
  const cached = parsedDurations.get(text);
  if (cached) return cached;
  const match = ISO_8601_DURATION.exec(text);
  if (!match) throw new InvalidDurationError(text);
  const [years, months, weeks, days, hours, minutes, seconds] = match.slice(1).map((part) => Number(part ?? 0));
  const duration = { years, months, weeks, days, hours, minutes, seconds };
  parsedDurations.set(text, duration);
  return duration;
}

function daysInUtcMonth(year: number, monthIndex: number): number {
  return new Date(Date.UTC(year, monthIndex + 1, 0)).getUTCDate();
}

/** Years and months first (clamping the day), then weeks, days and time as fixed lengths. */
export function addIsoDuration(epochMs: number, duration: IsoDuration): number {
  const start = new Date(epochMs);
  const totalMonths = start.getUTCMonth() + duration.months + 12 * (start.getUTCFullYear() + duration.years);
  const year = Math.floor(totalMonths / 12);
  const monthIndex = totalMonths - 12 * year;
  const day = Math.min(start.getUTCDate(), daysInUtcMonth(year, monthIndex));
  const calendarPart = new Date(start.getTime());
  calendarPart.setUTCFullYear(year, monthIndex, day);
  const fixedMs = ((duration.weeks * 7 + duration.days) * 24 + duration.hours) * 3_600_000 + duration.minutes * 60_000 + duration.seconds * 1000;
  return calendarPart.getTime() + fixedMs;
}

export function addPeriod(epochMs: number, isoDuration: string): number {
  return addIsoDuration(epochMs, parseIsoDuration(isoDuration));
}
