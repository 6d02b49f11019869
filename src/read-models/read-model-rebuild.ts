import { applyPolicyEntry, CUSTOMER_EVENT_TYPES, LedgerEntry, PolicyVersion } from '../../projections';
import { tenantLogLock } from '../ledger/append/log-writer';
import { ENTRY_COLUMNS, EntryRow, LogReader, toEntry } from '../ledger/read/log-reader';
import { LedgerDatabase } from '../store/ledger-database';
import { queuedSession, SqlSession } from '../store/sql-session';
import { READ_MODEL_TABLES } from './entities';
import { CustomerReplay, InlineProjector } from './read-model-projector';

/** Entries read per query: enough to amortize a round trip, few enough to hold in memory. */
const DEFAULT_PAGE_SIZE = 5_000;

/**
 * Drops a tenant's read models and replays its log through the projector the appends use
 * (DESIGN.md invariant 4). Holds the tenant's append lock meanwhile, so no append interleaves;
 * other tenants carry on.
 *
 * Policies first, then customers one whole history at a time (in subject order, on the log's
 * subject index): each customer's row is then written once, instead of read back and rewritten
 * for every page of the log that mentions it, which is what replaying in log order costs.
 */
export class ReadModelRebuild {
  private readonly reader: LogReader;

  constructor(
    private readonly database: LedgerDatabase,
    private readonly projector: InlineProjector & CustomerReplay,
    private readonly pageSize = DEFAULT_PAGE_SIZE,
  ) {
    this.reader = new LogReader(database);
  }

  async tenants(): Promise<string[]> {
    const rows: Array<{ id: string }> = await this.database.query('SELECT id FROM tenants ORDER BY id');
    return rows.map((row) => row.id);
  }

  /** Returns the number of entries in the log, all of which the read models now reflect. */
  rebuild(tenantId: string): Promise<number> {
    return this.database.transactionUnder(tenantLogLock(tenantId), async (session) => {
      const sql = queuedSession(session);
      const [tenant] = await sql.query('SELECT 1 FROM tenants WHERE id = $1', [tenantId]);
      if (!tenant) throw new UnknownTenantError(tenantId);
      for (const table of READ_MODEL_TABLES) await sql.query(`DELETE FROM ${table} WHERE tenant_id = $1`, [tenantId]);
      const size = await logSize(sql, tenantId);
      if (size === 0) return 0;
      const policies = await this.replayPolicies(sql, tenantId);
      // Every page after the fifth runs on its statement's generic plan, which walks the subject
      // index; the first five would get plans made for their values, and without statistics (never
      // analyzed, or PGlite, which has no autovacuum) those take a tenant for a few rows: they read
      // and sort all its entries, seconds for each page of a million-entry log.
      await sql.query('SET LOCAL plan_cache_mode = force_generic_plan');
      // The server reads and writes while the service folds: each page's fold runs while the
      // previous page is written and the next one read (the queued session keeps the statements
      // in order), and at most two writes are outstanding at once.
      let page = await customerEntriesAfter(sql, tenantId, { subject: '', sequence: -1 }, this.pageSize);
      let previousWrite: Promise<void> = Promise.resolve();
      for (let carried: LedgerEntry[] = []; ; ) {
        const entries = [...carried, ...page];
        if (page.length < this.pageSize) {
          await previousWrite;
          await this.projector.replayCustomers(sql, tenantId, entries, policies, size - 1);
          return size;
        }
        // The page's last customer may go on in the next page: it waits, to be folded whole.
        const last = page[page.length - 1]!;
        const firstOfLast = entries.findIndex((entry) => entry.subject === last.subject);
        const next = customerEntriesAfter(sql, tenantId, { subject: last.subject, sequence: last.sequence }, this.pageSize);
        const write = this.projector.replayCustomers(sql, tenantId, entries.slice(0, firstOfLast), policies, size - 1);
        // Both are awaited below, unless an earlier step fails first.
        next.catch(() => undefined);
        write.catch(() => undefined);
        await previousWrite;
        previousWrite = write;
        carried = entries.slice(firstOfLast);
        page = await next;
      }
    });
  }

  private async replayPolicies(sql: SqlSession, tenantId: string): Promise<readonly PolicyVersion[]> {
    const entries: LedgerEntry[] = [];
    for (let after = -1; ; ) {
      const page = await this.reader.page(tenantId, { after, limit: this.pageSize, types: ['policy.adopted'] }, sql);
      entries.push(...page);
      if (page.length < this.pageSize) break;
      after = page[page.length - 1]!.sequence;
    }
    await this.projector.project(sql, tenantId, entries);
    return entries.reduce(applyPolicyEntry, [] as readonly PolicyVersion[]);
  }
}

export class UnknownTenantError extends Error {
  constructor(readonly tenantId: string) {
    super(`there is no tenant ${tenantId}`);
  }
}

interface CustomerPosition {
  subject: string;
  sequence: number;
}

/** The next page of customer entries in (subject, sequence) order: the log's subject index. */
async function customerEntriesAfter(sql: SqlSession, tenantId: string, after: CustomerPosition, limit: number): Promise<LedgerEntry[]> {
  const rows = await sql.query<EntryRow>(
    `SELECT ${ENTRY_COLUMNS} FROM ledger_entries
      WHERE tenant_id = $1 AND (subject, sequence) > ($2, $3) AND type = ANY($4::text[])
      ORDER BY subject, sequence LIMIT $5`,
    [tenantId, after.subject, after.sequence, CUSTOMER_EVENT_TYPES, limit],
  );
  return rows.map(toEntry);
}

async function logSize(sql: SqlSession, tenantId: string): Promise<number> {
  const [row] = await sql.query<{ size: string | null }>('SELECT max(sequence) + 1 AS size FROM ledger_entries WHERE tenant_id = $1', [tenantId]);
  return Number(row?.size ?? 0);
}
