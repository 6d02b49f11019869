import { normalizeLedgerTimestamp, parseLedgerTimestamp } from './ledger-timestamp';

describe('parseLedgerTimestamp', () => {
  it.each([
    ['2026-03-01T12:30:00Z', '2026-03-01T12:30:00.000Z'],
    ['2026-03-01T12:30:00.5Z', '2026-03-01T12:30:00.500Z'],
    ['2026-03-01T12:30:00.987+00:00', '2026-03-01T12:30:00.987Z'],
    ['2026-03-01T00:15:00+01:00', '2026-02-28T23:15:00.000Z'],
    ['2024-02-29T23:00:00-02:00', '2024-03-01T01:00:00.000Z'],
    ['2000-02-29T00:00:00Z', '2000-02-29T00:00:00.000Z'],
    ['0099-06-15T00:00:00Z', '0099-06-15T00:00:00.000Z'],
    ['0001-01-01T00:00:00Z', '0001-01-01T00:00:00.000Z'],
    ['9999-12-31T23:59:59.999Z', '9999-12-31T23:59:59.999Z'],
    ['2026-03-01T12:30:00.100000000Z', '2026-03-01T12:30:00.100Z'],
  ])('normalizes %s to %s', (text, normalized) => {
    expect(parseLedgerTimestamp(text)).toEqual({ ok: true, epochMs: Date.parse(normalized), normalized });
  });

  it.each([
    ['2026-03-01', 'format'],
    ['2026-03-01T12:30Z', 'format'],
    ['2026-3-01T12:30:00Z', 'format'],
    ['2026-03-01T12:30:00+0100', 'format'],
    ['2026-03-01T12:30:00.Z', 'format'],
    ['2026-13-01T12:30:00Z', 'format'],
    ['2026-00-01T12:30:00Z', 'format'],
    ['2026-01-00T12:30:00Z', 'format'],
    ['2026-01-32T12:30:00Z', 'format'],
    ['2026-06-31T12:30:00Z', 'format'],
    ['2100-02-29T12:30:00Z', 'format'],
    ['2026-03-01T24:00:00Z', 'format'],
    ['2026-03-01T12:60:00Z', 'format'],
    ['2026-03-01T12:30:00+24:00', 'format'],
    ['2026-03-01T12:30:00+01:60', 'format'],
    [' 2026-03-01T12:30:00Z', 'format'],
    ['2026-03-01T12:30:00.0001Z', 'precision'],
    ['2026-03-01T12:30:00.1234567Z', 'precision'],
    ['2016-12-31T23:59:60Z', 'leap-second'],
    ['0001-01-01T00:00:00+00:01', 'range'],
    ['0000-06-15T00:00:00Z', 'range'],
    ['9999-12-31T23:59:59.999-00:01', 'range'],
  ])('refuses %s (%s)', (text, fault) => {
    expect(parseLedgerTimestamp(text)).toEqual({ ok: false, fault });
  });
});

describe('normalizeLedgerTimestamp', () => {
  it('throws on a timestamp that was not validated', () => {
    expect(() => normalizeLedgerTimestamp('soon')).toThrow(RangeError);
  });
});
