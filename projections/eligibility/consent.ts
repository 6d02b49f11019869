/**
 * Consent and its withdrawal (RULES.md "Inputs" and steps 3–5): which events cover a question,
 * which withdrawal is in force, and which grant the answer relies on.
 */

import type { Channel, ChannelOrAll, ConsentKind, Purpose, PurposeOrAll } from '../events';
import { isLater, latestOf, type CustomerView, type GrantInView, type WithdrawalInView } from './customer-view';

/**
 * `purpose: all` covers `transactional` only on sms and voice: a withdrawal of email or mail never
 * stops transactional messages, while `purpose: transactional` covers them on any channel.
 */
export function covers(eventChannel: ChannelOrAll, eventPurpose: PurposeOrAll, channel: Channel, purpose: Purpose): boolean {
  const channelCovered = eventChannel === 'all' || eventChannel === channel;
  const purposeCovered = eventPurpose === purpose || (eventPurpose === 'all' && (purpose !== 'transactional' || channel === 'sms' || channel === 'voice'));
  return channelCovered && purposeCovered;
}

/** An internal do-not-call request covers voice and sms, every purpose but transactional. */
function withdrawalCovers(withdrawal: WithdrawalInView, channel: Channel, purpose: Purpose): boolean {
  if (withdrawal.source === 'internal-dnc') return (channel === 'voice' || channel === 'sms') && purpose !== 'transactional';
  return covers(withdrawal.channel, withdrawal.purpose, channel, purpose);
}

/** Withdrawals and suppressions covering the question, made by `t` and — for internal listings — not undone by a later removal. */
export function withdrawalsInForce(view: CustomerView, channel: Channel, purpose: Purpose, t: number): WithdrawalInView[] {
  return view.withdrawals.filter(
    (withdrawal) =>
      withdrawal.time <= t &&
      withdrawalCovers(withdrawal, channel, purpose) &&
      !(withdrawal.source === 'internal-dnc' && view.internalDncRemovals.some((removal) => removal.time <= t && isLater(removal, withdrawal))),
  );
}

/** The latest withdrawal (not suppression) covering the question, whether or not a later grant overrides it. */
function latestWithdrawal(view: CustomerView, channel: Channel, purpose: Purpose, t: number): WithdrawalInView | undefined {
  return latestOf(withdrawalsInForce(view, channel, purpose, t).filter((withdrawal) => !withdrawal.suppression));
}

function isUnexpired(grant: GrantInView, t: number): boolean {
  return grant.expiresAt === null || t < grant.expiresAt;
}

/** On equal `time` a withdrawal beats a grant, so a grant must be strictly later to supersede one. */
export function grantSupersedes(grant: GrantInView, withdrawal: { time: number }): boolean {
  return grant.time > withdrawal.time;
}

/**
 * The grants covering the question that no withdrawal has superseded: made by `t` and after the
 * latest withdrawal. Expired ones included.
 */
export function standingGrants(view: CustomerView, channel: Channel, purpose: Purpose, t: number): GrantInView[] {
  const withdrawal = latestWithdrawal(view, channel, purpose, t);
  return view.grants.filter(
    (grant) => grant.time <= t && covers(grant.channel, grant.purpose, channel, purpose) && (withdrawal === undefined || grantSupersedes(grant, withdrawal)),
  );
}

/** Step 3: the withdrawal that opts the customer out at `t`, if any. When the grant that overrode it expires, it applies again. */
export function optOutAt(view: CustomerView, channel: Channel, purpose: Purpose, t: number): WithdrawalInView | undefined {
  const withdrawal = latestWithdrawal(view, channel, purpose, t);
  if (!withdrawal) return undefined;
  const overridden = standingGrants(view, channel, purpose, t).some((grant) => isUnexpired(grant, t));
  return overridden ? undefined : withdrawal;
}

const NEVER = Number.POSITIVE_INFINITY;

/** Several unexpired grants: the one ending last, then `express-written` over `express`, then the latest. */
export function reliedGrant(grants: readonly GrantInView[], kinds: readonly ConsentKind[], t: number): GrantInView | undefined {
  let relied: GrantInView | undefined;
  for (const grant of grants) {
    if (!kinds.includes(grant.kind) || !isUnexpired(grant, t)) continue;
    if (!relied || ranksAbove(grant, relied)) relied = grant;
  }
  return relied;
}

function ranksAbove(a: GrantInView, b: GrantInView): boolean {
  const endA = a.expiresAt ?? NEVER;
  const endB = b.expiresAt ?? NEVER;
  if (endA !== endB) return endA > endB;
  if (a.kind !== b.kind) return a.kind === 'express-written';
  return isLater(a, b);
}

/** Of the grants of `kinds` that have expired by `t`, the one that expired last. */
export function lastExpiredGrant(grants: readonly GrantInView[], kinds: readonly ConsentKind[], t: number): GrantInView | undefined {
  let last: GrantInView | undefined;
  for (const grant of grants) {
    if (!kinds.includes(grant.kind) || grant.expiresAt === null || t < grant.expiresAt) continue;
    if (!last || grant.expiresAt > (last.expiresAt ?? NEVER)) last = grant;
  }
  return last;
}
