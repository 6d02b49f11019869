import { execFile } from 'node:child_process';
import * as path from 'node:path';
import { RecordedBy } from '../../projections/events';
import { LedgerConfig } from '../../src/config/ledger-config';
import { validateIncomingEvents } from '../../src/events/validation';
import { TenantLog } from '../../src/ledger/tenant-log';
import { READ_MODEL_TABLES } from '../../src/read-models/entities';
import { ReadModelProjector } from '../../src/read-models/read-model-projector';
import { ReadModelRebuild } from '../../src/read-models/read-model-rebuild';
import { KeyMaterial } from '../../src/security/key-material';
import { LedgerDatabase } from '../../src/store/ledger-database';
import { TenantRegistry } from '../../src/tenants/tenant-registry';
import { ALL_CUSTOMERS, dealerHistory, HistoryStep, TENANT_DEFAULTS } from '../eligibility/dealer-history';
import { StoreUnderTest, uniqueTenantId } from '../support/stores';

const BIN = path.join(__dirname, '..', '..', 'bin', 'compliance-ledger.js');

const KEYS: Record<HistoryStep['by'], RecordedBy> = {
  emitter: { keyId: 'key_rebuild_emitter', role: 'emitter', label: 'rebuild suite' },
  admin: { keyId: 'key_rebuild_admin', role: 'admin', label: 'rebuild suite' },
};

/** Every read-model row of the tenant, table by table, in a stable order, as JSON. */
type ReadModelSnapshot = Record<string, unknown[]>;

async function snapshot(database: LedgerDatabase, tenantId: string): Promise<ReadModelSnapshot> {
  const state: ReadModelSnapshot = {};
  for (const table of READ_MODEL_TABLES) {
    const rows: Array<{ row: unknown }> = await database.query(
      `SELECT to_jsonb(t) AS row FROM ${table} t WHERE tenant_id = $1 ORDER BY to_jsonb(t)::text`,
      [tenantId],
    );
    state[table] = rows.map(({ row }) => row);
  }
  return state;
}

/** The history appended step by step, each step validated and normalized as the HTTP route does. */
async function appendHistory(log: TenantLog, tenantId: string, steps: HistoryStep[]): Promise<number> {
  let appended = 0;
  for (const step of steps) {
    const validated = validateIncomingEvents(step.events, { now: new Date(), batch: step.batch });
    if (!validated.ok) throw new Error(`the history is invalid: ${JSON.stringify(validated.problems)}`);
    const outcome = await log.append(tenantId, KEYS[step.by], validated.events, step.batch);
    if (!outcome.ok) throw new Error(`the append failed: ${JSON.stringify(outcome.problem.toJSON())}`);
    appended += outcome.events.length;
  }
  return appended;
}

function runRebuildCli(tenantId: string, config: LedgerConfig): Promise<{ status: number; stdout: string; stderr: string }> {
  const inherited = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('LEDGER_') && name !== 'DATABASE_URL'));
  const env = { ...inherited, LEDGER_DATA_DIR: config.dataDir, LOG_LEVEL: 'silent', ...(config.databaseUrl ? { DATABASE_URL: config.databaseUrl } : {}) };
  return new Promise((resolve) => {
    execFile(process.execPath, [BIN, 'rebuild', '--tenant', tenantId], { env, timeout: 60_000 }, (error, stdout, stderr) => {
      resolve({ status: error ? (typeof error.code === 'number' ? error.code : -1) : 0, stdout, stderr });
    });
  });
}

/**
 * DESIGN.md invariant 4: dropping a tenant's read models and replaying its log yields exactly the
 * state the appends built inline — through the library and through the real CLI.
 */
