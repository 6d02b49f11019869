import { LedgerDatabase } from '../../src/store/ledger-database';
import { TenantRegistry } from '../../src/tenants/tenant-registry';
import { TestService } from '../support/http-app';
import { expectUnauthenticated } from '../support/problem-details';
import { postgresStore } from '../support/stores';
import { tenantsAndKeysContract } from './tenants-and-keys.contract';

const describeWithPostgres = process.env.DATABASE_URL ? describe : describe.skip;

describeWithPostgres('tenants and keys over HTTP, PostgreSQL (DATABASE_URL)', () => tenantsAndKeysContract(postgresStore));

/**
 * Instances cache the keys they verified. The instance that revokes a key forgets it before it
 * answers; the others forget it when PostgreSQL delivers the revocation's notice, which takes
 * milliseconds: they are given a second here so that a loaded test machine does not fail them.
 */
describeWithPostgres('a key revoked while several instances share the database, PostgreSQL (DATABASE_URL)', () => {
  let first: TestService;
  let second: TestService;
  beforeAll(async () => {
    first = await TestService.start(postgresStore);
    second = await TestService.start(postgresStore);
  }, 120_000);
  afterAll(async () => {
    await first?.stop();
    await second?.stop();
  });

  const readEvents = (service: TestService, key: string) => service.send('GET', '/v1/events', { key });
  const NOTICE_DELIVERY_MS = 1000;
  const readEventsOnceNoticed = async (service: TestService, key: string) => {
    const deadline = Date.now() + NOTICE_DELIVERY_MS;
    for (;;) {
      const reply = await readEvents(service, key);
      if (reply.status !== 200 || Date.now() > deadline) return reply;
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  };

  it('is refused at once by the instance that revoked it, and by the other once it has the notice', async () => {
    const tenant = await first.createTenant();
    expect((await readEvents(first, tenant.auditor)).status).toBe(200);
    expect((await readEvents(second, tenant.auditor)).status).toBe(200);

    expect((await first.send('DELETE', `/v1/tenants/${tenant.id}/keys/${tenant.keyIds.auditor}`, { key: first.rootKey })).status).toBe(204);

    expectUnauthenticated(await readEvents(first, tenant.auditor));
    expectUnauthenticated(await readEventsOnceNoticed(second, tenant.auditor));
  });

  it('is refused by every instance once they have the notice when revoked from outside them (the command line)', async () => {
    const tenant = await first.createTenant();
    expect((await readEvents(first, tenant.auditor)).status).toBe(200);
    expect((await readEvents(second, tenant.auditor)).status).toBe(200);

    expect(await new TenantRegistry(first.app.get(LedgerDatabase)).revokeKey(tenant.id, tenant.keyIds.auditor)).toBe(true);

    expectUnauthenticated(await readEventsOnceNoticed(first, tenant.auditor));
    expectUnauthenticated(await readEventsOnceNoticed(second, tenant.auditor));
  });
});
