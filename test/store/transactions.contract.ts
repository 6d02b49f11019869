import { randomInt } from 'node:crypto';
import { LedgerDatabase } from '../../src/store/ledger-database';
import { queuedSession } from '../../src/store/sql-session';
import { StoreUnderTest, uniqueTenantId } from '../support/stores';

/** LedgerDatabase.transactionUnder: all or nothing, and nothing after it ends. */
export function transactionContract(store: StoreUnderTest): void {
  let database: LedgerDatabase;
  const lock = () => ({ space: 7_301_099, key: randomInt(2 ** 31) });
  const tenantNamed = (id: string) => database.query('SELECT id FROM tenants WHERE id = $1', [id]);
  const insertTenant = (id: string): [string, unknown[]] => [
    "INSERT INTO tenants (id, name, country, timezone, created_at) VALUES ($1, 'Transaction Motors', 'CA', 'America/Toronto', now())",
    [id],
  ];

  beforeAll(async () => {
    database = await LedgerDatabase.open(store.config());
  });
  afterAll(async () => {
    await database.close();
  });

  it('commits what its work wrote', async () => {
    const id = uniqueTenantId('committed');
    await database.transactionUnder(lock(), (sql) => sql.query(...insertTenant(id)));

    expect(await tenantNamed(id)).toEqual([{ id }]);
  });

  it('rolls everything back when its work fails, and refuses statements the work left queued', async () => {
    const id = uniqueTenantId('rolled-back');
    const late = uniqueTenantId('late');
    let queuedAfterFailure: Promise<unknown> | undefined;

    const failed = database.transactionUnder(lock(), async (session) => {
      const sql = queuedSession(session);
      await sql.query(...insertTenant(id));
      const failing = sql.query('SELECT 1 / 0 AS impossible', []);
      // Asked for but never awaited by the work: it must not run after the ROLLBACK.
      queuedAfterFailure = sql.query(...insertTenant(late));
      queuedAfterFailure.catch(() => undefined);
      await failing;
    });

    await expect(failed).rejects.toThrow(/division by zero/);
    await expect(queuedAfterFailure).rejects.toThrow();
    expect(await tenantNamed(id)).toEqual([]);
    expect(await tenantNamed(late)).toEqual([]);
  });
}
