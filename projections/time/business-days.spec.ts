import { endOfBusinessDaysAfter, isBusinessDay, nationalPublicHolidays } from './business-days';
import { toEpochMs, toTimestamp } from './instants';

const deadline = (withdrawal: string, zone: string, country: string) => toTimestamp(endOfBusinessDaysAfter(toEpochMs(withdrawal), 10, zone, country));

describe('national public holidays', () => {
  it('are the country-level public ones, substitute days included', () => {
    expect([...nationalPublicHolidays('CA', 2025)].sort()).toEqual(['2025-01-01', '2025-04-18', '2025-07-01', '2025-09-01', '2025-12-25']);
    expect(nationalPublicHolidays('US', 2025).has('2025-11-27')).toBe(true);
    expect(nationalPublicHolidays('US', 2025).has('2025-11-28')).toBe(false);
    expect(nationalPublicHolidays('US', 2026).has('2026-07-03')).toBe(true);
    expect(nationalPublicHolidays('GB', 2027).has('2027-12-28')).toBe(true);
  });

  it('leave out observances and regional holidays (conservative)', () => {
    expect(nationalPublicHolidays('CA', 2025).has('2025-09-30')).toBe(false);
    expect(nationalPublicHolidays('CA', 2025).has('2025-02-17')).toBe(false);
  });

  it('are empty for a country the library does not know', () => {
    expect(nationalPublicHolidays('XX', 2025).size).toBe(0);
  });
});

describe('business days', () => {
  it('skip weekends and national public holidays', () => {
    expect(isBusinessDay({ year: 2025, month: 6, day: 30 }, 'CA')).toBe(true);
    expect(isBusinessDay({ year: 2025, month: 7, day: 1 }, 'CA')).toBe(false);
    expect(isBusinessDay({ year: 2025, month: 7, day: 1 }, 'US')).toBe(true);
    expect(isBusinessDay({ year: 2025, month: 7, day: 5 }, 'US')).toBe(false);
  });

  it('end the 10th business day after the local day of the withdrawal, at local midnight', () => {
    // Monday 2025-03-03 in Toronto → Mon 17 is the 10th business day; its end is 18 March 00:00 EDT.
    expect(deadline('2025-03-03T15:00:00.000Z', 'America/Toronto', 'CA')).toBe('2025-03-18T04:00:00.000Z');
  });

  it('count from the local day, not the UTC day', () => {
    // 02:00 UTC on Tuesday is still Monday evening in Toronto.
    expect(deadline('2025-03-04T02:00:00.000Z', 'America/Toronto', 'CA')).toBe('2025-03-18T04:00:00.000Z');
  });

  it('span a weekend and Canada Day', () => {
    // Fri 2025-06-20 → Jun 23–27 (5), Jun 30, Jul 2, 3, 4 (9), Jul 7 (10): ends 8 July 00:00 EDT.
    expect(deadline('2025-06-20T16:00:00.000Z', 'America/Toronto', 'CA')).toBe('2025-07-08T04:00:00.000Z');
  });

  it('span US Thanksgiving', () => {
    // Wed 2025-11-19 → Nov 20, 21, 24, 25, 26, 28, Dec 1, 2, 3, 4: ends 5 December 00:00 EST.
    expect(deadline('2025-11-19T20:00:00.000Z', 'America/New_York', 'US')).toBe('2025-12-05T05:00:00.000Z');
  });

  it('end at the first instant of the next local day even when the clocks skip midnight', () => {
    // Cairo moved from 00:00 to 01:00 on Friday 2025-04-25. Thu 10 April → the 10th business day is
    // Thu 24 April (no holidays for an unknown country); the day ends when the clocks jump.
    expect(deadline('2025-04-10T10:00:00.000Z', 'Africa/Cairo', 'XX')).toBe('2025-04-24T22:00:00.000Z');
  });
});
