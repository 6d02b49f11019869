/**
 * Policy history (API.md "Timelines and reports"): each version of each tenant policy, who adopted
 * it, what changed from the version before, and which customers it turned ineligible; and every
 * suppression — a withdrawal the vendor or a system made, not the customer.
 */

import type { CustomerFacts } from '../customer-facts';
import { CHANNELS, PURPOSES, type Actor, type Channel, type EntryOfType, type LedgerEntry, type PolicyRules, type Purpose, type RecordedBy } from '../events';
import type { PolicyVersion } from '../policies';
import { policyAppliesTo } from '../policies';
import type { RuleReference, TenantDefaults } from '../eligibility/answer';
import { evaluate } from '../eligibility/evaluate';
import { policyRuleReference, ruleReference } from '../eligibility/rule-table';
import { FactsAtInstant } from './facts-at';
import { isSuppression, isWithdrawal, summarizeWithdrawal, type WithdrawalSummary } from './opt-outs';

export type PolicyEntry = EntryOfType<'policy.adopted'>;

export interface PolicyChange {
  /** A dotted path into the `policy.adopted` data: `name`, `rules.windows.sale`, `rules.appliesTo.channels`. */
  path: string;
  /** Null when absent. */
  from: unknown;
  to: unknown;
}

export interface PolicyVersionItem {
  policyId: string;
  version: number;
  name: string;
  sequence: number;
  time: string;
  recordedAt: string;
  actor: Actor;
  recordedBy: RecordedBy;
  rules: PolicyRules;
  /** From the policy's previous version; for a first version, everything it sets. */
  changes: PolicyChange[];
  /** Distinct customers it turned from eligible to `policy-window-expired` on some question it applies to. */
  customersTurnedIneligible: number;
}

export function versionOf(entry: PolicyEntry): PolicyVersion {
  return { policyId: entry.subject, version: entry.data.version, name: entry.data.name, rules: entry.data.rules, sequence: entry.sequence, time: entry.time, recordedAt: entry.recordedAt };
}

/** The version just below this one of the same policy, if any. */
export function previousVersion(entries: readonly PolicyEntry[], entry: PolicyEntry): PolicyEntry | undefined {
  let previous: PolicyEntry | undefined;
  for (const candidate of entries) {
    if (candidate.subject !== entry.subject || candidate.data.version >= entry.data.version) continue;
    if (!previous || candidate.data.version > previous.data.version) previous = candidate;
  }
  return previous;
}

export function policyVersionItem(entry: PolicyEntry, previous: PolicyEntry | undefined, customersTurnedIneligible: number): PolicyVersionItem {
  return {
    policyId: entry.subject,
    version: entry.data.version,
    name: entry.data.name,
    sequence: entry.sequence,
    time: entry.time,
    recordedAt: entry.recordedAt,
    actor: entry.data.actor,
    recordedBy: entry.recordedBy,
    rules: entry.data.rules,
    changes: policyChanges(previous && { name: previous.data.name, rules: previous.data.rules }, { name: entry.data.name, rules: entry.data.rules }),
    customersTurnedIneligible,
  };
}

/** Every leaf that differs, by path; lists are compared whole (`appliesTo.channels`). */
export function policyChanges(previous: { name: string; rules: PolicyRules } | undefined, current: { name: string; rules: PolicyRules }): PolicyChange[] {
  const before = previous ? leaves(previous) : new Map<string, unknown>();
  const after = leaves(current);
  const paths = [...new Set([...before.keys(), ...after.keys()])].sort();
  return paths
    .filter((path) => JSON.stringify(before.get(path)) !== JSON.stringify(after.get(path)))
    .map((path) => ({ path, from: before.get(path) ?? null, to: after.get(path) ?? null }));
}

function leaves(value: object, prefix = '', into = new Map<string, unknown>()): Map<string, unknown> {
  for (const [key, child] of Object.entries(value)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (child !== null && typeof child === 'object' && !Array.isArray(child)) leaves(child, path, into);
    else into.set(path, child);
  }
  return into;
}

export interface Question {
  channel: Channel;
  purpose: Purpose;
}

