import { given, inFlorida, inGermany, inNewYork, inOntario } from '../testing/eligibility-specification';
import { granted, listed, registered, relationship } from '../testing/ledger-entries';

const ontario = registered('2020-01-01', inOntario);
const newYork = registered('2020-01-01', inNewYork);
const written = granted('2020-01-01', { kind: 'express-written' });

describe('Canadian voice: 09:00–21:30 Monday to Friday, 10:00–18:00 Saturday and Sunday (UTR)', () => {
  // 2025-06-04 is a Wednesday; Toronto is on EDT (UTC−4).
  it('opens at 09:00, half-open', () => {
    given(ontario).when({ channel: 'voice', at: '2025-06-04T12:59:59.999Z' }).then({
      eligible: false,
      reason: 'quiet-hours',
      until: '2025-06-04T13:00:00.000Z',
      eligibleUntil: null,
      rules: [{ id: 'crtc.hours', citation: expect.any(String) }],
      evidence: [],
      explanation: 'It is 08:59 on a Wednesday in America/Toronto, outside calling hours (09:00–21:30 Monday to Friday and 10:00–18:00 at weekends).',
    });
    given(ontario).when({ channel: 'voice', at: '2025-06-04T13:00' }).then({ eligible: true, reason: 'not-on-dnc', until: '2025-06-05T01:30:00.000Z', eligibleUntil: null });
  });

  it('closes at 21:30', () => {
    given(ontario).when({ channel: 'voice', at: '2025-06-05T01:29:59.999Z' }).then({ eligible: true, until: '2025-06-05T01:30:00.000Z' });
    given(ontario).when({ channel: 'voice', at: '2025-06-05T01:30' }).then({ reason: 'quiet-hours', until: '2025-06-05T13:00:00.000Z' });
  });

  it('keeps shorter hours at weekends', () => {
    // Friday 21:30 → Saturday 10:00.
    given(ontario).when({ channel: 'voice', at: '2025-06-07T01:30' }).then({ reason: 'quiet-hours', until: '2025-06-07T14:00:00.000Z' });
    given(ontario).when({ channel: 'voice', at: '2025-06-07T21:59:59.999Z' }).then({ eligible: true, until: '2025-06-07T22:00:00.000Z' });
    given(ontario).when({ channel: 'voice', at: '2025-06-07T22:00' }).then({ reason: 'quiet-hours', until: '2025-06-08T14:00:00.000Z' });
  });

  it('follows the March change in Toronto: Saturday 10:00 EST, Sunday 10:00 EDT', () => {
    given(ontario).when({ channel: 'voice', at: '2025-03-08T14:59:59.999Z' }).then({ reason: 'quiet-hours', until: '2025-03-08T15:00:00.000Z' });
    given(ontario).when({ channel: 'voice', at: '2025-03-08T23:00' }).then({ reason: 'quiet-hours', until: '2025-03-09T14:00:00.000Z' });
    given(ontario).when({ channel: 'voice', at: '2025-03-09T13:59:59.999Z' }).then({ reason: 'quiet-hours' });
    given(ontario).when({ channel: 'voice', at: '2025-03-09T14:00' }).then({ eligible: true, until: '2025-03-09T22:00:00.000Z' });
  });

  it('follows the November change in Toronto: Saturday 18:00 EDT, Sunday 10:00 EST', () => {
    given(ontario).when({ channel: 'voice', at: '2025-11-01T21:59:59.999Z' }).then({ eligible: true, until: '2025-11-01T22:00:00.000Z' });
    given(ontario).when({ channel: 'voice', at: '2025-11-01T22:00' }).then({ reason: 'quiet-hours', until: '2025-11-02T15:00:00.000Z' });
    given(ontario).when({ channel: 'voice', at: '2025-11-02T14:59:59.999Z' }).then({ reason: 'quiet-hours' });
  });

  it('do not apply to Canadian sms or email', () => {
    given(ontario, relationship('2025-05-01', 'sale')).when({ channel: 'sms', at: '2025-06-04T06:00' }).then({ eligible: true, reason: 'implied-purchase', until: '2027-05-01T00:00:00.000Z' });
  });
});

