import type { EventType } from '../../../projections/events';
import { validateIncomingEvents } from './validate-incoming-events';
import type { FieldProblem, IncomingEvent } from './validation-result';

const NOW = new Date('2026-03-01T13:00:00.000Z');
const SOURCE = 'urn:crm:vinsolutions:store-42';
const ACTOR = { type: 'dealer-user', id: 'u-17', name: 'Dana Reyes', role: 'sales-manager' };

type Json = Record<string, unknown>;

/** A valid body of `type`: the envelope, with `data` (actor included) merged over the example's. */
function cloudEvent(type: EventType, overrides: Json = {}): Json {
  const { data, ...envelope } = overrides;
  return {
    specversion: '1.0',
    id: `evt-${type}`,
    source: SOURCE,
    type,
    subject: SUBJECTS[type],
    time: '2026-03-01T07:30:00-05:00',
    ...envelope,
    data: { actor: ACTOR, ...EXAMPLE_DATA[type], ...(data as Json | undefined) },
  };
}

const SUBJECTS: Record<EventType, string> = {
  'customer.registered': 'c-1',
  'customer.updated': 'c-1',
  'consent.granted': 'c-1',
  'consent.withdrawn': 'c-1',
  'relationship.recorded': 'c-1',
  'contact.attempted': 'c-1',
  'dnc.listed': 'c-1',
  'dnc.removed': 'c-1',
  'export.requested': 'exp-2026-001',
  'export.approved': 'exp-2026-001',
  'export.denied': 'exp-2026-001',
  'export.delivered': 'exp-2026-001',
  'policy.adopted': 'us-dealer-crm',
  'erasure.requested': 'c-1',
};

const SHA256 = 'a'.repeat(64);

const EXAMPLE_DATA: Record<EventType, Json> = {
  'customer.registered': {
    jurisdiction: { country: 'CA', region: 'ON' },
    timezone: 'America/Toronto',
    pii: { name: 'Jordan Lee', email: 'jordan.lee@example.com', phone: '+14165550123', address: '12 King St W, Toronto ON' },
  },
  'customer.updated': { timezone: 'America/Vancouver', pii: { email: 'j.lee@example.org' } },
  'consent.granted': {
    channel: 'email',
    purpose: 'all',
    kind: 'express-written',
    evidence: { method: 'web-form', reference: 'form-88', text: 'I agree to receive offers.', url: 'https://dealer.example/consent', documentSha256: SHA256 },
    pii: { ip: '203.0.113.9', userAgent: 'Mozilla/5.0' },
    expiresAt: '2028-03-01T00:00:00+01:00',
  },
  'consent.withdrawn': { channel: 'sms', purpose: 'marketing', method: 'reply-stop', reference: 'msg-981' },
  'relationship.recorded': { kind: 'sale', paymentType: 'lease', payee: 'tenant', contractEndsAt: '2029-02-28T23:59:59.5-08:00', reference: 'deal-5521' },
  'contact.attempted': { channel: 'voice', purpose: 'service', campaignId: 'spring-service', messageRef: 'call-1', automated: false, outcome: 'answered' },
  'dnc.listed': { registry: 'state', region: 'FL' },
  'dnc.removed': { registry: 'national' },
  'export.requested': {
    scope: { description: 'Service customers for the recall mailing', fields: ['name', 'address'], customerIds: ['c-1', 'c-2'], recordCount: 2 },
    purpose: 'Recall notice mailing',
    destination: 'Mailhouse Inc.',
  },
  'export.approved': { note: 'Approved for the recall only.' },
  'export.denied': { reason: 'No data processing agreement on file.' },
  'export.delivered': { recordCount: 2, sha256: SHA256, deliveredTo: 'sftp://mailhouse.example/in' },
  'policy.adopted': {
    name: 'US dealer CRM policy',
    version: 3,
    rules: {
      windows: { 'sale.cash': 'P25M', sale: 'P13M', payment: 'P13M', 'repair-order': 'P25M', 'showroom-visit': 'P13M', inquiry: 'P90D', 'email-interaction': 'P90D' },
      exclusion: { email: 'P3D', voice: 'PT12H' },
      suppressions: 'honour',
      appliesTo: { channels: ['email', 'sms', 'voice', 'mail'], purposes: ['marketing', 'sales'] },
    },
  },
  'erasure.requested': { basis: 'pipeda' },
};

