/**
 * How a `contact.attempted` stood when it was made (RULES.md "Business days, grace periods and
 * violations"): evaluated at its own `time` as known at its `recordedAt`. Steps 1–6 and 8 are the
 * law (`violation`, or `within-grace` before a withdrawal's or listing's legal deadline); step 7 is
 * the tenant's own rule (`policy-breach`, never a violation).
 */

import { applyEntry } from '../customer-facts';
import type { EntryOfType } from '../events';
import { endOfBusinessDaysAfter } from '../time/business-days';
import { toEpochMs, toTimestamp } from '../time/instants';
import { addPeriod } from '../time/iso-duration';
import { TENANT_RULE_REASONS, type CustomerRecord, type EligibilityReason } from './answer';
import { optOutAt, withdrawalsInForce } from './consent';
import { CustomerTimeline } from './customer-timeline';
import { isLater, withoutEntries, type WithdrawalInView } from './customer-view';
import { decide } from './decide';
import type { Decision, EvaluationContext } from './decision';
import { nationalListingAt } from './dnc-listings';
import { contextInView } from './evaluate';

export interface ContactEvaluation {
  outcome: 'eligible' | 'violation' | 'within-grace' | 'policy-breach';
  reason: EligibilityReason;
  basis: 'law' | 'policy';
  /** The end of the legal grace period, when there is one. */
  deadline?: string;
}

/**
 * 47 C.F.R. § 64.1200(a)(10) and (d)(3) as amended: 10 business days for revocations made from
 * 2025-04-11. Taken at 00:00 UTC, before that date begins anywhere in the US, so the newer and
 * shorter deadline applies as early as it possibly could (conservative).
 */
export const TCPA_REVOCATION_RULE_FROM = Date.UTC(2025, 3, 11);

const BUSINESS_DAYS_TO_HONOUR_A_WITHDRAWAL = 10;

/** Null for a `failed` contact, which is not a contact (RULES.md). */
export function evaluateContact(record: CustomerRecord, contact: EntryOfType<'contact.attempted'>): ContactEvaluation | null {
  return judgeContact(record, contact)?.evaluation ?? null;
}

export interface JudgedContact {
  evaluation: ContactEvaluation;
  /** The engine's decision at the contact's instant, as `evaluate` would answer it: what a report cites. */
  decision: Decision;
}

/** `evaluateContact` with the decision it rests on, so a report need not ask the engine the same question again. */
export function judgeContact(record: CustomerRecord, contact: EntryOfType<'contact.attempted'>): JudgedContact | null {
  if (contact.data.outcome === 'failed') return null;
  // The contact is about its subject, so the customer has a history by its own time; applying it again is a no-op.
  return judgeContactOn(new CustomerTimeline(applyEntry(record.facts, contact)), record, contact);
}

/**
 * `judgeContact` for the many contacts of one history: its facts parsed once. The timeline must
 * hold the contact, as one folded from every entry judged does.
 */
export function judgeContactOn(timeline: CustomerTimeline, customer: Omit<CustomerRecord, 'facts'>, contact: EntryOfType<'contact.attempted'>): JudgedContact | null {
  if (contact.data.outcome === 'failed') return null;
  const t = toEpochMs(contact.time);
  const context = contextInView(timeline.viewAt(customer.tenant, t, toEpochMs(contact.recordedAt)), customer.policies, {
    channel: contact.data.channel,
    purpose: contact.data.purpose,
    at: contact.time,
    asOf: contact.recordedAt,
    automated: contact.data.automated ?? false,
  });
  const decision = decide(context, t);
  return { evaluation: evaluationOf(context, t, decision), decision };
}

function evaluationOf(context: EvaluationContext, t: number, decision: Decision): ContactEvaluation {
  if (decision.eligible) return { outcome: 'eligible', reason: decision.reason, basis: 'law' };
  if (TENANT_RULE_REASONS.includes(decision.reason)) return { outcome: 'policy-breach', reason: decision.reason, basis: 'policy' };
  return judgeUnderLaw(context, t, decision);
}

interface Grace {
  deadline: number;
  /** The withdrawals or listings whose effect the grace period postpones. */
  postponed: number[];
}

/**
 * Within a grace period the law stands as if the withdrawal or listing had not happened yet: the
 * contact is `within-grace` only if it would have been lawful then — a grace period excuses the
 * time needed to honour a request, not a missing consent or a call at night.
 */
