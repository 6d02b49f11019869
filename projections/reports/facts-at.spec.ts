import { foldCustomerFacts } from '../customer-facts';
import { CHANNELS, PURPOSES, type EntryOfType } from '../events';
import { foldPolicyVersions } from '../policies';
import { evaluate } from '../eligibility/evaluate';
import { evaluateContact } from '../eligibility/contact-evaluation';
import { inNewYork, ONTARIO_TENANT } from '../testing/eligibility-specification';
import { contacted, granted, policy, registered, relationship, toEntries, withdrawn, type EntryDraft } from '../testing/ledger-entries';
import { FactsAtInstant } from './facts-at';

/** Many contacts on every channel, some backfilled, around consents, withdrawals and two policies. */
function busyHistory(): EntryDraft[] {
  const drafts: EntryDraft[] = [
    registered('2024-01-01', inNewYork),
    policy('2024-01-01', 'quiet', 1, { exclusion: { email: 'P3D', sms: 'P1D' } }),
    policy('2024-01-01', 'crm', 1, { windows: { sale: 'P13M' }, appliesTo: { purposes: ['marketing'] } }),
    relationship('2024-01-10', 'sale'),
    granted('2024-02-01', { channel: 'sms', kind: 'express-written', expiresAt: '2024-09-01' }),
  ];
  for (let day = 0; day < 120; day++) {
    const date = new Date(Date.UTC(2024, 1, 2) + day * 0.6 * 86_400_000).toISOString();
    const channel = (['email', 'email', 'sms', 'voice', 'mail'] as const)[day % 5]!;
    const contact = contacted(date, { channel, purpose: day % 3 === 0 ? 'service' : 'marketing', automated: day % 7 === 0 });
    drafts.push(day % 11 === 0 ? contact.recordedAt('2025-06-01') : contact);
    if (day === 40) drafts.push(withdrawn(date, { channel: 'email', purpose: 'marketing' }));
    if (day === 70) drafts.push(granted(date, { channel: 'email', purpose: 'all' }));
  }
  return drafts;
}

const entries = toEntries(busyHistory());
const facts = foldCustomerFacts(entries)!;
const policies = foldPolicyVersions(entries);
const tenant = ONTARIO_TENANT;
const contacts = entries.filter((entry): entry is EntryOfType<'contact.attempted'> => entry.type === 'contact.attempted');
const atInstant = new FactsAtInstant(facts);

describe('the facts a question needs', () => {
  it('judge every contact exactly as the whole history does', () => {
    const reasons = new Set<string>();
    for (const contact of contacts) {
      const whole = evaluateContact({ facts, policies, tenant }, contact);
      expect(evaluateContact({ facts: atInstant.at(contact.time, contact.recordedAt), policies, tenant }, contact)).toEqual(whole);
      reasons.add(whole!.reason);
    }
    // The history reaches the rules that read contacts, withdrawals and grants.
    expect([...reasons]).toEqual(expect.arrayContaining(['recently-contacted', 'opted-out', 'no-consent-required']));
  });

  it('answer every question, `until` and evidence included, exactly as the whole history does', () => {
    const instants = ['2024-02-20T15:00:00.000Z', '2024-03-05T04:00:00.000Z', '2024-03-20T18:00:00.000Z', '2024-09-01T00:00:00.000Z', '2025-01-01T16:30:00.000Z'];
    for (const at of instants) {
      for (const asOf of [at, '2025-07-01T00:00:00.000Z']) {
        for (const channel of CHANNELS) {
          for (const purpose of PURPOSES) {
            const question = { channel, purpose, at, asOf, automated: false, treeSize: entries.length };
            const input = { policies, tenant, known: true, tzdataVersion: 'test' };
            expect(evaluate({ ...input, facts: atInstant.at(at, asOf) }, question)).toEqual(evaluate({ ...input, facts }, question));
          }
        }
      }
    }
  });

  it('hand over at most two contacts per channel', () => {
    const { contacts: kept } = atInstant.at('2025-01-01T00:00:00.000Z', '2025-07-01T00:00:00.000Z');
    for (const channel of CHANNELS) expect(kept.filter((contact) => contact.channel === channel).length).toBeLessThanOrEqual(2);
  });
});