/** What each example becomes: only its data timestamps change, to UTC with milliseconds. */
const NORMALIZED_DATA_CHANGES: Partial<Record<EventType, Json>> = {
  'consent.granted': { expiresAt: '2028-02-29T23:00:00.000Z' },
  'relationship.recorded': { contractEndsAt: '2029-03-01T07:59:59.500Z' },
};

const validate = (bodies: unknown[], batch = bodies.length > 1) => validateIncomingEvents(bodies, { now: NOW, batch });

function problemsOf(...bodies: unknown[]): FieldProblem[] {
  const result = validate(bodies);
  if (result.ok) throw new Error('expected the request to be rejected');
  return result.problems;
}

function acceptedEvents(...bodies: unknown[]): IncomingEvent[] {
  const result = validate(bodies);
  if (!result.ok) throw new Error(`expected the request to be accepted: ${JSON.stringify(result.problems)}`);
  return result.events;
}

const pathsOf = (body: unknown) => problemsOf(body).map(({ path }) => path);

describe('validateIncomingEvents', () => {
  describe('valid events', () => {
    it.each(Object.keys(EXAMPLE_DATA) as EventType[])('accepts %s and normalizes it', (type) => {
      const [event] = acceptedEvents(cloudEvent(type));

      expect(event).toStrictEqual({
        id: `evt-${type}`,
        source: SOURCE,
        type,
        subject: SUBJECTS[type],
        time: '2026-03-01T12:30:00.000Z',
        data: { actor: ACTOR, ...EXAMPLE_DATA[type], ...NORMALIZED_DATA_CHANGES[type] },
      });
    });

    it('drops the attributes that are accepted but not stored', () => {
      const body = cloudEvent('erasure.requested', {
        datacontenttype: 'application/json',
        dataschema: 'https://schemas.example/erasure.json',
        traceparent: '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01',
        tracestate: 'vendor=abc',
      });

      expect(Object.keys(acceptedEvents(body)[0])).toEqual(['id', 'source', 'type', 'subject', 'time', 'data']);
    });

    it.each([
      ['2026-03-01T12:30:00Z', '2026-03-01T12:30:00.000Z'],
      ['2026-03-01t18:00:00.1+05:30', '2026-03-01T12:30:00.100Z'],
      ['2026-03-01T12:30:00.12-00:00', '2026-03-01T12:30:00.120Z'],
      ['2026-03-01T12:30:00.123000z', '2026-03-01T12:30:00.123Z'],
      ['2026-02-27T23:59:59.999-23:59', '2026-02-28T23:58:59.999Z'],
      ['1999-12-31T19:00:00-05:00', '2000-01-01T00:00:00.000Z'],
    ])('normalizes time %s to %s', (time, normalized) => {
      const [event] = acceptedEvents(cloudEvent('erasure.requested', { time }));

      expect(event.time).toBe(normalized);
    });

    it('accepts a time exactly 5 minutes after now', () => {
      expect(acceptedEvents(cloudEvent('erasure.requested', { time: '2026-03-01T13:05:00.000Z' }))).toHaveLength(1);
    });

    it('accepts application/json in any case, with a UTF-8 charset', () => {
      expect(acceptedEvents(cloudEvent('erasure.requested', { datacontenttype: 'Application/JSON; charset=utf-8' }))).toHaveLength(1);
    });

    it('accepts relative URI-references as source', () => {
      expect(acceptedEvents(cloudEvent('erasure.requested', { source: '/crm/store-42?feed=1#x' }))).toHaveLength(1);
    });

    it('accepts limits exactly at their bound', () => {
      const body = cloudEvent('consent.granted', {
        id: 'i'.repeat(128),
        subject: 's'.repeat(128),
        data: { evidence: { method: 'paper-form', text: 't'.repeat(5000) }, pii: { userAgent: 'u'.repeat(500) } },
      });

      expect(acceptedEvents(body)).toHaveLength(1);
    });

    it('accepts an email address of 320 characters', () => {
      const email = `${'a'.repeat(64)}@${['b'.repeat(63), 'c'.repeat(63), 'd'.repeat(63), 'e'.repeat(60)].join('.')}.ca`;
      expect(email).toHaveLength(320);

      expect(acceptedEvents(cloudEvent('customer.updated', { data: { pii: { email } } }))[0].data.pii).toEqual({ email });
    });

    it('accepts customer events carrying nothing but the actor', () => {
      const events = acceptedEvents(
        { ...cloudEvent('customer.registered', { id: 'registered' }), data: { actor: ACTOR } },
        { ...cloudEvent('customer.updated', { id: 'updated' }), data: { actor: ACTOR } },
      );

      expect(events.map(({ data }) => data)).toEqual([{ actor: ACTOR }, { actor: ACTOR }]);
    });

    it('accepts a retired policy', () => {
      expect(acceptedEvents(cloudEvent('policy.adopted', { data: { version: 4, rules: { retired: true } } }))).toHaveLength(1);
    });

    it('does not modify the request body and shares no object or array with it', () => {
      const bodies = [cloudEvent('consent.granted'), cloudEvent('export.requested')];
      const before = JSON.parse(JSON.stringify(bodies));

      const [consent, exportRequest] = acceptedEvents(...bodies);

      expect(bodies).toStrictEqual(before);
      expect(consent.data).not.toBe(bodies[0].data);
      expect(consent.data.evidence).not.toBe((bodies[0].data as Json).evidence);
      expect((exportRequest.data.scope as Json).fields).not.toBe(((bodies[1].data as Json).scope as Json).fields);
    });
  });

  describe('the envelope', () => {
    it.each<[string, Json, string]>([
      ['specversion missing', { specversion: undefined }, 'specversion'],
      ['specversion 0.3', { specversion: '0.3' }, 'specversion'],
      ['an empty id', { id: '' }, 'id'],
      ['an id of 129 characters', { id: 'i'.repeat(129) }, 'id'],
      ['a numeric id', { id: 42 }, 'id'],
      ['a source of 513 characters', { source: `urn:${'s'.repeat(509)}` }, 'source'],
      ['a source with a space', { source: 'crm store 42' }, 'source'],
      ['a relative source whose first segment holds a colon', { source: '1crm:store' }, 'source'],
      ['a source with two fragments', { source: 'urn:a#b#c' }, 'source'],
      ['an unknown type', { type: 'customer.deleted' }, 'type'],
      ['a subject that is an email address', { subject: 'jordan.lee@example.com' }, 'subject'],
      ['a subject that is an E.164 phone number', { subject: '+14165550123' }, 'subject'],
      ['a subject of 129 characters', { subject: 's'.repeat(129) }, 'subject'],
      ['time without an offset', { time: '2026-03-01T12:30:00' }, 'time'],
      ['time with a space for T', { time: '2026-03-01 12:30:00Z' }, 'time'],
      ['time on 31 April', { time: '2025-04-31T12:30:00Z' }, 'time'],
      ['time on 29 February of a common year', { time: '2025-02-29T12:30:00Z' }, 'time'],
      ['time as epoch milliseconds', { time: 1772368200000 }, 'time'],
      ['time with microseconds', { time: '2026-03-01T12:30:00.000001Z' }, 'time'],
      ['time 5 minutes and 1 ms after now', { time: '2026-03-01T13:05:00.001Z' }, 'time'],
      ['a leap second', { time: '2016-12-31T23:59:60Z' }, 'time'],
      ['datacontenttype text/plain', { datacontenttype: 'text/plain' }, 'datacontenttype'],
      ['a null datacontenttype', { datacontenttype: null }, 'datacontenttype'],
      ['a numeric traceparent', { traceparent: 7 }, 'traceparent'],
      ['a tracestate of 513 characters', { tracestate: 't'.repeat(513) }, 'tracestate'],
      ['a dataschema that is not a URI-reference', { dataschema: 'schemas for erasure' }, 'dataschema'],
      ['an extension attribute', { partitionkey: 'p-1' }, 'partitionkey'],
      ['data_base64', { data_base64: 'e30=' }, 'data_base64'],
      ['data missing', { data: undefined }, 'data'],
    ])('refuses %s at its path', (_case, overrides, path) => {
      const body = { ...cloudEvent('erasure.requested'), ...overrides };

      expect(problemsOf(body)).toEqual([{ path, message: expect.any(String) }]);
    });

    it.each([['an array', []], ['a string', 'data'], ['null', null]])('refuses data that is %s', (_case, data) => {
      expect(problemsOf({ ...cloudEvent('erasure.requested'), data })).toEqual([{ path: 'data', message: 'data must be an object' }]);
    });

    it.each([['null', null], ['an array', []], ['a string', '{}']])('refuses an event that is %s, at the empty path', (_case, body) => {
      expect(problemsOf(body)).toEqual([{ path: '', message: 'the event must be a JSON object' }]);
    });

    it('says why a timestamp is refused', () => {
      const message = (time: string) => problemsOf(cloudEvent('erasure.requested', { time }))[0].message;

      expect(message('2026-03-01T12:30:00.1234Z')).toBe('time must have at most millisecond precision (three fractional digits)');
      expect(message('2026-03-01T13:05:00.001Z')).toBe('time must be at most 5 minutes after the time the service received it');
      expect(message('0001-01-01T00:30:00+01:00')).toBe('time must fall between the years 0001 and 9999 in UTC');
      expect(message('yesterday')).toMatch(/^time must be an RFC 3339 date-time/);
    });

    it('reports a missing required attribute as required', () => {
      expect(problemsOf({ ...cloudEvent('erasure.requested'), subject: undefined })).toEqual([{ path: 'subject', message: 'subject is required' }]);
    });
  });

  describe('actor', () => {
    it.each<[string, unknown, string]>([
      ['missing', undefined, 'data.actor'],
      ['an array', [ACTOR], 'data.actor'],
      ['of an unknown type', { ...ACTOR, type: 'robot' }, 'data.actor.type'],
      ['with an email address as id', { ...ACTOR, id: 'dana@example.com' }, 'data.actor.id'],
      ['with an empty name', { ...ACTOR, name: '' }, 'data.actor.name'],
      ['with a role of 501 characters', { ...ACTOR, role: 'r'.repeat(501) }, 'data.actor.role'],
      ['with an unknown field', { ...ACTOR, email: 'dana@example.com' }, 'data.actor.email'],
    ])('refuses an actor %s', (_case, actor, path) => {
      for (const type of ['contact.attempted', 'export.approved', 'policy.adopted'] as const) {
        expect(problemsOf(cloudEvent(type, { data: { actor } }))).toEqual([{ path, message: expect.any(String) }]);
      }
    });
  });

  describe('event data', () => {
    it.each<[EventType, Json, string]>([
      ['customer.registered', { jurisdiction: { country: 'ca' } }, 'data.jurisdiction.country'],
      ['customer.registered', { jurisdiction: { country: 'XX' } }, 'data.jurisdiction.country'],
      ['customer.registered', { jurisdiction: { country: 'CA', region: 'CA-ON' } }, 'data.jurisdiction.region'],
      ['customer.registered', { jurisdiction: { country: 'CA', province: 'ON' } }, 'data.jurisdiction.province'],
      ['customer.registered', { timezone: 'Mars/Olympus_Mons' }, 'data.timezone'],
      ['customer.registered', { timezone: '+05:00' }, 'data.timezone'],
      ['customer.registered', { timezone: null }, 'data.timezone'],
      ['customer.registered', { pii: 'Jordan Lee' }, 'data.pii'],
      ['customer.registered', { pii: { email: 'not-an-address' } }, 'data.pii.email'],
      ['customer.registered', { pii: { email: `${'a'.repeat(65)}@${['b'.repeat(63), 'c'.repeat(63), 'd'.repeat(63), 'e'.repeat(60)].join('.')}.ca` } }, 'data.pii.email'],
      ['customer.registered', { pii: { phone: '416-555-0123' } }, 'data.pii.phone'],
      ['customer.registered', { pii: { address: { street: '12 King St W' } } }, 'data.pii.address'],
      ['customer.registered', { pii: { address: 'a'.repeat(501) } }, 'data.pii.address'],
      ['customer.registered', { pii: { ssn: '123-45-6789' } }, 'data.pii.ssn'],
      ['customer.updated', { nickname: 'JL' }, 'data.nickname'],
      ['consent.granted', { channel: 'fax' }, 'data.channel'],
      ['consent.granted', { purpose: 'surveys' }, 'data.purpose'],
      ['consent.granted', { kind: 'implied' }, 'data.kind'],
      ['consent.granted', { evidence: undefined }, 'data.evidence'],
      ['consent.granted', { evidence: { method: 'carrier-pigeon' } }, 'data.evidence.method'],
      ['consent.granted', { evidence: { method: 'web-form', text: 't'.repeat(5001) } }, 'data.evidence.text'],
      ['consent.granted', { evidence: { method: 'web-form', documentSha256: 'A'.repeat(64) } }, 'data.evidence.documentSha256'],
      ['consent.granted', { evidence: { method: 'web-form', documentSha256: 'a'.repeat(63) } }, 'data.evidence.documentSha256'],
      ['consent.granted', { evidence: { method: 'web-form', url: 'ftp://files.example/consent.pdf' } }, 'data.evidence.url'],
      ['consent.granted', { evidence: { method: 'web-form', signature: 'x' } }, 'data.evidence.signature'],
      ['consent.granted', { pii: { ip: '999.0.0.1' } }, 'data.pii.ip'],
      ['consent.granted', { pii: { email: 'jordan.lee@example.com' } }, 'data.pii.email'],
      ['consent.granted', { expiresAt: '2026-03-01T12:30:00.000Z' }, 'data.expiresAt'],
      ['consent.granted', { expiresAt: '2026-03-01T07:29:59.999-05:00' }, 'data.expiresAt'],
      ['consent.granted', { expiresAt: '2027-03-01T00:00:00.0000001Z' }, 'data.expiresAt'],
      ['consent.withdrawn', { method: 'shouted' }, 'data.method'],
      ['consent.withdrawn', { reference: 'r'.repeat(501) }, 'data.reference'],
      ['consent.withdrawn', { pii: { email: 'jordan.lee@example.com' } }, 'data.pii'],
      ['relationship.recorded', { kind: 'test-drive', paymentType: undefined }, 'data.kind'],
      ['relationship.recorded', { kind: 'sale', paymentType: undefined }, 'data.paymentType'],
      ['relationship.recorded', { kind: 'payment', paymentType: 'crypto' }, 'data.paymentType'],
      ['relationship.recorded', { kind: 'inquiry', paymentType: 'cash' }, 'data.paymentType'],
      ['relationship.recorded', { kind: 'email-interaction', paymentType: undefined }, 'data.interaction'],
      ['relationship.recorded', { kind: 'sale', interaction: 'click' }, 'data.interaction'],
      ['relationship.recorded', { payee: 'bank' }, 'data.payee'],
      ['relationship.recorded', { contractEndsAt: '2029-02-30T00:00:00Z' }, 'data.contractEndsAt'],
      ['contact.attempted', { channel: 'all' }, 'data.channel'],
      ['contact.attempted', { purpose: 'all' }, 'data.purpose'],
      ['contact.attempted', { automated: 'yes' }, 'data.automated'],
      ['contact.attempted', { outcome: 'hung-up' }, 'data.outcome'],
      ['contact.attempted', { campaignId: '' }, 'data.campaignId'],
      ['contact.attempted', { pii: { phone: '+14165550123' } }, 'data.pii'],
      ['dnc.listed', { registry: 'state', region: undefined }, 'data.region'],
      ['dnc.listed', { registry: 'state', region: 'fl' }, 'data.region'],
      ['dnc.listed', { registry: 'national', region: 'FL' }, 'data.region'],
      ['dnc.removed', { registry: 'federal' }, 'data.registry'],
      ['export.requested', { scope: undefined }, 'data.scope'],
      ['export.requested', { scope: { description: 'd', fields: [] } }, 'data.scope.fields'],
      ['export.requested', { scope: { description: 'd', fields: 'name' } }, 'data.scope.fields'],
      ['export.requested', { scope: { description: 'd', fields: ['name', 'email', 7] } }, 'data.scope.fields.2'],
      ['export.requested', { scope: { description: 'd', fields: ['name'], customerIds: ['c-1', 'jordan@example.com'] } }, 'data.scope.customerIds.1'],
      ['export.requested', { scope: { description: 'd', fields: ['name'], recordCount: -1 } }, 'data.scope.recordCount'],
      ['export.requested', { scope: { description: 'd', fields: ['name'], recordCount: 2.5 } }, 'data.scope.recordCount'],
      ['export.requested', { scope: { fields: ['name'] } }, 'data.scope.description'],
      ['export.requested', { purpose: 'p'.repeat(501) }, 'data.purpose'],
      ['export.requested', { destination: undefined }, 'data.destination'],
      ['export.approved', { note: 'n'.repeat(501) }, 'data.note'],
      ['export.denied', { reason: undefined }, 'data.reason'],
      ['export.delivered', { recordCount: 1.5 }, 'data.recordCount'],
      ['export.delivered', { recordCount: -1 }, 'data.recordCount'],
      ['export.delivered', { recordCount: '2' }, 'data.recordCount'],
      ['export.delivered', { sha256: SHA256.toUpperCase() }, 'data.sha256'],
      ['export.delivered', { deliveredTo: undefined }, 'data.deliveredTo'],
      ['policy.adopted', { name: '' }, 'data.name'],
      ['policy.adopted', { version: 3.5 }, 'data.version'],
      ['policy.adopted', { version: '4' }, 'data.version'],
      ['policy.adopted', { rules: undefined }, 'data.rules'],
      ['policy.adopted', { rules: { retired: 'yes' } }, 'data.rules.retired'],
      ['policy.adopted', { rules: { retired: true, suppressions: 'ignore' } }, 'data.rules.retired'],
      ['policy.adopted', { rules: { windows: { lease: 'P13M' } } }, 'data.rules.windows.lease'],
      ['policy.adopted', { rules: { windows: { 'inquiry.cash': 'P90D' } } }, 'data.rules.windows.inquiry.cash'],
      ['policy.adopted', { rules: { windows: { 'sale.cash': '25 months' } } }, 'data.rules.windows.sale.cash'],
      ['policy.adopted', { rules: { windows: { sale: 'P' } } }, 'data.rules.windows.sale'],
      ['policy.adopted', { rules: { windows: { sale: 'P1.5Y' } } }, 'data.rules.windows.sale'],
      ['policy.adopted', { rules: { windows: { sale: 'P101Y' } } }, 'data.rules.windows.sale'],
      ['policy.adopted', { rules: { windows: ['P13M'] } }, 'data.rules.windows'],
      ['policy.adopted', { rules: { exclusion: { fax: 'P3D' } } }, 'data.rules.exclusion.fax'],
      ['policy.adopted', { rules: { exclusion: { email: 3 } } }, 'data.rules.exclusion.email'],
      ['policy.adopted', { rules: { suppressions: 'honor' } }, 'data.rules.suppressions'],
      ['policy.adopted', { rules: { appliesTo: { channels: ['email', 'fax'] } } }, 'data.rules.appliesTo.channels.1'],
      ['policy.adopted', { rules: { appliesTo: { purposes: [] } } }, 'data.rules.appliesTo.purposes'],
      ['policy.adopted', { rules: { appliesTo: { purposes: ['all'] } } }, 'data.rules.appliesTo.purposes.0'],
      ['policy.adopted', { rules: { appliesTo: { regions: ['ON'] } } }, 'data.rules.appliesTo.regions'],
      ['policy.adopted', { rules: { quietHours: 'PT1H' } }, 'data.rules.quietHours'],
      ['erasure.requested', { basis: 'because' }, 'data.basis'],
      ['erasure.requested', { pii: { name: 'Jordan Lee' } }, 'data.pii'],
    ])('%s: refuses %j at its path', (type, data, path) => {
      expect(problemsOf(cloudEvent(type, { data }))).toEqual([{ path, message: expect.any(String) }]);
    });

    it('explains conditional fields', () => {
      const message = (data: Json) => problemsOf(cloudEvent('relationship.recorded', { data }))[0].message;

      expect(message({ kind: 'sale', paymentType: undefined })).toBe('paymentType is required when kind is sale or payment');
      expect(message({ kind: 'repair-order', paymentType: 'cash' })).toBe('paymentType must be absent unless kind is sale or payment');
    });

    it('names the failing item of an array', () => {
      const body = cloudEvent('policy.adopted', { data: { rules: { appliesTo: { channels: ['fax', 'email', 'pager'] } } } });

      expect(problemsOf(body)).toEqual([
        { path: 'data.rules.appliesTo.channels.0', message: 'item 0 of channels must be one of email, sms, voice, mail' },
        { path: 'data.rules.appliesTo.channels.2', message: 'item 2 of channels must be one of email, sms, voice, mail' },
      ]);
    });

    it('reports an unknown field as not accepted', () => {
      expect(problemsOf(cloudEvent('dnc.removed', { data: { source: 'FTC' } }))).toEqual([{ path: 'data.source', message: 'source is not an accepted field' }]);
    });

    it('refuses keys that name Object.prototype members, which class-transformer would drop silently', () => {
      const body = JSON.parse(
        JSON.stringify(cloudEvent('dnc.removed')).replace('"registry"', '"__proto__":{"x":1},"toString":"x","constructor":"y","registry"'),
      );

      expect(pathsOf(body)).toEqual(['data.__proto__', 'data.toString', 'data.constructor']);
    });

    it('normalizes data timestamps given with an offset', () => {
      const [event] = acceptedEvents(cloudEvent('consent.granted', { data: { expiresAt: '2026-03-01T07:30:00.001-05:00' } }));

      expect(event.data.expiresAt).toBe('2026-03-01T12:30:00.001Z');
    });
  });

  describe('values anywhere in an event', () => {
    it('refuses a lone surrogate in a string', () => {
      expect(problemsOf(cloudEvent('consent.withdrawn', { data: { reference: 'ref-\ud800' } }))).toEqual([
        { path: 'data.reference', message: 'reference must be valid Unicode (it holds a lone surrogate)' },
      ]);
    });

    it('refuses U+0000, which the log cannot store', () => {
      expect(problemsOf(cloudEvent('consent.withdrawn', { data: { reference: 'ref-\u0000' } }))).toEqual([
        { path: 'data.reference', message: 'reference must not contain the character U+0000' },
      ]);
    });

    it('refuses a lone surrogate in an envelope attribute, an array item and a field name', () => {
      const body = cloudEvent('export.requested', {
        id: '\udc00',
        data: { scope: { description: 'd', fields: ['name', 'x\ud83d'] }, ['bad\udfff']: 1 },
      });

      expect(pathsOf(body)).toEqual(['id', 'data.scope.fields.1', 'data', 'data.bad\udfff']);
    });

    it('accepts surrogate pairs', () => {
      expect(acceptedEvents(cloudEvent('export.denied', { data: { reason: 'No agreement 😀' } }))).toHaveLength(1);
    });

    it('refuses a number beyond ±(2^53−1) wherever it is, with one problem per field', () => {
      const body = cloudEvent('export.delivered', { data: { recordCount: 2 ** 53, extra: -(2 ** 60) } });

      expect(problemsOf(body)).toEqual([
        { path: 'data.recordCount', message: 'recordCount must be between -(2^53-1) and 2^53-1' },
        { path: 'data.extra', message: 'extra must be between -(2^53-1) and 2^53-1' },
      ]);
    });

    it('accepts the largest safe integer', () => {
      expect(acceptedEvents(cloudEvent('export.delivered', { data: { recordCount: Number.MAX_SAFE_INTEGER } }))).toHaveLength(1);
    });

    it('stops at hostile nesting instead of recursing without bound', () => {
      let deep: unknown = 'bottom';
      for (let level = 0; level < 10_000; level++) deep = [deep];
      const body = cloudEvent('export.denied', { data: { deep } });

      expect(problemsOf(body)).toEqual([{ path: `data.deep${'.0'.repeat(14)}`, message: expect.stringContaining('nests deeper than 16 levels') }]);
    });
  });

  describe('personal data', () => {
    const secrets = ['Jordan\ud800Lee', 'jordan at example', '416-555-0123', 'x'.repeat(501), '999.1.2.3', 'Secret/Agent 1.0\ud800'];

    it('never echoes pii values in messages', () => {
      const problems = problemsOf(
        cloudEvent('customer.registered', { data: { pii: { name: secrets[0], email: secrets[1], phone: secrets[2], address: secrets[3], ssn: 'AAA-GG-SSSS' } } }),
        cloudEvent('consent.granted', { data: { pii: { ip: secrets[4], userAgent: secrets[5] } } }),
      );

      expect(problems.map(({ index, path }) => `${index} ${path}`).sort()).toEqual([
        '0 data.pii.address',
        '0 data.pii.email',
        '0 data.pii.name',
        '0 data.pii.phone',
        '0 data.pii.ssn',
        '1 data.pii.ip',
        '1 data.pii.userAgent',
      ]);
      const text = JSON.stringify(problems.map(({ message }) => message));
      for (const secret of [...secrets, 'AAA-GG-SSSS']) expect(text).not.toContain(JSON.stringify(secret).slice(1, -1));
    });
  });

  describe('several problems', () => {
    it('lists every problem of one event', () => {
      const body = cloudEvent('consent.granted', {
        specversion: '2.0',
        time: '2026-03-01T12:30:00.123456Z',
        data: { channel: 'fax', kind: undefined, evidence: { method: 'web-form', documentSha256: 'nope' }, pii: { ip: 'x' } },
      });

      expect(pathsOf(body)).toEqual(['specversion', 'time', 'data.channel', 'data.kind', 'data.evidence.documentSha256', 'data.pii.ip']);
    });

    it('lists the problems of every event of a batch with their indexes', () => {
      const problems = problemsOf(
        cloudEvent('dnc.listed', { data: { registry: 'state', region: undefined } }),
        cloudEvent('erasure.requested'),
        cloudEvent('contact.attempted', { subject: 'c 1', data: { outcome: 'maybe' } }),
      );

      expect(problems).toEqual([
        { index: 0, path: 'data.region', message: 'region is required when registry is state' },
        { index: 2, path: 'subject', message: expect.any(String) },
        { index: 2, path: 'data.outcome', message: expect.any(String) },
      ]);
    });

    it('omits the index for a single event', () => {
      const result = validateIncomingEvents([cloudEvent('erasure.requested', { subject: '' })], { now: NOW, batch: false });

      expect(result).toEqual({ ok: false, problems: [{ path: 'subject', message: expect.any(String) }] });
    });

    it('sets the index for a batch of one', () => {
      const result = validateIncomingEvents([cloudEvent('erasure.requested', { subject: '' })], { now: NOW, batch: true });

      expect(result).toEqual({ ok: false, problems: [{ index: 0, path: 'subject', message: expect.any(String) }] });
    });

    it('refuses an empty batch', () => {
      expect(validateIncomingEvents([], { now: NOW, batch: true })).toEqual({ ok: false, problems: [{ path: '', message: 'the batch holds no events' }] });
    });
  });

  describe('the same source and id twice in one request', () => {
    it('accepts both when they are identical after normalization', () => {
      const events = acceptedEvents(cloudEvent('erasure.requested'), cloudEvent('erasure.requested', { time: '2026-03-01T12:30:00Z' }));

      expect(events).toHaveLength(2);
    });

    it('refuses the second, naming the first, when they differ', () => {
      const problems = problemsOf(
        cloudEvent('erasure.requested'),
        cloudEvent('dnc.removed'),
        cloudEvent('erasure.requested', { data: { basis: 'other' } }),
      );

      expect(problems).toEqual([{ index: 2, path: 'id', message: 'id and source repeat those of event 0 with different content' }]);
    });
  });
});
