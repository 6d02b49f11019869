/**
 * Legal bases that rest on the customer's dealings with the tenant (RULES.md "Inputs" and
 * "Regimes"): each is a window of a fixed period after a qualifying relationship event, open while
 * `t < start + period`. Among several open bases the one whose window ends last decides; on a tie,
 * the earlier row of the table.
 */

import type { RelationshipKind } from '../events';
import { addPeriod } from '../time/iso-duration';
import type { EligibleReason } from './answer';
import type { RelationshipInView } from './customer-view';
import type { RuleId } from './rule-table';

const PURCHASE_KINDS: readonly RelationshipKind[] = ['sale', 'repair-order', 'parts-purchase', 'payment'];
const INQUIRY_KINDS: readonly RelationshipKind[] = ['inquiry', 'showroom-visit'];

/** A payment to a lender or a repair paid by the manufacturer is not the customer's transaction with the dealer. */
export function isPurchaseType(relationship: RelationshipInView): boolean {
  return PURCHASE_KINDS.includes(relationship.kind) && relationship.payee === 'tenant';
}

/** `email-interaction` is never a legal basis: opens and clicks are not inquiries. */
export function isInquiryType(relationship: RelationshipInView): boolean {
  return INQUIRY_KINDS.includes(relationship.kind);
}

/** An ongoing finance, lease or balloon contract with the tenant. */
export function isOngoingContract(relationship: RelationshipInView): boolean {
  return (
    (relationship.kind === 'sale' || relationship.kind === 'payment') &&
    relationship.payee === 'tenant' &&
    relationship.paymentType !== null &&
    relationship.paymentType !== 'cash' &&
    relationship.contractEndsAt !== null
  );
}

export interface WindowBasis {
  reason: EligibleReason;
  rule: RuleId;
  period: string;
  qualifies: (relationship: RelationshipInView) => boolean;
  /** Where the window starts: the event's time unless stated. */
  startOf?: (relationship: RelationshipInView) => number;
  /** "Purchase on 2025-05-01 gives implied consent for 2 years (CASL s. 10(10))". */
  describe: (relationship: RelationshipInView) => string;
}

export interface OpenWindow {
  basis: WindowBasis;
  relationship: RelationshipInView;
  ends: number;
}

/** The qualifying relationship (made by `t`) whose window ends last: the one starting last, as every window has the same period. */
export function lastWindow(basis: WindowBasis, relationships: readonly RelationshipInView[], t: number): OpenWindow | undefined {
  let last: { relationship: RelationshipInView; start: number } | undefined;
  for (const relationship of relationships) {
    if (relationship.time > t || !basis.qualifies(relationship)) continue;
    const start = basis.startOf?.(relationship) ?? relationship.time;
    if (!last || start > last.start) last = { relationship, start };
  }
  return last && { basis, relationship: last.relationship, ends: addPeriod(last.start, basis.period) };
}

export interface WindowFinding {
  /** The open window that decides: the one ending last, the earlier row on a tie. */
  open?: OpenWindow;
  /** No window open: the one that closed last, if any ever existed. */
  closed?: OpenWindow;
}

export function findWindow(bases: readonly WindowBasis[], relationships: readonly RelationshipInView[], t: number): WindowFinding {
  let open: OpenWindow | undefined;
  let closed: OpenWindow | undefined;
  for (const basis of bases) {
    const window = lastWindow(basis, relationships, t);
    if (!window) continue;
    if (t < window.ends) {
      if (!open || window.ends > open.ends) open = window;
    } else if (!closed || window.ends > closed.ends) {
      closed = window;
    }
  }
  return open ? { open } : { closed };
}

export function describeRelationship(relationship: RelationshipInView): string {
  const kind = relationship.kind.replaceAll('-', ' ');
  const described = relationship.paymentType ? `${relationship.paymentType} ${kind}` : kind;
  return described.charAt(0).toUpperCase() + described.slice(1);
}
