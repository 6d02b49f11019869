import { randomUUID } from 'node:crypto';
import { NewEvent } from '../../src/ledger/append/prepared-event';

/** A valid, normalized customer event; override what the test is about. */
export function customerRegistered(subject: string, overrides: Partial<NewEvent> = {}): NewEvent {
  return {
    id: randomUUID(),
    source: 'urn:crm:test',
    type: 'customer.registered',
    subject,
    time: '2026-01-15T10:00:00.000Z',
    data: { actor: { type: 'crm-system', id: 'crm-1' } },
    ...overrides,
  };
}

export function consentWithdrawn(subject: string, overrides: Partial<NewEvent> = {}): NewEvent {
  return {
    id: randomUUID(),
    source: 'urn:crm:test',
    type: 'consent.withdrawn',
    subject,
    time: '2026-01-16T10:00:00.000Z',
    data: { actor: { type: 'customer', id: subject }, channel: 'email', purpose: 'marketing', method: 'unsubscribe-link' },
    ...overrides,
  };
}
