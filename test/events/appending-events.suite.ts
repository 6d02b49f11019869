import canonicalize from 'canonicalize';
import { createHash } from 'node:crypto';
import { cloudEvent, customerId, registrations } from '../support/cloud-events';
import { AppendAnswer, eventsApi } from '../support/events-api';
import { TestService } from '../support/http-app';
import { errorLocations, errorPaths, expectProblem, expectUnauthenticated } from '../support/problem-details';

const ISO_MILLISECONDS = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
const SHA256_BASE64 = /^[A-Za-z0-9+/]{43}=$/;
const FIVE_MIB = 5 * 1024 * 1024;

/** API.md "Events": `POST /v1/events`, over HTTP. */
export function appendingEvents(service: () => TestService): void {
  const api = eventsApi(service);
  const answer = (reply: { body: unknown }) => reply.body as AppendAnswer;

  describe('content modes', () => {
    it.each(['application/json', 'application/cloudevents+json', 'application/json; charset=utf-8'])(
      'appends one structured event sent as %s: 201 with its sequence, recordedAt and leaf hash',
      async (contentType) => {
        const tenant = await service().createTenant();
        const event = cloudEvent('customer.registered');

        const reply = await api.append(tenant.emitter, event, { 'content-type': contentType });

        expect(reply.status).toBe(201);
        expect(reply.body).toEqual({
          appended: 1,
          duplicates: 0,
          position: 0,
          events: [{ id: event.id, source: event.source, sequence: 0, recordedAt: expect.stringMatching(ISO_MILLISECONDS), leafHash: expect.stringMatching(SHA256_BASE64), duplicate: false }],
        });
      },
    );

    it.each(['application/cloudevents-batch+json', 'application/json'])('appends a batch sent as %s, in order, with dense sequences', async (contentType) => {
      const tenant = await service().createTenant();
      const batch = registrations(3);

      const reply = await api.append(tenant.emitter, batch, { 'content-type': contentType });

      expect(reply.status).toBe(201);
      expect(answer(reply)).toMatchObject({ appended: 3, duplicates: 0, position: 2 });
      expect(answer(reply).events.map(({ id, sequence }) => ({ id, sequence }))).toEqual(batch.map(({ id }, sequence) => ({ id, sequence })));
      expect((await api.entries(tenant.auditor)).map(({ id }) => id)).toEqual(batch.map(({ id }) => id));
    });

    it('appends an event in binary mode: attributes in ce-* headers, data as the body', async () => {
      const tenant = await service().createTenant();
      const { data, ...attributes } = cloudEvent('consent.withdrawn', { time: '2026-02-01T09:30:00.000-05:00' });
      const headers = Object.fromEntries(Object.entries(attributes).map(([name, value]) => [`ce-${name}`, String(value)]));

      const reply = await api.appendRaw(tenant.emitter, JSON.stringify(data), 'application/json', headers);

      expect(reply.status).toBe(201);
      const [entry] = await api.entries(tenant.auditor);
      expect(entry).toMatchObject({ id: attributes.id, source: attributes.source, type: 'consent.withdrawn', subject: attributes.subject, time: '2026-02-01T14:30:00.000Z', data });
    });

    it('refuses an unknown attribute in binary mode, and a batch as binary data', async () => {
      const tenant = await service().createTenant();
      const { data, ...attributes } = cloudEvent('customer.registered');
      const headers = Object.fromEntries(Object.entries(attributes).map(([name, value]) => [`ce-${name}`, String(value)]));

      const unknown = await api.appendRaw(tenant.emitter, JSON.stringify(data), 'application/json', { ...headers, 'ce-dealer': 'lakeside' });
      const batch = await api.appendRaw(tenant.emitter, JSON.stringify([data, data]), 'application/json', headers);

      expect(errorLocations(expectProblem(unknown, 400, 'validation'))).toEqual([{ path: 'dealer' }]);
      expectProblem(batch, 400, 'validation');
      expect(await api.entries(tenant.auditor)).toEqual([]);
    });

    it.each(['text/plain', 'application/xml', 'application/x-www-form-urlencoded'])('answers 415 to Content-Type %s', async (contentType) => {
      const tenant = await service().createTenant();

      const reply = await api.appendRaw(tenant.emitter, JSON.stringify(cloudEvent('customer.registered')), contentType);

      expectProblem(reply, 415, 'unsupported-media-type');
    });

    it('refuses a batch media type carrying one object, and the single-event media type carrying an array', async () => {
      const tenant = await service().createTenant();

      expectProblem(await api.append(tenant.emitter, cloudEvent('customer.registered'), { 'content-type': 'application/cloudevents-batch+json' }), 400, 'validation');
      expectProblem(await api.append(tenant.emitter, registrations(2), { 'content-type': 'application/cloudevents+json' }), 400, 'validation');
      expect(await api.entries(tenant.auditor)).toEqual([]);
    });

    it('refuses an empty batch, a body that is not an event and a body that is not JSON (400)', async () => {
      const tenant = await service().createTenant();

      expectProblem(await api.append(tenant.emitter, []), 400, 'validation');
      expectProblem(await api.append(tenant.emitter, 'consent.granted'), 400, 'validation');
      expectProblem(await api.appendRaw(tenant.emitter, '{"specversion": "1.0",', 'application/json'), 400, 'validation');
    });
  });

  describe('what the log records', () => {
    it('continues sequences across requests; position is the highest sequence of the request', async () => {
      const tenant = await service().createTenant();

      const first = answer(await api.append(tenant.emitter, registrations(3)));
      const second = answer(await api.append(tenant.emitter, cloudEvent('customer.registered')));

      expect([first.position, second.position]).toEqual([2, 3]);
      expect(second.events[0]!.sequence).toBe(3);
    });

    it('never lets recordedAt decrease along the sequence', async () => {
      const tenant = await service().createTenant();
      for (let request = 0; request < 5; request++) await api.append(tenant.emitter, registrations(2));

      const recordedAt = (await api.entries(tenant.auditor)).map((entry) => entry.recordedAt);

      expect(recordedAt).toHaveLength(10);
      expect([...recordedAt].sort()).toEqual(recordedAt);
    });

    it('answers each event with the sequence, recordedAt and leaf hash the log holds', async () => {
      const tenant = await service().createTenant();

      const { events } = answer(await api.append(tenant.emitter, registrations(2)));

      const entries = await api.entries(tenant.auditor);
      expect(events.map(({ sequence, recordedAt, leafHash }) => ({ sequence, recordedAt, leafHash }))).toEqual(
        entries.map(({ sequence, recordedAt, leafHash }) => ({ sequence, recordedAt, leafHash })),
      );
      for (const { leafHash, pii: _pii, ...fields } of entries) {
        const leafInput = canonicalize({ ...fields, tenant: tenant.id })!;
        expect(leafHash).toBe(createHash('sha256').update(Buffer.from([0])).update(leafInput, 'utf8').digest('base64'));
      }
    });

    it('adds recordedBy (the appending key) and prevSubjectSequence to every entry', async () => {
      const tenant = await service().createTenant();
      const subject = customerId();
      await api.append(tenant.emitter, [cloudEvent('customer.registered', { subject }), cloudEvent('customer.registered')]);
      await api.append(tenant.admin, cloudEvent('consent.withdrawn', { subject }));

      const entries = await api.entries(tenant.auditor);

      expect(entries.map(({ recordedBy, prevSubjectSequence }) => ({ recordedBy, prevSubjectSequence }))).toEqual([
        { recordedBy: { keyId: tenant.keyIds.emitter, role: 'emitter', label: 'emitter key' }, prevSubjectSequence: null },
        { recordedBy: { keyId: tenant.keyIds.emitter, role: 'emitter', label: 'emitter key' }, prevSubjectSequence: null },
        { recordedBy: { keyId: tenant.keyIds.admin, role: 'admin', label: 'admin key' }, prevSubjectSequence: 0 },
      ]);
    });

    it('never accepts recordedBy from the client, as an attribute or in data', async () => {
      const tenant = await service().createTenant();
      const recordedBy = { keyId: 'key_forged', role: 'admin', label: 'forged' };

      const reply = await api.append(tenant.emitter, [cloudEvent('customer.registered', { recordedBy }), cloudEvent('customer.registered', { data: { recordedBy } })]);

      expect(errorLocations(expectProblem(reply, 400, 'validation'))).toEqual([
        { index: 0, path: 'recordedBy' },
        { index: 1, path: 'data.recordedBy' },
      ]);
    });

    it('accepts dataschema, traceparent, tracestate and datacontenttype application/json, and stores none of them', async () => {
      const tenant = await service().createTenant();
      const event = cloudEvent('customer.registered', {
        datacontenttype: 'application/json',
        dataschema: 'https://schemas.example.com/customer-registered.json',
        traceparent: '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01',
        tracestate: 'vendor=opaque',
      });

      expect((await api.append(tenant.emitter, event)).status).toBe(201);

      const [entry] = await api.entries(tenant.auditor);
      expect(Object.keys(entry!).sort()).toEqual(['data', 'id', 'leafHash', 'prevSubjectSequence', 'recordedAt', 'recordedBy', 'sequence', 'source', 'subject', 'time', 'type']);
    });

    it('accepts events for a customer that was never registered', async () => {
      const tenant = await service().createTenant();

      const reply = await api.append(tenant.emitter, [cloudEvent('consent.withdrawn'), cloudEvent('contact.attempted'), cloudEvent('dnc.listed')]);

      expect(reply.status).toBe(201);
      expect(answer(reply).appended).toBe(3);
    });

    it('shows an appended event to the very next read (read-your-writes)', async () => {
      const tenant = await service().createTenant();

      for (let round = 0; round < 10; round++) {
        const event = cloudEvent('contact.attempted');
        const { position } = answer(await api.append(tenant.emitter, event));
        const one = await api.entry(tenant.auditor, position);
        const page = await api.readPage(tenant.auditor, `?after=${position - 1}&subject=${event.subject}`);
        expect([one.status, (one.body as { id: string }).id]).toEqual([200, event.id]);
        expect((page.body as { items: Array<{ id: string }> }).items.map(({ id }) => id)).toEqual([event.id]);
      }
    });
  });

  describe('idempotency', () => {
    it('answers 200 with duplicate: true and the original sequence when an event is re-sent, appending nothing', async () => {
      const tenant = await service().createTenant();
      const event = cloudEvent('customer.registered');
      const first = answer(await api.append(tenant.emitter, event));

      const again = await api.append(tenant.emitter, event);

      expect(again.status).toBe(200);
      expect(again.body).toEqual({ appended: 0, duplicates: 1, position: 0, events: [{ ...first.events[0], duplicate: true }] });
      expect(await api.entries(tenant.auditor)).toHaveLength(1);
    });

    it('treats the same instant written with another offset as the same content', async () => {
      const tenant = await service().createTenant();
      const event = cloudEvent('consent.granted', { time: '2026-03-01T10:00:00Z', data: { expiresAt: '2027-03-01T10:00:00.000Z' } });
      await api.append(tenant.emitter, event);

      const again = await api.append(tenant.emitter, { ...event, time: '2026-03-01T05:00:00.000-05:00', data: { ...event.data, expiresAt: '2027-03-01T11:00:00+01:00' } });

      expect(again.status).toBe(200);
      expect(answer(again).events[0]).toMatchObject({ sequence: 0, duplicate: true });
    });

    it('recognises a retry by its stored content: other trace context or datacontenttype, same personal data', async () => {
      const tenant = await service().createTenant();
      const event = cloudEvent('customer.registered', { traceparent: '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01', data: { pii: { name: 'Jane Doe' } } });
      await api.append(tenant.emitter, event);

      const retry = await api.append(tenant.emitter, { ...event, traceparent: '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01', datacontenttype: 'application/json' });
      const otherPii = await api.append(tenant.emitter, { ...event, data: { ...event.data, pii: { name: 'Jane Roe' } } });

      expect([retry.status, answer(retry).events[0]!.duplicate]).toEqual([200, true]);
      expectProblem(otherPii, 409, 'duplicate-conflict');
      expect(await api.entries(tenant.auditor)).toHaveLength(1);
    });

    it('answers 201 to a batch mixing new and already-appended events, counting each', async () => {
      const tenant = await service().createTenant();
      const [old, fresh] = registrations(2);
      await api.append(tenant.emitter, old);

      const reply = await api.append(tenant.emitter, [fresh, old]);

      expect(reply.status).toBe(201);
      expect(answer(reply)).toMatchObject({ appended: 1, duplicates: 1, position: 1 });
      expect(answer(reply).events.map(({ sequence, duplicate }) => ({ sequence, duplicate }))).toEqual([
        { sequence: 1, duplicate: false },
        { sequence: 0, duplicate: true },
      ]);
    });

    it('answers 409 duplicate-conflict naming the index and the conflicting sequence when content differs; nothing is appended', async () => {
      const tenant = await service().createTenant();
      const event = cloudEvent('consent.withdrawn');
      await api.append(tenant.emitter, [cloudEvent('customer.registered'), event]);

      const reply = await api.append(tenant.emitter, [cloudEvent('customer.registered'), { ...event, data: { ...event.data, channel: 'sms' } }]);

      const problem = expectProblem(reply, 409, 'duplicate-conflict');
      expect(problem.errors).toEqual([{ index: 1, path: expect.any(String), message: expect.stringMatching(/\b1\b/) }]);
      expect(await api.entries(tenant.auditor)).toHaveLength(2);
    });

    it('answers 409 duplicate-conflict to a single re-sent event with other content', async () => {
      const tenant = await service().createTenant();
      const event = cloudEvent('customer.registered');
      await api.append(tenant.emitter, event);

      const problem = expectProblem(await api.append(tenant.emitter, { ...event, time: '2026-01-16T10:00:00.000Z' }), 409, 'duplicate-conflict');

      expect(problem.errors).toEqual([{ path: 'id', message: expect.stringMatching(/\b0\b/) }]);
    });

    it('names index 0 in the problems of a batch holding one event, as it does for invalid events', async () => {
      const tenant = await service().createTenant();
      const event = cloudEvent('customer.registered');
      await api.append(tenant.emitter, event);

      const conflict = await api.append(tenant.emitter, [{ ...event, subject: customerId() }]);
      const invalid = await api.append(tenant.emitter, [{ ...event, subject: 'jane@example.com' }]);

      expect(errorLocations(expectProblem(conflict, 409, 'duplicate-conflict'))).toEqual([{ index: 0, path: 'id' }]);
      expect(errorLocations(expectProblem(invalid, 400, 'validation'))).toEqual([{ index: 0, path: 'subject' }]);
    });

    it('identifies an event by source and id within its tenant: another source or another tenant is another event', async () => {
      const [tenant, other] = [await service().createTenant(), await service().createTenant()];
      const event = cloudEvent('customer.registered');
      await api.append(tenant.emitter, event);

      const otherSource = await api.append(tenant.emitter, { ...event, source: 'urn:crm:other' });
      const otherTenant = await api.append(other.emitter, event);

      expect([otherSource.status, answer(otherSource).events[0]!.sequence]).toEqual([201, 1]);
      expect([otherTenant.status, answer(otherTenant).events[0]!.sequence]).toEqual([201, 0]);
    });

    it('answers the second of two identical events in one request as a duplicate of the first', async () => {
      const tenant = await service().createTenant();
      const event = cloudEvent('customer.registered');

      const reply = await api.append(tenant.emitter, [event, cloudEvent('customer.registered'), event]);

      expect(reply.status).toBe(201);
      const { events, ...counts } = answer(reply);
      expect(counts).toEqual({ appended: 2, duplicates: 1, position: 1 });
      expect(events[2]).toEqual({ ...events[0], duplicate: true });
      expect(await api.entries(tenant.auditor)).toHaveLength(2);
    });

    it('answers 400 naming both indexes when one request repeats a source and id with other content; nothing is appended', async () => {
      const tenant = await service().createTenant();
      const event = cloudEvent('customer.registered');

      const reply = await api.append(tenant.emitter, [event, cloudEvent('customer.registered'), { ...event, subject: customerId() }]);

      const problem = expectProblem(reply, 400, 'validation');
      expect(problem.errors).toEqual([{ index: 2, path: expect.any(String), message: expect.stringMatching(/\b0\b/) }]);
      expect(await api.entries(tenant.auditor)).toEqual([]);
    });
  });

  describe('validation', () => {
    it('appends nothing of a batch with one invalid event', async () => {
      const tenant = await service().createTenant();

      const reply = await api.append(tenant.emitter, [...registrations(3), cloudEvent('consent.granted', { data: { channel: 'fax' } })]);

      expect(errorLocations(expectProblem(reply, 400, 'validation'))).toEqual([{ index: 3, path: 'data.channel' }]);
      expect(await api.entries(tenant.auditor)).toEqual([]);
    });

    it('lists every problem of every event, each with its index and path', async () => {
      const tenant = await service().createTenant();
      const batch = [
        cloudEvent('customer.registered'),
        cloudEvent('customer.registered', { type: 'customer.deleted' }),
        cloudEvent('consent.granted', { subject: undefined, specversion: '0.3', data: { channel: 'fax', kind: undefined, evidence: { method: 'web-form', colour: 'red' } } }),
        cloudEvent('dnc.listed', { vendor: 'acme', data: { region: 'ON' } }),
      ];

      const reply = await api.append(tenant.emitter, batch);

      const locations = errorLocations(expectProblem(reply, 400, 'validation'));
      expect(locations).toHaveLength(8);
      expect(locations).toEqual(
        expect.arrayContaining([
          { index: 1, path: 'type' },
          { index: 2, path: 'subject' },
          { index: 2, path: 'specversion' },
          { index: 2, path: 'data.channel' },
          { index: 2, path: 'data.kind' },
          { index: 2, path: 'data.evidence.colour' },
          { index: 3, path: 'vendor' },
          { index: 3, path: 'data.region' },
        ]),
      );
      expect(await api.entries(tenant.auditor)).toEqual([]);
    });

    it("gives a single event's problems a path and no index", async () => {
      const tenant = await service().createTenant();

      const reply = await api.append(tenant.emitter, cloudEvent('consent.withdrawn', { data: { method: 'carrier-pigeon', reason: 'none' } }));

      expect(errorLocations(expectProblem(reply, 400, 'validation'))).toEqual(expect.arrayContaining([{ path: 'data.method' }, { path: 'data.reason' }]));
    });

    it('requires every mandatory attribute and data', async () => {
      const tenant = await service().createTenant();

      const reply = await api.append(tenant.emitter, [{ type: 'customer.registered' }, { ...cloudEvent('consent.withdrawn'), data: {} }]);

      const locations = errorLocations(expectProblem(reply, 400, 'validation'));
      expect(locations).toHaveLength(10);
      expect(locations).toEqual(
        expect.arrayContaining([
          ...['specversion', 'id', 'source', 'subject', 'time', 'data'].map((path) => ({ index: 0, path })),
          ...['data.actor', 'data.channel', 'data.purpose', 'data.method'].map((path) => ({ index: 1, path })),
        ]),
      );
    });

    it('refuses a datacontenttype other than application/json', async () => {
      const tenant = await service().createTenant();

      const reply = await api.append(tenant.emitter, cloudEvent('customer.registered', { datacontenttype: 'application/xml' }));

      expect(errorLocations(expectProblem(reply, 400, 'validation'))).toEqual([{ path: 'datacontenttype' }]);
    });

    it.each([
      ['an email address', 'jane.doe@example.com'],
      ['a phone number', '+14165550123'],
      ['more than 128 characters', 'c'.repeat(129)],
    ])('refuses %s as a subject or actor id', async (_, id) => {
      const tenant = await service().createTenant();

      const reply = await api.append(tenant.emitter, cloudEvent('customer.registered', { subject: id, data: { actor: { type: 'customer', id } } }));

      expect(errorPaths(expectProblem(reply, 400, 'validation'))).toEqual(['data.actor.id', 'subject']);
    });

    it('refuses a string that is not valid Unicode and an integer beyond ±(2^53−1)', async () => {
      const tenant = await service().createTenant();
      const event = cloudEvent('policy.adopted', { data: { name: 'NAME', version: 0 } });
      const body = JSON.stringify(event).replace('"NAME"', '"\\ud800 quiet"').replace('"version":0', '"version":9007199254740993');

      const reply = await api.appendRaw(tenant.admin, body, 'application/json');

      expect(errorPaths(expectProblem(reply, 400, 'validation'))).toEqual(['data.name', 'data.version']);
    });
  });

  describe('timestamps', () => {
    it('stores timestamps with any offset, in the envelope and in data, as UTC with milliseconds', async () => {
      const tenant = await service().createTenant();
      const event = cloudEvent('consent.granted', { time: '2026-01-15T05:30:00-05:00', data: { expiresAt: '2027-01-15T10:00:00.25+01:00' } });

      expect((await api.append(tenant.emitter, event)).status).toBe(201);

      const [entry] = await api.entries(tenant.auditor);
      expect(entry).toMatchObject({ time: '2026-01-15T10:30:00.000Z', data: { expiresAt: '2027-01-15T09:00:00.250Z' } });
    });

    it('refuses sub-millisecond precision in the envelope and in data', async () => {
      const tenant = await service().createTenant();
      const event = cloudEvent('consent.granted', { time: '2026-01-15T10:00:00.0001Z', data: { expiresAt: '2027-01-15T10:00:00.123456+01:00' } });

      const reply = await api.append(tenant.emitter, event);

      expect(errorPaths(expectProblem(reply, 400, 'validation'))).toEqual(['data.expiresAt', 'time']);
    });

    it('refuses a time more than 5 minutes in the future, and accepts one a minute ahead and backfills', async () => {
      const tenant = await service().createTenant();
      const inMinutes = (minutes: number) => new Date(Date.now() + minutes * 60_000).toISOString();

      const tooLate = await api.append(tenant.emitter, cloudEvent('customer.registered', { time: inMinutes(10) }));
      const accepted = await api.append(tenant.emitter, [cloudEvent('customer.registered', { time: inMinutes(1) }), cloudEvent('customer.registered', { time: '1999-12-31T23:59:59.999Z' })]);

      expect(errorLocations(expectProblem(tooLate, 400, 'validation'))).toEqual([{ path: 'time' }]);
      expect(accepted.status).toBe(201);
    });
  });

  describe('limits', () => {
    it('appends a batch of exactly 1,000 events', async () => {
      const tenant = await service().createTenant();

      const reply = await api.append(tenant.emitter, registrations(1000), { 'content-type': 'application/cloudevents-batch+json' });

      expect([reply.status, answer(reply).appended, answer(reply).position]).toEqual([201, 1000, 999]);
    });

    it('answers 413 to more than 1,000 events, with or without a key', async () => {
      const tenant = await service().createTenant();
      const batch = registrations(1001);

      expectProblem(await api.append(tenant.emitter, batch, { 'content-type': 'application/cloudevents-batch+json' }), 413, 'payload-too-large');
      expectProblem(await api.append(undefined, batch), 413, 'payload-too-large');
      expect(await api.entries(tenant.auditor)).toEqual([]);
    });

    it('appends a body of exactly 5 MiB and answers 413 to one byte more, with or without a key', async () => {
      const tenant = await service().createTenant();
      const padded = (event: object, bytes: number) => JSON.stringify(event).padEnd(bytes, ' ');

      const atLimit = await api.appendRaw(tenant.emitter, padded(cloudEvent('customer.registered'), FIVE_MIB), 'application/json');
      const overLimit = await api.appendRaw(tenant.emitter, padded(cloudEvent('customer.registered'), FIVE_MIB + 1), 'application/json');
      const overLimitWithoutKey = await api.appendRaw(undefined, padded(cloudEvent('customer.registered'), FIVE_MIB + 1), 'application/json');

      expect(atLimit.status).toBe(201);
      expectProblem(overLimit, 413, 'payload-too-large');
      expectProblem(overLimitWithoutKey, 413, 'payload-too-large');
      expect(await api.entries(tenant.auditor)).toHaveLength(1);
    });
  });

  describe('when several errors apply, the first of 415, 413, 401, 403, 400, 409 wins', () => {
    it('415, then 413, before 401: without a key, an oversized body is a 413, and a 415 when its type is unsupported', async () => {
      const oversized = JSON.stringify(cloudEvent('customer.registered')).padEnd(FIVE_MIB + 1, ' ');

      expectProblem(await api.appendRaw(undefined, oversized, 'application/json'), 413, 'payload-too-large');
      expectProblem(await api.appendRaw(undefined, oversized, 'text/plain'), 415, 'unsupported-media-type');
      expectProblem(await api.appendRaw(undefined, 'hello', 'text/plain'), 415, 'unsupported-media-type');
    });

    it('401 before 400: a malformed or invalid body without a key, or with a revoked one', async () => {
      const tenant = await service().createTenant();
      await service().send('DELETE', `/v1/tenants/${tenant.id}/keys/${tenant.keyIds.emitter}`, { key: tenant.admin });

      expectUnauthenticated(await api.appendRaw(undefined, '{"not json', 'application/json'));
      expectUnauthenticated(await api.append(undefined, cloudEvent('customer.registered', { type: 'customer.deleted' })));
      expectUnauthenticated(await api.append(tenant.emitter, [cloudEvent('customer.registered', { subject: 'a@b.c' })]));
    });

    it('401 before 400: a body that is not UTF-8 is a 400 for an emitter, a 401 without a key', async () => {
      const tenant = await service().createTenant();
      const text = JSON.stringify(cloudEvent('customer.registered', { data: { actor: { type: 'system', id: 's-1', name: 'Zoë' } } }));
      const latin1 = Buffer.from(text, 'latin1');

      expectProblem(await api.appendRaw(tenant.emitter, latin1, 'application/json'), 400, 'validation');
      expectUnauthenticated(await api.appendRaw(undefined, latin1, 'application/json'));
      expect(await api.entries(tenant.auditor)).toEqual([]);
    });

    it('403 before 400: an auditor with a malformed body, an emitter batch with an erasure and an invalid event', async () => {
      const tenant = await service().createTenant();

      expectProblem(await api.appendRaw(tenant.auditor, '{"not json', 'application/json'), 403, 'forbidden');
      expectProblem(await api.append(tenant.emitter, [cloudEvent('erasure.requested'), cloudEvent('consent.granted', { data: { channel: 'fax' } })]), 403, 'forbidden');
    });

    it('400 before 409: a batch with a conflicting duplicate and an invalid event', async () => {
      const tenant = await service().createTenant();
      const event = cloudEvent('customer.registered');
      await api.append(tenant.emitter, event);

      const reply = await api.append(tenant.emitter, [{ ...event, subject: customerId() }, cloudEvent('customer.registered', { time: 'yesterday' })]);

      expect(errorLocations(expectProblem(reply, 400, 'validation'))).toEqual([{ index: 1, path: 'time' }]);
    });
  });

  describe('erasure requests and policies', () => {
    it('answers 403 to an emitter whose request contains erasure.requested, appending nothing', async () => {
      const tenant = await service().createTenant();

      const batch = await api.append(tenant.emitter, [cloudEvent('customer.registered'), cloudEvent('erasure.requested')]);
      const single = await api.append(tenant.emitter, cloudEvent('erasure.requested'));

      expectProblem(batch, 403, 'forbidden');
      expectProblem(single, 403, 'forbidden');
      expect(await api.entries(tenant.auditor)).toEqual([]);
    });

    it('appends erasure.requested from an admin, even for an id never seen', async () => {
      const tenant = await service().createTenant();

      const reply = await api.append(tenant.admin, cloudEvent('erasure.requested'));

      expect([reply.status, answer(reply).appended]).toEqual([201, 1]);
    });

    it('answers 409 version-conflict to a policy version not greater than the last, appending nothing of the request', async () => {
      const tenant = await service().createTenant();
      const policy = (version: number, subject = 'quiet-customers') => cloudEvent('policy.adopted', { subject, data: { version } });
      expect((await api.append(tenant.admin, policy(2))).status).toBe(201);

      const equal = await api.append(tenant.admin, [cloudEvent('customer.registered'), policy(2)]);
      const lower = await api.append(tenant.admin, policy(1));
      const downgradeInOneRequest = await api.append(tenant.admin, [policy(5), policy(4)]);

      expect(expectProblem(equal, 409, 'version-conflict').errors).toEqual([expect.objectContaining({ index: 1, path: 'data.version' })]);
      expectProblem(lower, 409, 'version-conflict');
      expectProblem(downgradeInOneRequest, 409, 'version-conflict');
      expect(await api.entries(tenant.auditor)).toHaveLength(1);
    });

    it('accepts a greater policy version, and versions each policy on its own', async () => {
      const tenant = await service().createTenant();
      const policy = (version: number, subject: string) => cloudEvent('policy.adopted', { subject, data: { version } });
      await api.append(tenant.emitter, policy(1, 'quiet-customers'));

      const reply = await api.append(tenant.emitter, [policy(2, 'quiet-customers'), policy(1, 'weekend-calls')]);

      expect([reply.status, answer(reply).appended]).toEqual([201, 2]);
    });
  });
}
