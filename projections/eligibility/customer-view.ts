/**
 * The customer's facts as one question sees them: only items with `time ≤ at` recorded by `asOf`
 * (RULES.md "Inputs"), with instants as epoch milliseconds. `until` is computed from this same
 * view (RULES.md "Fine points"), so items dated after `at` never count, even when recorded.
 */

import type { Channel, ChannelOrAll, ConsentKind, Jurisdiction, Payee, PaymentType, PurposeOrAll, RelationshipKind, WithdrawalMethod } from '../events';
import type { TenantDefaults } from './answer';

/** An event's place in time: "later" compares `time`, then `sequence` (RULES.md "Inputs"). */
export interface Occurrence {
  sequence: number;
  time: number;
}

export function isLater(a: Occurrence, b: Occurrence): boolean {
  return a.time > b.time || (a.time === b.time && a.sequence > b.sequence);
}

export function latestOf<T extends Occurrence>(items: Iterable<T>): T | undefined {
  let latest: T | undefined;
  for (const item of items) if (!latest || isLater(item, latest)) latest = item;
  return latest;
}

export function earliestOf<T extends Occurrence>(items: Iterable<T>): T | undefined {
  let earliest: T | undefined;
  for (const item of items) if (!earliest || isLater(earliest, item)) earliest = item;
  return earliest;
}

export interface GrantInView extends Occurrence {
  channel: ChannelOrAll;
  purpose: PurposeOrAll;
  kind: ConsentKind;
  /** null: never expires. */
  expiresAt: number | null;
}

/**
 * Every withdrawal of RULES.md "Inputs": a `consent.withdrawn`, or a `dnc.listed` on the internal
 * registry (a company-specific do-not-call request). A `suppression` is the vendor's or a system's
 * decision, not the customer's: step 7 handles it, not step 3.
 */
export type WithdrawalInView = Occurrence & { suppression: boolean } & (
    | { source: 'consent.withdrawn'; channel: ChannelOrAll; purpose: PurposeOrAll; method: WithdrawalMethod }
    | { source: 'internal-dnc' }
  );

export interface RelationshipInView extends Occurrence {
  kind: RelationshipKind;
  paymentType: PaymentType | null;
  payee: Payee;
  contractEndsAt: number | null;
}

/** A `national` or `state` registry event. */
export interface ListingInView extends Occurrence {
  listed: boolean;
  registry: 'national' | 'state';
  region: string | null;
}

export interface ContactInView extends Occurrence {
  channel: Channel;
}

export interface CustomerView {
  /** Some entry of the customer, failed contacts included, counts at this (at, asOf). */
  hasHistory: boolean;
  jurisdiction: Jurisdiction;
  timezone: string;
  erasures: Occurrence[];
  grants: GrantInView[];
  withdrawals: WithdrawalInView[];
  internalDncRemovals: Occurrence[];
  listings: ListingInView[];
  relationships: RelationshipInView[];
  /** On each channel, the latest contact before `at` and the latest at or before it: all the engine reads. */
  contacts: ContactInView[];
}

/** The tenant's defaults, for a customer with no history at all. */
export function emptyView(tenant: TenantDefaults): CustomerView {
  return {
    hasHistory: false,
    jurisdiction: tenantJurisdiction(tenant),
    timezone: tenant.timezone,
    erasures: [],
    grants: [],
    withdrawals: [],
    internalDncRemovals: [],
    listings: [],
    relationships: [],
    contacts: [],
  };
}

export function tenantJurisdiction(tenant: TenantDefaults): Jurisdiction {
  return tenant.region === undefined ? { country: tenant.country } : { country: tenant.country, region: tenant.region };
}

/** The view without some entries: how things stood had they not happened yet (grace periods). */
export function withoutEntries(view: CustomerView, sequences: ReadonlySet<number>): CustomerView {
  const kept = <T extends Occurrence>(items: T[]) => items.filter((item) => !sequences.has(item.sequence));
  return {
    ...view,
    erasures: kept(view.erasures),
    grants: kept(view.grants),
    withdrawals: kept(view.withdrawals),
    internalDncRemovals: kept(view.internalDncRemovals),
    listings: kept(view.listings),
    relationships: kept(view.relationships),
    contacts: kept(view.contacts),
  };
}
