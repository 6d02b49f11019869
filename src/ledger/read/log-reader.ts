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
  /** base64, as the entry states it. */
  leaf_hash: string;
}

/**
 * Timestamps are written by the database in the ledger's form (API.md "Conventions"; the log
 * holds whole milliseconds) and the leaf hash in base64: cheaper than the driver parsing each into
 * a Date or a Buffer for us to format again, which was a good part of reading a long history.
 */
const LEDGER_TIMESTAMP = `'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'`;

export const ENTRY_COLUMNS =
  'sequence, event_id, source, type, subject, ' +
  `to_char(time AT TIME ZONE 'UTC', ${LEDGER_TIMESTAMP}) AS time, to_char(recorded_at AT TIME ZONE 'UTC', ${LEDGER_TIMESTAMP}) AS recorded_at, ` +
  "recorded_by, prev_subject_sequence, data, encode(leaf_hash, 'base64') AS leaf_hash";

/** Reads a tenant's log as stored (API.md "Reading the log"). */
export class LogReader {
  constructor(private readonly database: LedgerDatabase) {}

  async page(tenantId: string, filter: EntryFilter, sql: SqlSession = this.database): Promise<LedgerEntry[]> {
    // Sequences are dense, so an unfiltered page is exactly (after, after + limit]. Saying so keeps
    // the plan on the primary key even when statistics are stale (PGlite has no autovacuum);
    // without it the planner may sort the whole rest of the log for every page.
    const unfiltered = !filter.types && !filter.subject && !filter.subjects;
    const before = unfiltered ? Math.min(filter.before ?? Number.MAX_SAFE_INTEGER, filter.after + filter.limit + 1) : filter.before;
    // Only the filters given, each its own condition: the statement is prepared, and a plan made
    // for "no type filter" must not serve a type filter (a generic plan could not use the index).
    const params: unknown[] = [tenantId, filter.after, filter.limit];
    const conditions = ['tenant_id = $1', 'sequence > $2'];
    const condition = (sqlWithParameter: (parameter: string) => string, value: unknown) => {
      params.push(value);
      conditions.push(sqlWithParameter(`$${params.length}`));
    };
    if (filter.types) condition((parameter) => `type = ANY(${parameter}::text[])`, filter.types);
    if (filter.subject !== undefined) condition((parameter) => `subject = ${parameter}`, filter.subject);
    if (filter.subjects) condition((parameter) => `subject = ANY(${parameter}::text[])`, filter.subjects);
    if (before !== undefined) condition((parameter) => `sequence < ${parameter}::bigint`, before);
    const rows = await sql.query<EntryRow>(`SELECT ${ENTRY_COLUMNS} FROM ledger_entries WHERE ${conditions.join(' AND ')} ORDER BY sequence LIMIT $3`, params);
    return rows.map(toEntry);
  }

  async one(tenantId: string, sequence: number, sql: SqlSession = this.database): Promise<LedgerEntry | undefined> {
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
    leafHash: row.leaf_hash,
  } as LedgerEntry;
}
