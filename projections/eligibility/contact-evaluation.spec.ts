import { given, inGermany, inNewYork, inOntario } from '../testing/eligibility-specification';
import { contacted, erased, granted, listed, policy, registered, relationship, withdrawn } from '../testing/ledger-entries';

const ontario = registered('2020-01-01', inOntario);
const newYork = registered('2020-01-01', inNewYork);
const email = (time: string) => contacted(time, { channel: 'email' });
const sms = (time: string) => contacted(time, { channel: 'sms' });
const call = (time: string) => contacted(time, { channel: 'voice' });

describe('contact evaluation', () => {
  it('is none for a failed contact, which is not a contact', () => {
    given(ontario).whenContacted(contacted('2025-03-01', { channel: 'email', outcome: 'failed' })).then(null);
  });

  it('is eligible when the law and the policies allowed it', () => {
    given(ontario, relationship('2025-01-01', 'sale')).whenContacted(email('2025-03-01')).then({ outcome: 'eligible', reason: 'implied-purchase', basis: 'law' });
  });

  it('counts the contact itself as history, never as a reason to exclude it', () => {
    given().forTenant({ country: 'US', timezone: 'America/New_York' }).whenContacted(email('2025-03-01')).then({ outcome: 'eligible', reason: 'no-consent-required', basis: 'law' });
    given(newYork, policy('2020-01-01', 'p', 1, { exclusion: { email: 'P3D' } })).whenContacted(email('2025-03-01')).then({ outcome: 'eligible', reason: 'no-consent-required', basis: 'law' });
  });

  it('is a violation of law for steps 1–6 and 8', () => {
    given(ontario).whenContacted(email('2025-03-01')).then({ outcome: 'violation', reason: 'no-consent', basis: 'law' });
    given(ontario, erased('2025-02-01')).whenContacted(email('2025-03-01')).then({ outcome: 'violation', reason: 'erased', basis: 'law' });
    given(newYork).whenContacted(contacted('2025-06-04T15:00', { channel: 'voice', automated: true })).then({ outcome: 'violation', reason: 'written-consent-required', basis: 'law' });
    given(newYork).whenContacted(call('2025-06-04T03:00')).then({ outcome: 'violation', reason: 'quiet-hours', basis: 'law' });
  });

  it('is a policy breach, never a violation, for step 7', () => {
    given(newYork, policy('2020-01-01', 'p', 1, { exclusion: { email: 'P3D' } }), email('2025-03-01')).whenContacted(email('2025-03-02')).then({ outcome: 'policy-breach', reason: 'recently-contacted', basis: 'policy' });
    given(newYork, policy('2020-01-01', 'p', 1, { windows: { sale: 'P1M' } }), relationship('2024-01-01', 'sale')).whenContacted(email('2025-03-02')).then({ outcome: 'policy-breach', reason: 'policy-window-expired', basis: 'policy' });
  });

  it('gives no grace for suppressions', () => {
    given(newYork, withdrawn('2025-03-03', { method: 'vendor-policy' }).by('vendor')).whenContacted(email('2025-03-04')).then({ outcome: 'policy-breach', reason: 'suppressed', basis: 'policy' });
  });

  it('is judged as known at its recordedAt: a withdrawal backfilled later does not count', () => {
    // Withdrawn on Friday 28 February in Toronto; the 10th business day ends after the change to EDT.
    const history = given(ontario, relationship('2025-01-01', 'sale'), withdrawn('2025-03-01').recordedAt('2025-06-01'));
    history.whenContacted(email('2025-04-01').recordedAt('2025-04-01')).then({ outcome: 'eligible', reason: 'implied-purchase', basis: 'law' });
    history.whenContacted(email('2025-04-01').recordedAt('2025-06-02')).then({ outcome: 'violation', reason: 'opted-out', basis: 'law', deadline: '2025-03-15T04:00:00.000Z' });
  });
});

