import { createHash, generateKeyPairSync } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { EventType } from '../../projections/events';
import { formatVerifierKey, keyFingerprint, parseVerifierKey } from '../../src/integrity';
import { canonicalJson } from '../../src/ledger/canonical-json';
import { BUNDLE_FORMAT, EvidenceBundle } from '../../src/proofs/evidence/bundle-format';
import { verifyEvidenceBundle } from '../../src/proofs/evidence/bundle-verifier';
import { LedgerDatabase } from '../../src/store/ledger-database';
import { CloudEventBody, cloudEvent, customerId } from '../support/cloud-events';
import { serviceFor, TestTenant } from '../support/http-app';
import { expectProblem, expectUnauthenticated } from '../support/problem-details';
import { StoreUnderTest, temporaryDataDir } from '../support/stores';
import { runCli } from './cli';
import { rewriteEntryBehindTrigger } from './tamper';

/** Each run of the CLI starts a Node process that loads the whole build. */
const CLI_TIMEOUT = 60_000;

interface LogEntry {
  sequence: number;
  subject: string;
  data: Record<string, unknown>;
  leafHash: string;
  pii?: Record<string, unknown>;
}

/** API.md "Integrity": the evidence bundle over HTTP, checked offline in-process and by the real CLI. */
export function evidenceContract(store: StoreUnderTest): void {
  const service = serviceFor(store);

  const append = async (tenant: TestTenant, events: CloudEventBody[], key = tenant.emitter) => {
    const reply = await service().send('POST', '/v1/events', { key, body: events });
    if (reply.status !== 201) throw new Error(`append failed: ${reply.status} ${JSON.stringify(reply.body)}`);
  };
  const text = async (key: string, urlPath: string) => {
    const response = await service().request('GET', urlPath, { key });
    expect(response.status).toBe(200);
    return response.text();
  };
  const fetchBundle = async (key: string, customer: string) => {
    const response = await service().request('GET', `/v1/customers/${encodeURIComponent(customer)}/evidence`, { key });
    return { status: response.status, contentType: response.headers.get('content-type'), bytes: Buffer.from(await response.arrayBuffer()) };
  };
  const bundleBytes = async (key: string, customer: string) => {
    const { status, bytes } = await fetchBundle(key, customer);
    if (status !== 200) throw new Error(`the bundle request failed: ${status} ${bytes.toString('utf8')}`);
    return bytes;
  };
  const verifierKey = async (tenant: TestTenant) => (await text(tenant.auditor, '/v1/ledger/verifier-key')).trim();
  const customerEvent = (type: EventType, subject: string, data: Record<string, unknown> = {}) => cloudEvent(type, { subject, data });

  /** A customer with three entries, two carrying personal data, among other customers' entries. */
  async function customerWithHistory(tenant: TestTenant): Promise<string> {
    const customer = customerId();
    await append(tenant, [
      customerEvent('customer.registered', customerId()),
      customerEvent('customer.registered', customer, { pii: { name: 'Jo Tremblay', email: 'jo@example.com' } }),
      customerEvent('consent.granted', customerId()),
    ]);
    await append(tenant, [
      customerEvent('consent.granted', customer, { pii: { ip: '203.0.113.9', userAgent: 'Mozilla/5.0' } }),
      customerEvent('contact.attempted', customerId()),
      customerEvent('contact.attempted', customer),
    ]);
    return customer;
  }

  async function entriesOf(tenant: TestTenant, customer: string): Promise<LogEntry[]> {
    const reply = await service().send('GET', `/v1/events?subject=${customer}&limit=1000`, { key: tenant.auditor });
    return (reply.body as { items: LogEntry[] }).items;
  }

  describe('GET /v1/customers/{id}/evidence', () => {
    it("serves the customer's entries, proofs against the current checkpoint, the key and the personal data as canonical JSON bytes", async () => {
      const tenant = await service().createTenant();
      const customer = await customerWithHistory(tenant);

      const { status, contentType, bytes } = await fetchBundle(tenant.auditor, customer);

      expect({ status, contentType }).toEqual({ status: 200, contentType: expect.stringMatching(/^application\/json/) });
      const bundle = JSON.parse(bytes.toString('utf8')) as EvidenceBundle;
      expect(Buffer.from(canonicalJson(bundle), 'utf8').equals(bytes)).toBe(true);
      const entries = await entriesOf(tenant, customer);
      expect(bundle).toMatchObject({ format: BUNDLE_FORMAT, tenant: tenant.id, customerId: customer, verifierKey: await verifierKey(tenant) });
      expect(bundle.checkpoint).toBe(await text(tenant.auditor, '/v1/ledger/checkpoint'));
      expect(bundle.entries.map((entry) => entry.leafIndex)).toEqual(entries.map((entry) => entry.sequence));
      expect(bundle.entries.map((entry) => createHash('sha256').update(Buffer.of(0)).update(entry.leafInput).digest('base64'))).toEqual(
        entries.map((entry) => entry.leafHash),
      );
      expect(bundle.pii).toEqual(Object.fromEntries(entries.filter((entry) => entry.pii).map((entry) => [String(entry.sequence), entry.pii])));
      expect(Object.keys(bundle.pii!)).toHaveLength(2);
      expect(bundle.statement).toContain('holds 3 entries with subject');
      expect(verifyEvidenceBundle(bytes, { trustedKey: bundle.verifierKey })).toMatchObject({ ok: true, checkpoint: { treeSize: 6 } });
    });

    it('serves it to admin keys too, and to no one else', async () => {
      const tenant = await service().createTenant();
      const customer = await customerWithHistory(tenant);

      expect((await fetchBundle(tenant.admin, customer)).status).toBe(200);
      expectProblem(await service().send('GET', `/v1/customers/${customer}/evidence`, { key: tenant.emitter }), 403, 'forbidden');
      expectProblem(await service().send('GET', `/v1/customers/${customer}/evidence`, { key: service().rootKey }), 403, 'forbidden');
      expectUnauthenticated(await service().send('GET', `/v1/customers/${customer}/evidence`));
    });

    it("answers 404 for an unknown customer, an id that is no id, and another tenant's customer, naming none of them", async () => {
      const tenant = await service().createTenant();
      const other = await service().createTenant();
      const othersCustomer = await customerWithHistory(other);
      await customerWithHistory(tenant);

      for (const customer of [customerId(), 'jo@example.com', othersCustomer]) {
        const problem = expectProblem(await service().send('GET', `/v1/customers/${encodeURIComponent(customer)}/evidence`, { key: tenant.auditor }), 404, 'not-found');
        expect(problem.detail).not.toContain(customer);
      }
    });

    it('answers 404 for an id that is only the subject of an export', async () => {
      const tenant = await service().createTenant();
      const exportId = customerId();
      await append(tenant, [cloudEvent('export.requested', { subject: exportId, data: { actor: { type: 'dealer-user', id: 'u-1' }, scope: { description: 'All', fields: ['name'] }, purpose: 'Audit', destination: 'Auditor' } })]);

      expectProblem(await service().send('GET', `/v1/customers/${exportId}/evidence`, { key: tenant.auditor }), 404, 'not-found');
    });

    it("keeps the subject chain whole when an export shares the customer's id", async () => {
      const tenant = await service().createTenant();
      const customer = await customerWithHistory(tenant);
      await append(tenant, [cloudEvent('export.requested', { subject: customer, data: { actor: { type: 'dealer-user', id: 'u-1' }, scope: { description: 'All', fields: ['name'] }, purpose: 'Audit', destination: 'Auditor' } })]);
      await append(tenant, [customerEvent('contact.attempted', customer)]);

      const bytes = await bundleBytes(tenant.auditor, customer);

      expect(JSON.parse(bytes.toString('utf8')).entries).toHaveLength(5);
      expect(verifyEvidenceBundle(bytes, { trustedKey: await verifierKey(tenant) }).ok).toBe(true);
    });

    it("still verifies after the customer's erasure, disclosing no personal data", async () => {
      const tenant = await service().createTenant();
      const customer = await customerWithHistory(tenant);
      await append(tenant, [customerEvent('erasure.requested', customer)], tenant.admin);

      const bytes = await bundleBytes(tenant.auditor, customer);

      const bundle = JSON.parse(bytes.toString('utf8')) as EvidenceBundle;
      expect(bundle.pii).toBeUndefined();
      expect(bundle.entries).toHaveLength(4);
      expect(bundle.statement).toContain('It discloses no personal data');
      expect(verifyEvidenceBundle(bytes, { trustedKey: await verifierKey(tenant) })).toMatchObject({ ok: true, failures: [] });
    });
  });

  describe('checking a bundle offline', () => {
    it('fails when any single byte of a served bundle is changed', async () => {
      const tenant = await service().createTenant();
      const bytes = await bundleBytes(tenant.auditor, await customerWithHistory(tenant));
      const trustedKey = await verifierKey(tenant);
      expect(verifyEvidenceBundle(bytes, { trustedKey }).ok).toBe(true);

      const survivors: string[] = [];
      for (const flip of [0x01, 0x20, 0x80]) {
        for (let position = 0; position < bytes.length; position++) {
          const changed = Buffer.from(bytes);
          changed[position] ^= flip;
          if (verifyEvidenceBundle(changed, { trustedKey }).ok) survivors.push(`byte ${position} ^ 0x${flip.toString(16)}`);
        }
      }
      expect(survivors).toEqual([]);
    }, 30_000);

    it('verifies with the real CLI, from files alone: with the key, without it, and not with another key', async () => {
      const tenant = await service().createTenant();
      const bytes = await bundleBytes(tenant.auditor, await customerWithHistory(tenant));
      const files = temporaryDataDir();
      const workDir = fs.mkdtempSync(path.join(files, 'cwd-'));
      const file = (name: string, contents: string | Buffer) => {
        fs.writeFileSync(path.join(files, name), contents);
        return path.join(files, name);
      };
      const bundleFile = file('bundle.json', bytes);
      const servedKey = await text(tenant.auditor, '/v1/ledger/verifier-key');
      const keyFile = file('verifier.key', servedKey);
      const otherKeyFile = file('other.key', `${formatVerifierKey(parseVerifierKey(servedKey.trim()).name, generateKeyPairSync('ed25519').privateKey)}\n`);
      const fingerprint = keyFingerprint(parseVerifierKey(servedKey.trim()));

      const withKey = await runCli(['verify', bundleFile, '--key', keyFile], { cwd: workDir });
      const withoutKey = await runCli(['verify', bundleFile], { cwd: workDir });
      const otherKey = await runCli(['verify', bundleFile, '--key', otherKeyFile], { cwd: workDir });

      expect(withKey).toMatchObject({ status: 0, stderr: '' });
      expect(withKey.stdout).toContain(`SHA-256 fingerprint ${fingerprint} (given with --key)`);
      expect(withKey.stdout).toContain('VERIFIED: every entry is in the log this key signed at tree size 6');
      expect(withoutKey).toMatchObject({ status: 0, stderr: '' });
      expect(withoutKey.stdout).toContain(`SHA-256 fingerprint ${fingerprint} (taken from the bundle itself)`);
      expect(withoutKey.stdout).toContain('This proves integrity only if that key was obtained independently');
      expect(otherKey.status).toBe(1);
      expect(otherKey.stdout).toContain('NOT VERIFIED: 2 failures');
      expect(otherKey.stdout).toContain("the bundle's verifierKey is not the given key");
      expect(fs.readdirSync(workDir)).toEqual([]);
    }, CLI_TIMEOUT);

    it('shows with the real CLI that the log only grew between two kept checkpoints', async () => {
      const tenant = await service().createTenant();
      await customerWithHistory(tenant);
      const files = temporaryDataDir();
      const file = (name: string, contents: string) => {
        fs.writeFileSync(path.join(files, name), contents);
        return path.join(files, name);
      };
      const older = file('older.checkpoint', await text(tenant.auditor, '/v1/ledger/checkpoint'));
      await customerWithHistory(tenant);
      const newer = file('newer.checkpoint', await text(tenant.auditor, '/v1/ledger/checkpoint'));
      const proof = file('consistency.json', await text(tenant.auditor, '/v1/ledger/proof/consistency?from=6&to=12'));
      const key = file('verifier.key', await text(tenant.auditor, '/v1/ledger/verifier-key'));

      const grew = await runCli(['verify-consistency', older, newer, '--proof', proof, '--key', key]);
      const swapped = await runCli(['verify-consistency', newer, older, '--proof', proof, '--key', key]);

      expect(grew).toMatchObject({ status: 0, stderr: '' });
      expect(grew.stdout).toContain('VERIFIED: the log at tree size 12 extends the log at tree size 6; its first 6 entries are unchanged.');
      expect(swapped.status).toBe(1);
      expect(swapped.stdout).toContain('the proof is from tree size 6 to 12, the checkpoints are of sizes 12 and 6');
    }, CLI_TIMEOUT);
  });

  describe('GET /v1/ledger/verify', () => {
    it('reports an entry changed behind the append-only trigger at its sequence', async () => {
      const tenant = await service().createTenant();
      await customerWithHistory(tenant);
      await text(tenant.auditor, '/v1/ledger/checkpoint');
      const [entry] = ((await service().send('GET', '/v1/events?after=3&limit=1', { key: tenant.auditor })).body as { items: LogEntry[] }).items;
      await rewriteEntryBehindTrigger(service().app.get(LedgerDatabase), tenant.id, 4, { data: { ...entry!.data, outcome: 'failed' } });

      const reply = await service().send('GET', '/v1/ledger/verify', { key: tenant.auditor });

      expect(reply.status).toBe(200);
      expect(reply.body).toMatchObject({ ok: false, treeSize: 6, firstBadSequence: 4, checkpointsChecked: 1 });
    });
  });
}
