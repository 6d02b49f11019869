/**
 * Every contact attempt judged as RULES.md says: at its own `time`, as known at its `recordedAt`
 * (`evaluateContact`). For contacts that were not eligible, the rules and evidence of the decision
 * they fell to: what a report cites, as the engine's answer to the same question would.
 */

import type { CustomerFacts } from '../customer-facts';
import type { EntryOfType, LedgerEntry } from '../events';
import type { PolicyVersion } from '../policies';
import type { RuleReference, TenantDefaults } from '../eligibility/answer';
import { judgeContactOn, type ContactEvaluation } from '../eligibility/contact-evaluation';
import { CustomerTimeline } from '../eligibility/customer-timeline';
import { citedEvidence } from '../eligibility/evaluate';
import { FactsAtInstant } from './facts-at';

export type ContactEntry = EntryOfType<'contact.attempted'>;

export interface ContactJudgement {
  contact: ContactEntry;
  /** Null for a `failed` contact, which is not a contact. */
  evaluation: ContactEvaluation | null;
  /** The rules of the decision at the contact's instant; empty unless it was not eligible. */
  rules: RuleReference[];
  /** The sequences that decision rests on; empty unless it was not eligible. */
  evidence: number[];
}

export interface CustomerContext {
  /** Folded from the customer's whole history (as far as the report reads the log). */
  facts: CustomerFacts;
  policies: readonly PolicyVersion[];
  tenant: TenantDefaults;
}

export class ContactJudge {
  private readonly facts: FactsAtInstant;
  private readonly timeline: CustomerTimeline;

  constructor(private readonly customer: CustomerContext) {
    this.facts = new FactsAtInstant(customer.facts);
    this.timeline = new CustomerTimeline(customer.facts);
  }

  judge(contact: ContactEntry): ContactJudgement {
    const judged = judgeContactOn(this.timeline, this.customer, contact);
    if (!judged || judged.evaluation.outcome === 'eligible') return { contact, evaluation: judged?.evaluation ?? null, rules: [], evidence: [] };
    return { contact, evaluation: judged.evaluation, rules: judged.decision.rules, evidence: citedEvidence(judged.decision) };
  }

  /** The facts a question at `at`, as known at `asOf`, needs (see FactsAtInstant). */
  factsAt(at: string, asOf: string): CustomerFacts {
    return this.facts.at(at, asOf);
  }
}

export function isContact(entry: LedgerEntry): entry is ContactEntry {
  return entry.type === 'contact.attempted';
}
