import { isIanaTimeZone } from './iana-time-zone';

describe('isIanaTimeZone', () => {
  it.each(['America/Toronto', 'Europe/Paris', 'America/Argentina/Buenos_Aires', 'UTC', 'Etc/GMT+5', 'Asia/Calcutta'])('accepts %s', (name) => {
    expect(isIanaTimeZone(name)).toBe(true);
  });

  it.each(['Mars/Olympus_Mons', '+05:00', 'UTC+5', 'America/', '', `America/${'x'.repeat(64)}`])('refuses %j', (name) => {
    expect(isIanaTimeZone(name)).toBe(false);
  });
});
