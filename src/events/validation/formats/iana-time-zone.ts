/** IANA time-zone names (`America/Toronto`), the form the eligibility engine hands to Intl. */

const IANA_NAME = /^[A-Za-z][A-Za-z0-9_+-]*(?:\/[A-Za-z0-9_+-]+)*$/;
const MAX_NAME_LENGTH = 64;
const CANONICAL_NAMES: ReadonlySet<string> = new Set(Intl.supportedValuesOf('timeZone'));

export function isIanaTimeZone(name: string): boolean {
  if (CANONICAL_NAMES.has(name)) return true;
  // Links such as `UTC` or `Asia/Calcutta` are not in the canonical list but are valid IANA names;
  // the pattern keeps out the `+05:00` offsets that Intl also accepts on newer runtimes.
  if (name.length > MAX_NAME_LENGTH || !IANA_NAME.test(name)) return false;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}
