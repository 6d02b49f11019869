/**
 * One dealership's history, rich enough to exercise every read model and every regime: customers
 * in Ontario, New York, Texas and Germany and one never registered; registrations with
 * jurisdiction and zone; express and express-written grants, one expiring; withdrawals by the
 * customer and by a vendor; every relationship kind, a payment to a lender among them; national,
 * state and internal do-not-call listings and removals; contacts before and after withdrawals,
 * failed ones included; two policies with versions and a retirement; an erasure; single events
 * and batches; and, last, a backfilled withdrawal recorded long after its `time`.
 *
 * The rebuild suite appends it through `TenantLog`, the eligibility suite over HTTP.
 */
import { CloudEventBody } from '../support/cloud-events';

export interface HistoryStep {
  events: CloudEventBody[];
  /** Sent as an array (a batch), even of one event. */
  batch: boolean;
  /** Erasures need an admin key (API.md "Erasure"). */
  by: 'emitter' | 'admin';
  /** The backfill: recorded after everything else, about an earlier time. */
  backfill?: true;
}

export const TENANT_DEFAULTS = { country: 'CA', region: 'ON', timezone: 'America/Toronto' } as const;

/** The customers, by the regime they exercise. */
export const CUSTOMERS = {
  /** Ontario: a financed sale, an expiring email grant, a national listing, an email opt-out before Canada Day. */
  canadianBuyer: 'ca-buyer',
  /** New York: express-written SMS consent, an expired written voice consent, a vendor's suppression, a payment to a lender; the backfill. */
  usTexter: 'us-texter',
  /** Texas: national and state listings and removals, an internal do-not-call request, every relationship kind. */
  usListed: 'us-listed',
  /** Germany: consent, then an objection. */
  germanCustomer: 'de-customer',
  /** Never registered (the tenant's defaults): on the national list, then a showroom visit. */
  walkIn: 'walk-in',
  /** Erased by an admin; contacted afterwards. */
  erased: 'erased-one',
} as const;

export const ALL_CUSTOMERS: string[] = Object.values(CUSTOMERS);

const SOURCE = 'urn:crm:test:dealer-history';
const crm = { type: 'crm-system', id: 'crm-1' };
const customer = { type: 'customer', id: 'self' };
const regulator = { type: 'regulator', id: 'registry' };
const principal = { type: 'dealer-user', id: 'u-principal', role: 'dealer-principal' };

const DEALER_CRM_V1 = {
  windows: { 'sale.cash': 'P25M', sale: 'P13M', payment: 'P13M', 'repair-order': 'P25M', 'showroom-visit': 'P13M', inquiry: 'P90D', 'email-interaction': 'P90D' },
  suppressions: 'honour',
  appliesTo: { channels: ['email', 'sms', 'voice', 'mail'], purposes: ['marketing', 'sales'] },
};

