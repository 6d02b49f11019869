/**
 * How long validating one batch of 1,000 typical events takes: the hot path of `POST /v1/events`.
 * Every batch has its own ids and times, so nothing is served from a warm cache.
 */
import type { EventType } from '../../../projections/events';
import { validateIncomingEvents } from './validate-incoming-events';

export interface BatchValidationBenchmark {
  eventsPerBatch: number;
  /** Includes the JIT warm-up a freshly started process pays once. */
  firstBatchMs: number;
  medianBatchMs: number;
  p90BatchMs: number;
}

const EVENTS_PER_BATCH = 1000;
const ACTOR = { type: 'crm-system', id: 'vinsolutions', name: 'VinSolutions' };
const SHA256 = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';

const TYPICAL_DATA: Record<EventType, Record<string, unknown>> = {
  'customer.registered': {
    jurisdiction: { country: 'CA', region: 'ON' },
    timezone: 'America/Toronto',
    pii: { name: 'Jordan Lee', email: 'jordan.lee@example.com', phone: '+14165550123', address: '12 King St W, Toronto ON' },
  },
  'customer.updated': { pii: { email: 'j.lee@example.org' } },
  'consent.granted': {
    channel: 'email',
    purpose: 'all',
    kind: 'express',
    evidence: { method: 'web-form', reference: 'form-88', text: 'Yes, send me offers.', url: 'https://dealer.example/consent' },
    pii: { ip: '203.0.113.9', userAgent: 'Mozilla/5.0 (Windows NT 10.0; Win64; x64)' },
    expiresAt: '2028-03-01T00:00:00-05:00',
  },
  'consent.withdrawn': { channel: 'sms', purpose: 'marketing', method: 'reply-stop', reference: 'msg-981' },
  'relationship.recorded': { kind: 'sale', paymentType: 'finance', contractEndsAt: '2031-03-01T00:00:00-05:00', reference: 'deal-5521' },
  'contact.attempted': { channel: 'email', purpose: 'service', campaignId: 'spring-service', messageRef: 'm-1', outcome: 'delivered' },
  'dnc.listed': { registry: 'national' },
  'dnc.removed': { registry: 'internal' },
  'export.requested': {
    scope: { description: 'Recall mailing list', fields: ['name', 'address'], customerIds: ['c-1', 'c-2', 'c-3'], recordCount: 3 },
    purpose: 'Recall notice mailing',
    destination: 'Mailhouse Inc.',
  },
  'export.approved': { note: 'For the recall only.' },
  'export.denied': { reason: 'No data processing agreement.' },
  'export.delivered': { recordCount: 3, sha256: SHA256, deliveredTo: 'sftp://mailhouse.example/in' },
  'policy.adopted': { name: 'CRM policy', version: 2, rules: { windows: { sale: 'P13M', inquiry: 'P90D' }, exclusion: { email: 'P3D' }, appliesTo: { purposes: ['marketing'] } } },
  'erasure.requested': { basis: 'pipeda' },
};

// A CRM feed is mostly contacts, then consents and relationships; every type appears.
const FEED_MIX: readonly EventType[] = [
  ...(Object.keys(TYPICAL_DATA) as EventType[]),
  ...Array<EventType>(10).fill('contact.attempted'),
  'consent.granted',
  'consent.withdrawn',
  'relationship.recorded',
  'relationship.recorded',
  'customer.registered',
  'customer.updated',
];

const twoDigits = (value: number) => String(value).padStart(2, '0');

function typicalBatch(batchNumber: number): unknown[] {
  return Array.from({ length: EVENTS_PER_BATCH }, (_, index) => {
    const type = FEED_MIX[index % FEED_MIX.length];
    return {
      specversion: '1.0',
      id: `evt-${batchNumber}-${index}`,
      source: 'urn:crm:vinsolutions:store-42',
      type,
      subject: `c-${index}`,
      time: `2026-02-${twoDigits(1 + (index % 28))}T${twoDigits(index % 24)}:${twoDigits(batchNumber % 60)}:${twoDigits(index % 60)}.${index % 10}-05:00`,
      data: { actor: ACTOR, ...TYPICAL_DATA[type] },
    };
  });
}

export function benchmarkBatchValidation(batches = 50): BatchValidationBenchmark {
  const now = new Date('2026-03-02T00:00:00.000Z');
  const durations = Array.from({ length: batches }, (_, batchNumber) => {
    const batch = typicalBatch(batchNumber);
    const started = performance.now();
    const result = validateIncomingEvents(batch, { now, batch: true });
    const elapsed = performance.now() - started;
    if (!result.ok) throw new Error(`the typical batch was refused: ${JSON.stringify(result.problems.slice(0, 3))}`);
    return elapsed;
  });
  const sorted = [...durations].sort((a, b) => a - b);
  return {
    eventsPerBatch: EVENTS_PER_BATCH,
    firstBatchMs: durations[0],
    medianBatchMs: sorted[Math.floor(sorted.length / 2)],
    p90BatchMs: sorted[Math.floor(sorted.length * 0.9)],
  };
}
