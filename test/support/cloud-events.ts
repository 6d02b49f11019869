import { randomUUID } from 'node:crypto';
import { EventType } from '../../projections/events';

/** A CloudEvent in structured JSON form as an emitter sends it (API.md "Events"). */
export interface CloudEventBody {
  specversion: string;
  id: string;
  source: string;
  type: string;
  subject: string;
  time: string;
  data: Record<string, unknown>;
  [attribute: string]: unknown;
}

const crm = { type: 'crm-system', id: 'crm-1' };

/** The smallest valid `data` of each type the suites send. */
const MINIMAL_DATA: Partial<Record<EventType, Record<string, unknown>>> = {
  'customer.registered': { actor: crm },
  'customer.updated': { actor: crm },
  'consent.granted': { actor: crm, channel: 'email', purpose: 'marketing', kind: 'express', evidence: { method: 'web-form' } },
  'consent.withdrawn': { actor: { type: 'customer', id: 'c-self' }, channel: 'email', purpose: 'marketing', method: 'unsubscribe-link' },
  'relationship.recorded': { actor: crm, kind: 'repair-order' },
  'contact.attempted': { actor: crm, channel: 'email', purpose: 'service' },
  'dnc.listed': { actor: crm, registry: 'internal' },
  'policy.adopted': { actor: { type: 'dealer-user', id: 'u-1', role: 'dealer-principal' }, name: 'Quiet customers', version: 1, rules: {} },
  'erasure.requested': { actor: { type: 'dealer-user', id: 'u-1' }, basis: 'gdpr-art17' },
};

export function customerId(): string {
  return `c-${randomUUID().slice(0, 8)}`;
}

/**
 * A valid event of `type`; override what the test is about. `data` is merged into the type's
 * minimal data, and a field set to `undefined` is left out of the JSON that is sent.
 */
export function cloudEvent(type: EventType, overrides: Partial<CloudEventBody> = {}): CloudEventBody {
  const { data, ...attributes } = overrides;
  return {
    specversion: '1.0',
    id: randomUUID(),
    source: 'urn:crm:test:store-1',
    type,
    subject: customerId(),
    time: '2026-01-15T10:00:00.000Z',
    ...attributes,
    data: { ...MINIMAL_DATA[type], ...data },
  };
}

/** `count` registrations of distinct customers. */
export function registrations(count: number, overrides: Partial<CloudEventBody> = {}): CloudEventBody[] {
  return Array.from({ length: count }, () => cloudEvent('customer.registered', overrides));
}
