import { createPublicKey, generateKeyPairSync, randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ConfigurationError, loadConfig } from '../../src/config/ledger-config';
import { LedgerDatabase } from '../../src/store/ledger-database';
import { capturedLog } from '../support/captured-log';
import { cloudEvent } from '../support/cloud-events';
import { eventsApi } from '../support/events-api';
import { serviceFor, TestService, TestTenant } from '../support/http-app';
import { expectProblem } from '../support/problem-details';
import { StoreUnderTest } from '../support/stores';

/** The raw Ed25519 public key of a PKCS#8 PEM private key, as a verifier key carries it. */
function verifierKeySuffix(signingKeyPem: string): string {
  const raw = createPublicKey(signingKeyPem).export({ type: 'spki', format: 'der' }).subarray(-32);
  return Buffer.concat([Buffer.from([0x01]), raw]).toString('base64');
}

/** API.md "Conventions" (health, documentation) and "Configuration", over HTTP. */
export function serviceContract(store: StoreUnderTest): void {
  describe('health and documentation, which need no key', () => {
    const service = serviceFor(store);

    it('answers /health with its status and store', async () => {
      const reply = await service().send('GET', '/health');

      expect([reply.status, reply.body]).toEqual([200, { status: 'ok', store: store.name }]);
    });

    it('answers /health/ready with 200 while the database answers', async () => {
      expect((await service().send('GET', '/health/ready')).status).toBe(200);
    });

    it('serves an OpenAPI 3 description of the API at /openapi.json', async () => {
      const reply = await service().send('GET', '/openapi.json');

      expect(reply.status).toBe(200);
      const document = reply.body as { openapi: string; paths: Record<string, Record<string, unknown>> };
      expect(document.openapi).toMatch(/^3\./);
      expect(Object.keys(document.paths['/v1/events']!).sort()).toEqual(['get', 'post']);
      expect(document.paths).toHaveProperty(['/v1/events/{sequence}', 'get']);
      expect(document.paths).toHaveProperty(['/v1/tenants', 'post']);
    });

    it('serves interactive documentation at /docs', async () => {
      const reply = await service().send('GET', '/docs');

      expect(reply.status).toBe(200);
      expect(reply.headers.get('content-type')).toMatch(/^text\/html/);
    });

    it('answers them whatever key comes along', async () => {
      for (const urlPath of ['/health', '/health/ready', '/openapi.json', '/docs']) {
        expect((await service().send('GET', urlPath, { key: 'cl_unknown' })).status).toBe(200);
      }
    });

    it('answers an unknown route with problem details', async () => {
      expectProblem(await service().send('GET', '/v1/nothing-here'), 404, 'not-found');
    });

    it('answers a malformed URL and an overlong path parameter with problem details', async () => {
      const tenant = await service().createTenant();

      expectProblem(await service().send('GET', '/v1/events/%E0%A4%A', { key: tenant.auditor }), 400, 'validation');
      expectProblem(await service().send('GET', `/v1/events/${'1'.repeat(600)}`, { key: tenant.auditor }), 400, 'validation');
    });

    it('takes ids of up to 128 characters in paths', async () => {
      const tenant = await service().createTenant();
      const subject = `c:${'x'.repeat(126)}`;
      expect((await eventsApi(service).append(tenant.emitter, cloudEvent('customer.registered', { subject }))).status).toBe(201);

      for (const customer of [subject, encodeURIComponent(subject)]) {
        expect((await service().send('GET', `/v1/customers/${customer}/events`, { key: tenant.auditor })).status).toBe(200);
      }
    });
  });

  describe('configuration and readiness, a service each', () => {
    let running: TestService[] = [];
    const start = async (overrides: Parameters<typeof TestService.start>[1] = {}) => {
      const service = await TestService.start(store, overrides);
      running.push(service);
      return service;
    };
    const stop = async (service: TestService) => {
      running = running.filter((other) => other !== service);
      await service.stop();
    };
    afterEach(async () => {
      await Promise.all(running.map((service) => service.stop()));
      running = [];
    });

    it('generates keys into $LEDGER_DATA_DIR (root.key mode 0600; the log names its path, never a key) and keeps everything across a restart', async () => {
      const event = cloudEvent('customer.registered', { data: { pii: { name: 'Jane Doe', email: 'jane.doe@example.com' } } });
      let first: TestService | undefined;
      let tenant: TestTenant | undefined;
      let verifierKey: unknown;
      const log = await capturedLog(async () => {
        first = await start({ logLevel: 'info' });
        tenant = await first.createTenant();
        await eventsApi(() => first!).append(tenant.emitter, event);
        verifierKey = (await first.send('GET', '/v1/ledger/verifier-key', { key: tenant.auditor })).body;
        await stop(first);
      });

      const rootKeyFile = path.join(first!.config.dataDir, 'root.key');
      const keyFiles = fs.readdirSync(first!.config.dataDir).filter((name) => name.endsWith('.key'));
      expect(keyFiles.sort()).toEqual(['master.key', 'root.key', 'signing.key']);
      for (const name of keyFiles) expect(fs.statSync(path.join(first!.config.dataDir, name)).mode & 0o777).toBe(0o600);
      expect(fs.readFileSync(rootKeyFile, 'utf8').trim()).toBe(first!.rootKey);
      expect(log).toContain(rootKeyFile);
      for (const secret of [first!.rootKey, tenant!.emitter, tenant!.auditor, 'jane.doe@example.com']) expect(log).not.toContain(secret);

      const second = await start(first!.config);
      const api = eventsApi(() => second);

      expect(second.rootKey).toBe(first!.rootKey);
      const [entry] = await api.entries(tenant!.auditor);
      expect(entry).toMatchObject({ id: event.id, pii: { name: 'Jane Doe', salt: expect.any(String) } });
      const again = await api.append(tenant!.emitter, event);
      expect([again.status, (again.body as { duplicates: number }).duplicates]).toEqual([200, 1]);
      expect((await second.send('GET', '/v1/ledger/verifier-key', { key: tenant!.auditor })).body).toBe(verifierKey);
    }, 60_000);

    it('uses LEDGER_ROOT_KEY, LEDGER_SIGNING_KEY and LEDGER_ORIGIN when they are set', async () => {
      const rootKey = `operator-${randomBytes(16).toString('hex')}`;
      const signingKey = generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();

      const service = await start({ rootKey, signingKey, origin: 'ledger.example.com/prod' });

      expect(fs.existsSync(path.join(service.config.dataDir, 'root.key'))).toBe(false);
      const tenant = await service.createTenant();
      const verifierKey = String((await service.send('GET', '/v1/ledger/verifier-key', { key: tenant.auditor })).body).trim();
      const checkpoint = String((await service.send('GET', '/v1/ledger/checkpoint', { key: tenant.auditor })).body);
      expect(/^([^+]+)\+([0-9a-f]{8})\+(.+)$/.exec(verifierKey)?.slice(1)).toEqual([`ledger.example.com/prod/${tenant.id}`, expect.any(String), verifierKeySuffix(signingKey)]);
      expect(checkpoint.split('\n')[0]).toBe(`ledger.example.com/prod/${tenant.id}`);
    }, 60_000);

    it('answers /health/ready with 503 not-ready once the database is gone, while /health stays ok', async () => {
      const service = await start();

      await service.app.get(LedgerDatabase).dataSource.destroy();

      expectProblem(await service.send('GET', '/health/ready'), 503, 'not-ready');
      expect((await service.send('GET', '/health')).status).toBe(200);
    }, 60_000);

    it('refuses to start with EVENTSTORE_URL but no DATABASE_URL, or an origin outside [A-Za-z0-9./-]+', () => {
      expect(() => loadConfig({ EVENTSTORE_URL: 'esdb://localhost:2113' })).toThrow(ConfigurationError);
      expect(() => loadConfig({ EVENTSTORE_URL: 'esdb://localhost:2113' })).toThrow(/DATABASE_URL/);
      expect(() => loadConfig({ LEDGER_ORIGIN: 'ledger example' })).toThrow(/LEDGER_ORIGIN/);
    });

    it('defaults to port 3000, ./data and the embedded store', () => {
      expect(loadConfig({})).toMatchObject({ port: 3000, dataDir: path.resolve('./data'), store: 'embedded', origin: 'compliance-ledger.local' });
      expect(loadConfig({ DATABASE_URL: 'postgres://ledger@db/ledger' }).store).toBe('postgres');
    });
  });
}
