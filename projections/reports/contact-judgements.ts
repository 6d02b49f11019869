/**
 * Every contact attempt judged as RULES.md says: at its own `time`, as known at its `recordedAt`
 * (`evaluateContact`). For contacts that were not eligible the engine's full answer is asked too,
 * for the rules the decision rests on and its evidence: what a report cites.
 */

import type { CustomerFacts } from '../customer-facts';
import type { EntryOfType, LedgerEntry } from '../events';
import type { PolicyVersion } from '../policies';
import type { RuleReference, TenantDefaults } from '../eligibility/answer';
import { evaluateContact, type ContactEvaluation } from '../eligibility/contact-evaluation';
import { evaluate } from '../eligibility/evaluate';
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
  tzdataVersion: string;
}

export class ContactJudge {
  private readonly facts: FactsAtInstant;

  constructor(private readonly customer: CustomerContext) {
    this.facts = new FactsAtInstant(customer.facts);
  }

  judge(contact: ContactEntry): ContactJudgement {
    const { policies, tenant, tzdataVersion } = this.customer;
    const facts = this.facts.at(contact.time, contact.recordedAt);
    const evaluation = evaluateContact({ facts, policies, tenant }, contact);
    if (!evaluation || evaluation.outcome === 'eligible') return { contact, evaluation, rules: [], evidence: [] };
    const decision = evaluate(
      { facts, policies, tenant, known: true, tzdataVersion },
      { channel: contact.data.channel, purpose: contact.data.purpose, at: contact.time, asOf: contact.recordedAt, automated: contact.data.automated ?? false, treeSize: 0 },
    );
    return { contact, evaluation, rules: decision.rules, evidence: decision.evidence };
  }

  /** The facts a question at `at`, as known at `asOf`, needs (see FactsAtInstant). */
  factsAt(at: string, asOf: string): CustomerFacts {
    return this.facts.at(at, asOf);
  }
}

export function isContact(entry: LedgerEntry): entry is ContactEntry {
  return entry.type === 'contact.attempted';
}
