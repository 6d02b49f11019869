/**
 * The violations report for one customer (API.md "Timelines and reports"): every contact whose
 * evaluation is not `eligible`, and every opt-out with its legal deadline and whether it was met.
 * Contacts with outcome `failed` are not contacts. The service folds customers one at a time and
 * adds each result to a `ViolationTally`.
 */

import type { Actor, Channel, LedgerEntry, Purpose, PurposeOrAll, RecordedBy } from '../events';
import type { ContactEvaluation } from '../eligibility/contact-evaluation';
import { customerView } from '../eligibility/customer-timeline';
import { toEpochMs } from '../time/instants';
import { ContactJudge, isContact, type ContactJudgement, type CustomerContext } from './contact-judgements';
import { honouringRule } from './honouring-deadline';
import { byTimeThenSequence } from './ordering';
import { channelsOf, contactFallsTo, isOptOut, isWithdrawal, summarizeWithdrawal, type WithdrawalEntry, type WithdrawalSummary } from './opt-outs';
import { inPeriod, type ReportPeriod } from './report-period';

export interface ViolationsQuestion {
  period: ReportPeriod;
  /** Only contacts and opt-outs on this channel; null for all. */
  channel: Channel | null;
  /** Deadlines after it are still running: their opt-outs are neither met nor missed yet. */
  asOf: string;
}

export interface ContactReference {
  sequence: number;
  time: string;
}

export interface ViolationItem {
  sequence: number;
  customerId: string;
  time: string;
  recordedAt: string;
  channel: Channel;
  purpose: Purpose;
  campaignId: string | null;
  automated: boolean;
  actor: Actor;
  recordedBy: RecordedBy;
  outcome: Exclude<ContactEvaluation['outcome'], 'eligible'>;
  basis: ContactEvaluation['basis'];
  reason: ContactEvaluation['reason'];
  deadline?: string;
  /** The ids of the rules the decision rests on. */
  rules: string[];
  /** For `opted-out`, the withdrawal the grace period runs from; for `suppressed`, the suppression. */
  optOut?: Pick<WithdrawalSummary, 'sequence' | 'time' | 'actor' | 'recordedBy' | 'method'>;
}

export interface OptOutItem {
  sequence: number;
  customerId: string;
  time: string;
  recordedAt: string;
  /** One item per channel the withdrawal covers: the law, and so the deadline, differs by channel. */
  channel: Channel;
  purpose: PurposeOrAll | 'all-but-transactional';
  method: string;
  actor: Actor;
  recordedBy: RecordedBy;
  /** Null where the law gives no grace period: the opt-out binds at once. */
  deadline: string | null;
  deadlineRule: string;
  lastContactWithinGrace: ContactReference | null;
  firstContactAfterDeadline: ContactReference | null;
  /** Null while the deadline is still ahead (as of the report's `asOf`) and nothing has broken it. */
  met: boolean | null;
  /** When contacts stopped: the last contact within grace, else the withdrawal itself; null unless met. */
  honouredAt: string | null;
}

export interface CustomerViolations {
  /** Every contact of the question (period, channel), failed ones excluded, with its judgement. */
  contacts: ContactJudgement[];
  items: ViolationItem[];
  optOuts: OptOutItem[];
}

export interface CustomerHistory {
  customerId: string;
  /** The customer's entries in log order. */
  entries: readonly LedgerEntry[];
}

export function customerViolations(history: CustomerHistory, context: CustomerContext, question: ViolationsQuestion): CustomerViolations {
  const onChannel = (channel: Channel) => question.channel === null || question.channel === channel;
  const withdrawals = history.entries.filter(isOptOut).sort(byTimeThenSequence);
  const optOutsInPeriod = withdrawals.filter((withdrawal) => inPeriod(withdrawal.time, question.period) && channelsOf(withdrawal).some(onChannel));
  const earliestOptOut = optOutsInPeriod[0]?.time;

  // Contacts after an opt-out of the period are judged too, even past `to`: they decide whether it was met.
  const judge = new ContactJudge(context);
  const judged = history.entries
    .filter(isContact)
    .filter((contact) => onChannel(contact.data.channel) && (inPeriod(contact.time, question.period) || (earliestOptOut !== undefined && contact.time >= earliestOptOut)))
    .map((contact) => judge.judge(contact))
    .filter((judgement) => judgement.evaluation !== null);

  const contacts = judged.filter((judgement) => inPeriod(judgement.contact.time, question.period));
  const items = contacts.flatMap((judgement) => violationItem(history, judgement, withdrawals, context));
  const optOuts = optOutsInPeriod.flatMap((withdrawal) =>
    channelsOf(withdrawal)
      .filter(onChannel)
      .map((channel) => optOutItem(history.customerId, withdrawal, channel, judged, context, question.asOf)),
  );
  return { contacts, items, optOuts };
}

