/**
 * One dealership's year as the report tests post it: a customer who opts out of email and is
 * mailed within grace and then after the deadline (and once more, failed); a customer mailed
 * without any consent; a vendor's opt-out (a suppression) followed by a BDC agent's email; an
 * SMS opt-out honoured; an erased customer; an export delivered without the dealer principal's
 * approval, naming the erased customer, with a count that does not match; a clean export; a
 * delivery with no request; and the vendor changing the dealer's retention policy, which turns
 * the first customer ineligible.
 */
import { CloudEventBody } from '../support/cloud-events';

export const CUSTOMERS = { optedOut: 'c-jo', unconsented: 'c-lee', suppressed: 'c-sam', honoured: 'c-ana', erased: 'c-gone' } as const;

export const SHA = { first: 'a'.repeat(64), second: 'b'.repeat(64), third: 'c'.repeat(64) };

const crm = { type: 'crm-system', id: 'crm-1', name: 'DealerSocket' };
const principal = { type: 'dealer-user', id: 'u-principal', name: 'Pat Principal', role: 'dealer-principal' };
export const VENDOR = { type: 'vendor', id: 'vinsolutions', name: 'VinSolutions' };
export const BDC_AGENT = { type: 'dealer-user', id: 'u-bdc', role: 'bdc-agent' };

const RETENTION_APPLIES_TO = { channels: ['email', 'sms'], purposes: ['marketing', 'sales'] };

export interface ScenarioStep {
  by: 'emitter' | 'admin';
  events: CloudEventBody[];
}

