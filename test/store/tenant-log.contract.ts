import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { RecordedBy } from '../../projections/events';
import { LedgerConfig } from '../../src/config/ledger-config';
import { RequestOutcome } from '../../src/ledger/append/append-plan';
import { leafHashOf } from '../../src/ledger/leaf-input';
import { TenantLog } from '../../src/ledger/tenant-log';
import { KeyMaterial } from '../../src/security/key-material';
import { LedgerDatabase } from '../../src/store/ledger-database';
import { TenantRegistry } from '../../src/tenants/tenant-registry';
import { matchesCommitment } from '../../src/vault/pii-commitment';
import { consentWithdrawn, customerRegistered } from '../support/events';
import { StoreUnderTest, uniqueTenantId } from '../support/stores';

const emitter: RecordedBy = { keyId: 'key_test', role: 'emitter', label: 'contract suite' };

interface Harness {
  config: LedgerConfig;
  database: LedgerDatabase;
  log: TenantLog;
  tenantId: string;
}

async function openHarness(config: LedgerConfig, tenantId = uniqueTenantId()): Promise<Harness> {
  const database = await LedgerDatabase.open(config);
  const log = new TenantLog(database, KeyMaterial.load(config));
  const registry = new TenantRegistry(database);
  if (!(await registry.findTenant(tenantId))) {
    await registry.createTenant({ id: tenantId, name: 'Contract Motors', country: 'CA', region: 'ON', timezone: 'America/Toronto' });
  }
  return { config, database, log, tenantId };
}

function appended(outcome: RequestOutcome) {
  if (!outcome.ok) throw new Error(`expected the append to succeed: ${JSON.stringify(outcome.problem.toJSON())}`);
  return outcome.events;
}

