import { given, inGermany, inNewYork, inOntario } from '../testing/eligibility-specification';
import { contacted, registered, relationship, ts, withdrawn } from '../testing/ledger-entries';
import { honouringRule } from './honouring-deadline';

const ontario = { country: 'CA', region: 'ON' };
const newYork = { country: 'US', region: 'NY' };

describe('the legal deadline to honour an opt-out', () => {
  it('is the end of the 10th business day in the customer zone under CASL (email, sms)', () => {
    // Monday 3 March 2025, 10:00 in Toronto: the 10th business day is Monday 17 March.
    expect(honouringRule(ts('2025-03-03T15:00'), 'email', ontario, 'America/Toronto')).toEqual({ deadline: '2025-03-18T04:00:00.000Z', description: '10 business days (CASL s. 11(3))' });
    // Across a weekend and Canada Day.
    expect(honouringRule(ts('2025-06-20T16:00'), 'sms', ontario, 'America/Toronto').deadline).toBe('2025-07-08T04:00:00.000Z');
  });

  it('is 10 business days under CAN-SPAM, and under the TCPA from 2025-04-11; 30 days before', () => {
    expect(honouringRule(ts('2025-03-03T15:00'), 'email', newYork, 'America/New_York')).toEqual({ deadline: '2025-03-18T04:00:00.000Z', description: '10 business days (CAN-SPAM § 7704(a)(4))' });
    expect(honouringRule(ts('2025-04-11T12:00'), 'sms', newYork, 'America/New_York').description).toBe('10 business days (47 C.F.R. § 64.1200(a)(10), (d)(3))');
    expect(honouringRule(ts('2025-03-01T12:00'), 'voice', newYork, 'America/New_York')).toEqual({
      deadline: '2025-03-31T12:00:00.000Z',
      description: '30 days (47 C.F.R. § 64.1200(d)(3) before 2025-04-11)',
    });
  });

  it('is none where the law gives no grace: mail, Canadian voice, GDPR', () => {
    expect(honouringRule(ts('2025-03-03T15:00'), 'mail', ontario, 'America/Toronto').deadline).toBeNull();
    expect(honouringRule(ts('2025-03-03T15:00'), 'voice', ontario, 'America/Toronto').deadline).toBeNull();
    expect(honouringRule(ts('2025-03-03T15:00'), 'email', { country: 'DE' }, 'Europe/Berlin').deadline).toBeNull();
  });

  it('is the deadline the contact evaluation gives a contact within grace', () => {
    const cases = [
      { profile: inOntario, channel: 'email' as const, withdrawnAt: '2025-06-20T16:00', contactAt: '2025-06-25T16:00' },
      { profile: inNewYork, channel: 'email' as const, withdrawnAt: '2025-11-25T15:00', contactAt: '2025-11-28T15:00' },
      { profile: inNewYork, channel: 'voice' as const, withdrawnAt: '2025-02-10T15:00', contactAt: '2025-02-20T15:00' },
    ];
    for (const { profile, channel, withdrawnAt, contactAt } of cases) {
      const evaluation = given(registered('2020-01-01', profile), relationship('2025-01-01', 'sale'), withdrawn(withdrawnAt, { channel }))
        .whenContacted(contacted(contactAt, { channel }))
        .evaluation;
      expect(evaluation).toMatchObject({ outcome: 'within-grace' });
      expect(honouringRule(ts(withdrawnAt), channel, { country: profile.country, region: profile.region }, profile.timezone).deadline).toBe(evaluation!.deadline);
    }
    expect(honouringRule(ts('2025-03-03'), 'email', { country: inGermany.country }, inGermany.timezone).deadline).toBeNull();
  });
});
