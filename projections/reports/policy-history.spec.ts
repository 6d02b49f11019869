import { foldCustomerFacts } from '../customer-facts';
import type { EntryOfType, PolicyRules } from '../events';
import { foldPolicyVersions } from '../policies';
import { inOntario, ONTARIO_TENANT, TZDATA } from '../testing/eligibility-specification';
import { contacted, granted, listed, policy, registered, relationship, toEntries, withdrawn, type EntryDraft } from '../testing/ledger-entries';
import { policyChanges, policyVersionItem, previousVersion, questionsTurnedIneligible, suppressionOf, SuppressionTally, versionOf, type PolicyEntry } from './policy-history';

const APPLIES_TO = { channels: ['email' as const, 'sms' as const], purposes: ['marketing' as const, 'sales' as const] };
const v1: PolicyRules = { windows: { sale: 'P25M', 'repair-order': 'P25M' }, appliesTo: APPLIES_TO };
const v2: PolicyRules = { windows: { sale: 'P13M', 'repair-order': 'P25M' }, appliesTo: APPLIES_TO };

function policyEntries(drafts: EntryDraft[]): PolicyEntry[] {
  return toEntries(drafts).filter((entry): entry is PolicyEntry => entry.type === 'policy.adopted');
}

describe('policy changes', () => {
  it('list everything a first version sets, from nothing', () => {
    expect(policyChanges(undefined, { name: 'Retention', rules: v1 })).toEqual([
      { path: 'name', from: null, to: 'Retention' },
      { path: 'rules.appliesTo.channels', from: null, to: ['email', 'sms'] },
      { path: 'rules.appliesTo.purposes', from: null, to: ['marketing', 'sales'] },
      { path: 'rules.windows.repair-order', from: null, to: 'P25M' },
      { path: 'rules.windows.sale', from: null, to: 'P25M' },
    ]);
  });

  it('list only what differs from the previous version, removals included', () => {
    expect(policyChanges({ name: 'Retention', rules: v1 }, { name: 'Retention', rules: v2 })).toEqual([{ path: 'rules.windows.sale', from: 'P25M', to: 'P13M' }]);
    expect(policyChanges({ name: 'Retention', rules: v1 }, { name: 'Retired', rules: { retired: true } })).toEqual([
      { path: 'name', from: 'Retention', to: 'Retired' },
      { path: 'rules.appliesTo.channels', from: ['email', 'sms'], to: null },
      { path: 'rules.appliesTo.purposes', from: ['marketing', 'sales'], to: null },
      { path: 'rules.retired', from: null, to: true },
      { path: 'rules.windows.repair-order', from: 'P25M', to: null },
      { path: 'rules.windows.sale', from: 'P25M', to: null },
    ]);
  });

  it('compare each version with the one just below it of the same policy, whatever the log order', () => {
    const entries = policyEntries([policy('2025-06-01', 'crm', 3, v2), policy('2024-01-01', 'other', 2, v2), policy('2024-01-01', 'crm', 1, v1)]);
    expect(previousVersion(entries, entries[0]!)?.data.version).toBe(1);
    expect(previousVersion(entries, entries[2]!)).toBeUndefined();
    const item = policyVersionItem(entries[0]!, previousVersion(entries, entries[0]!), 4);
    expect(item).toMatchObject({ policyId: 'crm', version: 3, time: '2025-06-01T00:00:00.000Z', actor: { type: 'dealer-user', role: 'dealer-principal' }, changes: [{ path: 'rules.windows.sale', from: 'P25M', to: 'P13M' }], customersTurnedIneligible: 4 });
  });
});

