import { CUSTOMER_EVENT_TYPES, LedgerEntry } from '../../../projections/events';
import { CustomerHistory } from '../../../projections/reports';
import { ENTRY_COLUMNS, EntryRow, toEntry } from '../../ledger/read/log-reader';
import { LedgerDatabase } from '../../store/ledger-database';
import { LogPrefix } from './log-prefix';

/**
 * Reads a log prefix customer by customer, so a report folds one customer's history at a time and
 * holds no more than that and one page. Pages are keyset ranges over the (tenant, subject,
 * sequence) index; `LogReader` pages by sequence only, hence this query and its row mapping.
 */
export class CustomerHistoryReader {
  constructor(
    private readonly database: LedgerDatabase,
    private readonly pageSize = 2000,
  ) {}

  async *histories(prefix: LogPrefix): AsyncGenerator<CustomerHistory> {
    let current: { customerId: string; entries: LedgerEntry[] } | undefined;
    let after = { subject: '', sequence: -1 };
    for (;;) {
      const rows = await this.page(prefix, after);
      for (const row of rows) {
        const entry = toEntry(row);
        if (current?.customerId !== entry.subject) {
          if (current) yield current;
          current = { customerId: entry.subject, entries: [] };
        }
        current.entries.push(entry);
      }
      if (rows.length < this.pageSize) break;
      const last = rows[rows.length - 1]!;
      after = { subject: last.subject, sequence: Number(last.sequence) };
    }
    if (current) yield current;
  }

  /**
   * The walk must follow the subject index. Without statistics — PGlite runs no autovacuum, and a
   * freshly loaded table has none — the planner may instead gather the whole tenant and sort it
   * for every page, which made a million-entry report quadratic; forbidding sorts for this query
   * leaves it the index, whatever the statistics say.
   */
  private page(prefix: LogPrefix, after: { subject: string; sequence: number }): Promise<EntryRow[]> {
    return this.database.transaction(async (manager) => {
      await manager.query('SET LOCAL enable_sort = off');
      return manager.query(
        `SELECT ${ENTRY_COLUMNS}
           FROM ledger_entries
          WHERE tenant_id = $1 AND (subject, sequence) > ($2, $3)
            AND sequence < $4 AND recorded_at <= $5 AND type = ANY($6::text[])
          ORDER BY subject, sequence LIMIT $7`,
        [prefix.tenantId, after.subject, after.sequence, prefix.treeSize, prefix.asOf, CUSTOMER_EVENT_TYPES, this.pageSize],
      );
    });
  }
}