/** The history in the order it is appended. `prefix` keeps event ids unique when one tenant takes it twice. */
export function dealerHistory(prefix = 'h'): HistoryStep[] {
  let next = 0;
  const event = (type: CloudEventBody['type'], subject: string, time: string, data: Record<string, unknown>): CloudEventBody => ({
    specversion: '1.0',
    id: `${prefix}-${++next}`,
    source: SOURCE,
    type,
    subject,
    time,
    data,
  });
  const single = (body: CloudEventBody, by: HistoryStep['by'] = 'emitter'): HistoryStep => ({ events: [body], batch: false, by });
  const batch = (...events: CloudEventBody[]): HistoryStep => ({ events, batch: true, by: 'emitter' });
  const { canadianBuyer, usTexter, usListed, germanCustomer, walkIn, erased } = CUSTOMERS;
  const contact = (subject: string, time: string, data: Record<string, unknown>) => event('contact.attempted', subject, time, { actor: crm, ...data });

  return [
    batch(
      event('policy.adopted', 'dealer-crm', '2025-01-01T05:00:00.000Z', { actor: principal, name: 'Dealer CRM windows', version: 1, rules: DEALER_CRM_V1 }),
      event('policy.adopted', 'email-rest', '2025-01-01T05:00:00.000Z', {
        actor: principal,
        name: 'Three quiet days between emails',
        version: 1,
        rules: { exclusion: { email: 'P3D' }, appliesTo: { purposes: ['marketing'] } },
      }),
    ),
    batch(
      event('customer.registered', usListed, '2025-01-10T15:00:00.000Z', { actor: crm, jurisdiction: { country: 'US', region: 'TX' }, timezone: 'America/Chicago' }),
      event('customer.registered', usTexter, '2025-02-01T14:00:00.000Z', {
        actor: crm,
        jurisdiction: { country: 'US', region: 'NY' },
        timezone: 'America/New_York',
        pii: { name: 'Sam Rivera', phone: '+12125550123' },
      }),
      event('consent.granted', usTexter, '2025-02-01T15:00:00.000Z', {
        actor: customer,
        channel: 'sms',
        purpose: 'all',
        kind: 'express-written',
        evidence: { method: 'sms-keyword', reference: 'kw-JOIN', text: 'Reply JOIN to get offers by text from Lakeside Motors' },
        pii: { ip: '203.0.113.7' },
      }),
      event('consent.granted', usTexter, '2025-02-01T15:05:00.000Z', { actor: customer, channel: 'voice', purpose: 'marketing', kind: 'express', evidence: { method: 'recorded-call' } }),
      event('consent.granted', usTexter, '2025-02-01T15:10:00.000Z', {
        actor: customer,
        channel: 'voice',
        purpose: 'service',
        kind: 'express-written',
        evidence: { method: 'paper-form', documentSha256: 'a'.repeat(64) },
        expiresAt: '2026-01-01T00:00:00.000Z',
      }),
      event('customer.registered', germanCustomer, '2025-02-01T09:00:00.000Z', { actor: crm, jurisdiction: { country: 'DE' }, timezone: 'Europe/Berlin' }),
      event('consent.granted', germanCustomer, '2025-02-02T09:00:00.000Z', { actor: customer, channel: 'email', purpose: 'all', kind: 'express', evidence: { method: 'web-form' } }),
    ),
    single(
      event('customer.registered', canadianBuyer, '2025-03-10T15:00:00.000Z', {
        actor: crm,
        jurisdiction: { country: 'CA', region: 'ON' },
        timezone: 'America/Toronto',
        pii: { name: 'Jo Tremblay', email: 'jo@example.com' },
      }),
    ),
    single(
      event('relationship.recorded', canadianBuyer, '2025-03-10T16:00:00.000Z', {
        actor: { type: 'dealer-user', id: 'u-17', role: 'sales' },
        kind: 'sale',
        paymentType: 'finance',
        contractEndsAt: '2028-03-10T16:00:00.000Z',
        reference: 'deal-5521',
      }),
    ),
    batch(
      contact(usTexter, '2025-03-01T16:00:00.000Z', { channel: 'sms', purpose: 'marketing', automated: true, outcome: 'delivered', campaignId: 'spring' }),
      contact(usTexter, '2025-03-01T16:05:00.000Z', { channel: 'voice', purpose: 'marketing', automated: true, outcome: 'voicemail' }),
      event('consent.granted', canadianBuyer, '2025-04-01T13:00:00.000Z', {
        actor: customer,
        channel: 'email',
        purpose: 'marketing',
        kind: 'express',
        evidence: { method: 'web-form', url: 'https://dealer.example/subscribe' },
        expiresAt: '2026-04-01T13:00:00.000Z',
      }),
      event('dnc.listed', usListed, '2025-04-01T12:00:00.000Z', { actor: regulator, registry: 'national' }),
      event('dnc.listed', usListed, '2025-04-15T12:00:00.000Z', { actor: regulator, registry: 'state', region: 'TX' }),
      event('relationship.recorded', usListed, '2025-05-01T15:00:00.000Z', { actor: crm, kind: 'repair-order' }),
      event('relationship.recorded', usListed, '2025-06-01T15:00:00.000Z', { actor: crm, kind: 'payment', paymentType: 'cash', payee: 'lender' }),
    ),
    single(contact(canadianBuyer, '2025-05-01T14:00:00.000Z', { channel: 'email', purpose: 'marketing', outcome: 'sent', campaignId: 'may-offers' })),
    single(contact(canadianBuyer, '2025-05-02T14:00:00.000Z', { channel: 'email', purpose: 'marketing', outcome: 'sent', campaignId: 'may-reminder' })),
    batch(
      event('dnc.listed', canadianBuyer, '2025-06-01T12:00:00.000Z', { actor: regulator, registry: 'national' }),
      contact(canadianBuyer, '2025-06-10T18:00:00.000Z', { channel: 'voice', purpose: 'sales', outcome: 'answered' }),
      event('relationship.recorded', usListed, '2025-07-01T15:00:00.000Z', { actor: crm, kind: 'inquiry' }),
      event('dnc.removed', usListed, '2025-08-01T12:00:00.000Z', { actor: regulator, registry: 'state', region: 'TX' }),
      event('relationship.recorded', usTexter, '2025-08-01T15:00:00.000Z', { actor: crm, kind: 'payment', paymentType: 'finance', payee: 'lender' }),
    ),
    single(event('dnc.listed', usListed, '2025-09-01T15:00:00.000Z', { actor: customer, registry: 'internal' })),
    single(event('dnc.removed', usListed, '2025-10-01T15:00:00.000Z', { actor: customer, registry: 'internal' })),
    batch(
      contact(usListed, '2025-10-02T15:00:00.000Z', { channel: 'voice', purpose: 'sales', outcome: 'answered' }),
      event('relationship.recorded', usListed, '2025-11-01T15:00:00.000Z', { actor: crm, kind: 'parts-purchase', payee: 'manufacturer' }),
      event('relationship.recorded', usListed, '2025-12-01T15:00:00.000Z', { actor: crm, kind: 'showroom-visit' }),
      event('relationship.recorded', usListed, '2025-12-05T15:00:00.000Z', { actor: crm, kind: 'email-interaction', interaction: 'click' }),
      event('relationship.recorded', usListed, '2026-01-05T15:00:00.000Z', { actor: crm, kind: 'sale', paymentType: 'lease', contractEndsAt: '2029-01-05T15:00:00.000Z' }),
      event('consent.withdrawn', germanCustomer, '2025-12-01T09:00:00.000Z', { actor: customer, channel: 'all', purpose: 'all', method: 'email' }),
      contact(germanCustomer, '2025-12-02T09:00:00.000Z', { channel: 'email', purpose: 'marketing', outcome: 'delivered' }),
    ),
    batch(
      event('customer.registered', erased, '2025-05-01T15:00:00.000Z', { actor: crm, pii: { name: 'Alex Martin', email: 'alex@example.com', address: '1 Main St, Toronto' } }),
      event('consent.granted', erased, '2025-05-01T15:10:00.000Z', { actor: customer, channel: 'all', purpose: 'all', kind: 'express', evidence: { method: 'paper-form' } }),
    ),
    single(event('erasure.requested', erased, '2026-02-01T15:00:00.000Z', { actor: { type: 'dealer-user', id: 'u-privacy' }, basis: 'pipeda' }), 'admin'),
    single(
      event('policy.adopted', 'dealer-crm', '2026-02-01T05:00:00.000Z', {
        actor: principal,
        name: 'Dealer CRM windows',
        version: 2,
        rules: { ...DEALER_CRM_V1, windows: { ...DEALER_CRM_V1.windows, inquiry: 'P30D', 'showroom-visit': 'P6M' } },
      }),
    ),
    batch(
      contact(erased, '2026-02-10T15:00:00.000Z', { channel: 'email', purpose: 'marketing', outcome: 'sent' }),
      event('consent.withdrawn', usTexter, '2026-03-01T15:00:00.000Z', { actor: { type: 'vendor', id: 'crm-vendor' }, channel: 'sms', purpose: 'all', method: 'vendor-policy' }),
      contact(usTexter, '2026-03-05T15:00:00.000Z', { channel: 'sms', purpose: 'marketing', automated: true, outcome: 'delivered' }),
      // Judged before the backfilled STOP of 1 April was recorded: a suppression then, whatever came to light later.
      contact(usTexter, '2026-04-10T15:00:00.000Z', { channel: 'sms', purpose: 'marketing', automated: true, outcome: 'delivered' }),
      event('dnc.listed', walkIn, '2026-04-01T12:00:00.000Z', { actor: regulator, registry: 'national' }),
      event('relationship.recorded', walkIn, '2026-05-01T15:00:00.000Z', { actor: crm, kind: 'showroom-visit' }),
      contact(walkIn, '2026-05-02T15:00:00.000Z', { channel: 'voice', purpose: 'sales', outcome: 'no-answer' }),
    ),
    // Friday 26 June 2026: ten Canadian business days skip two weekends and Canada Day.
    single(event('consent.withdrawn', canadianBuyer, '2026-06-26T15:00:00.000Z', { actor: customer, channel: 'email', purpose: 'all', method: 'unsubscribe-link' })),
    batch(
      contact(canadianBuyer, '2026-07-02T15:00:00.000Z', { channel: 'email', purpose: 'marketing', outcome: 'sent' }),
      contact(canadianBuyer, '2026-07-02T16:00:00.000Z', { channel: 'email', purpose: 'marketing', outcome: 'failed' }),
    ),
    single(contact(canadianBuyer, '2026-07-20T15:00:00.000Z', { channel: 'email', purpose: 'marketing', outcome: 'sent' })),
    single(contact(canadianBuyer, '2026-07-21T15:00:00.000Z', { channel: 'email', purpose: 'transactional', outcome: 'sent' })),
    single(event('dnc.removed', usListed, '2026-08-01T12:00:00.000Z', { actor: regulator, registry: 'national' })),
    single(event('policy.adopted', 'email-rest', '2026-09-01T05:00:00.000Z', { actor: principal, name: 'Three quiet days between emails', version: 2, rules: { retired: true } })),
    {
      events: [event('consent.withdrawn', usTexter, '2026-04-01T15:00:00.000Z', { actor: customer, channel: 'sms', purpose: 'marketing', method: 'reply-stop' })],
      batch: false,
      by: 'emitter',
      backfill: true,
    },
  ];
}
