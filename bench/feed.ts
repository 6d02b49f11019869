/**
 * The events the benchmarks append: a CRM feed, mostly contacts, then consents and relationships,
 * one event in nine carrying PII. `policy.adopted` (a repeat would be a version conflict)
 * and `erasure.requested` (admin only; it would refuse later PII) are left out, so any number of
 * events can be appended to one tenant and every one of them is accepted.
 */
import type { EventType, RecordedBy } from '../projections/events';
import type { NewEvent } from '../src/ledger/append/prepared-event';
import { validateIncomingEvents } from '../src/events/validation';

export const FEED_SOURCE = 'urn:crm:bench:store-42';
export const BENCH_RECORDED_BY: RecordedBy = { keyId: 'key_bench', role: 'emitter', label: 'npm run bench' };

const SHA256 = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';

function payload(type: EventType, n: number): Record<string, unknown> {
  switch (type) {
    case 'customer.registered':
      return {
        jurisdiction: { country: 'CA', region: 'ON' },
        timezone: 'America/Toronto',
        pii: { name: 'Jordan Lee', email: `jordan.lee.${n}@example.com`, phone: '+14165550123', address: '12 King St W, Toronto ON' },
      };
    case 'customer.updated':
      return { pii: { email: `j.lee.${n}@example.org` } };
    case 'consent.granted':
      return {
        channel: 'email',
        purpose: 'all',
        kind: 'express',
        evidence: { method: 'web-form', reference: `form-${n}`, text: 'Yes, send me offers.', url: 'https://dealer.example/consent' },
        pii: { ip: '203.0.113.9', userAgent: 'Mozilla/5.0 (Windows NT 10.0; Win64; x64)' },
        expiresAt: '2028-03-01T05:00:00.000Z',
      };
    case 'consent.withdrawn':
      return { channel: 'sms', purpose: 'marketing', method: 'reply-stop', reference: `msg-${n}` };
    case 'relationship.recorded':
      return { kind: 'sale', paymentType: 'finance', contractEndsAt: '2031-03-01T05:00:00.000Z', reference: `deal-${n}` };
    case 'contact.attempted':
      return { channel: 'email', purpose: 'service', campaignId: 'spring-service', messageRef: `m-${n}`, outcome: 'delivered' };
    case 'dnc.listed':
      return { registry: 'national' };
    case 'dnc.removed':
      return { registry: 'internal' };
    case 'export.requested':
      return {
        scope: { description: 'Recall mailing list', fields: ['name', 'address'], customerIds: ['c-1', 'c-2', 'c-3'], recordCount: 3 },
        purpose: 'Recall notice mailing',
        destination: 'Mailhouse Inc.',
      };
    case 'export.approved':
      return { note: 'For the recall only.' };
    case 'export.denied':
      return { reason: 'No data processing agreement.' };
    case 'export.delivered':
      return { recordCount: 3, sha256: SHA256, deliveredTo: 'sftp://mailhouse.example/in' };
    case 'policy.adopted':
    case 'erasure.requested':
      throw new Error(`${type} is not part of the benchmark feed`);
  }
}

const MIX: readonly EventType[] = [
  ...Array<EventType>(12).fill('contact.attempted'),
  'consent.granted',
  'consent.withdrawn',
  'consent.withdrawn',
  'relationship.recorded',
  'relationship.recorded',
  'customer.registered',
  'customer.updated',
  'dnc.listed',
  'dnc.removed',
  'export.requested',
  'export.approved',
  'export.denied',
  'export.delivered',
];

/** One run's events: ids are unique per `runId`, times are in the recent past. */
export class Feed {
  /** Each event's time is within the hour before this instant, one day ago. */
  private readonly baseTime = Date.now() - 86_400_000;

  constructor(private readonly runId: string) {}

  /** Event `n` as a client sends it (structured-mode CloudEvent). */
  body(n: number, prefix = ''): Record<string, unknown> {
    const type = MIX[n % MIX.length]!;
    return {
      specversion: '1.0',
      id: `${this.runId}-${prefix}${n}`,
      source: FEED_SOURCE,
      type,
      // About three events per customer; exports are their own subjects.
      subject: type.startsWith('export.') ? `exp-${Math.floor(n / MIX.length)}` : `c-${Math.floor(n / 3) % 20_000}`,
      time: new Date(this.baseTime + (n % 3600) * 1000).toISOString(),
      data: { actor: { type: 'crm-system', id: 'vinsolutions', name: 'VinSolutions' }, ...payload(type, n) },
    };
  }

  /** Event `n` as validation hands it to the ledger (checked against the validator by `verify`). */
  newEvent(n: number, prefix = ''): NewEvent {
    const { id, source, type, subject, time, data } = this.body(n, prefix) as unknown as NewEvent;
    return { id, source, type, subject, time, data };
  }

  newEvents(from: number, count: number, prefix = ''): NewEvent[] {
    return Array.from({ length: count }, (_, index) => this.newEvent(from + index, prefix));
  }

  /** Every type of the mix passes validation, and validation yields exactly `newEvent`. */
  verify(): void {
    const count = MIX.length * 2;
    const bodies = Array.from({ length: count }, (_, n) => this.body(n, 'verify-'));
    const result = validateIncomingEvents(bodies, { now: new Date(), batch: true });
    if (!result.ok) throw new Error(`the benchmark feed does not validate: ${JSON.stringify(result.problems.slice(0, 3))}`);
    result.events.forEach((event, n) => {
      if (JSON.stringify(event) !== JSON.stringify(this.newEvent(n, 'verify-'))) {
        throw new Error(`validation normalizes feed event ${n} differently: ${JSON.stringify(event)}`);
      }
    });
  }
}
