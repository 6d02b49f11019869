/**
 * Opt-outs and the contacts that followed them. An opt-out is a withdrawal the customer made —
 * a `consent.withdrawn`, or an internal do-not-call request — not a suppression, which is the
 * vendor's or a system's decision and has no legal deadline (RULES.md "Inputs", step 7).
 */

import type { CustomerFacts } from '../customer-facts';
import { CHANNELS, type Actor, type Channel, type ChannelOrAll, type EntryOfType, type LedgerEntry, type Purpose, type PurposeOrAll, type RecordedBy } from '../events';
import { covers } from '../eligibility/consent';
import type { ContactEntry, ContactJudgement } from './contact-judgements';
import { isLaterThan } from './ordering';

export type WithdrawalEntry = EntryOfType<'consent.withdrawn'> | EntryOfType<'dnc.listed'>;

export function isSuppressionActor(actor: Actor): boolean {
  return actor.type === 'vendor' || actor.type === 'system';
}

/** Every withdrawal of RULES.md "Inputs": consent withdrawals and internal do-not-call listings. */
export function isWithdrawal(entry: LedgerEntry): entry is WithdrawalEntry {
  return entry.type === 'consent.withdrawn' || (entry.type === 'dnc.listed' && entry.data.registry === 'internal');
}

export function isSuppression(withdrawal: WithdrawalEntry): boolean {
  return isSuppressionActor(withdrawal.data.actor) || (withdrawal.type === 'consent.withdrawn' && withdrawal.data.method === 'vendor-policy');
}

export function isOptOut(entry: LedgerEntry): entry is WithdrawalEntry {
  return isWithdrawal(entry) && !isSuppression(entry);
}

/** An internal do-not-call request covers voice and sms, every purpose but transactional. */
export function withdrawalCovers(withdrawal: WithdrawalEntry, channel: Channel, purpose: Purpose): boolean {
  if (withdrawal.type === 'dnc.listed') return (channel === 'voice' || channel === 'sms') && purpose !== 'transactional';
  return covers(withdrawal.data.channel, withdrawal.data.purpose, channel, purpose);
}

export function channelsOf(withdrawal: WithdrawalEntry): Channel[] {
  if (withdrawal.type === 'dnc.listed') return ['voice', 'sms'];
  return withdrawal.data.channel === 'all' ? [...CHANNELS] : [withdrawal.data.channel];
}

/** What a report says of a withdrawal: for an internal do-not-call request, its scope and `internal-dnc` as the method. */
export interface WithdrawalSummary {
  sequence: number;
  time: string;
  recordedAt: string;
  channel: ChannelOrAll | 'voice+sms';
  purpose: PurposeOrAll | 'all-but-transactional';
  method: string;
  actor: Actor;
  recordedBy: RecordedBy;
}

export function summarizeWithdrawal(withdrawal: WithdrawalEntry): WithdrawalSummary {
  const stamp = { sequence: withdrawal.sequence, time: withdrawal.time, recordedAt: withdrawal.recordedAt, actor: withdrawal.data.actor, recordedBy: withdrawal.recordedBy };
  if (withdrawal.type === 'dnc.listed') return { ...stamp, channel: 'voice+sms', purpose: 'all-but-transactional', method: 'internal-dnc' };
  return { ...stamp, channel: withdrawal.data.channel, purpose: withdrawal.data.purpose, method: withdrawal.data.method };
}

/**
 * Whether a contact made while opted out falls to this withdrawal: the withdrawal covers it, was
 * known when the contact was made, and no consent given after it still stood at the contact (a
 * consent that has since expired lets the withdrawal apply again), nor did a removal from the
 * internal list undo it.
 */
export function contactFallsTo(withdrawal: WithdrawalEntry, judgement: ContactJudgement, facts: CustomerFacts): boolean {
  const { contact, evaluation } = judgement;
  if (evaluation?.reason !== 'opted-out') return false;
  const { channel, purpose } = contact.data;
  if (!withdrawalCovers(withdrawal, channel, purpose) || !knownBefore(withdrawal, contact)) return false;
  const brokenByConsent = facts.grants.some(
    (grant) =>
      grant.time > withdrawal.time &&
      grant.time <= contact.time &&
      grant.recordedAt <= contact.recordedAt &&
      (grant.expiresAt === undefined || contact.time < grant.expiresAt) &&
      covers(grant.channel, grant.purpose, channel, purpose),
  );
  const undoneByRemoval =
    withdrawal.type === 'dnc.listed' &&
    facts.dnc.some(
      (event) =>
        event.action === 'removed' &&
        event.registry === 'internal' &&
        isLaterThan(event, withdrawal) &&
        event.time <= contact.time &&
        event.recordedAt <= contact.recordedAt,
    );
  return !brokenByConsent && !undoneByRemoval;
}

function knownBefore(withdrawal: WithdrawalEntry, contact: ContactEntry): boolean {
  return withdrawal.time <= contact.time && withdrawal.recordedAt <= contact.recordedAt;
}
