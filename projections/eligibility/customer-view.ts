/**
 * The customer's facts as one question sees them: only items with `time ≤ at` recorded by `asOf`
 * (RULES.md "Inputs"), with instants as epoch milliseconds. `until` is computed from this same
 * view (RULES.md "Fine points"), so items dated after `at` never count, even when recorded.
 */

import type { CustomerFacts, FactStamp } from '../customer-facts';
import type { ActorType, Channel, ChannelOrAll, ConsentKind, Jurisdiction, Payee, PaymentType, PurposeOrAll, RelationshipKind, WithdrawalMethod } from '../events';
import { toEpochMs, toTimestamp } from '../time/instants';
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
  contacts: ContactInView[];
}

function isSuppressionActor(actorType: ActorType): boolean {
  return actorType === 'vendor' || actorType === 'system';
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

function tenantJurisdiction(tenant: TenantDefaults): Jurisdiction {
  return tenant.region === undefined ? { country: tenant.country } : { country: tenant.country, region: tenant.region };
}

export function customerView(facts: CustomerFacts | undefined, tenant: TenantDefaults, at: number, asOf: number): CustomerView {
  if (!facts) return emptyView(tenant);
  // Fact timestamps are normalized, so they compare as strings without parsing.
  const atTimestamp = toTimestamp(at);
  const asOfTimestamp = toTimestamp(asOf);
  const counts = (item: { time: string; recordedAt: string }) => item.time <= atTimestamp && item.recordedAt <= asOfTimestamp;
  const occurrence = (stamp: FactStamp): Occurrence => ({ sequence: stamp.sequence, time: toEpochMs(stamp.time) });

  // RULES.md "Inputs": jurisdiction and zone come from the latest registration or update, else the tenant's.
  let jurisdiction = tenantJurisdiction(tenant);
  let timezone = tenant.timezone;
  const profile = facts.profile.filter(counts).map((fact) => ({ fact, at: occurrence(fact) }));
  profile.sort((a, b) => (isLater(a.at, b.at) ? 1 : -1));
  for (const { fact } of profile) {
    if (fact.event === 'registered' || fact.jurisdiction) jurisdiction = fact.jurisdiction ?? tenantJurisdiction(tenant);
    if (fact.event === 'registered' || fact.timezone) timezone = fact.timezone ?? tenant.timezone;
  }

  const dnc = facts.dnc.filter(counts);
  return {
    hasHistory: facts.presence.some(counts),
    jurisdiction,
    timezone,
    erasures: facts.erasures.filter(counts).map(occurrence),
    grants: facts.grants.filter(counts).map((grant) => ({
      sequence: grant.sequence,
      time: toEpochMs(grant.time),
      channel: grant.channel,
      purpose: grant.purpose,
      kind: grant.kind,
      expiresAt: grant.expiresAt === undefined ? null : toEpochMs(grant.expiresAt),
    })),
    withdrawals: [
      ...facts.withdrawals.filter(counts).map(
        (withdrawal): WithdrawalInView => ({
          sequence: withdrawal.sequence,
          time: toEpochMs(withdrawal.time),
          source: 'consent.withdrawn',
          channel: withdrawal.channel,
          purpose: withdrawal.purpose,
          method: withdrawal.method,
          suppression: isSuppressionActor(withdrawal.actorType) || withdrawal.method === 'vendor-policy',
        }),
      ),
      ...dnc
        .filter((fact) => fact.registry === 'internal' && fact.action === 'listed')
        .map((listing): WithdrawalInView => ({ sequence: listing.sequence, time: toEpochMs(listing.time), source: 'internal-dnc', suppression: isSuppressionActor(listing.actorType) })),
    ],
    internalDncRemovals: dnc.filter((fact) => fact.registry === 'internal' && fact.action === 'removed').map(occurrence),
    listings: dnc.flatMap((fact) =>
      fact.registry === 'internal'
        ? []
        : [{ sequence: fact.sequence, time: toEpochMs(fact.time), listed: fact.action === 'listed', registry: fact.registry, region: fact.region ?? null }],
    ),
    relationships: facts.relationships.filter(counts).map((relationship) => ({
      sequence: relationship.sequence,
      time: toEpochMs(relationship.time),
      kind: relationship.kind,
      paymentType: relationship.paymentType ?? null,
      payee: relationship.payee,
      contractEndsAt: relationship.contractEndsAt === undefined ? null : toEpochMs(relationship.contractEndsAt),
    })),
    contacts: facts.contacts.filter(counts).map((contact) => ({ sequence: contact.sequence, time: toEpochMs(contact.time), channel: contact.channel })),
  };
}

/** Where the customer receives messages and their zone, by everything recorded (the read model's columns). */
export function latestProfile(facts: CustomerFacts | undefined, tenant: TenantDefaults): { jurisdiction: Jurisdiction; timezone: string } {
  const { jurisdiction, timezone } = customerView(facts, tenant, END_OF_TIME, END_OF_TIME);
  return { jurisdiction, timezone };
}

const END_OF_TIME = Date.UTC(9999, 11, 31, 23, 59, 59, 999);

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