export function reportScenario(prefix = 'r'): ScenarioStep[] {
  let next = 0;
  const event = (type: string, subject: string, time: string, data: Record<string, unknown>): CloudEventBody => ({
    specversion: '1.0',
    id: `${prefix}-${next++}`,
    source: 'urn:crm:test:reports',
    type,
    subject,
    time,
    data,
  });
  const contact = (subject: string, time: string, extra: Record<string, unknown> = {}) =>
    event('contact.attempted', subject, time, { actor: crm, channel: 'email', purpose: 'marketing', outcome: 'delivered', ...extra });
  return [
    {
      by: 'emitter',
      events: [
        event('policy.adopted', 'crm-retention', '2024-01-01T00:00:00Z', {
          actor: principal,
          name: 'Dealer CRM retention',
          version: 1,
          rules: { windows: { sale: 'P25M', 'repair-order': 'P25M' }, appliesTo: RETENTION_APPLIES_TO },
        }),
        event('customer.registered', CUSTOMERS.optedOut, '2024-01-10T15:00:00Z', { actor: crm, pii: { name: 'Jo Tremblay', email: 'jo@example.com' } }),
        event('relationship.recorded', CUSTOMERS.optedOut, '2024-01-15T16:00:00Z', { actor: { type: 'dealer-user', id: 'u-17', role: 'sales' }, kind: 'sale', paymentType: 'cash' }),
        event('customer.registered', CUSTOMERS.unconsented, '2024-02-01T15:00:00Z', { actor: crm }),
        event('customer.registered', CUSTOMERS.suppressed, '2024-05-01T15:00:00Z', { actor: crm }),
        contact(CUSTOMERS.optedOut, '2024-06-01T15:00:00Z', { campaignId: 'summer-2024' }),
        event('customer.registered', CUSTOMERS.honoured, '2024-09-01T15:00:00Z', { actor: crm }),
        event('customer.registered', CUSTOMERS.erased, '2024-10-01T15:00:00Z', { actor: crm, pii: { name: 'Gail Gone', email: 'gail@example.com' } }),
        event('relationship.recorded', CUSTOMERS.suppressed, '2025-01-05T14:00:00Z', { actor: crm, kind: 'repair-order' }),
        event('relationship.recorded', CUSTOMERS.honoured, '2025-01-10T14:00:00Z', { actor: crm, kind: 'sale', paymentType: 'finance' }),
        contact(CUSTOMERS.unconsented, '2025-02-10T15:00:00Z', { campaignId: 'winter-2025' }),
      ],
    },
    { by: 'admin', events: [event('erasure.requested', CUSTOMERS.erased, '2025-02-01T12:00:00Z', { actor: { type: 'dealer-user', id: 'u-privacy', role: 'privacy-officer' }, basis: 'pipeda' })] },
    {
      by: 'emitter',
      events: [
        event('consent.withdrawn', CUSTOMERS.optedOut, '2025-03-03T15:00:00Z', { actor: { type: 'customer', id: CUSTOMERS.optedOut }, channel: 'email', purpose: 'marketing', method: 'unsubscribe-link' }),
        contact(CUSTOMERS.optedOut, '2025-03-10T15:00:00Z', { campaignId: 'spring-2025' }),
        contact(CUSTOMERS.optedOut, '2025-03-20T15:00:00Z', { campaignId: 'spring-2025' }),
        contact(CUSTOMERS.optedOut, '2025-03-25T15:00:00Z', { campaignId: 'spring-2025', outcome: 'failed' }),
        event('consent.withdrawn', CUSTOMERS.suppressed, '2025-04-01T10:00:00Z', { actor: VENDOR, channel: 'email', purpose: 'all', method: 'vendor-policy', reference: 'bulk-scrub-17' }),
        event('consent.withdrawn', CUSTOMERS.honoured, '2025-04-01T14:00:00Z', { actor: { type: 'customer', id: CUSTOMERS.honoured }, channel: 'sms', purpose: 'all', method: 'reply-stop' }),
        contact(CUSTOMERS.suppressed, '2025-04-05T15:00:00Z', { actor: BDC_AGENT, campaignId: 'service-follow-up' }),
        event('export.requested', 'exp-1', '2025-05-01T13:00:00Z', {
          actor: { type: 'dealer-user', id: 'u-sales', name: 'Sam Sales', role: 'sales-manager' },
          scope: { description: 'Service campaign list', fields: ['name', 'email'], customerIds: [CUSTOMERS.optedOut, CUSTOMERS.erased], recordCount: 2 },
          purpose: 'Spring service campaign',
          destination: 'Mailhouse Inc.',
        }),
        event('export.approved', 'exp-1', '2025-05-02T13:00:00Z', { actor: { type: 'dealer-user', id: 'u-director', role: 'sales-director' }, note: 'Go ahead' }),
        event('export.delivered', 'exp-1', '2025-05-03T13:00:00Z', { actor: crm, recordCount: 3, sha256: SHA.first, deliveredTo: 'sftp://mailhouse.example/in' }),
        event('export.requested', 'exp-2', '2025-05-10T13:00:00Z', {
          actor: principal,
          scope: { description: 'Recall list', fields: ['name', 'address'], customerIds: [CUSTOMERS.suppressed], recordCount: 1 },
          purpose: 'Recall notice',
          destination: 'Manufacturer',
        }),
        event('export.approved', 'exp-2', '2025-05-11T13:00:00Z', { actor: principal }),
        event('export.delivered', 'exp-2', '2025-05-12T13:00:00Z', { actor: crm, recordCount: 1, sha256: SHA.second, deliveredTo: 'https://oem.example/recalls' }),
        event('export.delivered', 'exp-3', '2025-05-20T13:00:00Z', { actor: VENDOR, recordCount: 10, sha256: SHA.third, deliveredTo: 'vendor data lake' }),
        event('policy.adopted', 'crm-retention', '2025-06-01T00:00:00Z', {
          actor: VENDOR,
          name: 'Dealer CRM retention',
          version: 2,
          rules: { windows: { sale: 'P13M', 'repair-order': 'P25M' }, appliesTo: RETENTION_APPLIES_TO },
        }),
      ],
    },
  ];
}
