import { toEpochMs, toTimestamp } from './instants';
import { addLocalDays, instantOfLocalTime, localDateTimeOf, offsetTransitionWithin, utcOffsetMs, weekdayOf } from './zoned-time';

const HOUR = 3_600_000;
const local = (text: string) => {
  const [date, time = '00:00'] = text.split('T');
  const [year, month, day] = date.split('-').map(Number);
  const [hour, minute] = time.split(':').map(Number);
  return { year, month, day, hour, minute };
};
const instantOf = (wall: string, zone: string, disambiguation: 'earlier' | 'later' = 'earlier') => toTimestamp(instantOfLocalTime(local(wall), zone, disambiguation));

describe('local time of an instant', () => {
  it('reads the wall clock in the zone, DST included', () => {
    expect(localDateTimeOf(toEpochMs('2025-01-15T17:30:45.123Z'), 'America/Toronto')).toEqual({ year: 2025, month: 1, day: 15, hour: 12, minute: 30, second: 45, millisecond: 123 });
    expect(localDateTimeOf(toEpochMs('2025-07-15T17:30:00.000Z'), 'America/Toronto')).toMatchObject({ hour: 13 });
    expect(localDateTimeOf(toEpochMs('2025-07-15T23:30:00.000Z'), 'Europe/Berlin')).toMatchObject({ day: 16, hour: 1 });
  });

  it('shows midnight as hour 0', () => {
    expect(localDateTimeOf(toEpochMs('2025-01-02T05:00:00.000Z'), 'America/New_York')).toMatchObject({ day: 2, hour: 0 });
  });

  it('follows the offset across the spring and autumn changes', () => {
    expect(utcOffsetMs(toEpochMs('2025-03-09T06:59:59.999Z'), 'America/Toronto')).toBe(-5 * HOUR);
    expect(utcOffsetMs(toEpochMs('2025-03-09T07:00:00.000Z'), 'America/Toronto')).toBe(-4 * HOUR);
    expect(utcOffsetMs(toEpochMs('2025-11-02T05:59:59.999Z'), 'America/New_York')).toBe(-4 * HOUR);
    expect(utcOffsetMs(toEpochMs('2025-11-02T06:00:00.000Z'), 'America/New_York')).toBe(-5 * HOUR);
  });
});

describe('instant of a local wall-clock time', () => {
  it('is exact on ordinary days', () => {
    expect(instantOf('2025-03-08T08:00', 'America/Toronto')).toBe('2025-03-08T13:00:00.000Z');
    expect(instantOf('2025-03-10T08:00', 'America/Toronto')).toBe('2025-03-10T12:00:00.000Z');
    expect(instantOf('2025-06-01T00:00', 'Asia/Kolkata')).toBe('2025-05-31T18:30:00.000Z');
  });

  it('resolves a skipped time to the transition (the first instant the clock reads it or later)', () => {
    expect(instantOf('2025-03-09T02:30', 'America/Toronto')).toBe('2025-03-09T07:00:00.000Z');
    expect(instantOf('2025-03-09T02:30', 'America/Toronto', 'later')).toBe('2025-03-09T07:00:00.000Z');
    // Santiago skips midnight itself.
    expect(instantOf('2025-09-07T00:00', 'America/Santiago')).toBe('2025-09-07T04:00:00.000Z');
  });

  it('resolves a repeated time to the earlier occurrence unless asked for the later', () => {
    expect(instantOf('2025-11-02T01:30', 'America/New_York')).toBe('2025-11-02T05:30:00.000Z');
    expect(instantOf('2025-11-02T01:30', 'America/New_York', 'later')).toBe('2025-11-02T06:30:00.000Z');
    expect(instantOf('2025-10-26T02:30', 'Europe/Berlin', 'later')).toBe('2025-10-26T01:30:00.000Z');
  });

  it('finds the one offset transition of a day', () => {
    const from = toEpochMs('2025-11-02T04:00:00.000Z');
    const to = toEpochMs('2025-11-03T05:00:00.000Z');
    expect(toTimestamp(offsetTransitionWithin(from, to, 'America/Toronto') ?? 0)).toBe('2025-11-02T06:00:00.000Z');
    expect(offsetTransitionWithin(toEpochMs('2025-11-03T05:00:00.000Z'), toEpochMs('2025-11-04T05:00:00.000Z'), 'America/Toronto')).toBeNull();
  });
});

describe('local calendar arithmetic', () => {
  it('adds days across months, years and leap days', () => {
    expect(addLocalDays({ year: 2024, month: 2, day: 28 }, 1)).toEqual({ year: 2024, month: 2, day: 29 });
    expect(addLocalDays({ year: 2025, month: 12, day: 31 }, 1)).toEqual({ year: 2026, month: 1, day: 1 });
  });

  it('knows the weekday', () => {
    expect(weekdayOf({ year: 2025, month: 7, day: 1 })).toBe(2);
    expect(weekdayOf({ year: 2025, month: 11, day: 30 })).toBe(0);
  });
});