describe('customers a version turns ineligible', () => {
  const turned = (...drafts: EntryDraft[]) => {
    const entries = toEntries(drafts);
    const versions = foldPolicyVersions(entries);
    const facts = foldCustomerFacts(entries.filter((entry) => entry.subject === 'c-1'))!;
    return versions.map((version) => questionsTurnedIneligible(facts, versions, version, ONTARIO_TENANT, TZDATA));
  };

  it('are those eligible without it and past its window with it, on the questions it applies to', () => {
    // A cash sale 18 months before: CASL's implied consent (2 years) stands, the 25-month window too, the 13-month one has closed.
    expect(turned(policy('2024-01-01', 'crm', 1, v1), registered('2024-01-10', inOntario), relationship('2024-01-15', 'sale'), withdrawn('2025-03-03', { channel: 'email', purpose: 'marketing' }), policy('2025-06-01', 'crm', 2, v2))).toEqual([
      [],
      [
        { channel: 'email', purpose: 'sales' },
        { channel: 'sms', purpose: 'marketing' },
        { channel: 'sms', purpose: 'sales' },
      ],
    ]);
  });

  it('leave out customers the law already kept out, and those whose express consent no window touches', () => {
    expect(turned(policy('2024-01-01', 'crm', 1, v1), registered('2024-01-10', inOntario), policy('2025-06-01', 'crm', 2, v2))).toEqual([[], []]);
    expect(turned(policy('2024-01-01', 'crm', 1, v1), registered('2024-01-10', inOntario), relationship('2024-01-15', 'sale'), granted('2024-02-01'), policy('2025-06-01', 'crm', 2, v2))).toEqual([[], []]);
  });

  it('judge at the version\'s time as known when it was recorded', () => {
    // The sale is recorded after the version: when it was adopted, the customer had no window to lose.
    expect(turned(policy('2024-01-01', 'crm', 1, v1), registered('2024-01-10', inOntario), policy('2025-06-01', 'crm', 2, v2), relationship('2024-01-15', 'sale').recordedAt('2025-07-01'))).toEqual([[], []]);
  });

  it('are none for a version without windows or one that retires the policy', () => {
    expect(turned(policy('2024-01-01', 'crm', 1, v1), registered('2024-01-10', inOntario), relationship('2024-01-15', 'sale'), policy('2025-06-01', 'crm', 2, { retired: true }))).toEqual([[], []]);
  });
});

describe('suppressions', () => {
  const entriesOf = (...drafts: EntryDraft[]) => toEntries(drafts);

  it('are withdrawals by a vendor or a system, or with method vendor-policy, and internal do-not-call listings by them', () => {
    const entries = entriesOf(withdrawn('2025-04-01').by('vendor'), withdrawn('2025-04-02').by('system'), withdrawn('2025-04-03', { method: 'vendor-policy' }).by('crm-system'), listed('2025-04-04', 'internal').by('vendor'));
    expect(entries.map(suppressionOf)).toEqual([
      expect.objectContaining({ sequence: 0, customerId: 'c-1', type: 'consent.withdrawn', channel: 'all', purpose: 'all', method: 'unsubscribe-link', actor: { type: 'vendor', id: 'customer' } }),
      expect.objectContaining({ sequence: 1, actor: { type: 'system', id: 'customer' } }),
      expect.objectContaining({ sequence: 2, method: 'vendor-policy', actor: { type: 'crm-system', id: 'customer' } }),
      expect.objectContaining({ sequence: 3, type: 'dnc.listed', channel: 'voice+sms', purpose: 'all-but-transactional', method: 'internal-dnc' }),
    ]);
  });

  it('are not what the customer asked for, nor other entries', () => {
    const entries = entriesOf(withdrawn('2025-04-01'), listed('2025-04-04', 'internal'), listed('2025-04-05', 'national'), contacted('2025-04-06', { channel: 'email' }));
    expect(entries.map(suppressionOf)).toEqual([undefined, undefined, undefined, undefined]);
  });

  it('are counted by who applied them', () => {
    const tally = new SuppressionTally();
    const entries = entriesOf(withdrawn('2025-04-01').by('vendor'), withdrawn('2025-04-02').by('vendor'), withdrawn('2025-04-03').by('system'));
    for (const entry of entries) tally.add(suppressionOf(entry)!);
    const versions = policyEntries([policy('2024-01-01', 'crm', 1, v1), policy('2025-01-01', 'crm', 2, v2)]).map((entry: EntryOfType<'policy.adopted'>) => policyVersionItem(entry, undefined, 2));
    expect(tally.totals(versions)).toEqual({
      versions: 2,
      policies: 1,
      customersTurnedIneligible: 4,
      suppressions: 3,
      suppressionsByActor: [
        { actor: { type: 'vendor', id: 'customer' }, suppressions: 2 },
        { actor: { type: 'system', id: 'customer' }, suppressions: 1 },
      ],
    });
    expect(versionOf(policyEntries([policy('2024-01-01', 'crm', 1, v1)])[0]!)).toMatchObject({ policyId: 'crm', version: 1, rules: v1 });
  });
});