function judgeUnderLaw(context: EvaluationContext, t: number, decision: Decision, excused?: { reason: EligibilityReason; deadline: number }): ContactEvaluation {
  const grace = graceFor(context, t, decision);
  if (!grace) return violation(decision.reason);
  if (t >= grace.deadline) return violation(decision.reason, grace.deadline);
  // Several grace periods at once (a withdrawal and a listing): the first reason, the earliest deadline.
  const stillExcused = { reason: excused?.reason ?? decision.reason, deadline: Math.min(grace.deadline, excused?.deadline ?? grace.deadline) };
  const before = { ...context, view: withoutEntries(context.view, new Set(grace.postponed)) };
  const lawful = decide(before, t, { tenantRules: false, callingHours: true });
  if (lawful.eligible) return { outcome: 'within-grace', reason: stillExcused.reason, basis: 'law', deadline: toTimestamp(stillExcused.deadline) };
  return judgeUnderLaw(before, t, lawful, stillExcused);
}

function violation(reason: EligibilityReason, deadline?: number): ContactEvaluation {
  return deadline === undefined ? { outcome: 'violation', reason, basis: 'law' } : { outcome: 'violation', reason, basis: 'law', deadline: toTimestamp(deadline) };
}

function graceFor(context: EvaluationContext, t: number, decision: Decision): Grace | undefined {
  if (decision.reason === 'opted-out') return optOutGrace(context, t);
  if (decision.reason === 'dnc-listed') return listingGrace(context, t);
  return undefined;
}

function optOutGrace(context: EvaluationContext, t: number): Grace | undefined {
  const first = firstWithdrawalOfOptOut(context, t);
  const deadline = first && withdrawalDeadline(context, first);
  if (!first || deadline === undefined) return undefined;
  const postponed = withdrawalsInForce(context.view, context.channel, context.purpose, t).filter((withdrawal) => !withdrawal.suppression && !isLater(first, withdrawal));
  return { deadline, postponed: postponed.map((withdrawal) => withdrawal.sequence) };
}

/** A live call within 31 days of a national listing: registries are scrubbed every 31 days (47 C.F.R. § 64.1200(c)(2)(i)(D); the CRTC gives the same). */
function listingGrace(context: EvaluationContext, t: number): Grace | undefined {
  const listing = nationalListingAt(context.view, t);
  if (!listing) return undefined;
  const run = context.view.listings.filter((event) => event.registry === 'national' && event.listed && !isLater(listing.since, event));
  return { deadline: addPeriod(listing.since.time, 'P31D'), postponed: run.map((event) => event.sequence) };
}

/**
 * Grace runs from the first withdrawal of an unbroken opt-out: a later withdrawal does not restart
 * the clock. The opt-out is traced back through every instant its state could have changed; if it
 * began when an overriding grant expired, the withdrawal that applied again is its first.
 */
function firstWithdrawalOfOptOut(context: EvaluationContext, t: number): WithdrawalInView | undefined {
  const { view, channel, purpose } = context;
  const changes = new Set<number>();
  for (const withdrawal of view.withdrawals) if (withdrawal.time <= t) changes.add(withdrawal.time);
  for (const removal of view.internalDncRemovals) if (removal.time <= t) changes.add(removal.time);
  for (const grant of view.grants) {
    if (grant.time <= t) changes.add(grant.time);
    if (grant.expiresAt !== null && grant.expiresAt <= t) changes.add(grant.expiresAt);
  }
  let first = optOutAt(view, channel, purpose, t);
  for (const instant of [...changes].sort((a, b) => b - a)) {
    const optedOutThen = optOutAt(view, channel, purpose, instant);
    if (!optedOutThen) break;
    first = optedOutThen;
  }
  return first;
}

/** The legal deadline to honour a withdrawal; undefined where RULES.md gives none (GDPR/PECR, mail, Canadian voice, elsewhere). */
function withdrawalDeadline(context: EvaluationContext, withdrawal: WithdrawalInView): number | undefined {
  const { regime, channel, view } = context;
  const tenBusinessDays = () => endOfBusinessDaysAfter(withdrawal.time, BUSINESS_DAYS_TO_HONOUR_A_WITHDRAWAL, view.timezone, view.jurisdiction.country);
  if (regime === 'canada' && (channel === 'email' || channel === 'sms')) return tenBusinessDays();
  if (regime === 'united-states' && channel === 'email') return tenBusinessDays();
  if (regime === 'united-states' && (channel === 'sms' || channel === 'voice')) {
    return withdrawal.time >= TCPA_REVOCATION_RULE_FROM ? tenBusinessDays() : addPeriod(withdrawal.time, 'P30D');
  }
  return undefined;
}
