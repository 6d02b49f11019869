/**
 * Instants travel as ledger timestamps (`YYYY-MM-DDTHH:MM:SS.sssZ`, API.md "Conventions") and are
 * compared as epoch milliseconds inside the engine. Normalized timestamps also order correctly as
 * strings, which lets hot filters skip parsing.
 */

export const MS_PER_DAY = 86_400_000;

export function toEpochMs(timestamp: string): number {
  const ms = Date.parse(timestamp);
  if (Number.isNaN(ms)) throw new RangeError(`Not a timestamp: ${timestamp}`);
  return ms;
}

/**
 * `Date.prototype.toISOString`, computed: it cost about a microsecond a call, and a report writes
 * tens of thousands of timestamps (normalizing facts, dating explanations). Instants outside years
 * 0000–9999, or not whole milliseconds, are left to `toISOString`, which writes them its own way.
 */
export function toTimestamp(epochMs: number): string {
  if (!Number.isInteger(epochMs) || epochMs < FIRST_FOUR_DIGIT_INSTANT || epochMs > LAST_FOUR_DIGIT_INSTANT) return new Date(epochMs).toISOString();
  const days = Math.floor(epochMs / MS_PER_DAY);
  const { year, month, day } = civilFromDays(days);
  const msOfDay = epochMs - days * MS_PER_DAY;
  const hours = Math.floor(msOfDay / 3_600_000);
  const minutes = Math.floor(msOfDay / 60_000) % 60;
  const seconds = Math.floor(msOfDay / 1000) % 60;
  return `${padded(year, 4)}-${padded(month, 2)}-${padded(day, 2)}T${padded(hours, 2)}:${padded(minutes, 2)}:${padded(seconds, 2)}.${padded(msOfDay % 1000, 3)}Z`;
}

const FIRST_FOUR_DIGIT_INSTANT = Date.parse('0000-01-01T00:00:00.000Z');
const LAST_FOUR_DIGIT_INSTANT = Date.parse('9999-12-31T23:59:59.999Z');

function padded(value: number, digits: number): string {
  return String(value).padStart(digits, '0');
}

/** The proleptic Gregorian date of a day counted from 1970-01-01 (H. Hinnant, "chrono-compatible low-level date algorithms"). */
function civilFromDays(days: number): { year: number; month: number; day: number } {
  const shifted = days + 719_468; // days from 0000-03-01: leap days then fall at the end of a year
  const era = Math.floor(shifted / 146_097);
  const dayOfEra = shifted - era * 146_097;
  const yearOfEra = Math.floor((dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36_524) - Math.floor(dayOfEra / 146_096)) / 365);
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const monthFromMarch = Math.floor((5 * dayOfYear + 2) / 153);
  const month = monthFromMarch < 10 ? monthFromMarch + 3 : monthFromMarch - 9;
  return { year: yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day: dayOfYear - Math.floor((153 * monthFromMarch + 2) / 5) + 1 };
}

/** Any accepted timestamp in the ledger's normalized form. */
export function normalizedTimestamp(timestamp: string): string {
  return toTimestamp(toEpochMs(timestamp));
}

/** The UTC calendar day of an instant, as explanations state it. */
export function utcDay(epochMs: number): string {
  return toTimestamp(epochMs).slice(0, 10);
}
