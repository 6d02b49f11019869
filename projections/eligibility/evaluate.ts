/**
 * The eligibility engine's entry point (API.md "Eligibility"): decide at `at` from what was
 * recorded by `asOf`, then look ahead for `until` and `eligibleUntil` over the same view.
 */

import { policiesInForce, policyAppliesTo, type PolicyVersion } from '../policies';
import { toEpochMs, toTimestamp } from '../time/instants';
import type { CustomerRecord, EligibilityAnswer, EligibilityInput, EligibilityQuestion, EligibilityVerdict } from './answer';
import { callingHoursFor, nextCallingHoursChange } from './calling-hours';
import { changeInstants } from './change-instants';
import { customerView } from './customer-timeline';
import { emptyView, type CustomerView } from './customer-view';
import { decide } from './decide';
import type { Decision, EvaluationContext } from './decision';
import { regimeOf } from './legal-frame';
import { rulesVersion } from './rule-table';

export type ContextQuestion = Pick<EligibilityQuestion, 'channel' | 'purpose' | 'at' | 'asOf' | 'automated'>;

export function evaluationContext(record: CustomerRecord & { known: boolean }, question: ContextQuestion): EvaluationContext {
  const view = record.known ? customerView(record.facts, record.tenant, toEpochMs(question.at), toEpochMs(question.asOf)) : emptyView(record.tenant);
  return contextInView(view, record.policies, question);
}

export function contextInView(view: CustomerView, policies: readonly PolicyVersion[], question: ContextQuestion): EvaluationContext {
  return {
    view,
    regime: regimeOf(view.jurisdiction.country),
    channel: question.channel,
    purpose: question.purpose,
    automated: question.automated,
    policies: policiesInForce(policies, question.at, question.asOf).filter((policy) => policyAppliesTo(policy, question.channel, question.purpose)),
  };
}

export function evaluate(input: EligibilityInput, question: EligibilityQuestion): EligibilityAnswer {
  const { context, at, decision, until } = decideWithUntil(input, question);
  const eligibleUntil = decision.eligible ? firstIneligible(context, at) : null;
  return {
    eligible: decision.eligible,
    reason: decision.reason,
    until: until === null ? null : toTimestamp(until),
    eligibleUntil: eligibleUntil === null ? null : toTimestamp(eligibleUntil),
    jurisdiction: { ...context.view.jurisdiction },
    rules: decision.rules,
    evidence: citedEvidence(decision),
    explanation: decision.explain(),
    treeSize: question.treeSize,
    rulesVersion: rulesVersion(input.tzdataVersion),
  };
}

/**
 * `evaluate`'s verdict alone, for a campaign check, which answers nothing else: `eligibleUntil`
 * would cost another search over the same instants.
 */
export function evaluateVerdict(record: CustomerRecord & { known: boolean }, question: ContextQuestion): EligibilityVerdict {
  const { decision, until } = decideWithUntil(record, question);
  return { eligible: decision.eligible, reason: decision.reason, until: until === null ? null : toTimestamp(until) };
}

function decideWithUntil(record: CustomerRecord & { known: boolean }, question: ContextQuestion): { context: EvaluationContext; at: number; decision: Decision; until: number | null } {
  const context = evaluationContext(record, question);
  const at = toEpochMs(question.at);
  const decision = decide(context, at);
  return { context, at, decision, until: firstChange(context, at, decision) };
}

/** The sequences an answer cites: each once, in log order. */
export function citedEvidence(decision: Decision): number[] {
  return [...new Set(decision.evidence)].sort((a, b) => a - b);
}

/**
 * Calling hours can only matter while the answer is eligible or `quiet-hours`; then the next
 * calling-hours edge flips it unless an earlier instant already changed it, so one edge is enough.
 */
function firstChange(context: EvaluationContext, at: number, answer: Decision): number | null {
  const instants = changeInstants(context, at);
  const callingHours = callingHoursFor(context);
  if (callingHours && (answer.eligible || answer.reason === 'quiet-hours')) {
    instants.push(nextCallingHoursChange(at, context.view.timezone, callingHours));
    instants.sort((a, b) => a - b);
  }
  return (
    instants.find((instant) => {
      const later = decide(context, instant);
      return later.eligible !== answer.eligible || later.reason !== answer.reason;
    }) ?? null
  );
}

function firstIneligible(context: EvaluationContext, at: number): number | null {
  return changeInstants(context, at).find((instant) => !decide(context, instant, { tenantRules: true, callingHours: false }).eligible) ?? null;
}
