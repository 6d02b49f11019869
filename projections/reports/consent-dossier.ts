/**
 * A customer's consent dossier (API.md "Timelines and reports"): where they are, what may be sent
 * to them now on every channel and purpose and why, everything recorded about them with who did it
 * and who recorded it, and how each contact stood when it was made. The identity (personal data)
 * and the exports naming the customer come from the service; the rest is folded here.
 */

import type { CustomerFacts } from '../customer-facts';
import type { Actor, Channel, ContactOutcome, EntryOfType, Jurisdiction, LedgerEntry, Purpose, RecordedBy } from '../events';
import { CHANNELS, PURPOSES } from '../events';
import type { PolicyVersion } from '../policies';
import type { EligibilityReason, RuleReference, TenantDefaults } from '../eligibility/answer';
import type { ContactEvaluation } from '../eligibility/contact-evaluation';
import { customerView } from '../eligibility/customer-timeline';
import { evaluate } from '../eligibility/evaluate';
import { toEpochMs } from '../time/instants';
import { ContactJudge, isContact, type ContactJudgement } from './contact-judgements';
import { accumulateCustomerFacts } from './customer-facts-accumulator';
import { summarizeEntry } from './entry-summary';
import { byTimeThenSequence } from './ordering';
import { inPeriod, type ReportPeriod } from './report-period';

export interface DossierInput {
  customerId: string;
  /** The customer's entries in log order, as recorded by `asOf`. */
  entries: readonly LedgerEntry[];
  policies: readonly PolicyVersion[];
  tenant: TenantDefaults;
  tzdataVersion: string;
  /** The instant of the "current" eligibility, and what the dossier knows. */
  asOf: string;
  /** Filters the timeline and the contacts; eligibility is at `asOf` whatever it says. */
  period: ReportPeriod;
}

export interface DossierProfile {
  customerId: string;
  jurisdiction: Jurisdiction;
  /** The IANA zone calling hours and business days are reckoned in. */
  timezone: string;
  /** Whether jurisdiction and zone are the customer's own or the tenant's defaults. */
  profileSource: 'customer' | 'tenant-defaults';
  firstRecordedAt: string | null;
  erasure: { sequence: number; time: string } | null;
}

export interface EligibilityLine {
  channel: Channel;
  purpose: Purpose;
  eligible: boolean;
  reason: EligibilityReason;
  until: string | null;
  eligibleUntil: string | null;
  rules: string[];
  evidence: number[];
  explanation: string;
}

export interface TimelineItem {
  sequence: number;
  type: LedgerEntry['type'];
  time: string;
  recordedAt: string;
  actor: Actor;
  recordedBy: RecordedBy;
  summary: string;
  /** The entry's `data` without the actor (above) and without the PII commitment. */
  details: Record<string, unknown>;
  leafHash: string;
}

export interface DossierContact {
  sequence: number;
  time: string;
  recordedAt: string;
  channel: Channel;
  purpose: Purpose;
  campaignId: string | null;
  messageRef: string | null;
  automated: boolean;
  /** The delivery outcome the emitter reported. */
  outcome: ContactOutcome | null;
  actor: Actor;
  recordedBy: RecordedBy;
  /** How the contact stood at its own time as known at its recordedAt; null for a failed contact, which is not a contact. */
  evaluation: ContactEvaluation | null;
  rules: string[];
}

export interface ConsentDossier {
  profile: DossierProfile;
  eligibility: EligibilityLine[];
  timeline: TimelineItem[];
  contacts: DossierContact[];
  /** Every rule the eligibility lines and the contact evaluations cite. */
  citedRules: RuleReference[];
}

export function consentDossier(input: DossierInput): ConsentDossier {
  const facts = accumulateCustomerFacts(input.entries);
  const context = { policies: input.policies, tenant: input.tenant, tzdataVersion: input.tzdataVersion };
  const judge = facts ? new ContactJudge({ facts, ...context }) : undefined;
  const known = judge?.factsAt(input.asOf, input.asOf);
  const eligibility = CHANNELS.flatMap((channel) => PURPOSES.map((purpose) => ({ channel, purpose }))).map(({ channel, purpose }) => {
    const answer = evaluate({ facts: known, known: true, ...context }, { channel, purpose, at: input.asOf, asOf: input.asOf, automated: false, treeSize: 0 });
    return { channel, purpose, eligible: answer.eligible, reason: answer.reason, until: answer.until, eligibleUntil: answer.eligibleUntil, rules: answer.rules, evidence: answer.evidence, explanation: answer.explanation };
  });
  const inScope = input.entries.filter((entry) => inPeriod(entry.time, input.period));
  const judgements = judge ? inScope.filter(isContact).map((contact) => judge.judge(contact)) : [];
  return {
    profile: profileOf(input, facts, known),
    eligibility: eligibility.map(({ rules, ...line }) => ({ ...line, rules: rules.map((rule) => rule.id) })),
    timeline: inScope.map(timelineItem),
    contacts: judgements.map(dossierContact),
    citedRules: distinctRules([...eligibility.flatMap((line) => line.rules), ...judgements.flatMap((judgement) => judgement.rules)]),
  };
}

