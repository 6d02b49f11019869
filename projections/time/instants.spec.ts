import { normalizedTimestamp, toEpochMs, toTimestamp, utcDay } from './instants';

describe('instants', () => {
  it('read timestamps with any offset', () => {
    expect(toEpochMs('2025-05-01T10:20:30.456Z')).toBe(Date.UTC(2025, 4, 1, 10, 20, 30, 456));
    expect(toEpochMs('2025-05-01T12:00:00+02:00')).toBe(Date.UTC(2025, 4, 1, 10));
  });

  it('read the ledger form exactly as Date.parse does, across years 0001 to 9999', () => {
    const instants = Array.from({ length: 20_000 }, (_, step) => Date.UTC(1, 0, 1) + step * 15_778_463_999);
    for (const instant of instants) {
      const text = new Date(instant).toISOString();
      expect([text, toEpochMs(text), normalizedTimestamp(text)]).toEqual([text, Date.parse(text), text]);
    }
  });

  it.each([
    '2024-02-29T23:59:59.999Z',
    '2000-02-29T00:00:00.000Z',
    '2100-02-29T00:00:00.000Z',
    '2025-04-31T00:00:00.000Z',
    '2025-00-10T00:00:00.000Z',
    '2025-01-00T00:00:00.000Z',
    '2025-01-01T24:00:00.000Z',
    '2025-01-01T23:60:00.000Z',
    '2025-01-01T23:59:60.000Z',
    '0000-02-29T12:00:00.000Z',
    '0001-02-29T00:00:00.000Z',
    '0004-02-29T00:00:00.000Z',
    '0099-12-31T23:59:59.999Z',
    '0100-01-01T00:00:00.000Z',
    '2025-1/-01T00:00:00.000Z',
    '2025-01-01T00:00:00.000z',
    '2025-01-01 00:00:00.000Z',
  ])('read %s as Date.parse does, or refuse it as Date.parse does', (text) => {
    const parsed = Date.parse(text);
    if (Number.isNaN(parsed)) expect(() => toEpochMs(text)).toThrow(RangeError);
    else expect(toEpochMs(text)).toBe(parsed);
  });

  it.each(['2025-13-01T00:00:00.000Z', 'yesterday', ''])('reject %j', (text) => {
    expect(() => toEpochMs(text)).toThrow(RangeError);
  });

  it('write the ledger form, which orders as strings do', () => {
    expect(toTimestamp(Date.UTC(2025, 4, 1, 10))).toBe('2025-05-01T10:00:00.000Z');
    expect(normalizedTimestamp('2025-05-01T12:00:00+02:00')).toBe('2025-05-01T10:00:00.000Z');
    expect(normalizedTimestamp('0042-05-01T10:00:00.000Z')).toBe('0042-05-01T10:00:00.000Z');
    expect(normalizedTimestamp('2025-05-01T09:59:59.999Z') < normalizedTimestamp('2025-05-01T12:00:00+02:00')).toBe(true);
    expect(utcDay(Date.UTC(2025, 4, 1, 23, 59))).toBe('2025-05-01');
  });

  it('write exactly what toISOString writes, over years 0000 to 9999 and beyond them', () => {
    const mismatches: number[] = [];
    const check = (epochMs: number) => {
      if (toTimestamp(epochMs) !== new Date(epochMs).toISOString()) mismatches.push(epochMs);
    };
    const first = Date.parse('0000-01-01T00:00:00.000Z');
    const last = Date.parse('9999-12-31T23:59:59.999Z');
    // Steps of 29 days and a few hours: dates all over the range, at times of day drifting through it.
    for (let epochMs = first; epochMs <= last; epochMs += 29 * 86_400_000 + 12_345_679) check(epochMs);
    // Every day around century and leap-year boundaries.
    for (const year of [0, 1600, 1900, 1970, 2000, 2024, 2100, 9999]) {
      for (let epochMs = Date.parse(`${String(year).padStart(4, '0')}-01-01T00:00:00.000Z`) - 400 * 86_400_000; epochMs < Date.parse(`${String(year).padStart(4, '0')}-12-31T23:59:59.999Z`); epochMs += 86_400_000 - 1) check(epochMs);
    }
    for (const edge of [first, first - 1, last, last + 1, 0, -1, 1, 951_782_400_000, 8.64e15, -8.64e15, 1.5, -0.5]) check(edge);
    expect(mismatches).toEqual([]);
  });
});
