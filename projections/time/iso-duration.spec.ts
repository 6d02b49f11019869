import { toEpochMs, toTimestamp } from './instants';
import { addPeriod, InvalidDurationError, parseIsoDuration } from './iso-duration';

const after = (start: string, duration: string) => toTimestamp(addPeriod(toEpochMs(start), duration));

describe('ISO 8601 durations', () => {
  it('parses every component', () => {
    expect(parseIsoDuration('P1Y2M3W4DT5H6M7S')).toEqual({ years: 1, months: 2, weeks: 3, days: 4, hours: 5, minutes: 6, seconds: 7 });
    expect(parseIsoDuration('P13M')).toEqual({ years: 0, months: 13, weeks: 0, days: 0, hours: 0, minutes: 0, seconds: 0 });
    expect(parseIsoDuration('PT12H').hours).toBe(12);
  });

  it.each(['', 'P', 'PT', '13M', 'P1.5Y', 'P-1D', 'P1H', 'PT1D', 'p1d'])('rejects %j', (text) => {
    expect(() => parseIsoDuration(text)).toThrow(InvalidDurationError);
  });
});

describe('calendar addition in UTC', () => {
  it('adds months and years by the calendar', () => {
    expect(after('2025-05-01T10:00:00.000Z', 'P2Y')).toBe('2027-05-01T10:00:00.000Z');
    expect(after('2025-01-15T00:00:00.000Z', 'P13M')).toBe('2026-02-15T00:00:00.000Z');
    expect(after('2025-11-30T23:59:59.999Z', 'P3M')).toBe('2026-02-28T23:59:59.999Z');
  });

  it('clamps the day of month: 2 years after 2024-02-29 is 2026-02-28', () => {
    expect(after('2024-02-29T12:00:00.000Z', 'P2Y')).toBe('2026-02-28T12:00:00.000Z');
    expect(after('2024-02-29T12:00:00.000Z', 'P4Y')).toBe('2028-02-29T12:00:00.000Z');
    expect(after('2025-01-31T00:00:00.000Z', 'P1M')).toBe('2025-02-28T00:00:00.000Z');
    expect(after('2024-08-31T00:00:00.000Z', 'P18M')).toBe('2026-02-28T00:00:00.000Z');
  });

  it('adds days, weeks and time as fixed lengths, ignoring any zone', () => {
    expect(after('2025-03-08T12:00:00.000Z', 'P1D')).toBe('2025-03-09T12:00:00.000Z');
    expect(after('2025-12-29T00:00:00.000Z', 'P90D')).toBe('2026-03-29T00:00:00.000Z');
    expect(after('2025-01-01T00:00:00.000Z', 'P2W')).toBe('2025-01-15T00:00:00.000Z');
    expect(after('2025-01-01T18:00:00.000Z', 'PT12H')).toBe('2025-01-02T06:00:00.000Z');
    expect(after('2025-01-31T00:00:00.000Z', 'P1M3D')).toBe('2025-03-03T00:00:00.000Z');
  });
});
