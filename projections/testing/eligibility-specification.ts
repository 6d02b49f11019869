/// <reference types="jest" />
/**
 * Given/when/then for the eligibility engine:
 *
 *   given(registered('2025-01-01', inOntario), relationship('2025-05-01', 'sale'))
 *     .when({ channel: 'email', at: '2026-01-01' })
 *     .then({ eligible: true, reason: 'implied-purchase' });
 *
 * Customer and policy entries share one log; the customer's facts and the tenant's policy
 * versions are folded from it exactly as a read model would.
 */

import { foldCustomerFacts } from '../customer-facts';
import type { Channel, Purpose } from '../events';
import { foldPolicyVersions } from '../policies';
import type { EligibilityAnswer, TenantDefaults } from '../eligibility/answer';
import { evaluateContact, type ContactEvaluation } from '../eligibility/contact-evaluation';
import { evaluate, evaluateVerdict } from '../eligibility/evaluate';
import { CUSTOMER_ID, toEntries, ts, type EntryDraft } from './ledger-entries';

export const ONTARIO_TENANT: TenantDefaults = { country: 'CA', region: 'ON', timezone: 'America/Toronto' };
export const TZDATA = 'test-tzdata';

/** Everything recorded, unless a spec asks what was known earlier. */
const EVERYTHING_RECORDED = '9999-12-31T23:59:59.999Z';

export interface Question {
  channel: Channel;
  at: string;
  purpose?: Purpose;
  asOf?: string;
  automated?: boolean;
}

export class Scenario {
  constructor(
    private readonly drafts: readonly EntryDraft[],
    private readonly tenantDefaults: TenantDefaults = ONTARIO_TENANT,
  ) {}

  forTenant(tenant: TenantDefaults): Scenario {
    return new Scenario(this.drafts, tenant);
  }

  when(question: Question): { answer: EligibilityAnswer; then: (expected: Partial<EligibilityAnswer>) => EligibilityAnswer } {
    const entries = toEntries(this.drafts);
    const customerEntries = entries.filter((entry) => entry.subject === CUSTOMER_ID);
    const record = { facts: foldCustomerFacts(customerEntries), known: customerEntries.length > 0, policies: foldPolicyVersions(entries), tenant: this.tenantDefaults };
    const asked = {
      channel: question.channel,
      purpose: question.purpose ?? 'marketing',
      at: ts(question.at),
      asOf: question.asOf === undefined ? EVERYTHING_RECORDED : ts(question.asOf),
      automated: question.automated ?? false,
    };
    const answer = evaluate({ ...record, tzdataVersion: TZDATA }, { ...asked, treeSize: entries.length });
    // A campaign check answers with the verdict alone, worked out apart: every scenario checks it is the answer's.
    expect(evaluateVerdict(record, asked)).toEqual({ eligible: answer.eligible, reason: answer.reason, until: answer.until });
    return {
      answer,
      then: (expected) => {
        expect(answer).toMatchObject(expected);
        return answer;
      },
    };
  }

  /** Appends the contact to the log and evaluates it at its own time as known at its recordedAt. */
  whenContacted(contact: EntryDraft<'contact.attempted'>): { evaluation: ContactEvaluation | null; then: (expected: ContactEvaluation | null) => void } {
    const entries = toEntries([...this.drafts, contact]);
    const contactEntry = entries[entries.length - 1];
    if (contactEntry.type !== 'contact.attempted') throw new Error('unreachable: the last entry is the contact');
    const evaluation = evaluateContact(
      { facts: foldCustomerFacts(entries.filter((entry) => entry.subject === CUSTOMER_ID)), policies: foldPolicyVersions(entries), tenant: this.tenantDefaults },
      contactEntry,
    );
    return { evaluation, then: (expected) => expect(evaluation).toEqual(expected) };
  }
}

export function given(...drafts: EntryDraft[]): Scenario {
  return new Scenario(drafts);
}

/** Common profiles. */
export const inOntario = { country: 'CA', region: 'ON', timezone: 'America/Toronto' };
export const inNewYork = { country: 'US', region: 'NY', timezone: 'America/New_York' };
export const inFlorida = { country: 'US', region: 'FL', timezone: 'America/New_York' };
export const inGermany = { country: 'DE', timezone: 'Europe/Berlin' };
export const inBritain = { country: 'GB', timezone: 'Europe/London' };
export const inAustralia = { country: 'AU', region: 'NSW', timezone: 'Australia/Sydney' };
