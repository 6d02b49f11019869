/**
 * What the eligibility engine needs to know about one customer, folded from the customer's
 * entries so a read model can store it as one JSON value and answer questions without replaying
 * the log (DESIGN.md invariant 6).
 *
 * Every kept item carries `sequence`, `time` and `recordedAt`, so any question "at t as of asOf"
 * can be answered from the facts alone. That is why items are kept as lists rather than only the
 * latest of each kind: an earlier `at` or `asOf` needs the earlier items.
 */

import type {
  ActorType,
  Channel,
  ChannelOrAll,
  ConsentKind,
  CONSENT_EVIDENCE_METHODS,
  DncRegistry,
  Jurisdiction,
  LedgerEntry,
  Payee,
  PaymentType,
  PurposeOrAll,
  RelationshipKind,
  WithdrawalMethod,
} from './events';
import { isCustomerEventType } from './events';
import { normalizedTimestamp } from './time/instants';

/** Where an item sits in both time axes and in the log; timestamps normalized (`YYYY-MM-DDTHH:MM:SS.sssZ`). */
export interface FactStamp {
  sequence: number;
  time: string;
  recordedAt: string;
}

export interface ProfileFact extends FactStamp {
  /** A registration resets both fields to the tenant's defaults when it omits them; an update keeps what it omits. */
  event: 'registered' | 'updated';
  jurisdiction?: Jurisdiction;
  timezone?: string;
}

export interface GrantFact extends FactStamp {
  channel: ChannelOrAll;
  purpose: PurposeOrAll;
  kind: ConsentKind;
  expiresAt?: string;
  actorType: ActorType;
  method: (typeof CONSENT_EVIDENCE_METHODS)[number];
}

export interface WithdrawalFact extends FactStamp {
  channel: ChannelOrAll;
  purpose: PurposeOrAll;
  actorType: ActorType;
  method: WithdrawalMethod;
}

export interface RelationshipFact extends FactStamp {
  kind: RelationshipKind;
  paymentType?: PaymentType;
  payee: Payee;
  contractEndsAt?: string;
}

export interface DncFact extends FactStamp {
  action: 'listed' | 'removed';
  registry: DncRegistry;
  region?: string;
  actorType: ActorType;
}

export interface ContactFact extends FactStamp {
  channel: Channel;
}

/** A point on both time axes; the customer has a history at (t, asOf) when some point is at or before both. */
export interface PresencePoint {
  time: string;
  recordedAt: string;
}

export interface CustomerFacts {
  /** The highest sequence applied: replaying an entry already applied changes nothing. */
  lastSequence: number;
  /** The Pareto-minimal (time, recordedAt) points of all the customer's entries, failed contacts included. */
  presence: PresencePoint[];
  profile: ProfileFact[];
  grants: GrantFact[];
  withdrawals: WithdrawalFact[];
  relationships: RelationshipFact[];
  dnc: DncFact[];
  /** Contacts other than `failed` ones, which are not contacts (RULES.md): they start exclusion periods. */
  contacts: ContactFact[];
  erasures: FactStamp[];
}

function emptyCustomerFacts(): CustomerFacts {
  return { lastSequence: -1, presence: [], profile: [], grants: [], withdrawals: [], relationships: [], dnc: [], contacts: [], erasures: [] };
}

/** Stored normalized, so that facts filter by comparing timestamps as strings. */
function stampOf(entry: LedgerEntry): FactStamp {
  return { sequence: entry.sequence, time: normalizedTimestamp(entry.time), recordedAt: normalizedTimestamp(entry.recordedAt) };
}

function withPresence(presence: PresencePoint[], stamp: FactStamp): PresencePoint[] {
  const point = { time: stamp.time, recordedAt: stamp.recordedAt };
  const earlierOnBothAxes = (a: PresencePoint, b: PresencePoint) => a.time <= b.time && a.recordedAt <= b.recordedAt;
  if (presence.some((existing) => earlierOnBothAxes(existing, point))) return presence;
  return [...presence.filter((existing) => !earlierOnBothAxes(point, existing)), point];
}