function violationItem(history: CustomerHistory, judgement: ContactJudgement, withdrawals: readonly WithdrawalEntry[], context: CustomerContext): ViolationItem[] {
  const { contact, evaluation, rules } = judgement;
  if (!evaluation || evaluation.outcome === 'eligible') return [];
  const optOut = withdrawalBehind(history, judgement, withdrawals, context);
  return [
    {
      sequence: contact.sequence,
      customerId: history.customerId,
      time: contact.time,
      recordedAt: contact.recordedAt,
      channel: contact.data.channel,
      purpose: contact.data.purpose,
      campaignId: contact.data.campaignId ?? null,
      automated: contact.data.automated ?? false,
      actor: contact.data.actor,
      recordedBy: contact.recordedBy,
      outcome: evaluation.outcome,
      basis: evaluation.basis,
      reason: evaluation.reason,
      ...(evaluation.deadline === undefined ? {} : { deadline: evaluation.deadline }),
      rules: rules.map((rule) => rule.id),
      ...(optOut ? { optOut: optOutReference(optOut) } : {}),
    },
  ];
}

function optOutReference(withdrawal: WithdrawalEntry): NonNullable<ViolationItem['optOut']> {
  const { sequence, time, actor, recordedBy, method } = summarizeWithdrawal(withdrawal);
  return { sequence, time, actor, recordedBy, method };
}

/** The first withdrawal the contact falls to (where the grace period runs from), or the suppression the engine cites. */
function withdrawalBehind(history: CustomerHistory, judgement: ContactJudgement, withdrawals: readonly WithdrawalEntry[], context: CustomerContext): WithdrawalEntry | undefined {
  if (judgement.evaluation?.reason === 'opted-out') return withdrawals.find((withdrawal) => contactFallsTo(withdrawal, judgement, context.facts));
  if (judgement.evaluation?.reason === 'suppressed') {
    return history.entries.find((entry): entry is WithdrawalEntry => isWithdrawal(entry) && judgement.evidence.includes(entry.sequence));
  }
  return undefined;
}

function optOutItem(customerId: string, withdrawal: WithdrawalEntry, channel: Channel, judged: readonly ContactJudgement[], context: CustomerContext, asOf: string): OptOutItem {
  // The customer's jurisdiction and zone as they stood when the withdrawal was made.
  const view = customerView(context.facts, context.tenant, toEpochMs(withdrawal.time), toEpochMs(withdrawal.recordedAt));
  const rule = honouringRule(withdrawal.time, channel, view.jurisdiction, view.timezone);
  const fallen = judged.filter((judgement) => judgement.contact.data.channel === channel && contactFallsTo(withdrawal, judgement, context.facts));
  const withinGrace = fallen.filter((judgement) => judgement.evaluation!.outcome === 'within-grace');
  const afterDeadline = fallen.filter((judgement) => judgement.evaluation!.outcome === 'violation' && (rule.deadline === null || judgement.contact.time >= rule.deadline));
  const lastWithinGrace = withinGrace.reduce<ContactJudgement | undefined>((latest, judgement) => (!latest || judgement.contact.time > latest.contact.time ? judgement : latest), undefined);
  const firstAfterDeadline = afterDeadline.reduce<ContactJudgement | undefined>((first, judgement) => (!first || judgement.contact.time < first.contact.time ? judgement : first), undefined);
  const met = firstAfterDeadline ? false : rule.deadline === null || rule.deadline <= asOf ? true : null;
  const summary = summarizeWithdrawal(withdrawal);
  return {
    sequence: withdrawal.sequence,
    customerId,
    time: withdrawal.time,
    recordedAt: withdrawal.recordedAt,
    channel,
    purpose: summary.purpose,
    method: summary.method,
    actor: summary.actor,
    recordedBy: summary.recordedBy,
    deadline: rule.deadline,
    deadlineRule: rule.description,
    lastContactWithinGrace: lastWithinGrace ? reference(lastWithinGrace) : null,
    firstContactAfterDeadline: firstAfterDeadline ? reference(firstAfterDeadline) : null,
    met,
    honouredAt: met === true ? (lastWithinGrace?.contact.time ?? withdrawal.time) : null,
  };
}

function reference(judgement: ContactJudgement): ContactReference {
  return { sequence: judgement.contact.sequence, time: judgement.contact.time };
}

