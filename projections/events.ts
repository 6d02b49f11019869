/**
 * The event catalogue (API.md "Events") as the log stores it. Every fold and the eligibility
 * engine switch over `LedgerEntry['type']`, so adding a type is a compile error wherever it is
 * not handled.
 */

export const CHANNELS = ['email', 'sms', 'voice', 'mail'] as const;
export type Channel = (typeof CHANNELS)[number];

export const PURPOSES = ['marketing', 'sales', 'service', 'parts', 'ownership', 'transactional'] as const;
export type Purpose = (typeof PURPOSES)[number];

export type ChannelOrAll = Channel | 'all';
export type PurposeOrAll = Purpose | 'all';

export const ACTOR_TYPES = ['customer', 'dealer-user', 'crm-system', 'vendor', 'regulator', 'system'] as const;
export type ActorType = (typeof ACTOR_TYPES)[number];

/** Who did it in the world, as the emitter states it. */
export interface Actor {
  type: ActorType;
  id: string;
  name?: string;
  role?: string;
}

export const KEY_ROLES = ['emitter', 'auditor', 'admin'] as const;
export type KeyRole = (typeof KEY_ROLES)[number];

/** The key that appended an entry; set by the service, never accepted from a client. */
export interface RecordedBy {
  keyId: string;
  role: KeyRole;
  label: string;
}

export interface Jurisdiction {
  country: string;
  region?: string;
}

/** What the log holds in place of personal data (API.md "Personal data"). */
export interface PiiCommitment {
  commitment: string;
}

export const CONSENT_KINDS = ['express', 'express-written'] as const;
export type ConsentKind = (typeof CONSENT_KINDS)[number];

export const CONSENT_EVIDENCE_METHODS = ['web-form', 'paper-form', 'recorded-call', 'email', 'sms-keyword', 'in-person', 'import'] as const;
export const WITHDRAWAL_METHODS = ['unsubscribe-link', 'reply-stop', 'verbal', 'email', 'letter', 'preference-center', 'complaint', 'vendor-policy', 'other'] as const;
export type WithdrawalMethod = (typeof WITHDRAWAL_METHODS)[number];

export const RELATIONSHIP_KINDS = ['sale', 'payment', 'repair-order', 'parts-purchase', 'showroom-visit', 'inquiry', 'email-interaction'] as const;
export type RelationshipKind = (typeof RELATIONSHIP_KINDS)[number];
export const PAYMENT_TYPES = ['cash', 'finance', 'lease', 'balloon'] as const;
export type PaymentType = (typeof PAYMENT_TYPES)[number];
export const INTERACTIONS = ['open', 'reply', 'click'] as const;
export const PAYEES = ['tenant', 'lender', 'manufacturer'] as const;
export type Payee = (typeof PAYEES)[number];

export const CONTACT_OUTCOMES = ['sent', 'delivered', 'failed', 'bounced', 'answered', 'no-answer', 'voicemail'] as const;
export type ContactOutcome = (typeof CONTACT_OUTCOMES)[number];

export const DNC_REGISTRIES = ['national', 'state', 'internal'] as const;
export type DncRegistry = (typeof DNC_REGISTRIES)[number];

export const ERASURE_BASES = ['gdpr-art17', 'ccpa-delete', 'pipeda', 'other'] as const;

interface WithActor {
  actor: Actor;
}

export interface CustomerProfileData extends WithActor {
  jurisdiction?: Jurisdiction;
  timezone?: string;
  pii?: PiiCommitment;
}

export interface ConsentGrantedData extends WithActor {
  channel: ChannelOrAll;
  purpose: PurposeOrAll;
  kind: ConsentKind;
  evidence: {
    method: (typeof CONSENT_EVIDENCE_METHODS)[number];
    reference?: string;
    text?: string;
    url?: string;
    documentSha256?: string;
  };
  pii?: PiiCommitment;
  expiresAt?: string;
}

export interface ConsentWithdrawnData extends WithActor {
  channel: ChannelOrAll;
  purpose: PurposeOrAll;
  method: WithdrawalMethod;
  reference?: string;
}