/** Optional fields are set only when present, so the facts survive a JSON round trip unchanged. */
function optional<K extends string, V>(key: K, value: V | undefined): Partial<Record<K, V>> {
  return value === undefined ? {} : ({ [key]: value } as Record<K, V>);
}

/** Records what `entry` tells about its subject; entries that are not about a customer leave the facts as they are. */
export function applyEntry(facts: CustomerFacts | undefined, entry: LedgerEntry): CustomerFacts {
  const current = facts ?? emptyCustomerFacts();
  if (entry.sequence <= current.lastSequence) return current;
  const stamp = stampOf(entry);
  // Spelled out: spreading `current` and `changes` took V8's slow path for every entry of a history.
  const recorded = (changes: Partial<Omit<CustomerFacts, 'lastSequence' | 'presence'>>): CustomerFacts => ({
    lastSequence: entry.sequence,
    presence: withPresence(current.presence, stamp),
    profile: changes.profile ?? current.profile,
    grants: changes.grants ?? current.grants,
    withdrawals: changes.withdrawals ?? current.withdrawals,
    relationships: changes.relationships ?? current.relationships,
    dnc: changes.dnc ?? current.dnc,
    contacts: changes.contacts ?? current.contacts,
    erasures: changes.erasures ?? current.erasures,
  });

  switch (entry.type) {
    case 'customer.registered':
    case 'customer.updated':
      return recorded({
        profile: [
          ...current.profile,
          {
            ...stamp,
            event: entry.type === 'customer.registered' ? 'registered' : 'updated',
            ...optional('jurisdiction', entry.data.jurisdiction),
            ...optional('timezone', entry.data.timezone),
          },
        ],
      });
    case 'consent.granted':
      return recorded({
        grants: [
          ...current.grants,
          {
            ...stamp,
            channel: entry.data.channel,
            purpose: entry.data.purpose,
            kind: entry.data.kind,
            ...optional('expiresAt', entry.data.expiresAt),
            actorType: entry.data.actor.type,
            method: entry.data.evidence.method,
          },
        ],
      });
    case 'consent.withdrawn':
      return recorded({
        withdrawals: [
          ...current.withdrawals,
          { ...stamp, channel: entry.data.channel, purpose: entry.data.purpose, actorType: entry.data.actor.type, method: entry.data.method },
        ],
      });
    case 'relationship.recorded':
      return recorded({
        relationships: [
          ...current.relationships,
          {
            ...stamp,
            kind: entry.data.kind,
            ...optional('paymentType', entry.data.paymentType),
            payee: entry.data.payee ?? 'tenant',
            ...optional('contractEndsAt', entry.data.contractEndsAt),
          },
        ],
      });
    case 'contact.attempted':
      if (entry.data.outcome === 'failed') return recorded({});
      // Spelled out, unlike the rarer kinds: spreading the stamp and adding a field takes V8's slow path, and most entries are contacts.
      return recorded({ contacts: [...current.contacts, { sequence: stamp.sequence, time: stamp.time, recordedAt: stamp.recordedAt, channel: entry.data.channel }] });
    case 'dnc.listed':
    case 'dnc.removed':
      return recorded({
        dnc: [
          ...current.dnc,
          {
            ...stamp,
            action: entry.type === 'dnc.listed' ? 'listed' : 'removed',
            registry: entry.data.registry,
            ...optional('region', entry.data.region),
            actorType: entry.data.actor.type,
          },
        ],
      });
    case 'erasure.requested':
      return recorded({ erasures: [...current.erasures, stamp] });
    case 'export.requested':
    case 'export.approved':
    case 'export.denied':
    case 'export.delivered':
    case 'policy.adopted':
      return current;
    default: {
      const unhandled: never = entry;
      throw new Error(`Unhandled entry type: ${(unhandled as LedgerEntry).type}`);
    }
  }
}

/** The facts of one customer from its entries in log order; undefined when none is a customer entry. */
export function foldCustomerFacts(entries: Iterable<LedgerEntry>): CustomerFacts | undefined {
  let facts: CustomerFacts | undefined;
  for (const entry of entries) {
    if (isCustomerEventType(entry.type)) facts = applyEntry(facts, entry);
  }
  return facts;
}
