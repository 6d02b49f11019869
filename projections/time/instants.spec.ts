import { normalizedTimestamp, toEpochMs, toTimestamp, utcDay } from './instants';

describe('instants', () => {
  it('read timestamps with any offset', () => {
    expect(toEpochMs('2025-05-01T10:20:30.456Z')).toBe(Date.UTC(2025, 4, 1, 10, 20, 30, 456));
    expect(toEpochMs('2025-05-01T12:00:00+02:00')).toBe(Date.UTC(2025, 4, 1, 10));
  });

  it.each(['2025-13-01T00:00:00.000Z', 'yesterday', ''])('reject %j', (text) => {
    expect(() => toEpochMs(text)).toThrow(RangeError);
  });

  it('write the ledger form, which orders as strings do', () => {
    expect(toTimestamp(Date.UTC(2025, 4, 1, 10))).toBe('2025-05-01T10:00:00.000Z');
    expect(normalizedTimestamp('2025-05-01T12:00:00+02:00')).toBe('2025-05-01T10:00:00.000Z');
    expect(normalizedTimestamp('2025-05-01T09:59:59.999Z') < normalizedTimestamp('2025-05-01T12:00:00+02:00')).toBe(true);
    expect(utcDay(Date.UTC(2025, 4, 1, 23, 59))).toBe('2025-05-01');
  });
});
