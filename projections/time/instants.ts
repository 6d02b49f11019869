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

const DIGIT_POSITIONS = [0, 1, 2, 3, 5, 6, 8, 9, 11, 12, 14, 15, 17, 18, 20, 21, 22];
const SEPARATORS: ReadonlyArray<[position: number, code: number]> = [[4, 0x2d], [7, 0x2d], [10, 0x54], [13, 0x3a], [16, 0x3a], [19, 0x2e], [23, 0x5a]];
const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/**
 * A timestamp in the ledger's own form (`YYYY-MM-DDTHH:MM:SS.sssZ`), read field by field: three
 * times cheaper than Date.parse, and the engine reads every fact's instants for every question.
 * Anything else, or a field out of range, is left to Date.parse (undefined), so the result is
 * always Date.parse's.
 */
function normalizedToEpochMs(timestamp: string): number | undefined {
  if (timestamp.length !== 24) return undefined;
  for (const [position, code] of SEPARATORS) if (timestamp.charCodeAt(position) !== code) return undefined;
  for (const position of DIGIT_POSITIONS) {
    const code = timestamp.charCodeAt(position);
    if (code < 0x30 || code > 0x39) return undefined;
  }
  const number = (from: number, to: number) => {
    let value = 0;
    for (let position = from; position < to; position++) value = value * 10 + timestamp.charCodeAt(position) - 0x30;
    return value;
  };
  const [year, month, day] = [number(0, 4), number(5, 7), number(8, 10)];
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const daysInMonth = month === 2 && leap ? 29 : DAYS_IN_MONTH[month - 1];
  // Date.UTC reads years 0–99 as 1900–1999.
  if (year < 100 || daysInMonth === undefined || day < 1 || day > daysInMonth) return undefined;
  const [hours, minutes, seconds] = [number(11, 13), number(14, 16), number(17, 19)];
  if (hours > 23 || minutes > 59 || seconds > 59) return undefined;
  return Date.UTC(year, month - 1, day, hours, minutes, seconds, number(20, 23));
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
