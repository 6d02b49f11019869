/**
 * Timestamps (API.md "Conventions"): accepted in RFC 3339 with any offset and at most millisecond
 * precision, stored as `YYYY-MM-DDTHH:MM:SS.sssZ`.
 */

export type TimestampFault = 'format' | 'precision' | 'leap-second' | 'range';

export type ParsedTimestamp = Readonly<{ ok: true; epochMs: number; normalized: string } | { ok: false; fault: TimestampFault }>;

// RFC 3339 §5.6 date-time; `T` and `Z` may be lower case (its note to the grammar).
const RFC_3339_DATE_TIME =
  /^(?<year>\d{4})-(?<month>\d{2})-(?<day>\d{2})[Tt](?<hour>\d{2}):(?<minute>\d{2}):(?<second>\d{2})(?:\.(?<fraction>\d+))?(?:(?<zulu>[Zz])|(?<offsetSign>[+-])(?<offsetHours>\d{2}):(?<offsetMinutes>\d{2}))$/;

// The stored form has a four-digit year, so the instant must land in years 0001–9999 once in UTC
// (PostgreSQL has no year 0: 0000 would be refused at insert).
const EARLIEST_STORABLE_MS = Date.parse('0001-01-01T00:00:00.000Z');
const LATEST_STORABLE_MS = Date.parse('9999-12-31T23:59:59.999Z');

// Each timestamp is checked, compared with others and normalized: the parse is done once per text.
const RECENT_PARSES_LIMIT = 4096;
const recentParses = new Map<string, ParsedTimestamp>();

export function parseLedgerTimestamp(text: string): ParsedTimestamp {
  let parsed = recentParses.get(text);
  if (parsed === undefined) {
    if (recentParses.size === RECENT_PARSES_LIMIT) recentParses.clear();
    parsed = parseRfc3339(text);
    recentParses.set(text, parsed);
  }
  return parsed;
}

function parseRfc3339(text: string): ParsedTimestamp {
  const parts = RFC_3339_DATE_TIME.exec(text)?.groups;
  if (!parts) return { ok: false, fault: 'format' };
  const [year, month, day, hour, minute, second] = [parts.year, parts.month, parts.day, parts.hour, parts.minute, parts.second].map(Number);
  const fraction = parts.fraction ?? '';
  const offsetMinutes = parts.zulu ? 0 : (parts.offsetSign === '-' ? -1 : 1) * (Number(parts.offsetHours) * 60 + Number(parts.offsetMinutes));

  if (second === 60) return { ok: false, fault: 'leap-second' };
  if (month < 1 || month > 12 || day < 1 || hour > 23 || minute > 59 || second > 59) return { ok: false, fault: 'format' };
  if (!parts.zulu && (Number(parts.offsetHours) > 23 || Number(parts.offsetMinutes) > 59)) return { ok: false, fault: 'format' };
  // Trailing zeros past the millisecond lose nothing (`.120000` is what many clients send).
  if (/[1-9]/.test(fraction.slice(3))) return { ok: false, fault: 'precision' };

  // Date.UTC maps years 0–99 to 1900–1999, so the year is set separately.
  const wallClock = new Date(Date.UTC(2000, 0, 1, hour, minute, second, Number(fraction.slice(0, 3).padEnd(3, '0'))));
  wallClock.setUTCFullYear(year, month - 1, day);
  if (wallClock.getUTCMonth() !== month - 1) return { ok: false, fault: 'format' }; // e.g. 31 April rolled into May

  const epochMs = wallClock.getTime() - offsetMinutes * 60_000;
  if (epochMs < EARLIEST_STORABLE_MS || epochMs > LATEST_STORABLE_MS) return { ok: false, fault: 'range' };
  return { ok: true, epochMs, normalized: new Date(epochMs).toISOString() };
}

/** The stored form of a timestamp already validated. */
export function normalizeLedgerTimestamp(text: string): string {
  const parsed = parseLedgerTimestamp(text);
  if (!parsed.ok) throw new RangeError(`not a valid timestamp (${parsed.fault})`);
  return parsed.normalized;
}
