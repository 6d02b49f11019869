import { randomBytes } from 'node:crypto';
import { LedgerDatabase } from '../../src/store/ledger-database';
import { serviceFor } from '../support/http-app';
import { errorLocations, errorPaths, expectProblem, expectUnauthenticated } from '../support/problem-details';
import { StoreUnderTest, uniqueTenantId } from '../support/stores';

const ISO_MILLISECONDS = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

/** API.md "Tenants and keys" and the authentication rules of "Conventions", over HTTP. */
export function tenantsAndKeysContract(store: StoreUnderTest): void {
  const service = serviceFor(store);

  const createTenant = (body: Record<string, unknown>, key = service().rootKey) => service().send('POST', '/v1/tenants', { key, body });
  const tenantBody = (overrides: Record<string, unknown> = {}) => ({
    id: uniqueTenantId(),
    name: 'Lakeside Motors',
    country: 'CA',
    region: 'ON',
    timezone: 'America/Toronto',
    ...overrides,
  });

  describe('creating tenants', () => {
    it('answers 201 with the tenant and its creation time', async () => {
      const body = tenantBody({ country: 'US', region: 'FL', timezone: 'America/New_York' });
      const before = Date.now();

      const reply = await createTenant(body);

      expect(reply.status).toBe(201);
      expect(reply.body).toEqual({ ...body, createdAt: expect.stringMatching(ISO_MILLISECONDS) });
      const createdAt = Date.parse((reply.body as { createdAt: string }).createdAt);
      expect(createdAt).toBeGreaterThanOrEqual(before - 1000);
      expect(createdAt).toBeLessThanOrEqual(Date.now() + 1000);
    });

    it('creates a tenant without a region, which is optional', async () => {
      const { region, ...body } = tenantBody();

      const reply = await createTenant(body);

      expect(reply.status).toBe(201);
      expect(reply.body).toMatchObject(body);
    });

    it('accepts ids of 3 and of 64 characters', async () => {
      const longest = uniqueTenantId('x'.repeat(64)).slice(-64);
      expect((await createTenant(tenantBody({ id: longest }))).status).toBe(201);

      const short = await createTenant(tenantBody({ id: randomBytes(2).toString('hex').slice(0, 3) }));
      // Three characters leave little room: in a shared PostgreSQL database an earlier run may hold the id.
      expect([201, 409]).toContain(short.status);
    });

    it('answers 409 duplicate-conflict when the id exists', async () => {
      const body = tenantBody();
      await createTenant(body);

      const again = await createTenant({ ...body, name: 'Another name' });

      expectProblem(again, 409, 'duplicate-conflict');
    });

    it('answers 400 listing every invalid field: id pattern, country and timezone', async () => {
      const reply = await createTenant(tenantBody({ id: 'Lakeside_Motors', country: 'Canada', timezone: 'Mars/Olympus' }));

      const problem = expectProblem(reply, 400, 'validation');
      expect(errorPaths(problem)).toEqual(['country', 'id', 'timezone']);
    });

    it.each([
      ['too short', 'ab'],
      ['too long', 'a'.repeat(65)],
      ['starting with a hyphen', '-lakeside'],
      ['with capitals', 'Lakeside'],
      ['with a dot', 'lakeside.motors'],
    ])('refuses an id %s', async (_, id) => {
      const problem = expectProblem(await createTenant(tenantBody({ id })), 400, 'validation');
      expect(errorLocations(problem)).toEqual([{ path: 'id' }]);
    });

    it('requires country and timezone, and refuses a region with the country prefix', async () => {
      const reply = await createTenant({ id: uniqueTenantId(), name: 'Lakeside Motors', region: 'CA-ON' });

      const problem = expectProblem(reply, 400, 'validation');
      expect(errorPaths(problem)).toEqual(['country', 'region', 'timezone']);
    });

    it('refuses a name holding U+0000 or a lone surrogate', async () => {
      for (const name of ['Lakeside\u0000Motors', 'Lakeside \ud800']) {
        const problem = expectProblem(await createTenant(tenantBody({ name })), 400, 'validation');
        expect(errorLocations(problem)).toEqual([{ path: 'name' }]);
      }
    });

    it('refuses a lowercase or unassigned country code', async () => {
      for (const country of ['ca', 'XX']) {
        const problem = expectProblem(await createTenant(tenantBody({ country })), 400, 'validation');
        expect(errorLocations(problem)).toEqual([{ path: 'country' }]);
      }
    });

    it('answers 403 to a tenant key, even an admin one', async () => {
      const tenant = await service().createTenant();

      for (const key of [tenant.admin, tenant.emitter, tenant.auditor]) {
        expectProblem(await createTenant(tenantBody(), key), 403, 'forbidden');
      }
    });

    it('answers 401 with WWW-Authenticate: Bearer without a key or with an unknown one', async () => {
      expectUnauthenticated(await service().send('POST', '/v1/tenants', { body: tenantBody() }));
      expectUnauthenticated(await createTenant(tenantBody(), 'cl_not-a-key'));
    });

    it('answers 401 to an Authorization header that is not a bearer key', async () => {
      for (const authorization of [`Basic ${service().rootKey}`, 'Bearer', service().rootKey]) {
        expectUnauthenticated(await service().send('POST', '/v1/tenants', { headers: { authorization }, body: tenantBody() }));
      }
    });
  });

  describe('managing keys', () => {
    const keysOf = (tenantId: string, key: string) => service().send('GET', `/v1/tenants/${tenantId}/keys`, { key });
    const createKey = (tenantId: string, key: string, body: Record<string, unknown> = { role: 'auditor', label: 'Compliance office' }) =>
      service().send('POST', `/v1/tenants/${tenantId}/keys`, { key, body });
    const revokeKey = (tenantId: string, keyId: string, key: string) => service().send('DELETE', `/v1/tenants/${tenantId}/keys/${keyId}`, { key });
    const readEvents = (key: string) => service().send('GET', '/v1/events', { key });

    it('shows a new key in the creation response only, and the key works at once', async () => {
      const tenant = await service().createTenant();

      const created = await createKey(tenant.id, service().rootKey, { role: 'auditor', label: 'Compliance office' });

      expect(created.status).toBe(201);
      const key = created.body as { id: string; key: string };
      expect(created.body).toEqual({ id: expect.any(String), role: 'auditor', label: 'Compliance office', key: expect.any(String), createdAt: expect.stringMatching(ISO_MILLISECONDS) });
      expect((await readEvents(key.key)).status).toBe(200);
      const listed = (await keysOf(tenant.id, service().rootKey)).body as Array<Record<string, unknown>>;
      expect(listed.find((entry) => entry.id === key.id)).toEqual({ id: key.id, role: 'auditor', label: 'Compliance office', createdAt: expect.stringMatching(ISO_MILLISECONDS), revokedAt: null });
      expect(JSON.stringify(listed)).not.toContain(key.key);
    });

    it('stores only a hash of the key', async () => {
      const tenant = await service().createTenant();
      const { id, key } = (await createKey(tenant.id, service().rootKey)).body as { id: string; key: string };

      const [row] = await service().app.get(LedgerDatabase).query('SELECT * FROM api_keys WHERE id = $1', [id]);

      const stored = Object.values(row as Record<string, unknown>).map((value) =>
        Buffer.isBuffer(value) ? [value.toString('utf8'), value.toString('hex'), value.toString('base64'), value.toString('base64url')].join(' ') : String(value),
      );
      expect(stored.join(' ')).not.toContain(key);
      expect(stored.join(' ')).not.toContain(key.replace(/^cl_/, ''));
    });

    it('lists every key of the tenant with role, label and revocation, never the key', async () => {
      const tenant = await service().createTenant();

      const reply = await keysOf(tenant.id, service().rootKey);

      expect(reply.status).toBe(200);
      const listed = reply.body as Array<Record<string, unknown>>;
      expect(listed.map((entry) => entry.role).sort()).toEqual(['admin', 'auditor', 'emitter']);
      for (const entry of listed) expect(Object.keys(entry).sort()).toEqual(['createdAt', 'id', 'label', 'revokedAt', 'role']);
      for (const secret of [tenant.admin, tenant.auditor, tenant.emitter]) expect(JSON.stringify(listed)).not.toContain(secret);
    });

    it("lets a tenant's admin create, list and revoke its own tenant's keys", async () => {
      const tenant = await service().createTenant();

      const created = await createKey(tenant.id, tenant.admin, { role: 'emitter', label: 'DMS feed' });
      expect(created.status).toBe(201);
      const { id } = created.body as { id: string };
      expect(((await keysOf(tenant.id, tenant.admin)).body as Array<{ id: string }>).map((entry) => entry.id)).toContain(id);

      const revoked = await revokeKey(tenant.id, id, tenant.admin);

      expect(revoked.status).toBe(204);
      expect(revoked.body).toBe('');
    });

    it('stops a revoked key at once: 401 on its next request, listed with revokedAt', async () => {
      const tenant = await service().createTenant();
      expect((await readEvents(tenant.auditor)).status).toBe(200);

      expect((await revokeKey(tenant.id, tenant.keyIds.auditor, service().rootKey)).status).toBe(204);

      expectUnauthenticated(await readEvents(tenant.auditor));
      const listed = (await keysOf(tenant.id, tenant.admin)).body as Array<{ id: string; revokedAt: string | null }>;
      expect(listed.find((entry) => entry.id === tenant.keyIds.auditor)?.revokedAt).toMatch(ISO_MILLISECONDS);
    });

    it('answers 404 when revoking a key the tenant does not have', async () => {
      const tenant = await service().createTenant();
      expectProblem(await revokeKey(tenant.id, 'key_missing', service().rootKey), 404, 'not-found');
    });

    it('answers 404 to an admin of another tenant, exactly as for a tenant that does not exist', async () => {
      const [own, other] = [await service().createTenant(), await service().createTenant()];
      const missing = uniqueTenantId();

      const attempts = [
        [() => keysOf(other.id, own.admin), () => keysOf(missing, own.admin)],
        [() => createKey(other.id, own.admin), () => createKey(missing, own.admin)],
        [() => revokeKey(other.id, other.keyIds.emitter, own.admin), () => revokeKey(missing, other.keyIds.emitter, own.admin)],
      ];

      for (const [onOther, onMissing] of attempts) {
        const [otherReply, missingReply] = [await onOther!(), await onMissing!()];
        const otherProblem = expectProblem(otherReply, 404, 'not-found');
        expect(otherProblem).toEqual(expectProblem(missingReply, 404, 'not-found'));
      }
      expect((await readEvents(other.auditor)).status).toBe(200);
    });

    it("answers 404 when an admin revokes another tenant's key through its own tenant", async () => {
      const [own, other] = [await service().createTenant(), await service().createTenant()];

      expectProblem(await revokeKey(own.id, other.keyIds.auditor, own.admin), 404, 'not-found');

      expect((await readEvents(other.auditor)).status).toBe(200);
    });

    it('answers 404 to the root key for a tenant that does not exist', async () => {
      expectProblem(await keysOf(uniqueTenantId(), service().rootKey), 404, 'not-found');
      expectProblem(await createKey(uniqueTenantId(), service().rootKey), 404, 'not-found');
    });

    it('answers 403 to emitter and auditor keys managing their own tenant', async () => {
      const tenant = await service().createTenant();

      for (const key of [tenant.emitter, tenant.auditor]) {
        expectProblem(await keysOf(tenant.id, key), 403, 'forbidden');
        expectProblem(await createKey(tenant.id, key), 403, 'forbidden');
        expectProblem(await revokeKey(tenant.id, tenant.keyIds.emitter, key), 403, 'forbidden');
      }
    });

    it('answers 401 without a key', async () => {
      const tenant = await service().createTenant();

      expectUnauthenticated(await service().send('GET', `/v1/tenants/${tenant.id}/keys`));
      expectUnauthenticated(await service().send('POST', `/v1/tenants/${tenant.id}/keys`, { body: { role: 'admin', label: 'x' } }));
      expectUnauthenticated(await service().send('DELETE', `/v1/tenants/${tenant.id}/keys/${tenant.keyIds.admin}`));
    });

    it('answers 400 to a label holding U+0000, and to malformed tenant and key ids in the path', async () => {
      const tenant = await service().createTenant();
      const root = service().rootKey;

      expect(errorLocations(expectProblem(await createKey(tenant.id, root, { role: 'auditor', label: 'Audit\u0000' }), 400, 'validation'))).toEqual([{ path: 'label' }]);
      expect(errorLocations(expectProblem(await keysOf(`${tenant.id}%00`, root), 400, 'validation'))).toEqual([{ path: 'id' }]);
      expect(errorLocations(expectProblem(await revokeKey(tenant.id, 'key%00', root), 400, 'validation'))).toEqual([{ path: 'keyId' }]);
    });

    it('answers 400, not 500, to a body nested too deeply', async () => {
      const tenant = await service().createTenant();
      const rawBody = `{"role": "admin", "label": ${'['.repeat(5000)}${']'.repeat(5000)}}`;
      const headers = { 'content-type': 'application/json' };

      expectProblem(await service().send('POST', `/v1/tenants/${tenant.id}/keys`, { key: tenant.admin, rawBody, headers }), 400, 'validation');
      expectProblem(await service().send('POST', '/v1/tenants', { key: service().rootKey, rawBody, headers }), 400, 'validation');
    });

    it('answers 400 listing an unknown role and a missing label', async () => {
      const tenant = await service().createTenant();

      const problem = expectProblem(await createKey(tenant.id, service().rootKey, { role: 'owner' }), 400, 'validation');

      expect(errorPaths(problem)).toEqual(['label', 'role']);
    });
  });

  describe('keys and data endpoints', () => {
    const event = { specversion: '1.0', id: 'e-1', source: 'urn:crm:test', type: 'customer.registered', subject: 'c-1', time: '2026-01-15T10:00:00.000Z', data: { actor: { type: 'system', id: 's-1' } } };

    it('answers 403 to the root key on a data endpoint', async () => {
      expectProblem(await service().send('GET', '/v1/events', { key: service().rootKey }), 403, 'forbidden');
      expectProblem(await service().send('GET', '/v1/events/0', { key: service().rootKey }), 403, 'forbidden');
      expectProblem(await service().send('POST', '/v1/events', { key: service().rootKey, body: event }), 403, 'forbidden');
    });

    it('answers 403 to an emitter reading the log and to an auditor appending', async () => {
      const tenant = await service().createTenant();

      expectProblem(await service().send('GET', '/v1/events', { key: tenant.emitter }), 403, 'forbidden');
      expectProblem(await service().send('GET', '/v1/events/0', { key: tenant.emitter }), 403, 'forbidden');
      expectProblem(await service().send('POST', '/v1/events', { key: tenant.auditor, body: event }), 403, 'forbidden');
      expect((await service().send('GET', '/v1/events', { key: tenant.admin })).body).toEqual({ items: [], next: null });
    });
  });
}