/**
 * The questions inside the version's `appliesTo` on which this customer was eligible under the
 * policies without this version and `policy-window-expired` with it, at the version's `time` as
 * known at its `recordedAt`. Only a version with windows can close one; `transactional` is never
 * subject to a policy (RULES.md step 4).
 */
export function questionsTurnedIneligible(facts: CustomerFacts, versions: readonly PolicyVersion[], version: PolicyVersion, tenant: TenantDefaults, tzdataVersion: string): Question[] {
  if (!canTurnCustomersIneligible(version)) return [];
  if (!facts.presence.some((point) => point.time <= version.time && point.recordedAt <= version.recordedAt)) return [];
  const known = new FactsAtInstant(facts).at(version.time, version.recordedAt);
  const without = versions.filter((candidate) => candidate.sequence !== version.sequence);
  const answer = (policies: readonly PolicyVersion[], question: Question) =>
    evaluate({ facts: known, policies, tenant, known: true, tzdataVersion }, { ...question, at: version.time, asOf: version.recordedAt, automated: false, treeSize: 0 });
  return CHANNELS.flatMap((channel) => PURPOSES.map((purpose) => ({ channel, purpose })))
    .filter((question) => question.purpose !== 'transactional' && policyAppliesTo(version, question.channel, question.purpose))
    .filter((question) => answer(versions, question).reason === 'policy-window-expired' && answer(without, question).eligible);
}

/** Only windows answer `policy-window-expired`: a version without them, or retiring the policy, can only open questions. */
export function canTurnCustomersIneligible(version: PolicyVersion): boolean {
  return version.rules.windows !== undefined && version.rules.retired !== true;
}

export interface TurnedIneligibleItem {
  policyId: string;
  version: number;
  customerId: string;
  /** `channel/purpose` of each question, e.g. `email/marketing`. */
  questions: string[];
}

export function turnedIneligibleItem(version: PolicyVersion, customerId: string, questions: readonly Question[]): TurnedIneligibleItem {
  return { policyId: version.policyId, version: version.version, customerId, questions: questions.map(({ channel, purpose }) => `${channel}/${purpose}`) };
}

export interface SuppressionItem extends WithdrawalSummary {
  customerId: string;
  type: 'consent.withdrawn' | 'dnc.listed';
}

export function suppressionOf(entry: LedgerEntry): SuppressionItem | undefined {
  if (!isWithdrawal(entry) || !isSuppression(entry)) return undefined;
  return { ...summarizeWithdrawal(entry), customerId: entry.subject, type: entry.type };
}

export interface PolicyHistoryTotals {
  versions: number;
  policies: number;
  /** Summed over versions: a customer two versions turned ineligible counts twice. */
  customersTurnedIneligible: number;
  suppressions: number;
  /** By the actor who applied them, most first. */
  suppressionsByActor: Array<{ actor: Actor; suppressions: number }>;
}

export class SuppressionTally {
  private count = 0;
  private readonly byActor = new Map<string, { actor: Actor; suppressions: number }>();

  add(suppression: SuppressionItem): void {
    this.count++;
    const key = `${suppression.actor.type}:${suppression.actor.id}`;
    const { type, id, name } = suppression.actor;
    const counted = this.byActor.get(key) ?? { actor: { type, id, ...(name === undefined ? {} : { name }) }, suppressions: 0 };
    counted.suppressions++;
    this.byActor.set(key, counted);
  }

  totals(versions: readonly PolicyVersionItem[]): PolicyHistoryTotals {
    return {
      versions: versions.length,
      policies: new Set(versions.map((version) => version.policyId)).size,
      customersTurnedIneligible: versions.reduce((sum, version) => sum + version.customersTurnedIneligible, 0),
      suppressions: this.count,
      suppressionsByActor: [...this.byActor.values()].sort((a, b) => b.suppressions - a.suppressions || a.actor.id.localeCompare(b.actor.id)),
    };
  }
}

/** The policy versions listed, as the engine cites them, and the rule that makes suppressions bind. */
export function policyHistoryRulesCited(versions: readonly PolicyVersion[], withSuppressions: boolean): RuleReference[] {
  return [...versions.map(policyRuleReference), ...(withSuppressions ? [ruleReference('ledger.suppression')] : [])];
}