export interface RelationshipRecordedData extends WithActor {
  kind: RelationshipKind;
  paymentType?: PaymentType;
  interaction?: (typeof INTERACTIONS)[number];
  payee?: Payee;
  contractEndsAt?: string;
  reference?: string;
}

export interface ContactAttemptedData extends WithActor {
  channel: Channel;
  purpose: Purpose;
  campaignId?: string;
  messageRef?: string;
  automated?: boolean;
  outcome?: ContactOutcome;
}

export interface DncData extends WithActor {
  registry: DncRegistry;
  region?: string;
}

export interface ExportRequestedData extends WithActor {
  scope: { description: string; fields: string[]; customerIds?: string[]; recordCount?: number };
  purpose: string;
  destination: string;
}

export interface ExportApprovedData extends WithActor {
  note?: string;
}

export interface ExportDeniedData extends WithActor {
  reason: string;
}

export interface ExportDeliveredData extends WithActor {
  recordCount: number;
  sha256: string;
  deliveredTo: string;
}

/** RULES.md "Tenant policies". Durations are ISO 8601 (`P13M`, `P90D`). */
export interface PolicyRules {
  retired?: boolean;
  windows?: Record<string, string>;
  exclusion?: Partial<Record<Channel, string>>;
  suppressions?: 'honour' | 'ignore';
  appliesTo?: { channels?: Channel[]; purposes?: Purpose[] };
}

export interface PolicyAdoptedData extends WithActor {
  name: string;
  version: number;
  rules: PolicyRules;
}

export interface ErasureRequestedData extends WithActor {
  basis: (typeof ERASURE_BASES)[number];
}

/** Event type → its `data`, the single source of the catalogue's shape. */
export interface EventDataByType {
  'customer.registered': CustomerProfileData;
  'customer.updated': CustomerProfileData;
  'consent.granted': ConsentGrantedData;
  'consent.withdrawn': ConsentWithdrawnData;
  'relationship.recorded': RelationshipRecordedData;
  'contact.attempted': ContactAttemptedData;
  'dnc.listed': DncData;
  'dnc.removed': DncData;
  'export.requested': ExportRequestedData;
  'export.approved': ExportApprovedData;
  'export.denied': ExportDeniedData;
  'export.delivered': ExportDeliveredData;
  'policy.adopted': PolicyAdoptedData;
  'erasure.requested': ErasureRequestedData;
}

export type EventType = keyof EventDataByType;

export const EVENT_TYPES: readonly EventType[] = [
  'customer.registered',
  'customer.updated',
  'consent.granted',
  'consent.withdrawn',
  'relationship.recorded',
  'contact.attempted',
  'dnc.listed',
  'dnc.removed',
  'export.requested',
  'export.approved',
  'export.denied',
  'export.delivered',
  'policy.adopted',
  'erasure.requested',
];

/** Types whose `subject` is a customer id (API.md "Eligibility": what makes an id known). */
export const CUSTOMER_EVENT_TYPES: readonly EventType[] = [
  'customer.registered',
  'customer.updated',
  'consent.granted',
  'consent.withdrawn',
  'relationship.recorded',
  'contact.attempted',
  'dnc.listed',
  'dnc.removed',
  'erasure.requested',
];

const CUSTOMER_EVENT_TYPE_SET: ReadonlySet<EventType> = new Set(CUSTOMER_EVENT_TYPES);

export function isCustomerEventType(type: EventType): boolean {
  return CUSTOMER_EVENT_TYPE_SET.has(type);
}

/**
 * One entry of a tenant's log, exactly as stored (API.md "Reading the log"): timestamps are
 * normalized `YYYY-MM-DDTHH:MM:SS.sssZ`, `data.pii` is the commitment, `leafHash` is base64.
 */
export type LedgerEntry = {
  [T in EventType]: {
    sequence: number;
    id: string;
    source: string;
    type: T;
    subject: string;
    time: string;
    recordedAt: string;
    recordedBy: RecordedBy;
    prevSubjectSequence: number | null;
    data: EventDataByType[T];
    leafHash: string;
  };
}[EventType];

export type EntryOfType<T extends EventType> = Extract<LedgerEntry, { type: T }>;
