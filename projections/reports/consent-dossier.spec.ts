import { foldPolicyVersions } from '../policies';
import { inNewYork, ONTARIO_TENANT, TZDATA } from '../testing/eligibility-specification';
import { contacted, EntryDraft, erased, granted, policy, registered, relationship, toEntries, updated, withdrawn } from '../testing/ledger-entries';
import { consentDossier, dossierTotals, identityEntry, type DossierInput } from './consent-dossier';
import { summarizeEntry } from './entry-summary';
import { WHOLE_HISTORY } from './report-period';

function dossierOf(drafts: EntryDraft[], overrides: Partial<DossierInput> = {}) {
  const entries = toEntries(drafts);
  return consentDossier({
    customerId: 'c-1',
    entries: entries.filter((entry) => entry.subject === 'c-1'),
    policies: foldPolicyVersions(entries),
    tenant: ONTARIO_TENANT,
    tzdataVersion: TZDATA,
    asOf: '2025-06-04T15:00:00.000Z',
    period: WHOLE_HISTORY,
    ...overrides,
  });
}

const history = [
  registered('2024-01-10', inNewYork),
  relationship('2024-02-01', 'sale'),
  granted('2024-03-01', { channel: 'sms', kind: 'express-written' }),
  contacted('2025-03-01T15:00', { channel: 'email' }),
  withdrawn('2025-05-01T15:00', { channel: 'sms', purpose: 'marketing' }),
  contacted('2025-05-05T15:00', { channel: 'sms' }),
  contacted('2025-05-06T15:00', { channel: 'sms', outcome: 'failed' }),
];

describe('the consent dossier', () => {
  it("states where the customer is, from their own profile or the tenant's defaults", () => {
    expect(dossierOf(history).profile).toEqual({
      customerId: 'c-1',
      jurisdiction: { country: 'US', region: 'NY' },
      timezone: 'America/New_York',
      profileSource: 'customer',
      firstRecordedAt: '2024-01-10T00:00:00.000Z',
      erasure: null,
    });
    expect(dossierOf([contacted('2025-03-01', { channel: 'email' })]).profile).toMatchObject({ jurisdiction: { country: 'CA', region: 'ON' }, timezone: 'America/Toronto', profileSource: 'tenant-defaults' });
  });

  it('answers every channel and purpose at the as-of instant, with rules and evidence', () => {
    const { eligibility } = dossierOf(history);
    expect(eligibility).toHaveLength(24);
    expect(eligibility.find((line) => line.channel === 'sms' && line.purpose === 'marketing')).toMatchObject({ eligible: false, reason: 'opted-out', rules: ['tcpa.revocation'], evidence: [4] });
    expect(eligibility.find((line) => line.channel === 'sms' && line.purpose === 'service')).toMatchObject({ eligible: true, reason: 'express-written-consent', evidence: [2] });
    expect(eligibility.find((line) => line.channel === 'email' && line.purpose === 'marketing')).toMatchObject({ eligible: true, reason: 'no-consent-required', rules: ['canspam.no-consent-required'] });
  });

  it('lists every entry with its actor, recording key and a readable summary, without the PII commitment', () => {
    const { timeline } = dossierOf([registered('2024-01-10', inNewYork), ...history.slice(1)]);
    expect(timeline.map((item) => item.sequence)).toEqual([0, 1, 2, 3, 4, 5, 6]);
    expect(timeline[4]).toEqual({
      sequence: 4,
      type: 'consent.withdrawn',
      time: '2025-05-01T15:00:00.000Z',
      recordedAt: '2025-05-01T15:00:00.000Z',
      actor: { type: 'customer', id: 'customer' },
      recordedBy: { keyId: 'k-1', role: 'emitter', label: 'spec' },
      summary: 'Consent withdrawn: sms, marketing (unsubscribe-link)',
      details: { channel: 'sms', purpose: 'marketing', method: 'unsubscribe-link' },
      leafHash: '',
    });
  });

  it('judges every contact as it stood when made; a failed one is no contact', () => {
    const { contacts } = dossierOf(history);
    expect(contacts.map((contact) => [contact.sequence, contact.outcome, contact.evaluation?.outcome ?? null, contact.evaluation?.reason ?? null])).toEqual([
      [3, null, 'eligible', 'no-consent-required'],
      [5, null, 'within-grace', 'opted-out'],
      [6, 'failed', null, null],
    ]);
    expect(contacts[1]!.rules).toEqual(['tcpa.revocation']);
  });

  it('keeps the timeline and contacts to the period, the eligibility at the as-of instant', () => {
    const dossier = dossierOf(history, { period: { from: '2025-05-01T00:00:00.000Z', to: '2025-05-06T00:00:00.000Z' } });
    expect(dossier.timeline.map((item) => item.sequence)).toEqual([4, 5]);
    expect(dossier.contacts.map((contact) => contact.sequence)).toEqual([5]);
    expect(dossier.eligibility).toHaveLength(24);
  });

  it('knows only what was recorded by the as-of instant', () => {
    const dossier = dossierOf(history, { entries: toEntries(history).filter((entry) => entry.recordedAt <= '2025-03-31T00:00:00.000Z'), asOf: '2025-03-31T00:00:00.000Z' });
    expect(dossier.eligibility.find((line) => line.channel === 'sms' && line.purpose === 'marketing')).toMatchObject({ eligible: true, reason: 'express-written-consent' });
  });

  // At 11:00 on a Wednesday in New York every question is open but sms marketing, which the customer opted out of.
  it('cites each rule once, and adds up what it found', () => {
    const dossier = dossierOf(history);
    expect(dossier.citedRules.map((rule) => rule.id)).toEqual([...new Set(dossier.citedRules.map((rule) => rule.id))].sort());
    expect(dossier.citedRules).toContainEqual({ id: 'tcpa.revocation', citation: '47 C.F.R. § 64.1200(a)(10), (d)(3)' });
    expect(dossierTotals(dossier, 2)).toEqual({ entries: 7, contacts: 2, violations: 0, withinGrace: 1, policyBreaches: 0, eligibleNow: 23, questions: 24, exports: 2 });
  });

  it('records an erasure, and knows an erased customer is ineligible everywhere', () => {
    const dossier = dossierOf([...history, erased('2025-06-01')]);
    expect(dossier.profile.erasure).toEqual({ sequence: 7, time: '2025-06-01T00:00:00.000Z' });
    expect(new Set(dossier.eligibility.map((line) => line.reason))).toEqual(new Set(['erased']));
  });

  it("takes the identity from the latest registration or update carrying personal data", () => {
    const withPii = <T extends 'customer.registered' | 'customer.updated'>(draft: EntryDraft<T>) => new EntryDraft(draft.type, draft.subject, draft.time, { ...draft.data, pii: { commitment: 'c' } }, draft.recorded);
    const entries = toEntries([withPii(registered('2024-01-10')), updated('2024-06-01', { country: 'US' }), withPii(updated('2024-05-01', {})), policy('2024-07-01', 'p', 1, {})]);
    expect(identityEntry(entries)?.sequence).toBe(2);
    expect(summarizeEntry(entries[0]!)).toBe('Registered, personal data committed');
  });
});
