/**
 * Step 7 (RULES.md "Tenant policies"): suppressions, then each tenant policy in force whose
 * `appliesTo` covers the question. Every policy must say yes; when several checks say no, the
 * reason is the first of `suppressed`, `policy-window-expired`, `recently-contacted`.
 */

import { addPeriod } from '../time/iso-duration';
import { toTimestamp } from '../time/instants';
import { covers, grantSupersedes, withdrawalsInForce } from './consent';
import { isLater, latestOf, type ContactInView, type CustomerView, type RelationshipInView, type WithdrawalInView } from './customer-view';
import { describeQuestion, ineligibleDecision, onDay, type Decision, type EvaluationContext } from './decision';
import { describeRelationship } from './relationship-windows';
import { policyRuleReference, ruleReference } from './rule-table';

/** A suppression covering the question that no later grant covering it, and no later relationship of any kind, has lifted. */
function activeSuppression(context: EvaluationContext, t: number): WithdrawalInView | undefined {
  const { view, channel, purpose } = context;
  const standing = withdrawalsInForce(view, channel, purpose, t).filter(
    (suppression) =>
      suppression.suppression &&
      !view.grants.some((grant) => grant.time <= t && covers(grant.channel, grant.purpose, channel, purpose) && grantSupersedes(grant, suppression)) &&
      !view.relationships.some((relationship) => relationship.time <= t && isLater(relationship, suppression)),
  );
  return latestOf(standing);
}

interface PolicyWindow {
  relationship: RelationshipInView;
  ends: number;
}

/** Looked up as `kind.paymentType`, then `kind`; kinds absent from `windows` give no basis. Every payee counts: this is the tenant's rule, not the law's purchase test. */
function windowPeriod(windows: Record<string, string>, relationship: RelationshipInView): string | undefined {
  const specific = relationship.paymentType === null ? undefined : windows[`${relationship.kind}.${relationship.paymentType}`];
  return specific ?? windows[relationship.kind];
}

/**
 * The relationship whose policy window ends last, open or not. Windows of one period end in the
 * order they start, so only the latest relationship of each period needs the calendar.
 */
export function lastPolicyWindow(windows: Record<string, string>, view: CustomerView, t: number): PolicyWindow | undefined {
  const latestByPeriod = new Map<string, RelationshipInView>();
  for (const relationship of view.relationships) {
    const period = relationship.time <= t ? windowPeriod(windows, relationship) : undefined;
    if (period === undefined) continue;
    const latest = latestByPeriod.get(period);
    if (!latest || relationship.time > latest.time) latestByPeriod.set(period, relationship);
  }
  let last: PolicyWindow | undefined;
  for (const [period, relationship] of latestByPeriod) {
    const ends = addPeriod(relationship.time, period);
    if (!last || ends > last.ends) last = { relationship, ends };
  }
  return last;
}

/** The latest contact on the question's channel strictly before `t` (failed ones are not contacts and were never kept). */
function lastContactBefore(context: EvaluationContext, t: number): ContactInView | undefined {
  return latestOf(context.view.contacts.filter((contact) => contact.channel === context.channel && contact.time < t));
}

function isExpressConsent(decision: Decision): boolean {
  return decision.reason === 'express-consent' || decision.reason === 'express-written-consent';
}

export function tenantRules(context: EvaluationContext, t: number, lawful: Decision): Decision {
  const { policies } = context;
  const suppression = activeSuppression(context, t);
  if (suppression && !policies.some((policy) => policy.rules.suppressions === 'ignore')) {
    return ineligibleDecision('suppressed', [ruleReference('ledger.suppression')], [suppression.sequence], () => {
      const source = suppression.source === 'internal-dnc' ? 'internal do-not-call listing' : `withdrawal (${suppression.method})`;
      return `A vendor or system ${source} ${onDay(suppression.time)} suppresses ${describeQuestion(context)}, and no later consent or relationship lifts it.`;
    });
  }

  if (policies.length === 0) return lawful;

  const windowed = isExpressConsent(lawful) ? [] : policies.flatMap((policy) => (policy.rules.windows ? [{ policy, window: lastPolicyWindow(policy.rules.windows, context.view, t) }] : []));
  const closedWindows = windowed.filter(({ window }) => !window || t >= window.ends);
  if (closedWindows.length > 0) {
    const [{ policy, window }] = closedWindows;
    return ineligibleDecision(
      'policy-window-expired',
      closedWindows.map(({ policy: closed }) => policyRuleReference(closed)),
      [...closedWindows.map(({ policy: closed }) => closed.sequence), ...(window ? [window.relationship.sequence] : [])],
      () => {
        const lastBasis = window ? `the last window, from the ${describeRelationship(window.relationship).toLowerCase()} ${onDay(window.relationship.time)}, closed ${onDay(window.ends)}` : 'no relationship on record opens a window';
        return `Tenant policy "${policy.name}" v${policy.version} allows ${describeQuestion(context)} only within its windows, and ${lastBasis}.`;
      },
    );
  }

  const exclusions = policies.flatMap((policy) => {
    const period = policy.rules.exclusion?.[context.channel];
    const contact = period === undefined ? undefined : lastContactBefore(context, t);
    if (period === undefined || !contact) return [];
    const ends = addPeriod(contact.time, period);
    return t < ends ? [{ policy, contact, ends }] : [];
  });
  if (exclusions.length > 0) {
    const [{ policy, contact, ends }] = exclusions;
    return ineligibleDecision(
      'recently-contacted',
      exclusions.map((exclusion) => policyRuleReference(exclusion.policy)),
      [...exclusions.map((exclusion) => exclusion.policy.sequence), contact.sequence],
      () => `Tenant policy "${policy.name}" v${policy.version} excludes ${context.channel} contact until ${toTimestamp(ends)} after the contact ${onDay(contact.time)}.`,
    );
  }

  const windowEvidence = windowed.flatMap(({ window }) => (window ? [window.relationship.sequence] : []));
  return {
    ...lawful,
    rules: [...lawful.rules, ...policies.map(policyRuleReference)],
    evidence: [...lawful.evidence, ...policies.map((policy) => policy.sequence), ...windowEvidence],
  };
}
