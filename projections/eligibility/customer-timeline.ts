/**
 * A customer's facts with every instant parsed once, from which the view of any (at, asOf) is cut
 * by comparing numbers (RULES.md "Inputs": items with `time ≤ at` recorded by `asOf`). A report
 * judges thousands of contacts of one history: parsing the facts' timestamps again for each
 * question was most of its time.
 */

import type { CustomerFacts, FactStamp, ProfileFact } from '../customer-facts';
import { CHANNELS, type ActorType, type Channel, type Jurisdiction } from '../events';
import { toEpochMs } from '../time/instants';
import { contactsTheEngineReads } from './contacts-read';
import type { TenantDefaults } from './answer';
import {
  emptyView,
  isLater,
  tenantJurisdiction,
  type ContactInView,
  type CustomerView,
  type GrantInView,
  type ListingInView,
  type Occurrence,
  type RelationshipInView,
  type WithdrawalInView,
} from './customer-view';

/** A view item and when it was recorded, which decides whether a view as of some `asOf` holds it. */
interface Recorded<T extends Occurrence> {
  item: T;
  recordedAt: number;
}

interface Presence {
  time: number;
  recordedAt: number;
}

function isSuppressionActor(actorType: ActorType): boolean {
  return actorType === 'vendor' || actorType === 'system';
}

function recorded<T extends Occurrence>(stamp: FactStamp, item: T): Recorded<T> {
  return { item, recordedAt: toEpochMs(stamp.recordedAt) };
}

function occurrence(stamp: FactStamp): Occurrence {
  return { sequence: stamp.sequence, time: toEpochMs(stamp.time) };
}

function byTimeThenSequence(a: Recorded<Occurrence>, b: Recorded<Occurrence>): number {
  return isLater(a.item, b.item) ? 1 : -1;
}

export class CustomerTimeline {
  private readonly presence: Presence[];
  /** Oldest first: the latest registration or update that counts decides jurisdiction and zone. */
  private readonly profile: Array<Recorded<Occurrence> & { fact: ProfileFact }>;
  private readonly erasures: Array<Recorded<Occurrence>>;
  private readonly grants: Array<Recorded<GrantInView>>;
  private readonly withdrawals: Array<Recorded<WithdrawalInView>>;
  private readonly internalDncRemovals: Array<Recorded<Occurrence>>;
  private readonly listings: Array<Recorded<ListingInView>>;
  private readonly relationships: Array<Recorded<RelationshipInView>>;
  /** By channel, oldest first: a view keeps only the contacts the engine reads (see `contactsAt`). */
  private readonly contactsByChannel: Map<Channel, Array<Recorded<ContactInView>>>;

  constructor(facts: CustomerFacts) {
    this.presence = facts.presence.map((point) => ({ time: toEpochMs(point.time), recordedAt: toEpochMs(point.recordedAt) }));
    this.profile = facts.profile.map((fact) => ({ ...recorded(fact, occurrence(fact)), fact })).sort(byTimeThenSequence);
    this.erasures = facts.erasures.map((stamp) => recorded(stamp, occurrence(stamp)));
    this.grants = facts.grants.map((grant) =>
      recorded(grant, {
        sequence: grant.sequence,
        time: toEpochMs(grant.time),
        channel: grant.channel,
        purpose: grant.purpose,
        kind: grant.kind,
        expiresAt: grant.expiresAt === undefined ? null : toEpochMs(grant.expiresAt),
      }),
    );
    this.withdrawals = [
      ...facts.withdrawals.map((withdrawal) =>
        recorded<WithdrawalInView>(withdrawal, {
          sequence: withdrawal.sequence,
          time: toEpochMs(withdrawal.time),
          source: 'consent.withdrawn',
          channel: withdrawal.channel,
          purpose: withdrawal.purpose,
          method: withdrawal.method,
          suppression: isSuppressionActor(withdrawal.actorType) || withdrawal.method === 'vendor-policy',
        }),
      ),
      ...facts.dnc
        .filter((fact) => fact.registry === 'internal' && fact.action === 'listed')
        .map((listing) => recorded<WithdrawalInView>(listing, { ...occurrence(listing), source: 'internal-dnc', suppression: isSuppressionActor(listing.actorType) })),
    ];
    this.internalDncRemovals = facts.dnc.filter((fact) => fact.registry === 'internal' && fact.action === 'removed').map((fact) => recorded(fact, occurrence(fact)));
    this.listings = facts.dnc.flatMap((fact) =>
      fact.registry === 'internal' ? [] : [recorded(fact, { ...occurrence(fact), listed: fact.action === 'listed', registry: fact.registry, region: fact.region ?? null })],
    );
    this.relationships = facts.relationships.map((relationship) =>
      recorded(relationship, {
        sequence: relationship.sequence,
        time: toEpochMs(relationship.time),
        kind: relationship.kind,
        paymentType: relationship.paymentType ?? null,
        payee: relationship.payee,
        contractEndsAt: relationship.contractEndsAt === undefined ? null : toEpochMs(relationship.contractEndsAt),
      }),
    );
    // Spelled out rather than spreading an occurrence: V8's slow path, for what is most of a history.
    const contacts = facts.contacts.map((contact) => recorded(contact, { sequence: contact.sequence, time: toEpochMs(contact.time), channel: contact.channel })).sort(byTimeThenSequence);
    this.contactsByChannel = new Map(CHANNELS.map((channel) => [channel, contacts.filter((contact) => contact.item.channel === channel)]));
  }

