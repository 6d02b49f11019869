/**
 * The baselines' SQL: the cheapest way to put the same rows into `ledger_entries`, straight on the
 * driver's pool (pg.Pool, or the PGlite pool adapter), past TypeORM, with no lock, no read and no
 * vault. The sequence, leaf hash, fingerprint and stored `data` are worked out beforehand (or, for
 * the bare HTTP server, with the cheapest stand-ins).
 */
import type { NewEvent } from '../src/ledger/append/prepared-event';
import { leafHashOf } from '../src/ledger/leaf-input';
import type { LedgerDatabase } from '../src/store/ledger-database';
import { fingerprintOf } from '../src/ledger/append/prepared-event';
import { commitPii } from '../src/vault/pii-commitment';
import { BENCH_RECORDED_BY } from './feed';

export interface RawPool {
  query(sql: string, params?: unknown[]): Promise<unknown>;
}

/** The pool TypeORM itself checks connections out of: the same connections ours uses. */
export function rawPool(database: LedgerDatabase): RawPool {
  const pool = (database.dataSource.driver as unknown as { master?: RawPool }).master;
  if (!pool) throw new Error('the database is not connected');
  return pool;
}

/** A `ledger_entries` row, ready for the driver. */
export interface LedgerRow {
  sequence: number;
  id: string;
  source: string;
  type: string;
  subject: string;
  time: string;
  recordedAt: string;
  /** JSON text. */
  recordedBy: string;
  prevSubjectSequence: number | null;
  /** JSON text. */
  data: string;
  leafHash: Buffer;
  fingerprint: Buffer;
}

const COLUMNS = 'tenant_id, sequence, event_id, source, type, subject, time, recorded_at, recorded_by, prev_subject_sequence, data, leaf_hash, fingerprint';

export const INSERT_ONE_SQL = `INSERT INTO ledger_entries (${COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)`;

export const INSERT_UNNEST_SQL = `INSERT INTO ledger_entries (${COLUMNS})
  SELECT $1, * FROM unnest($2::bigint[], $3::text[], $4::text[], $5::text[], $6::text[], $7::timestamptz[], $8::timestamptz[], $9::jsonb[], $10::bigint[], $11::jsonb[], $12::bytea[], $13::bytea[])`;

export function insertOne(pool: RawPool, tenantId: string, row: LedgerRow): Promise<unknown> {
  return pool.query(INSERT_ONE_SQL, [tenantId, row.sequence, row.id, row.source, row.type, row.subject, row.time, row.recordedAt, row.recordedBy, row.prevSubjectSequence, row.data, row.leafHash, row.fingerprint]);
}

export function insertUnnest(pool: RawPool, tenantId: string, rows: LedgerRow[]): Promise<unknown> {
  return pool.query(INSERT_UNNEST_SQL, [
    tenantId,
    rows.map((row) => row.sequence),
    rows.map((row) => row.id),
    rows.map((row) => row.source),
    rows.map((row) => row.type),
    rows.map((row) => row.subject),
    rows.map((row) => row.time),
    rows.map((row) => row.recordedAt),
    rows.map((row) => row.recordedBy),
    rows.map((row) => row.prevSubjectSequence),
    rows.map((row) => row.data),
    rows.map((row) => row.leafHash),
    rows.map((row) => row.fingerprint),
  ]);
}

/**
 * The rows the ledger would store for `events` appended to `tenantId` from `firstSequence`:
 * PII replaced by a commitment, previous-subject links, real leaf hashes. `lastBySubject` carries
 * the links across calls.
 */
export function precomputeRows(tenantId: string, events: NewEvent[], firstSequence: number, lastBySubject: Map<string, number>): LedgerRow[] {
  const fingerprintKey = Buffer.alloc(32, 7);
  const recordedAt = new Date().toISOString();
  return events.map((event, index) => {
    const sequence = firstSequence + index;
    const { pii, ...rest } = event.data as { pii?: Record<string, unknown> };
    const data = pii === undefined ? event.data : { ...rest, pii: { commitment: commitPii(pii).commitment } };
    const prevSubjectSequence = lastBySubject.get(event.subject) ?? null;
    lastBySubject.set(event.subject, sequence);
    const leafHash = leafHashOf({ sequence, tenant: tenantId, id: event.id, source: event.source, type: event.type, subject: event.subject, time: event.time, recordedAt, recordedBy: BENCH_RECORDED_BY, prevSubjectSequence, data });
    return {
      sequence,
      id: event.id,
      source: event.source,
      type: event.type,
      subject: event.subject,
      time: event.time,
      recordedAt,
      recordedBy: JSON.stringify(BENCH_RECORDED_BY),
      prevSubjectSequence,
      data: JSON.stringify(data),
      leafHash,
      fingerprint: fingerprintOf(event, fingerprintKey),
    };
  });
}
