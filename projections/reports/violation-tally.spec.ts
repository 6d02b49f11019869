import { inOntario } from '../testing/eligibility-specification';
import { contacted, registered, relationship, withdrawn } from '../testing/ledger-entries';
import { tenantLog } from './testing/report-history';
import { ViolationTally } from './violation-tally';
import { customerViolations } from './violations';
import { WHOLE_HISTORY } from './report-period';

describe('violation totals', () => {
  it('count contacts by outcome, channel, reason and actor, and opt-outs by whether they were met', () => {
    const log = tenantLog(
      registered('2024-01-01', inOntario),
      relationship('2025-01-01', 'sale'),
      withdrawn('2025-03-03T15:00', { channel: 'email', purpose: 'marketing' }),
      contacted('2025-03-10T15:00', { channel: 'email' }),
      contacted('2025-03-20T15:00', { channel: 'email' }).by('dealer-user'),
      contacted('2025-03-21T15:00', { channel: 'sms' }),
      contacted('2025-03-22T15:00', { channel: 'email', outcome: 'failed' }),
      withdrawn('2025-04-01T15:00', { channel: 'sms', purpose: 'sales' }),
    );
    const tally = new ViolationTally();
    tally.add(customerViolations(log.history(), log.context(), { period: WHOLE_HISTORY, channel: null, asOf: '2030-01-01T00:00:00.000Z' }));
    const totals = tally.totals();

    expect(totals).toMatchObject({ contacts: 3, violations: 1, withinGrace: 1, policyBreaches: 0, optOuts: 2, optOutsMet: 1, optOutsMissed: 1, optOutsPending: 0 });
    expect(totals.byReason).toEqual({ 'opted-out': 2 });
    expect(totals.byChannel.email).toEqual({ contacts: 2, violations: 1, withinGrace: 1, policyBreaches: 0 });
    expect(totals.byChannel.sms).toEqual({ contacts: 1, violations: 0, withinGrace: 0, policyBreaches: 0 });
    expect(totals.byActor).toEqual([
      { actor: { type: 'dealer-user', id: 'crm' }, contacts: 1, violations: 1, withinGrace: 0, policyBreaches: 0 },
      { actor: { type: 'crm-system', id: 'crm' }, contacts: 2, violations: 0, withinGrace: 1, policyBreaches: 0 },
    ]);
  });
});