  /** The customer's facts as a question at `at`, as known at `asOf`, sees them. */
  viewAt(tenant: TenantDefaults, at: number, asOf: number): CustomerView {
    const counts = (candidate: Recorded<Occurrence>) => candidate.item.time <= at && candidate.recordedAt <= asOf;
    // One pass and one array per list: a report asks this for every contact of a history.
    const items = <T extends Occurrence>(list: ReadonlyArray<Recorded<T>>) => {
      const counted: T[] = [];
      for (const candidate of list) if (counts(candidate)) counted.push(candidate.item);
      return counted;
    };
    return {
      hasHistory: this.presence.some((point) => point.time <= at && point.recordedAt <= asOf),
      ...this.profileAt(tenant, counts),
      erasures: items(this.erasures),
      grants: items(this.grants),
      withdrawals: items(this.withdrawals),
      internalDncRemovals: items(this.internalDncRemovals),
      listings: items(this.listings),
      relationships: items(this.relationships),
      contacts: this.contactsAt(at, asOf),
    };
  }

  /** RULES.md "Inputs": jurisdiction and zone come from the latest registration or update, else the tenant's. */
  private profileAt(tenant: TenantDefaults, counts: (candidate: Recorded<Occurrence>) => boolean): { jurisdiction: Jurisdiction; timezone: string } {
    let jurisdiction = tenantJurisdiction(tenant);
    let timezone = tenant.timezone;
    for (const candidate of this.profile) {
      if (!counts(candidate)) continue;
      const { fact } = candidate;
      if (fact.event === 'registered' || fact.jurisdiction) jurisdiction = fact.jurisdiction ?? tenantJurisdiction(tenant);
      if (fact.event === 'registered' || fact.timezone) timezone = fact.timezone ?? tenant.timezone;
    }
    return { jurisdiction, timezone };
  }

  /**
   * Of the contacts, the engine reads only the latest on each channel before `at` (the exclusion
   * rule) and the latest at or before it (its `until`), so a view holds at most two per channel
   * however many thousands the customer received.
   */
  private contactsAt(at: number, asOf: number): ContactInView[] {
    const read: ContactInView[] = [];
    for (const contacts of this.contactsByChannel.values()) {
      if (contacts.length === 0) continue;
      for (const contact of contactsTheEngineReads(contacts, at, asOf, timeOfRecorded, recordedAtOf)) read.push(contact.item);
    }
    return read;
  }
}

const timeOfRecorded = (contact: Recorded<ContactInView>) => contact.item.time;
const recordedAtOf = (contact: Recorded<ContactInView>) => contact.recordedAt;

export function customerView(facts: CustomerFacts | undefined, tenant: TenantDefaults, at: number, asOf: number): CustomerView {
  return facts ? new CustomerTimeline(facts).viewAt(tenant, at, asOf) : emptyView(tenant);
}

/** Where the customer receives messages and their zone, by everything recorded (the read model's columns). */
export function latestProfile(facts: CustomerFacts | undefined, tenant: TenantDefaults): { jurisdiction: Jurisdiction; timezone: string } {
  const { jurisdiction, timezone } = customerView(facts, tenant, END_OF_TIME, END_OF_TIME);
  return { jurisdiction, timezone };
}

const END_OF_TIME = Date.UTC(9999, 11, 31, 23, 59, 59, 999);