describe('US voice and sms: 08:00–21:00, FL, OK, MD, WA 08:00–20:00 (47 C.F.R. § 64.1200(c)(1))', () => {
  it('applies to live voice and sms, with consent or without', () => {
    given(newYork).when({ channel: 'voice', at: '2025-06-04T11:59:59.999Z' }).then({ reason: 'quiet-hours', until: '2025-06-04T12:00:00.000Z', rules: [{ id: 'tcpa.hours', citation: '47 C.F.R. § 64.1200(c)(1); TSR 16 C.F.R. § 310.4(c)' }] });
    given(newYork).when({ channel: 'voice', at: '2025-06-04T12:00' }).then({ eligible: true, reason: 'not-on-dnc', until: '2025-06-05T01:00:00.000Z' });
    given(newYork, written).when({ channel: 'sms', at: '2025-06-05T00:59:59.999Z' }).then({ eligible: true, reason: 'express-written-consent', until: '2025-06-05T01:00:00.000Z', eligibleUntil: null });
    given(newYork, written).when({ channel: 'sms', at: '2025-06-05T01:00' }).then({ reason: 'quiet-hours', until: '2025-06-05T12:00:00.000Z' });
    given(newYork, written).when({ channel: 'voice', automated: true, at: '2025-06-05T02:00' }).then({ reason: 'quiet-hours' });
  });

  it('follows the March change in New York', () => {
    // Saturday 21:00 EST is 02:00Z on Sunday; Sunday opens at 08:00 EDT (12:00Z) and closes at 21:00 EDT.
    given(newYork).when({ channel: 'voice', at: '2025-03-09T01:59:59.999Z' }).then({ eligible: true, until: '2025-03-09T02:00:00.000Z' });
    given(newYork).when({ channel: 'voice', at: '2025-03-09T02:00' }).then({ reason: 'quiet-hours', until: '2025-03-09T12:00:00.000Z' });
    given(newYork).when({ channel: 'voice', at: '2025-03-09T12:00' }).then({ eligible: true, until: '2025-03-10T01:00:00.000Z' });
  });

  it('follows the November change in New York', () => {
    // Saturday 21:00 EDT is 01:00Z on Sunday; Sunday opens at 08:00 EST (13:00Z).
    given(newYork).when({ channel: 'voice', at: '2025-11-02T01:00' }).then({ reason: 'quiet-hours', until: '2025-11-02T13:00:00.000Z' });
    given(newYork).when({ channel: 'voice', at: '2025-11-02T12:59:59.999Z' }).then({ reason: 'quiet-hours' });
    given(newYork).when({ channel: 'voice', at: '2025-11-02T13:00' }).then({ eligible: true, until: '2025-11-03T02:00:00.000Z' });
  });

  it('closes at 20:00 in Florida', () => {
    given(registered('2020-01-01', inFlorida)).when({ channel: 'voice', at: '2025-06-04T23:59:59.999Z' }).then({ eligible: true, until: '2025-06-05T00:00:00.000Z' });
    given(registered('2020-01-01', inFlorida)).when({ channel: 'voice', at: '2025-06-05T00:00' }).then({
      reason: 'quiet-hours',
      rules: [{ id: 'tcpa.hours.fl', citation: '47 C.F.R. § 64.1200(c)(1); Fla. Stat. § 501.059(8)' }],
    });
  });

  it.each([
    ['OK', 'America/Chicago', '2025-06-05T01:30', 'tcpa.hours.ok'],
    ['MD', 'America/New_York', '2025-06-05T00:30', 'tcpa.hours.md'],
    ['WA', 'America/Los_Angeles', '2025-06-05T03:30', 'tcpa.hours.wa'],
  ])('closes at 20:00 in %s', (region, timezone, at, rule) => {
    given(registered('2020-01-01', { country: 'US', region, timezone })).when({ channel: 'voice', at }).then({ reason: 'quiet-hours', rules: [{ id: rule, citation: expect.any(String) }] });
  });

  it('stays open until 21:00 elsewhere', () => {
    given(newYork).when({ channel: 'voice', at: '2025-06-05T00:30' }).then({ eligible: true });
  });

  it("uses the tenant's zone when the customer gave none", () => {
    const history = given(registered('2020-01-01', { country: 'US', region: 'NY' })).forTenant({ country: 'US', region: 'CA', timezone: 'America/Los_Angeles' });
    history.when({ channel: 'voice', at: '2025-06-05T02:00' }).then({ eligible: true, until: '2025-06-05T04:00:00.000Z' });
    history.when({ channel: 'voice', at: '2025-06-05T04:00' }).then({ reason: 'quiet-hours' });
  });

  it('never turn an ineligible answer into quiet-hours', () => {
    given(newYork, listed('2024-01-01', 'national')).when({ channel: 'voice', at: '2025-06-05T03:00' }).then({ reason: 'dnc-listed', until: null });
  });

  it('do not apply to email, mail or outside North America', () => {
    given(newYork).when({ channel: 'email', at: '2025-06-05T06:00' }).then({ eligible: true, until: null });
    given(newYork).when({ channel: 'mail', at: '2025-06-05T06:00' }).then({ eligible: true, until: null });
    given(registered('2020-01-01', inGermany), granted('2020-01-01')).when({ channel: 'voice', at: '2025-06-05T01:00' }).then({ eligible: true, until: null });
  });
});
