import { LogReader } from '../ledger/read/log-reader';
import { tenantLogLock } from '../ledger/append/log-writer';
import { LedgerDatabase } from '../store/ledger-database';
import { READ_MODEL_TABLES } from './entities';
import { InlineProjector } from './read-model-projector';

const PAGE = 5_000;

/**
 * Drops a tenant's read models and replays its log through the same projector the appends use
 * (DESIGN.md invariant 4). Holds the tenant's append lock meanwhile, so no append interleaves;
 * other tenants carry on.
 */
export class ReadModelRebuild {
  private readonly reader: LogReader;

  constructor(
    private readonly database: LedgerDatabase,
    private readonly projector: InlineProjector,
  ) {
    this.reader = new LogReader(database);
  }

  async tenants(): Promise<string[]> {
    const rows: Array<{ id: string }> = await this.database.query('SELECT id FROM tenants ORDER BY id');
    return rows.map((row) => row.id);
  }

  /** Returns the number of entries replayed. */
  rebuild(tenantId: string): Promise<number> {
    return this.database.transaction(async (manager) => {
      const lock = tenantLogLock(tenantId);
      await manager.query('SELECT pg_advisory_xact_lock($1, $2)', [lock.space, lock.key]);
      for (const table of READ_MODEL_TABLES) await manager.query(`DELETE FROM ${table} WHERE tenant_id = $1`, [tenantId]);
      let replayed = 0;
      for (let after = -1; ; ) {
        const page = await this.reader.page(tenantId, { after, limit: PAGE }, manager);
        await this.projector.project(manager, tenantId, page);
        replayed += page.length;
        if (page.length < PAGE) return replayed;
        after = page[page.length - 1]!.sequence;
      }
    });
  }
}