/** The behaviour every log store must have (DESIGN.md invariants 1, 2, 7; API.md "Events"). */
export function tenantLogContract(store: StoreUnderTest): void {
  let harness: Harness;

  beforeEach(async () => {
    harness = await openHarness(store.config());
  });

  afterEach(async () => {
    await harness.database.close();
  });

  it('gives dense sequences from 0 in commit order under 32 concurrent appenders', async () => {
    const { log, tenantId } = harness;
    const outcomes = await Promise.all(
      Array.from({ length: 32 }, (_, appender) =>
        log.append(tenantId, emitter, Array.from({ length: 1 + (appender % 3) }, () => customerRegistered(`c-${appender}`))),
      ),
    );
    const sequences = outcomes.flatMap((outcome) => appended(outcome).map((event) => event.sequence)).sort((a, b) => a - b);
    const total = Array.from({ length: 32 }, (_, appender) => 1 + (appender % 3)).reduce((sum, count) => sum + count);
    expect(sequences).toEqual(Array.from({ length: total }, (_, index) => index));
    const entries = await log.page(tenantId, { after: -1, limit: 1000 });
    expect(entries.map((entry) => entry.sequence)).toEqual(sequences);
  });

  it('refuses appends with rate-limited once a tenant has too many events waiting, and writes the rest', async () => {
    const { database, tenantId } = harness;
    const log = new TenantLog(database, KeyMaterial.load(harness.config), undefined, undefined, 3);
    const other = uniqueTenantId('other');
    await new TenantRegistry(database).createTenant({ id: other, name: 'Other Motors', country: 'CA', region: 'ON', timezone: 'America/Toronto' });

    // Asked for at once: none is written before the queue has seen them all.
    const outcomes = await Promise.all([
      log.append(tenantId, emitter, [customerRegistered('c-1'), customerRegistered('c-2')]),
      log.append(tenantId, emitter, [customerRegistered('c-3')]),
      log.append(tenantId, emitter, [customerRegistered('c-4')]),
      log.append(other, emitter, [customerRegistered('c-5')]),
    ]);

    expect(outcomes.map((outcome) => (outcome.ok ? 'appended' : outcome.problem.code))).toEqual(['appended', 'appended', 'rate-limited', 'appended']);
    expect((await log.page(tenantId, { after: -1, limit: 10 })).map((entry) => entry.subject)).toEqual(['c-1', 'c-2', 'c-3']);
  });

  it('never lets recordedAt decrease along the sequence', async () => {
    const { log, tenantId } = harness;
    for (let round = 0; round < 5; round++) {
      await Promise.all(Array.from({ length: 8 }, () => log.append(tenantId, emitter, [customerRegistered('c-1')])));
    }
    const entries = await log.page(tenantId, { after: -1, limit: 1000 });
    expect(entries).toHaveLength(40);
    for (let index = 1; index < entries.length; index++) {
      expect(entries[index]!.recordedAt >= entries[index - 1]!.recordedAt).toBe(true);
    }
  });

  it('chains each entry to the previous entry with the same subject', async () => {
    const { log, tenantId } = harness;
    appended(await log.append(tenantId, emitter, [customerRegistered('a'), customerRegistered('b'), consentWithdrawn('a')]));
    appended(await log.append(tenantId, emitter, [consentWithdrawn('b')]));
    appended(await log.append(tenantId, emitter, [consentWithdrawn('a'), customerRegistered('c')]));
    const entries = await log.page(tenantId, { after: -1, limit: 100 });
    expect(entries.map((entry) => [entry.subject, entry.prevSubjectSequence])).toEqual([
      ['a', null],
      ['b', null],
      ['a', 0],
      ['b', 1],
      ['a', 2],
      ['c', null],
    ]);
  });

  it('stores each entry with the leaf hash of its canonical form', async () => {
    const { log, tenantId } = harness;
    appended(await log.append(tenantId, emitter, [customerRegistered('a'), consentWithdrawn('a')]));
    for (const entry of await log.page(tenantId, { after: -1, limit: 100 })) {
      const { leafHash, ...fields } = entry;
      expect(leafHashOf({ ...fields, tenant: tenantId, data: entry.data as unknown as Record<string, unknown> }).toString('base64')).toBe(leafHash);
      expect(entry.recordedBy).toEqual(emitter);
    }
  });

  it('reports a resent identical event as a duplicate of the original', async () => {
    const { log, tenantId } = harness;
    const event = customerRegistered('a');
    const [original] = appended(await log.append(tenantId, emitter, [event]));
    const [again] = appended(await log.append(tenantId, emitter, [{ ...event }]));
    expect(again).toEqual({ ...original, duplicate: true });
    expect(await log.page(tenantId, { after: -1, limit: 100 })).toHaveLength(1);
  });

  it('refuses a resent id with other content, appending nothing of its request', async () => {
    const { log, tenantId } = harness;
    const event = customerRegistered('a');
    appended(await log.append(tenantId, emitter, [event]));
    const outcome = await log.append(tenantId, emitter, [customerRegistered('b'), { ...event, time: '2026-02-01T00:00:00.000Z' }]);
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.problem.code).toBe('duplicate-conflict');
    expect(outcome.problem.errors).toEqual([{ index: 1, path: 'id', message: expect.stringContaining('sequence 0') }]);
    expect(await log.page(tenantId, { after: -1, limit: 100 })).toHaveLength(1);
  });

  it('treats an identical repeat inside one request as a duplicate of the first', async () => {
    const { log, tenantId } = harness;
    const event = customerRegistered('a');
    const [first, second] = appended(await log.append(tenantId, emitter, [event, { ...event }]));
    expect(second).toEqual({ ...first, duplicate: true });
    const conflicting = await log.append(tenantId, emitter, [customerRegistered('c'), event, { ...event, subject: 'b' }]);
    expect(conflicting.ok || conflicting.problem.code).toBe('duplicate-conflict');
    expect(await log.page(tenantId, { after: -1, limit: 100 })).toHaveLength(1);
  });

  it('refuses a policy version that is not greater than the one in force', async () => {
    const { log, tenantId } = harness;
    const policy = (version: number) => ({
      id: randomUUID(),
      source: 'urn:crm:test',
      type: 'policy.adopted' as const,
      subject: 'crm-retention',
      time: '2026-01-01T00:00:00.000Z',
      data: { actor: { type: 'vendor', id: 'vendor-1' }, name: 'Retention', version, rules: {} },
    });
    appended(await log.append(tenantId, emitter, [policy(2)]));
    const outcome = await log.append(tenantId, emitter, [policy(2)]);
    expect(outcome.ok || outcome.problem.code).toBe('version-conflict');
    appended(await log.append(tenantId, emitter, [policy(3)]));
  });

  it('refuses UPDATE, DELETE and TRUNCATE of the log, whoever asks', async () => {
    const { database, log, tenantId } = harness;
    appended(await log.append(tenantId, emitter, [customerRegistered('a')]));
    await expect(database.query('UPDATE ledger_entries SET subject = $1 WHERE tenant_id = $2', ['x', tenantId])).rejects.toThrow(/append-only: UPDATE/);
    await expect(database.query('DELETE FROM ledger_entries WHERE tenant_id = $1', [tenantId])).rejects.toThrow(/append-only: DELETE/);
    await expect(database.query('TRUNCATE ledger_entries')).rejects.toThrow(/append-only: TRUNCATE/);
    expect(await log.page(tenantId, { after: -1, limit: 10 })).toHaveLength(1);
  });

  it('keeps personal data out of every table, and discloses it with its salt', async () => {
    const { database, log, tenantId } = harness;
    const marker = `pii-${randomUUID()}`;
    const pii = { name: `Name ${marker}`, email: `${marker}@example.com`, phone: '+14165550100' };
    const [registered] = appended(await log.append(tenantId, emitter, [customerRegistered('a', { data: { actor: { type: 'customer', id: 'a' }, pii } })]));
    // Every table, each scanned where it holds this tenant's rows (the database is shared with other tests).
    const tables: Array<{ table_name: string; tenant_column: string | null }> = await database.query(
      `SELECT t.table_name, c.column_name AS tenant_column FROM information_schema.tables t
         LEFT JOIN information_schema.columns c ON c.table_schema = t.table_schema AND c.table_name = t.table_name AND c.column_name = 'tenant_id'
        WHERE t.table_schema = current_schema() AND t.table_type = 'BASE TABLE'`,
    );
    expect(tables.map((table) => table.table_name)).toEqual(expect.arrayContaining(['ledger_entries', 'pii_values', 'rm_customers', 'tenants']));
    for (const { table_name, tenant_column } of tables) {
      const scope = tenant_column ? 'tenant_id = $2' : table_name === 'tenants' ? 'id = $2' : '$2::text IS NOT NULL';
      const [found] = await database.query<{ count: string }>(`SELECT count(*) FROM "${table_name}" t WHERE ${scope} AND t::text LIKE $1`, [`%${marker}%`, tenantId]);
      expect({ table: table_name, rows: Number(found!.count) }).toEqual({ table: table_name, rows: 0 });
    }
    const [entry] = await log.withPii(tenantId, await log.page(tenantId, { after: -1, limit: 1 }));
    const data = entry!.data as { pii?: { commitment: string } };
    expect(Object.keys(data.pii!)).toEqual(['commitment']);
    const { salt, ...values } = entry!.pii as Record<string, string>;
    expect(values).toEqual(pii);
    expect(matchesCommitment(values, Buffer.from(salt!, 'base64'), data.pii!.commitment)).toBe(true);
    expect(registered!.sequence).toBe(0);
  });

  it('erases a customer: its values and data key are gone, later PII is refused', async () => {
    const { database, log, tenantId } = harness;
    const withPii = (subject: string) => customerRegistered(subject, { data: { actor: { type: 'customer', id: subject }, pii: { email: 'someone@example.com' } } });
    appended(await log.append(tenantId, emitter, [withPii('a'), withPii('b')]));
    appended(await log.append(tenantId, { ...emitter, role: 'admin' }, [{ ...customerRegistered('a'), type: 'erasure.requested', data: { actor: { type: 'customer', id: 'a' }, basis: 'gdpr-art17' } }]));
    const entries = await log.withPii(tenantId, await log.page(tenantId, { after: -1, limit: 10 }));
    expect(entries.map((entry) => entry.pii && 'erased' in entry.pii)).toEqual([true, false, undefined]);
    const keys = await database.query('SELECT customer_id FROM customer_data_keys WHERE tenant_id = $1', [tenantId]);
    expect(keys).toEqual([{ customer_id: 'b' }]);
    const refused = await log.append(tenantId, emitter, [withPii('a')]);
    expect(refused.ok || refused.problem.errors).toEqual([{ path: 'data.pii', message: expect.stringContaining('erased') }]);
    appended(await log.append(tenantId, emitter, [consentWithdrawn('a')]));
  });

  it('keeps every acknowledged event across a killed process', async () => {
    const { config, tenantId } = harness;
    await harness.database.close();
    const child = path.resolve(__dirname, '../support/append-then-die.js');
    const output = runUntilKilled(child, [tenantId], { ...process.env, LEDGER_DATA_DIR: config.dataDir, DATABASE_URL: config.databaseUrl ?? '' });
    const acknowledged = JSON.parse(output.split('\n').pop()!) as number[];
    expect(acknowledged.length).toBeGreaterThan(0);
    expect(fs.existsSync(config.dataDir)).toBe(true);
    harness = await openHarness(config, tenantId);
    const entries = await harness.log.page(tenantId, { after: -1, limit: 1000 });
    expect(entries.map((entry) => entry.sequence)).toEqual(acknowledged);
  });
}

/** Runs a script that is expected to end by SIGKILL, and returns what it printed. */
function runUntilKilled(script: string, args: string[], env: NodeJS.ProcessEnv): string {
  try {
    execFileSync(process.execPath, [script, ...args], { env, encoding: 'utf8', timeout: 60_000, stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (error) {
    const failure = error as { signal?: string; stdout?: string; stderr?: string };
    if (failure.signal === 'SIGKILL') return failure.stdout!.trim();
    throw new Error(`the child process failed: ${failure.stderr}`, { cause: error });
  }
  throw new Error('the child process exited instead of being killed');
}