describe('grace after a withdrawal', () => {
  describe('CASL (email, sms): to the end of the 10th business day after the day of the withdrawal, in the customer zone', () => {
    // Monday 2025-03-03, 10:00 in Toronto → the 10th business day is Monday 17 March; it ends at 04:00Z on the 18th.
    const history = given(ontario, relationship('2025-01-01', 'sale'), withdrawn('2025-03-03T15:00', { channel: 'email' }));

    it('within it', () => {
      history.whenContacted(email('2025-03-10T15:00')).then({ outcome: 'within-grace', reason: 'opted-out', basis: 'law', deadline: '2025-03-18T04:00:00.000Z' });
      history.whenContacted(email('2025-03-18T03:59:59.999Z')).then({ outcome: 'within-grace', reason: 'opted-out', basis: 'law', deadline: '2025-03-18T04:00:00.000Z' });
    });

    it('after it', () => {
      history.whenContacted(email('2025-03-18T04:00')).then({ outcome: 'violation', reason: 'opted-out', basis: 'law', deadline: '2025-03-18T04:00:00.000Z' });
    });

    it('across a weekend and Canada Day', () => {
      const aroundCanadaDay = given(ontario, relationship('2025-01-01', 'sale'), withdrawn('2025-06-20T16:00', { channel: 'sms' }));
      aroundCanadaDay.whenContacted(sms('2025-07-07T20:00')).then({ outcome: 'within-grace', reason: 'opted-out', basis: 'law', deadline: '2025-07-08T04:00:00.000Z' });
      aroundCanadaDay.whenContacted(sms('2025-07-08T04:00')).then({ outcome: 'violation', reason: 'opted-out', basis: 'law', deadline: '2025-07-08T04:00:00.000Z' });
    });

    it('runs from the first withdrawal of an unbroken opt-out', () => {
      const twice = given(ontario, relationship('2025-01-01', 'sale'), withdrawn('2025-03-03T15:00', { channel: 'email' }), withdrawn('2025-03-12T15:00'));
      twice.whenContacted(email('2025-03-14T15:00')).then({ outcome: 'within-grace', reason: 'opted-out', basis: 'law', deadline: '2025-03-18T04:00:00.000Z' });
      twice.whenContacted(email('2025-03-20T15:00')).then({ outcome: 'violation', reason: 'opted-out', basis: 'law', deadline: '2025-03-18T04:00:00.000Z' });
    });

    it('starts again after an opt-out broken by a consent', () => {
      given(ontario, withdrawn('2025-01-06', { channel: 'email' }), granted('2025-02-01', { channel: 'email' }), withdrawn('2025-03-03T15:00', { channel: 'email' }))
        .whenContacted(email('2025-03-10T15:00'))
        .then({ outcome: 'within-grace', reason: 'opted-out', basis: 'law', deadline: '2025-03-18T04:00:00.000Z' });
    });

    it('does not start again when an expired consent lets an old withdrawal apply again', () => {
      // Withdrawn Monday 2024-01-08 → its deadline was the end of Monday 22 January 2024.
      given(ontario, withdrawn('2024-01-08T15:00', { channel: 'email' }), granted('2025-01-01', { channel: 'email', expiresAt: '2025-03-01' }))
        .whenContacted(email('2025-03-05T15:00'))
        .then({ outcome: 'violation', reason: 'opted-out', basis: 'law', deadline: '2024-01-23T05:00:00.000Z' });
    });

    it('excuses only the opt-out: a contact with no basis is still a violation', () => {
      given(ontario, withdrawn('2025-03-03T15:00', { channel: 'email' })).whenContacted(email('2025-03-04T15:00')).then({ outcome: 'violation', reason: 'no-consent', basis: 'law' });
    });
  });

  it('CAN-SPAM (email): 10 business days, skipping US Thanksgiving', () => {
    const history = given(newYork, withdrawn('2025-11-19T20:00', { channel: 'email' }));
    history.whenContacted(email('2025-12-04T20:00')).then({ outcome: 'within-grace', reason: 'opted-out', basis: 'law', deadline: '2025-12-05T05:00:00.000Z' });
    history.whenContacted(email('2025-12-05T05:00')).then({ outcome: 'violation', reason: 'opted-out', basis: 'law', deadline: '2025-12-05T05:00:00.000Z' });
  });

  describe('TCPA (sms, voice)', () => {
    const written = granted('2025-01-01', { kind: 'express-written' });

    it('since 2025-04-11: 10 business days', () => {
      // Thursday 1 May → the 10th business day is Thursday 15 May; it ends at 04:00Z on the 16th.
      const history = given(newYork, written, withdrawn('2025-05-01T14:00', { channel: 'sms', method: 'reply-stop' }));
      history.whenContacted(sms('2025-05-15T15:00')).then({ outcome: 'within-grace', reason: 'opted-out', basis: 'law', deadline: '2025-05-16T04:00:00.000Z' });
      history.whenContacted(sms('2025-05-16T14:00')).then({ outcome: 'violation', reason: 'opted-out', basis: 'law', deadline: '2025-05-16T04:00:00.000Z' });
    });

    it('before 2025-04-11: 30 days', () => {
      const history = given(newYork, written, withdrawn('2025-03-01T15:00', { channel: 'voice', method: 'verbal' }));
      history.whenContacted(call('2025-03-25T15:00')).then({ outcome: 'within-grace', reason: 'opted-out', basis: 'law', deadline: '2025-03-31T15:00:00.000Z' });
      history.whenContacted(call('2025-03-31T15:00')).then({ outcome: 'violation', reason: 'opted-out', basis: 'law', deadline: '2025-03-31T15:00:00.000Z' });
    });

    it('chooses the rule in force by the time of the withdrawal', () => {
      given(newYork, written, withdrawn('2025-04-10T23:59:59.999Z', { channel: 'sms' }))
        .whenContacted(sms('2025-04-30T15:00'))
        .then({ outcome: 'within-grace', reason: 'opted-out', basis: 'law', deadline: '2025-05-10T23:59:59.999Z' });
      // 2025-04-11T00:00Z is still Thursday 10 April in New York: business days count from the local day.
      given(newYork, written, withdrawn('2025-04-11T00:00', { channel: 'sms' }))
        .whenContacted(sms('2025-04-30T15:00'))
        .then({ outcome: 'violation', reason: 'opted-out', basis: 'law', deadline: '2025-04-25T04:00:00.000Z' });
    });

    it('applies to an internal do-not-call request', () => {
      given(newYork, listed('2025-05-01T14:00', 'internal')).whenContacted(call('2025-05-05T15:00')).then({ outcome: 'within-grace', reason: 'opted-out', basis: 'law', deadline: '2025-05-16T04:00:00.000Z' });
    });

    it('excuses only the opt-out: no written consent, or a call at night, is still a violation', () => {
      given(newYork, withdrawn('2025-05-01T14:00', { channel: 'sms' })).whenContacted(sms('2025-05-05T15:00')).then({ outcome: 'violation', reason: 'written-consent-required', basis: 'law' });
      given(newYork, written, withdrawn('2025-05-01T14:00', { channel: 'sms' })).whenContacted(sms('2025-05-06T03:00')).then({ outcome: 'violation', reason: 'quiet-hours', basis: 'law' });
    });
  });

  it('none under GDPR/PECR', () => {
    given(registered('2020-01-01', inGermany), granted('2025-01-01'), withdrawn('2025-03-03')).whenContacted(email('2025-03-04')).then({ outcome: 'violation', reason: 'opted-out', basis: 'law' });
  });

  it('none for mail', () => {
    given(ontario, withdrawn('2025-03-03', { channel: 'mail' })).whenContacted(contacted('2025-03-04', { channel: 'mail' })).then({ outcome: 'violation', reason: 'opted-out', basis: 'law' });
  });

  it('none for a Canadian internal do-not-call request (RULES.md gives none)', () => {
    given(ontario, listed('2025-03-03T15:00', 'internal')).whenContacted(call('2025-03-04T15:00')).then({ outcome: 'violation', reason: 'opted-out', basis: 'law' });
  });
});

