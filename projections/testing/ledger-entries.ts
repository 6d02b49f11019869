/**
 * Short builders for ledger entries in specs: `granted('2025-01-01', { channel: 'email' })`,
 * `withdrawn('2025-03-01').recordedAt('2025-06-01')`, `relationship('2025-05-01', 'sale')`.
 * Sequences are assigned by position when a scenario is built; `recordedAt` defaults to the entry's
 * time, but never before the previous entry's (it never decreases along the log, API.md).
 */

import type {
  ActorType,
  Channel,
  ChannelOrAll,
  ConsentKind,
  ContactOutcome,
  DncRegistry,
  EventDataByType,
  EventType,
  LedgerEntry,
  Payee,
  PaymentType,
  PolicyRules,
  Purpose,
  PurposeOrAll,
  RelationshipKind,
  WithdrawalMethod,
} from '../events';

export const CUSTOMER_ID = 'c-1';

/** Accepts `2025-05-01`, `2025-05-01T10:00` or any offset; always yields the ledger's normalized form. */
export function ts(text: string): string {
  const withZone = /^\d{4}-\d{2}-\d{2}$/.test(text) ? `${text}T00:00:00Z` : /(Z|[+-]\d{2}:\d{2})$/.test(text) ? text : `${text}Z`;
  return new Date(withZone).toISOString();
}

export class EntryDraft<T extends EventType = EventType> {
  constructor(
    readonly type: T,
    readonly subject: string,
    readonly time: string,
    readonly data: EventDataByType[T],
    readonly recorded?: string,
  ) {}

  /** A backfill: recorded later than it happened. */
  recordedAt(text: string): EntryDraft<T> {
    return new EntryDraft(this.type, this.subject, this.time, this.data, ts(text));
  }

  by(actorType: ActorType): EntryDraft<T> {
    return new EntryDraft(this.type, this.subject, this.time, { ...this.data, actor: { ...this.data.actor, type: actorType } }, this.recorded);
  }

  about(subject: string): EntryDraft<T> {
    return new EntryDraft(this.type, subject, this.time, this.data, this.recorded);
  }
}

const customerActor = { type: 'customer' as const, id: 'customer' };
const crmActor = { type: 'crm-system' as const, id: 'crm' };

function draft<T extends EventType>(type: T, time: string, data: EventDataByType[T], subject = CUSTOMER_ID): EntryDraft<T> {
  return new EntryDraft(type, subject, ts(time), data);
}

interface Profile {
  country?: string;
  region?: string;
  timezone?: string;
}

function profileData({ country, region, timezone }: Profile) {
  return {
    actor: crmActor,
    ...(country === undefined ? {} : { jurisdiction: region === undefined ? { country } : { country, region } }),
    ...(timezone === undefined ? {} : { timezone }),
  };
}

export const registered = (time: string, profile: Profile = {}) => draft('customer.registered', time, profileData(profile));
export const updated = (time: string, profile: Profile) => draft('customer.updated', time, profileData(profile));

export const granted = (time: string, options: { channel?: ChannelOrAll; purpose?: PurposeOrAll; kind?: ConsentKind; expiresAt?: string } = {}) =>
  draft('consent.granted', time, {
    actor: customerActor,
    channel: options.channel ?? 'all',
    purpose: options.purpose ?? 'all',
    kind: options.kind ?? 'express',
    evidence: { method: 'web-form' },
    ...(options.expiresAt === undefined ? {} : { expiresAt: ts(options.expiresAt) }),
  });

export const withdrawn = (time: string, options: { channel?: ChannelOrAll; purpose?: PurposeOrAll; method?: WithdrawalMethod } = {}) =>
  draft('consent.withdrawn', time, { actor: customerActor, channel: options.channel ?? 'all', purpose: options.purpose ?? 'all', method: options.method ?? 'unsubscribe-link' });

export const relationship = (time: string, kind: RelationshipKind, options: { paymentType?: PaymentType; payee?: Payee; contractEndsAt?: string } = {}) =>
  draft('relationship.recorded', time, {
    actor: crmActor,
    kind,
    ...(kind === 'sale' || kind === 'payment' ? { paymentType: options.paymentType ?? 'cash' } : {}),
    ...(kind === 'email-interaction' ? { interaction: 'click' as const } : {}),
    ...(options.payee === undefined ? {} : { payee: options.payee }),
    ...(options.contractEndsAt === undefined ? {} : { contractEndsAt: ts(options.contractEndsAt) }),
  });

export const contacted = (time: string, options: { channel: Channel; purpose?: Purpose; automated?: boolean; outcome?: ContactOutcome }) =>
  draft('contact.attempted', time, {
    actor: crmActor,
    channel: options.channel,
    purpose: options.purpose ?? 'marketing',
    ...(options.automated === undefined ? {} : { automated: options.automated }),
    ...(options.outcome === undefined ? {} : { outcome: options.outcome }),
  });

export const listed = (time: string, registry: DncRegistry, region?: string) =>
  draft('dnc.listed', time, { actor: registry === 'internal' ? customerActor : { type: 'regulator', id: 'registry' }, registry, ...(region === undefined ? {} : { region }) });

export const unlisted = (time: string, registry: DncRegistry, region?: string) =>
  draft('dnc.removed', time, { actor: registry === 'internal' ? customerActor : { type: 'regulator', id: 'registry' }, registry, ...(region === undefined ? {} : { region }) });

export const erased = (time: string) => draft('erasure.requested', time, { actor: { type: 'dealer-user', id: 'admin' }, basis: 'gdpr-art17' });

export const policy = (time: string, policyId: string, version: number, rules: PolicyRules, name = policyId) =>
  draft('policy.adopted', time, { actor: { type: 'dealer-user', id: 'principal', role: 'dealer-principal' }, name, version, rules }, policyId);

export const exportRequested = (time: string) =>
  draft('export.requested', time, { actor: { type: 'dealer-user', id: 'manager' }, scope: { description: 'all', fields: ['email'] }, purpose: 'mailing', destination: 'vendor' }, 'export-1');

/** Entries in the given order, with dense sequences from `firstSequence`. */
export function toEntries(drafts: readonly EntryDraft[], firstSequence = 0): LedgerEntry[] {
  let lastRecordedAt = '';
  return drafts.map((entry, index) => {
    const recordedAt = entry.recorded ?? (entry.time > lastRecordedAt ? entry.time : lastRecordedAt);
    lastRecordedAt = recordedAt > lastRecordedAt ? recordedAt : lastRecordedAt;
    return {
      sequence: firstSequence + index,
      id: `e-${firstSequence + index}`,
      source: 'urn:test',
      type: entry.type,
      subject: entry.subject,
      time: entry.time,
      recordedAt,
      recordedBy: { keyId: 'k-1', role: 'emitter', label: 'spec' },
      prevSubjectSequence: null,
      data: entry.data,
      leafHash: '',
    } as LedgerEntry;
  });
}
