/**
 * Instants travel as ledger timestamps (`YYYY-MM-DDTHH:MM:SS.sssZ`, API.md "Conventions") and are
 * compared as epoch milliseconds inside the engine. Normalized timestamps also order correctly as
 * strings, which lets hot filters skip parsing.
 */

export const MS_PER_DAY = 86_400_000;

export function toEpochMs(timestamp: string): number {
  const ms = normalizedToEpochMs(timestamp) ?? Date.parse(timestamp);
  if (Number.isNaN(ms)) throw new RangeError(`Not a timestamp: ${timestamp}`);
  return ms;
}

const SEPARATORS: ReadonlyArray<readonly [position: number, code: number]> = [[4, 0x2d], [7, 0x2d], [10, 0x54], [13, 0x3a], [16, 0x3a], [19, 0x2e], [23, 0x5a]];
const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/**
 * A timestamp in the ledger's own form (`YYYY-MM-DDTHH:MM:SS.sssZ`), read field by field and
 * counted in days by arithmetic: several times cheaper than Date.parse, and the engine reads every
 * fact's instants for every question. Anything else, or a field out of range, is left to Date.parse
 * (undefined), so the result is always Date.parse's.
 */
function normalizedToEpochMs(timestamp: string): number | undefined {
  if (timestamp.length !== 24) return undefined;
  for (const separator of SEPARATORS) if (timestamp.charCodeAt(separator[0]) !== separator[1]) return undefined;
  const year = digitsAt(timestamp, 0, 4);
  const month = digitsAt(timestamp, 5, 7);
  const day = digitsAt(timestamp, 8, 10);
  const hours = digitsAt(timestamp, 11, 13);
  const minutes = digitsAt(timestamp, 14, 16);
  const seconds = digitsAt(timestamp, 17, 19);
  const milliseconds = digitsAt(timestamp, 20, 23);
  // Date.parse reads years 0–99 as 1900–1999. A field with a non-digit is -1, out of every range.
  if (year < 100 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
  if (hours < 0 || hours > 23 || minutes < 0 || minutes > 59 || seconds < 0 || seconds > 59 || milliseconds < 0) return undefined;
  return daysFromCivil(year, month, day) * MS_PER_DAY + ((hours * 60 + minutes) * 60 + seconds) * 1000 + milliseconds;
}

/** The decimal number written from `from` to `to`, or -1 when a character there is not a digit. */
function digitsAt(text: string, from: number, to: number): number {
  let value = 0;
  for (let position = from; position < to; position++) {
    const digit = text.charCodeAt(position) - 0x30;
    if (digit < 0 || digit > 9) return -1;
    value = value * 10 + digit;
  }
  return value;
}

function daysInMonth(year: number, month: number): number {
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return month === 2 && leap ? 29 : DAYS_IN_MONTH[month - 1]!;
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

/** Days from 1970-01-01 to a proleptic Gregorian date: `civilFromDays` the other way round. */
function daysFromCivil(year: number, month: number, day: number): number {
  const yearFromMarch = month <= 2 ? year - 1 : year;
  const era = Math.floor(yearFromMarch / 400);
  const yearOfEra = yearFromMarch - era * 400;
  const dayOfYear = Math.floor((153 * (month > 2 ? month - 3 : month + 9) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146_097 + dayOfEra - 719_468;
}

/** Any accepted timestamp in the ledger's normalized form. */
export function normalizedTimestamp(timestamp: string): string {
  // Already in that form (as every stored entry's are), it is its own normalization: no need to write it again.
  return normalizedToEpochMs(timestamp) === undefined ? toTimestamp(toEpochMs(timestamp)) : timestamp;
}

/** The UTC calendar day of an instant, as explanations state it. */
export function utcDay(epochMs: number): string {
  return toTimestamp(epochMs).slice(0, 10);
}