describe('grace after a national do-not-call listing (live voice, 31 days)', () => {
  it.each([
    ['US', newYork],
    ['Canada', ontario],
  ])('in %s', (_, customer) => {
    const history = given(customer, listed('2025-03-01', 'national'));
    history.whenContacted(call('2025-03-20T15:00')).then({ outcome: 'within-grace', reason: 'dnc-listed', basis: 'law', deadline: '2025-04-01T00:00:00.000Z' });
    history.whenContacted(call('2025-04-01T15:00')).then({ outcome: 'violation', reason: 'dnc-listed', basis: 'law', deadline: '2025-04-01T00:00:00.000Z' });
  });

  it('not after a state listing', () => {
    given(newYork, listed('2025-03-01', 'state', 'NY')).whenContacted(call('2025-03-05T15:00')).then({ outcome: 'violation', reason: 'dnc-listed', basis: 'law' });
  });

  it('combines with a withdrawal in grace, to the earlier deadline', () => {
    given(newYork, listed('2025-05-01', 'national'), withdrawn('2025-05-01T14:00', { channel: 'voice' }))
      .whenContacted(call('2025-05-05T15:00'))
      .then({ outcome: 'within-grace', reason: 'opted-out', basis: 'law', deadline: '2025-05-16T04:00:00.000Z' });
  });
});
