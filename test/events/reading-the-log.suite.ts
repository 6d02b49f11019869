import canonicalize from 'canonicalize';
import { createHash, randomBytes } from 'node:crypto';
import { LedgerDatabase } from '../../src/store/ledger-database';
import { cloudEvent, customerId, registrations } from '../support/cloud-events';
import { eventsApi, LogEntry, LogPage } from '../support/events-api';
import { TestService } from '../support/http-app';
import { errorLocations, errorPaths, expectProblem } from '../support/problem-details';

const ENTRY_FIELDS = ['data', 'id', 'leafHash', 'prevSubjectSequence', 'recordedAt', 'recordedBy', 'sequence', 'source', 'subject', 'time', 'type'];

/** API.md "Reading the log" and personal data in entries, over HTTP. */
export function readingTheLog(service: () => TestService): void {
  const api = eventsApi(service);
  const page = async (key: string, query: string) => {
    const reply = await api.readPage(key, query);
    expect(reply.status).toBe(200);
    const { items, next } = reply.body as LogPage;
    return { sequences: items.map((entry) => entry.sequence), next };
  };

  describe('GET /v1/events', () => {
    it('answers entries exactly as stored, with the fields API.md lists', async () => {
      const tenant = await service().createTenant();
      const event = cloudEvent('consent.withdrawn', { time: '2026-01-16T10:00:00.000Z' });
      await api.append(tenant.emitter, event);

      const reply = await api.readPage(tenant.auditor, '');

      expect(reply.status).toBe(200);
      const { items, next } = reply.body as LogPage;
      expect(next).toBeNull();
      expect(Object.keys(items[0]!).sort()).toEqual(ENTRY_FIELDS);
      expect(items[0]).toMatchObject({ sequence: 0, id: event.id, source: event.source, type: event.type, subject: event.subject, time: event.time, data: event.data, prevSubjectSequence: null });
    });

    it('pages with after and limit; next is the last sequence of a full page, else null', async () => {
      const tenant = await service().createTenant();
      await api.append(tenant.emitter, registrations(5));

      expect(await page(tenant.auditor, '?limit=2')).toEqual({ sequences: [0, 1], next: 1 });
      expect(await page(tenant.auditor, '?after=1&limit=2')).toEqual({ sequences: [2, 3], next: 3 });
      expect(await page(tenant.auditor, '?after=3&limit=2')).toEqual({ sequences: [4], next: null });
      expect(await page(tenant.auditor, '?after=-1&limit=5')).toEqual({ sequences: [0, 1, 2, 3, 4], next: 4 });
      expect(await page(tenant.auditor, '?after=4')).toEqual({ sequences: [], next: null });
    });

    it('defaults to after -1 and a limit of 100', async () => {
      const tenant = await service().createTenant();
      await api.append(tenant.emitter, registrations(101));

      const first = await page(tenant.auditor, '');

      expect({ count: first.sequences.length, from: first.sequences[0], next: first.next }).toEqual({ count: 100, from: 0, next: 99 });
      expect(await page(tenant.auditor, `?after=${first.next}`)).toEqual({ sequences: [100], next: null });
    });

    it('accepts limits from 1 to 1000', async () => {
      const tenant = await service().createTenant();
      await api.append(tenant.emitter, registrations(2));

      expect(await page(tenant.auditor, '?limit=1')).toEqual({ sequences: [0], next: 0 });
      expect(await page(tenant.auditor, '?limit=1000')).toEqual({ sequences: [0, 1], next: null });
    });

    it('answers 400 listing both a bad after and a bad limit', async () => {
      const tenant = await service().createTenant();

      for (const query of ['?after=-2&limit=0', '?after=1.5&limit=1001', '?after=first&limit=ten']) {
        const problem = expectProblem(await api.readPage(tenant.auditor, query), 400, 'validation');
        expect(errorPaths(problem)).toEqual(['after', 'limit']);
      }
    });

    it('filters by a comma-separated list of types, before the limit', async () => {
      const tenant = await service().createTenant();
      await api.append(tenant.emitter, [
        cloudEvent('customer.registered'),
        cloudEvent('consent.withdrawn'),
        cloudEvent('customer.registered'),
        cloudEvent('dnc.listed'),
        cloudEvent('contact.attempted'),
        cloudEvent('consent.withdrawn'),
      ]);

      expect(await page(tenant.auditor, '?type=consent.withdrawn,dnc.listed&limit=2')).toEqual({ sequences: [1, 3], next: 3 });
      expect(await page(tenant.auditor, '?type=consent.withdrawn,dnc.listed&limit=2&after=3')).toEqual({ sequences: [5], next: null });
      expect(await page(tenant.auditor, '?type=contact.attempted')).toEqual({ sequences: [4], next: null });
    });

    it('filters by subject, before the limit', async () => {
      const tenant = await service().createTenant();
      const subject = customerId();
      await api.append(tenant.emitter, [
        cloudEvent('customer.registered', { subject }),
        cloudEvent('customer.registered'),
        cloudEvent('customer.registered'),
        cloudEvent('consent.withdrawn', { subject }),
        cloudEvent('dnc.listed', { subject }),
      ]);

      expect(await page(tenant.auditor, `?subject=${subject}&limit=2`)).toEqual({ sequences: [0, 3], next: 3 });
      expect(await page(tenant.auditor, `?subject=${subject}&type=dnc.listed,customer.registered`)).toEqual({ sequences: [0, 4], next: null });
      expect(await page(tenant.auditor, `?subject=${customerId()}`)).toEqual({ sequences: [], next: null });
    });

    it('answers 400 to an unknown type in the list and to a subject that is not an id', async () => {
      const tenant = await service().createTenant();

      expect(errorLocations(expectProblem(await api.readPage(tenant.auditor, '?type=consent.withdrawn,customer.deleted'), 400, 'validation'))).toEqual([{ path: 'type' }]);
      expect(errorLocations(expectProblem(await api.readPage(tenant.auditor, '?subject=jane%40example.com'), 400, 'validation'))).toEqual([{ path: 'subject' }]);
    });

    it("never shows another tenant's entries", async () => {
      const [tenant, other] = [await service().createTenant(), await service().createTenant()];
      const ours = cloudEvent('customer.registered');
      await api.append(other.emitter, registrations(3));
      await api.append(tenant.emitter, ours);

      expect((await api.entries(tenant.admin)).map(({ id }) => id)).toEqual([ours.id]);
    });
  });

  describe('GET /v1/events/{sequence}', () => {
    it('answers the entry, as the page shows it', async () => {
      const tenant = await service().createTenant();
      await api.append(tenant.emitter, registrations(3));
      const listed = await api.entries(tenant.auditor);

      const reply = await api.entry(tenant.auditor, 1);

      expect(reply.status).toBe(200);
      expect(reply.body).toEqual(listed[1]);
    });

    it('answers 404 for a sequence not in the log, and 400 for one that is not a sequence', async () => {
      const tenant = await service().createTenant();
      await api.append(tenant.emitter, cloudEvent('customer.registered'));

      expectProblem(await api.entry(tenant.auditor, 1), 404, 'not-found');
      expectProblem(await api.entry(tenant.auditor, 'first'), 400, 'validation');
      expectProblem(await api.entry(tenant.auditor, -1), 400, 'validation');
    });

    it("answers 404 for another tenant's sequence, exactly as for a missing one", async () => {
      const [tenant, other] = [await service().createTenant(), await service().createTenant()];
      await api.append(other.emitter, registrations(3));
      const ours = cloudEvent('customer.registered');
      await api.append(tenant.emitter, ours);

      const othersOnly = await api.entry(tenant.auditor, 2);
      const missing = await api.entry(tenant.auditor, 3);

      expect(expectProblem(othersOnly, 404, 'not-found').detail.replace('2', 'N')).toBe(expectProblem(missing, 404, 'not-found').detail.replace('3', 'N'));
      expect(((await api.entry(tenant.auditor, 0)).body as LogEntry).id).toBe(ours.id);
    });
  });

  describe('personal data', () => {
    const registrationWithPii = (subject: string) =>
      cloudEvent('customer.registered', { subject, data: { pii: { name: 'Jane Doe', email: 'jane.doe@example.com', phone: '+14165550123' } } });

    it('keeps only a commitment to the values in the entry, and shows values and salt to auditors and admins', async () => {
      const tenant = await service().createTenant();
      const event = registrationWithPii(customerId());
      await api.append(tenant.emitter, event);

      for (const key of [tenant.auditor, tenant.admin]) {
        const [entry] = await api.entries(key);
        const { salt, ...values } = entry!.pii as { salt: string };
        expect(values).toEqual(event.data.pii);
        expect(Object.keys(entry!.data.pii!)).toEqual(['commitment']);
        expect(Buffer.from(salt, 'base64')).toHaveLength(32);
        const commitment = createHash('sha256').update(Buffer.from(salt, 'base64')).update(canonicalize(values)!, 'utf8').digest('base64');
        expect(entry!.data.pii!.commitment).toBe(commitment);
        expect(JSON.stringify({ ...entry, pii: undefined })).not.toContain('jane.doe@example.com');
      }
    });

    it('stores personal data in no table in plain: the log keeps the commitment, the vault a ciphertext', async () => {
      const tenant = await service().createTenant();
      const email = `jane.${randomBytes(4).toString('hex')}@example.com`;
      await api.append(tenant.emitter, cloudEvent('customer.registered', { data: { pii: { email } } }));
      const database = service().app.get(LedgerDatabase);

      const tables: Array<{ table_name: string }> = await database.query(
        `SELECT table_name FROM information_schema.columns WHERE column_name = 'tenant_id' AND table_schema = current_schema()`,
      );
      const rows = await Promise.all(tables.map(({ table_name }) => database.query(`SELECT t::text AS row FROM ${table_name} t WHERE tenant_id = $1`, [tenant.id])));

      const stored = rows.flat().map(({ row }) => String(row)).join('\n');
      expect(stored).toContain(tenant.id);
      expect(stored).not.toContain(email);
      expect(stored).not.toContain(Buffer.from(email).toString('hex'));
      expect((await api.entries(tenant.auditor))[0]!.pii).toMatchObject({ email });
    });

    it("answers pii as { erased: true } after an admin's erasure, and refuses later events that carry pii", async () => {
      const tenant = await service().createTenant();
      const subject = customerId();
      await api.append(tenant.emitter, [registrationWithPii(subject), cloudEvent('consent.granted', { subject, data: { pii: { ip: '203.0.113.7' } } })]);

      expect((await api.append(tenant.admin, cloudEvent('erasure.requested', { subject }))).status).toBe(201);

      const entries = await api.entries(tenant.auditor);
      expect(entries.map((entry) => entry.pii)).toEqual([{ erased: true }, { erased: true }, undefined]);
      const database = service().app.get(LedgerDatabase);
      for (const vaultTable of ['pii_values', 'customer_data_keys']) {
        expect(await database.query(`SELECT 1 FROM ${vaultTable} WHERE tenant_id = $1 AND customer_id = $2`, [tenant.id, subject])).toEqual([]);
      }
      expect(entries[0]!.data.pii).toEqual({ commitment: expect.any(String) });
      const later = await api.append(tenant.emitter, cloudEvent('customer.updated', { subject, data: { pii: { name: 'Jane Roe' } } }));
      expect(errorLocations(expectProblem(later, 400, 'validation'))).toEqual([{ path: 'data.pii' }]);
      expect((await api.append(tenant.emitter, cloudEvent('consent.withdrawn', { subject }))).status).toBe(201);
    });

    it("erases only that customer's pii", async () => {
      const tenant = await service().createTenant();
      const [erased, kept] = [customerId(), customerId()];
      await api.append(tenant.emitter, [registrationWithPii(erased), registrationWithPii(kept)]);

      await api.append(tenant.admin, cloudEvent('erasure.requested', { subject: erased }));

      const [first, second] = await api.entries(tenant.auditor);
      expect(first!.pii).toEqual({ erased: true });
      expect(second!.pii).toMatchObject({ name: 'Jane Doe', salt: expect.any(String) });
    });

    it('refuses pii after an erasure in the same batch, and reads pii before it as erased', async () => {
      const tenant = await service().createTenant();
      const [refused, erased] = [customerId(), customerId()];

      const piiAfterErasure = await api.append(tenant.admin, [cloudEvent('erasure.requested', { subject: refused }), registrationWithPii(refused)]);
      const piiBeforeErasure = await api.append(tenant.admin, [registrationWithPii(erased), cloudEvent('erasure.requested', { subject: erased })]);

      expect(errorLocations(expectProblem(piiAfterErasure, 400, 'validation'))).toEqual([{ index: 1, path: 'data.pii' }]);
      expect(piiBeforeErasure.status).toBe(201);
      expect((await api.entries(tenant.auditor)).map(({ subject, pii }) => ({ subject, pii }))).toEqual([
        { subject: erased, pii: { erased: true } },
        { subject: erased, pii: undefined },
      ]);
    });
  });
}