/** `known`: the facts as of `asOf`, which place the customer as the whole history does, with no contact to parse. */
function profileOf(input: DossierInput, facts: CustomerFacts | undefined, known: CustomerFacts | undefined): DossierProfile {
  const asOf = toEpochMs(input.asOf);
  const view = customerView(known, input.tenant, asOf, asOf);
  const erasure = [...(facts?.erasures ?? [])].sort(byTimeThenSequence)[0];
  return {
    customerId: input.customerId,
    jurisdiction: view.jurisdiction,
    timezone: view.timezone,
    profileSource: facts?.profile.some((fact) => fact.jurisdiction || fact.timezone) ? 'customer' : 'tenant-defaults',
    firstRecordedAt: input.entries[0]?.recordedAt ?? null,
    erasure: erasure ? { sequence: erasure.sequence, time: erasure.time } : null,
  };
}

function timelineItem(entry: LedgerEntry): TimelineItem {
  const { actor, pii: _commitment, ...details } = entry.data as LedgerEntry['data'] & { pii?: unknown };
  return {
    sequence: entry.sequence,
    type: entry.type,
    time: entry.time,
    recordedAt: entry.recordedAt,
    actor,
    recordedBy: entry.recordedBy,
    summary: summarizeEntry(entry),
    details,
    leafHash: entry.leafHash,
  };
}

function dossierContact({ contact, evaluation, rules }: ContactJudgement): DossierContact {
  const { channel, purpose, campaignId, messageRef, automated, outcome, actor } = contact.data;
  return {
    sequence: contact.sequence,
    time: contact.time,
    recordedAt: contact.recordedAt,
    channel,
    purpose,
    campaignId: campaignId ?? null,
    messageRef: messageRef ?? null,
    automated: automated ?? false,
    outcome: outcome ?? null,
    actor,
    recordedBy: contact.recordedBy,
    evaluation,
    rules: rules.map((rule) => rule.id),
  };
}

function distinctRules(rules: readonly RuleReference[]): RuleReference[] {
  const byId = new Map(rules.map((rule) => [rule.id, rule]));
  return [...byId.values()].sort((a, b) => a.id.localeCompare(b.id));
}

/**
 * The entry whose personal data is the customer's identity as of `asOf`: the latest registration
 * or update carrying `pii`, which replaces the previous one whole (API.md `customer.updated`).
 */
export function identityEntry(entries: readonly LedgerEntry[]): EntryOfType<'customer.registered' | 'customer.updated'> | undefined {
  const carrying = entries.filter(
    (entry): entry is EntryOfType<'customer.registered' | 'customer.updated'> => (entry.type === 'customer.registered' || entry.type === 'customer.updated') && entry.data.pii !== undefined,
  );
  return carrying.sort(byTimeThenSequence).at(-1);
}

export interface DossierTotals {
  entries: number;
  contacts: number;
  violations: number;
  withinGrace: number;
  policyBreaches: number;
  eligibleNow: number;
  questions: number;
  exports: number;
}

export function dossierTotals(dossier: ConsentDossier, exports: number): DossierTotals {
  const outcomes = dossier.contacts.map((contact) => contact.evaluation?.outcome);
  return {
    entries: dossier.timeline.length,
    contacts: outcomes.filter((outcome) => outcome !== undefined).length,
    violations: outcomes.filter((outcome) => outcome === 'violation').length,
    withinGrace: outcomes.filter((outcome) => outcome === 'within-grace').length,
    policyBreaches: outcomes.filter((outcome) => outcome === 'policy-breach').length,
    eligibleNow: dossier.eligibility.filter((line) => line.eligible).length,
    questions: dossier.eligibility.length,
    exports,
  };
}

