import { EventType, LedgerEntry } from '../../../projections/events';
import { LedgerDatabase } from '../../store/ledger-database';
import { SqlSession } from '../../store/sql-session';

export interface EntryFilter {
  after: number;
  limit: number;
  /** Exclusive upper bound on sequence: read a prefix of the log. */
  before?: number;
  types?: readonly EventType[];
  subject?: string;
  subjects?: readonly string[];
}

/** A ledger_entries row as the drivers return it. */
export interface EntryRow {
  sequence: string;
  event_id: string;
  source: string;
  type: EventType;
  subject: string;
  time: string;
  recorded_at: string;
  recorded_by: LedgerEntry['recordedBy'];
  prev_subject_sequence: string | null;
  data: LedgerEntry['data'];
  leaf_hash: Buffer;
}

/**
 * Timestamps are written by the database in the ledger's form (API.md "Conventions"; the log
 * holds whole milliseconds): cheaper than the driver parsing each into a Date for us to format
 * again, which was a good part of reading a long history.
 */
const LEDGER_TIMESTAMP = `'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'`;

export const ENTRY_COLUMNS =
  'sequence, event_id, source, type, subject, ' +
  `to_char(time AT TIME ZONE 'UTC', ${LEDGER_TIMESTAMP}) AS time, to_char(recorded_at AT TIME ZONE 'UTC', ${LEDGER_TIMESTAMP}) AS recorded_at, ` +
  'recorded_by, prev_subject_sequence, data, leaf_hash';

/** Reads a tenant's log as stored (API.md "Reading the log"). */
export class LogReader {
  constructor(private readonly database: LedgerDatabase) {}

  async page(tenantId: string, filter: EntryFilter, sql: SqlSession = this.database.dataSource.manager): Promise<LedgerEntry[]> {
    // Sequences are dense, so an unfiltered page is exactly (after, after + limit]. Saying so keeps
    // the plan on the primary key even when statistics are stale (PGlite has no autovacuum);
    // without it the planner may sort the whole rest of the log for every page.
    const unfiltered = !filter.types && !filter.subject && !filter.subjects;
    const before = unfiltered ? Math.min(filter.before ?? Number.MAX_SAFE_INTEGER, filter.after + filter.limit + 1) : filter.before;
    const rows = await sql.query<EntryRow>(
      `SELECT ${ENTRY_COLUMNS} FROM ledger_entries
        WHERE tenant_id = $1 AND sequence > $2
          AND ($3::text[] IS NULL OR type = ANY($3::text[]))
          AND ($4::text IS NULL OR subject = $4)
          AND ($5::text[] IS NULL OR subject = ANY($5::text[]))
          AND ($6::bigint IS NULL OR sequence < $6)
        ORDER BY sequence LIMIT $7`,
      [tenantId, filter.after, filter.types ?? null, filter.subject ?? null, filter.subjects ?? null, before ?? null, filter.limit],
    );
    return rows.map(toEntry);
  }

  async one(tenantId: string, sequence: number, sql: SqlSession = this.database.dataSource.manager): Promise<LedgerEntry | undefined> {
    const rows = await sql.query<EntryRow>(`SELECT ${ENTRY_COLUMNS} FROM ledger_entries WHERE tenant_id = $1 AND sequence = $2`, [tenantId, sequence]);
    return rows[0] && toEntry(rows[0]);
  }
}

/** An entry exactly as API.md "Reading the log" shows it. */
export function toEntry(row: EntryRow): LedgerEntry {
  return {
    sequence: Number(row.sequence),
    id: row.event_id,
    source: row.source,
    type: row.type,
    subject: row.subject,
    time: row.time,
    recordedAt: row.recorded_at,
    recordedBy: row.recorded_by,
    prevSubjectSequence: row.prev_subject_sequence === null ? null : Number(row.prev_subject_sequence),
    data: row.data,
    leafHash: row.leaf_hash.toString('base64'),
  } as LedgerEntry;
}
