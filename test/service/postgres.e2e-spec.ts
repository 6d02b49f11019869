import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { capturedLog } from '../support/captured-log';
import { cloudEvent } from '../support/cloud-events';
import { eventsApi } from '../support/events-api';
import { TestService } from '../support/http-app';
import { postgresStore } from '../support/stores';
import { serviceContract } from './service.contract';

const describeWithPostgres = process.env.DATABASE_URL ? describe : describe.skip;

describeWithPostgres('the service over HTTP, PostgreSQL (DATABASE_URL)', () => {
  serviceContract(postgresStore);

  describe('several instances on one database', () => {
    const instances: TestService[] = [];
    afterEach(async () => {
      await Promise.all(instances.splice(0).map((instance) => instance.stop()));
    });

    it('warns at start when it generates keys next to a server database', async () => {
      const log = await capturedLog(async () => {
        instances.push(await TestService.start(postgresStore, { logLevel: 'warn' }));
      });

      expect(log).toMatch(/master\.key[^\n]*set it explicitly/);
    }, 60_000);

    it('shares the log, idempotency and personal data between instances given the same three keys', async () => {
      const keys = {
        rootKey: `operator-${randomBytes(16).toString('hex')}`,
        masterKey: randomBytes(32).toString('base64'),
        signingKey: generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
      };
      const [first, second] = [await TestService.start(postgresStore, keys), await TestService.start(postgresStore, keys)];
      instances.push(first, second);
      expect(first.config.dataDir).not.toBe(second.config.dataDir);
      const tenant = await first.createTenant();
      const event = cloudEvent('customer.registered', { data: { pii: { name: 'Jane Doe' } } });

      await eventsApi(() => first).append(tenant.emitter, event);

      const again = await eventsApi(() => second).append(tenant.emitter, event);
      expect([again.status, (again.body as { duplicates: number }).duplicates]).toEqual([200, 1]);
      const [entry] = await eventsApi(() => second).entries(tenant.auditor);
      expect(entry).toMatchObject({ id: event.id, pii: { name: 'Jane Doe' } });
      const verifierKeys = await Promise.all([first, second].map(async (instance) => (await instance.send('GET', '/v1/ledger/verifier-key', { key: tenant.auditor })).body));
      expect(verifierKeys[1]).toBe(verifierKeys[0]);
    }, 60_000);
  });
});
