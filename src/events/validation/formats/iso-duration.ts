/**
 * Policy periods (RULES.md "Tenant policies"): ISO 8601 durations such as `P13M`, `P90D` or
 * `PT12H`, with whole-number components, added to an event's time as calendar periods.
 */

const ISO_8601_DURATION = /^P(?!$)(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?(?:T(?=\d)(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?)?$/;

/** Longer periods would carry window ends past the year 9999 that timestamps can express. */
export const MAX_DURATION_YEARS = 100;

const DAYS_PER_YEAR = 365.2425;
const DAYS_PER_UNIT = [DAYS_PER_YEAR, DAYS_PER_YEAR / 12, 7, 1, 1 / 24, 1 / 1440, 1 / 86_400];

export function isIsoDuration(text: string): boolean {
  const match = ISO_8601_DURATION.exec(text);
  if (!match) return false;
  const approximateDays = match.slice(1).reduce((days, amount, unit) => days + Number(amount ?? 0) * DAYS_PER_UNIT[unit], 0);
  return approximateDays <= MAX_DURATION_YEARS * DAYS_PER_YEAR;
}