export function rebuildContract(store: StoreUnderTest): void {
  const config = store.config();
  let database: LedgerDatabase;
  let log: TenantLog;
  let registry: TenantRegistry;

  const open = async () => {
    database = await LedgerDatabase.open(config);
    log = new TenantLog(database, KeyMaterial.load(config));
    registry = new TenantRegistry(database);
  };

  const seededTenant = async (): Promise<{ tenantId: string; entries: number }> => {
    const tenantId = uniqueTenantId('rebuild');
    await registry.createTenant({ id: tenantId, name: 'Rebuild Motors', ...TENANT_DEFAULTS });
    return { tenantId, entries: await appendHistory(log, tenantId, dealerHistory()) };
  };

  const rebuild = (tenantId: string, pageSize?: number) => new ReadModelRebuild(database, new ReadModelProjector(), pageSize).rebuild(tenantId);

  beforeAll(open);
  afterAll(async () => {
    await database?.close();
  });

  it('replays the log into exactly the read models the appends built inline', async () => {
    const { tenantId, entries } = await seededTenant();
    const inline = await snapshot(database, tenantId);

    const replayed = await rebuild(tenantId);

    expect(replayed).toBe(entries);
    expect(await snapshot(database, tenantId)).toEqual(inline);
    // The comparison means something only if the history reached every table.
    const counts = Object.fromEntries(Object.entries(inline).map(([table, rows]) => [table, rows.length]));
    expect(counts).toEqual({
      rm_customers: ALL_CUSTOMERS.length,
      rm_consent_states: 9,
      rm_relationships: 10,
      rm_dnc_states: 5,
      rm_policy_versions: 4,
      rm_contact_attempts: 15,
      rm_projection_positions: 1,
    });
    expect(inline.rm_projection_positions).toEqual([{ tenant_id: tenantId, last_sequence: entries - 1 }]);
  });

  it.each([1, 2, 3, 7])('gives the same state reading %i entries at a time (customers spanning pages are folded whole)', async (pageSize) => {
    const { tenantId, entries } = await seededTenant();
    const inline = await snapshot(database, tenantId);

    expect(await rebuild(tenantId, pageSize)).toBe(entries);

    expect(await snapshot(database, tenantId)).toEqual(inline);
  });

  it('refuses a tenant that does not exist, through the library and the CLI', async () => {
    const tenantId = uniqueTenantId('missing');
    await expect(rebuild(tenantId)).rejects.toThrow(`there is no tenant ${tenantId}`);
    await database.close();

    const run = await runRebuildCli(tenantId, config);

    await open();
    expect(run).toEqual({ status: 1, stdout: '', stderr: `compliance-ledger: there is no tenant ${tenantId}\n` });
  });

  it('repairs damaged read models and leaves other tenants alone', async () => {
    const { tenantId } = await seededTenant();
    const other = await seededTenant();
    const inline = await snapshot(database, tenantId);
    const otherBefore = await snapshot(database, other.tenantId);
    await database.query(`UPDATE rm_customers SET facts = '{"lastSequence": 0}', erased_at = NULL WHERE tenant_id = $1`, [tenantId]);
    await database.query('DELETE FROM rm_consent_states WHERE tenant_id = $1 AND channel = $2', [tenantId, 'sms']);
    await database.query(`UPDATE rm_contact_attempts SET outcome = 'eligible', deadline = NULL WHERE tenant_id = $1`, [tenantId]);
    await database.query('DELETE FROM rm_policy_versions WHERE tenant_id = $1 AND version = 2', [tenantId]);
    await database.query(`INSERT INTO rm_dnc_states VALUES ($1, 'ghost', 'national', '', true, 999, now())`, [tenantId]);
    expect(await snapshot(database, tenantId)).not.toEqual(inline);

    await rebuild(tenantId);

    expect(await snapshot(database, tenantId)).toEqual(inline);
    expect(await snapshot(database, other.tenantId)).toEqual(otherBefore);
  });

  it('is idempotent: rebuilding twice gives the same state', async () => {
    const { tenantId, entries } = await seededTenant();
    const inline = await snapshot(database, tenantId);

    await rebuild(tenantId);
    const once = await snapshot(database, tenantId);
    expect(await rebuild(tenantId)).toBe(entries);

    expect(await snapshot(database, tenantId)).toEqual(once);
    expect(once).toEqual(inline);
  });

  it('keeps feeding the read models inline after a rebuild, exactly as a replay would', async () => {
    const { tenantId, entries } = await seededTenant();
    await rebuild(tenantId);
    // The first steps again under new ids, without the policies, whose versions only grow.
    const more = await appendHistory(log, tenantId, dealerHistory('again').slice(1, 7));
    const inline = await snapshot(database, tenantId);

    expect(await rebuild(tenantId)).toBe(entries + more);

    expect(await snapshot(database, tenantId)).toEqual(inline);
  });

  it('rebuilds one tenant through the real CLI: compliance-ledger rebuild --tenant', async () => {
    const { tenantId, entries } = await seededTenant();
    const inline = await snapshot(database, tenantId);
    await database.query('DELETE FROM rm_customers WHERE tenant_id = $1', [tenantId]);
    await database.query('DELETE FROM rm_projection_positions WHERE tenant_id = $1', [tenantId]);
    // The embedded store admits one process: the CLI opens the folder only once it is closed.
    await database.close();

    const run = await runRebuildCli(tenantId, config);

    await open();
    expect({ status: run.status, stderr: run.stderr }).toEqual({ status: 0, stderr: '' });
    expect(run.stdout).toMatch(new RegExp(`^${tenantId}: replayed ${entries} entries in \\d+\\.\\d s\\n$`));
    expect(await snapshot(database, tenantId)).toEqual(inline);
  });
}
