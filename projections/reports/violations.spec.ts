import { inGermany, inNewYork, inOntario } from '../testing/eligibility-specification';
import { contacted, granted, listed, registered, relationship, withdrawn } from '../testing/ledger-entries';
import { tenantLog, type TenantLog } from './testing/report-history';
import { customerViolations, type ViolationsQuestion } from './violations';
import { WHOLE_HISTORY } from './report-period';

const everything: ViolationsQuestion = { period: WHOLE_HISTORY, channel: null, asOf: '2030-01-01T00:00:00.000Z' };
const email = (time: string) => contacted(time, { channel: 'email' });

function violationsOf(log: TenantLog, question: Partial<ViolationsQuestion> = {}) {
  return customerViolations(log.history(), log.context(), { ...everything, ...question });
}

// Monday 3 March 2025, 10:00 in Toronto: the CASL deadline is the end of Monday 17 March.
const optedOut = [registered('2024-01-01', inOntario), relationship('2025-01-01', 'sale'), withdrawn('2025-03-03T15:00', { channel: 'email', purpose: 'marketing' })];

describe('violations of one customer', () => {
  it('list every contact that was not eligible, with the opt-out its grace runs from', () => {
    const log = tenantLog(...optedOut, email('2025-03-10T15:00'), email('2025-03-20T15:00'), contacted('2025-03-21', { channel: 'email', outcome: 'failed' }));
    const { items, contacts } = violationsOf(log);
    expect(contacts.map((judgement) => judgement.contact.sequence)).toEqual([3, 4]);
    expect(items).toEqual([
      expect.objectContaining({ sequence: 3, outcome: 'within-grace', reason: 'opted-out', basis: 'law', deadline: '2025-03-18T04:00:00.000Z', rules: ['casl.withdrawal'] }),
      expect.objectContaining({ sequence: 4, outcome: 'violation', reason: 'opted-out', deadline: '2025-03-18T04:00:00.000Z' }),
    ]);
    expect(items[0]!.optOut).toEqual({ sequence: 2, time: '2025-03-03T15:00:00.000Z', actor: { type: 'customer', id: 'customer' }, recordedBy: expect.any(Object), method: 'unsubscribe-link' });
  });

  it('say of an opt-out its deadline, the last contact within grace and the first after, and that it was missed', () => {
    const log = tenantLog(...optedOut, email('2025-03-10T15:00'), email('2025-03-12T15:00'), email('2025-03-20T15:00'), email('2025-03-25T15:00'));
    expect(violationsOf(log).optOuts).toEqual([
      expect.objectContaining({
        sequence: 2,
        channel: 'email',
        purpose: 'marketing',
        deadline: '2025-03-18T04:00:00.000Z',
        deadlineRule: '10 business days (CASL s. 11(3))',
        lastContactWithinGrace: { sequence: 4, time: '2025-03-12T15:00:00.000Z' },
        firstContactAfterDeadline: { sequence: 5, time: '2025-03-20T15:00:00.000Z' },
        met: false,
        honouredAt: null,
      }),
    ]);
  });

  it('say an opt-out was met, and when it was honoured, once its deadline passed without a contact', () => {
    const log = tenantLog(...optedOut, email('2025-03-10T15:00'), contacted('2025-04-01T15:00', { channel: 'email', purpose: 'service' }));
    expect(violationsOf(log).optOuts[0]).toMatchObject({ met: true, honouredAt: '2025-03-10T15:00:00.000Z', firstContactAfterDeadline: null });
    expect(violationsOf(log, { asOf: '2025-03-17T12:00:00.000Z' }).optOuts[0]).toMatchObject({ met: null, honouredAt: null });
  });

  it('give one opt-out per channel a withdrawal covers, each with its own law', () => {
    const log = tenantLog(registered('2024-01-01', inOntario), withdrawn('2025-03-03T15:00'));
    expect(violationsOf(log).optOuts.map(({ channel, deadline }) => ({ channel, deadline }))).toEqual([
      { channel: 'email', deadline: '2025-03-18T04:00:00.000Z' },
      { channel: 'sms', deadline: '2025-03-18T04:00:00.000Z' },
      { channel: 'voice', deadline: null },
      { channel: 'mail', deadline: null },
    ]);
    expect(violationsOf(log, { channel: 'voice' }).optOuts.map((optOut) => optOut.channel)).toEqual(['voice']);
  });

  it('count an internal do-not-call request as an opt-out of voice and sms', () => {
    const log = tenantLog(registered('2024-01-01', inNewYork), granted('2024-06-01', { kind: 'express-written' }), listed('2025-06-02T14:00', 'internal'), contacted('2025-06-03T15:00', { channel: 'sms' }));
    const { optOuts, items } = violationsOf(log);
    expect(optOuts.map(({ channel, method, purpose }) => ({ channel, method, purpose }))).toEqual([
      { channel: 'voice', method: 'internal-dnc', purpose: 'all-but-transactional' },
      { channel: 'sms', method: 'internal-dnc', purpose: 'all-but-transactional' },
    ]);
    expect(items[0]).toMatchObject({ outcome: 'within-grace', optOut: { sequence: 2, method: 'internal-dnc' } });
  });

  it('give a vendor suppression no grace and no opt-out line: contacts after it breach the tenant policy', () => {
    const log = tenantLog(registered('2024-01-01', inOntario), relationship('2025-01-01', 'sale'), withdrawn('2025-03-03', { method: 'vendor-policy' }).by('vendor'), email('2025-03-04'));
    const { items, optOuts } = violationsOf(log);
    expect(optOuts).toEqual([]);
    expect(items).toEqual([expect.objectContaining({ outcome: 'policy-breach', reason: 'suppressed', basis: 'policy', rules: ['ledger.suppression'], optOut: expect.objectContaining({ sequence: 2, method: 'vendor-policy', actor: { type: 'vendor', id: 'customer' } }) })]);
    expect(items[0]).not.toHaveProperty('deadline');
  });

  it('do not lay a contact on an opt-out a later consent ended', () => {
    const log = tenantLog(...optedOut, granted('2025-04-01', { channel: 'email' }), withdrawn('2025-05-05T15:00', { channel: 'email' }), email('2025-05-30T15:00'));
    const { optOuts, items } = violationsOf(log);
    expect(items).toEqual([expect.objectContaining({ sequence: 5, outcome: 'violation', optOut: expect.objectContaining({ sequence: 4 }) })]);
    expect(optOuts.find((optOut) => optOut.sequence === 2)).toMatchObject({ met: true, firstContactAfterDeadline: null });
    expect(optOuts.find((optOut) => optOut.sequence === 4 && optOut.channel === 'email')).toMatchObject({ met: false, firstContactAfterDeadline: { sequence: 5 } });
  });

  it('keep to the period — `from` inclusive, `to` exclusive — yet judge an opt-out by the contacts after it', () => {
    const log = tenantLog(...optedOut, email('2025-03-20T15:00'), email('2025-04-02T15:00'));
    const march = violationsOf(log, { period: { from: '2025-03-03T15:00:00.000Z', to: '2025-03-20T15:00:00.000Z' } });
    expect(march.contacts).toEqual([]);
    expect(march.optOuts).toEqual([expect.objectContaining({ sequence: 2, met: false, firstContactAfterDeadline: { sequence: 3, time: '2025-03-20T15:00:00.000Z' } })]);
    const april = violationsOf(log, { period: { from: '2025-04-01T00:00:00.000Z', to: null } });
    expect(april.items.map((item) => item.sequence)).toEqual([4]);
    expect(april.optOuts).toEqual([]);
  });

  it('call a contact without any basis a violation with no deadline', () => {
    const log = tenantLog(registered('2024-01-01', inGermany), email('2025-03-04T10:00'));
    expect(violationsOf(log).items).toEqual([expect.objectContaining({ outcome: 'violation', reason: 'no-consent', rules: ['gdpr.consent'] })]);
    expect(violationsOf(log).items[0]).not.toHaveProperty('optOut');
  });
});
