import { newCompleteSubtrees, StoredSubtree, SubtreeHashes } from '../../integrity';
import { FetchedHash, FetchedSubtreeHashes, LOWEST_STORED_LEVEL, subtreesToStore } from '../../proofs/sql-subtree-hashes';
import { InlineProjector } from '../../read-models/read-model-projector';
import { createHash } from 'node:crypto';
import { AdvisoryLock, LedgerDatabase } from '../../store/ledger-database';
import { SqlSession } from '../../store/sql-session';
import { PiiVault, SealedPiiRows } from '../../vault/pii-vault';
import { LedgerEntry } from '../../../projections/events';
import { AppendPlan, AppendState, PlannedEntry, RequestOutcome, eventKey, planAppend } from './append-plan';
import { AppendRequest } from './prepared-event';
import { isoMillis } from '../../store/json-timestamps';

/** Namespace of the per-tenant advisory locks (the second key is the tenant id's hash). */
const TENANT_LOCK_SPACE = 7_301_002;

/**
 * Writes groups of append requests to a tenant's log. Each group is one transaction under the
 * tenant's advisory lock, so commit order is sequence order (DESIGN.md invariant 2): lock, read
 * what the append must respect and the Merkle tree's right edge in one query, plan, and insert
 * everything — entries, idempotency index, vault rows, new subtree hashes — in one statement;
 * then the read models, in the same transaction (DESIGN.md invariant 5).
 */
export class LogWriter {
  constructor(
    private readonly database: LedgerDatabase,
    private readonly vault: PiiVault,
    private readonly projector: InlineProjector,
  ) {}

  appendGroup(tenantId: string, requests: AppendRequest[]): Promise<RequestOutcome[]> {
    return this.database.transactionUnder(tenantLogLock(tenantId), async (sql) => {
      const state = await readAppendState(sql, tenantId, requests);
      const plan = planAppend(tenantId, state, requests);
      if (plan.entries.length > 0) {
        const created = await newCompleteSubtrees(state.size, plan.entries.map((entry) => entry.leafHash), state.rightEdge);
        await this.insert(sql, tenantId, plan, state, subtreesToStore(created));
        await this.projector.project(sql, tenantId, plan.entries.map(toLedgerEntry));
      }
      return plan.outcomes;
    });
  }

  private async insert(sql: SqlSession, tenantId: string, plan: AppendPlan, state: WriterState, subtrees: StoredSubtree[]): Promise<void> {
    const entries = plan.entries;
    const erasures = entries.filter((entry) => entry.event.type === 'erasure.requested');
    const erasedHere = new Set(erasures.map((entry) => entry.fields.subject));
    // Values of a customer erased in this very group are never stored: the erasure would delete them.
    const piiToSeal = entries
      .filter((entry) => entry.event.pii && !erasedHere.has(entry.fields.subject))
      .map((entry) => ({ sequence: entry.fields.sequence, customerId: entry.fields.subject, values: entry.event.pii!.values, salt: entry.event.pii!.salt }));
    const sealed: SealedPiiRows = this.vault.sealForAppend(tenantId, piiToSeal, state.wrappedKeys);
    await sql.query(
      `WITH entries AS (
         INSERT INTO ledger_entries (tenant_id, sequence, event_id, source, type, subject, time, recorded_at, recorded_by, prev_subject_sequence, data, leaf_hash, fingerprint)
         SELECT $1, * FROM unnest($2::bigint[], $3::text[], $4::text[], $5::text[], $6::text[], $7::timestamptz[], $8::timestamptz[], $9::jsonb[], $10::bigint[], $11::jsonb[], $12::bytea[], $13::bytea[])
       ), data_keys AS (
         INSERT INTO customer_data_keys (tenant_id, customer_id, wrapped_key)
         SELECT $1, * FROM unnest($14::text[], $15::bytea[])
       ), pii AS (
         INSERT INTO pii_values (tenant_id, sequence, customer_id, sealed)
         SELECT $1, * FROM unnest($16::bigint[], $17::text[], $18::bytea[])
       ), erasures AS (
         INSERT INTO customer_erasures (tenant_id, customer_id, sequence)
         SELECT $1, * FROM unnest($19::text[], $20::bigint[]) ON CONFLICT DO NOTHING
       ), erased_values AS (
         DELETE FROM pii_values WHERE tenant_id = $1 AND customer_id = ANY($19::text[])
       ), erased_keys AS (
         DELETE FROM customer_data_keys WHERE tenant_id = $1 AND customer_id = ANY($19::text[])
       ), subtrees AS (
         INSERT INTO merkle_nodes (tenant_id, level, index, hash)
         SELECT $1, * FROM unnest($21::smallint[], $22::bigint[], $23::bytea[])
       )
       SELECT 1`,
      [
        tenantId,
        entries.map((entry) => entry.fields.sequence),
        entries.map((entry) => entry.fields.id),
        entries.map((entry) => entry.fields.source),
        entries.map((entry) => entry.fields.type),
        entries.map((entry) => entry.fields.subject),
        entries.map((entry) => entry.fields.time),
        entries.map((entry) => entry.fields.recordedAt),
        entries.map((entry) => JSON.stringify(entry.fields.recordedBy)),
        entries.map((entry) => entry.fields.prevSubjectSequence),
        entries.map((entry) => entry.event.canonicalData),
        entries.map((entry) => entry.leafHash),
        entries.map((entry) => entry.fingerprint),
        sealed.newKeys.map((key) => key.customerId),
        sealed.newKeys.map((key) => key.wrappedKey),
        sealed.values.map((value) => value.sequence),
        sealed.values.map((value) => value.customerId),
        sealed.values.map((value) => value.sealed),
        erasures.map((entry) => entry.fields.subject),
        erasures.map((entry) => entry.fields.sequence),
        subtrees.map((subtree) => subtree.level),
        subtrees.map((subtree) => subtree.index),
        subtrees.map((subtree) => subtree.hash),
      ],
    );
  }
}

/**
 * The planner's view of the log, the wrapped data keys of customers whose PII arrives, and the
 * tree's right edge: its maximal complete subtrees, the only old nodes an append can need (see
 * newCompleteSubtreesPlan).
 */
type WriterState = AppendState & { wrappedKeys: Map<string, Buffer>; rightEdge: SubtreeHashes };

/** Serializes a tenant's writers until the transaction ends (DESIGN.md invariant 2). */
export function tenantLogLock(tenantId: string): AdvisoryLock {
  return { space: TENANT_LOCK_SPACE, key: createHash('sha256').update(tenantId).digest().readInt32BE(0) };
}

async function readAppendState(sql: SqlSession, tenantId: string, requests: AppendRequest[]): Promise<WriterState> {
  const events = requests.flatMap((request) => request.events);
  const subjects = [...new Set(events.map((event) => event.subject))];
  const policyIds = [...new Set(events.filter((event) => event.type === 'policy.adopted').map((event) => event.subject))];
  const piiCustomers = [...new Set(events.filter((event) => event.pii).map((event) => event.subject))];
  const [row] = await sql.query(
    `WITH head AS (SELECT sequence + 1 AS size, recorded_at FROM ledger_entries WHERE tenant_id = $1 ORDER BY sequence DESC LIMIT 1)
     SELECT
       (SELECT json_build_object('size', size, 'recordedAt', recorded_at) FROM head) AS head,
       (SELECT coalesce(json_agg(json_build_object('key', json_build_array(e.source, e.event_id), 'sequence', e.sequence,
                 'fingerprint', encode(e.fingerprint, 'base64'), 'recordedAt', e.recorded_at, 'leafHash', encode(e.leaf_hash, 'base64'))), '[]')
          FROM unnest($2::text[], $3::text[]) AS k(source, event_id)
          JOIN ledger_entries e ON e.tenant_id = $1 AND e.source = k.source AND e.event_id = k.event_id) AS known,
       (SELECT coalesce(json_agg(json_build_array(s.subject,
                 (SELECT max(e.sequence) FROM ledger_entries e WHERE e.tenant_id = $1 AND e.subject = s.subject))), '[]')
          FROM unnest($4::text[]) AS s(subject)) AS subjects,
       (SELECT coalesce(json_agg(json_build_array(p.subject, p.version)), '[]')
          FROM (SELECT e.subject, max((e.data ->> 'version')::bigint) AS version FROM ledger_entries e
                 WHERE e.tenant_id = $1 AND e.type = 'policy.adopted' AND e.subject = ANY($5::text[]) GROUP BY e.subject) p) AS policies,
       (SELECT coalesce(json_agg(c.customer_id), '[]') FROM customer_erasures c
         WHERE c.tenant_id = $1 AND c.customer_id = ANY($6::text[])) AS erased,
       (SELECT coalesce(json_agg(json_build_array(k.customer_id, encode(k.wrapped_key, 'base64'))), '[]') FROM customer_data_keys k
         WHERE k.tenant_id = $1 AND k.customer_id = ANY($6::text[])) AS data_keys,
       -- A subquery per level, not a join: the planner then probes the primary key with the index too.
       (SELECT coalesce(json_agg(json_build_array(l.level, (head.size >> l.level) - 1,
                 (SELECT encode(n.hash, 'base64') FROM merkle_nodes n WHERE n.tenant_id = $1 AND n.level = l.level AND n.index = (head.size >> l.level) - 1))), '[]')
          FROM head CROSS JOIN generate_series(${LOWEST_STORED_LEVEL}, 62) AS l(level)
         WHERE (head.size >> l.level) & 1 = 1) AS edge_nodes,
       (SELECT coalesce(json_agg(json_build_array(0, e.sequence, encode(e.leaf_hash, 'base64'))), '[]')
          FROM head JOIN ledger_entries e ON e.tenant_id = $1 AND e.sequence >= head.size - head.size % ${2 ** LOWEST_STORED_LEVEL} AND e.sequence < head.size) AS edge_leaves,
       to_json(date_trunc('milliseconds', clock_timestamp())) AS now`,
    [tenantId, events.map((event) => event.source), events.map((event) => event.id), subjects, policyIds, piiCustomers],
  );
  const head = row.head as { size: string | number; recordedAt: string } | null;
  // A node missing from the store (it never should be) is left for FetchedSubtreeHashes to report.
  const edge = [...(row.edge_nodes as Array<[number, number, string | null]>), ...(row.edge_leaves as Array<[number, number, string]>)].filter(
    (node): node is [number, number, string] => node[2] !== null,
  );
  return {
    size: head ? Number(head.size) : 0,
    lastRecordedAt: head ? isoMillis(head.recordedAt) : null,
    now: isoMillis(row.now as string),
    known: new Map(
      (row.known as Array<{ key: [string, string]; sequence: number; fingerprint: string; recordedAt: string; leafHash: string }>).map((known) => [
        eventKey(known.key[0], known.key[1]),
        { sequence: Number(known.sequence), fingerprint: Buffer.from(known.fingerprint, 'base64'), recordedAt: isoMillis(known.recordedAt), leafHash: Buffer.from(known.leafHash, 'base64') },
      ]),
    ),
    lastSequenceBySubject: new Map(
      (row.subjects as Array<[string, number | null]>).filter(([, sequence]) => sequence !== null).map(([subject, sequence]) => [subject, Number(sequence)]),
    ),
    policyVersions: new Map((row.policies as Array<[string, number]>).map(([policyId, version]) => [policyId, Number(version)])),
    erasedCustomers: new Set(row.erased as string[]),
    wrappedKeys: new Map((row.data_keys as Array<[string, string]>).map(([customerId, key]) => [customerId, Buffer.from(key, 'base64')])),
    rightEdge: new FetchedSubtreeHashes(tenantId, edge.map(([level, index, hash]): FetchedHash => ({ level, index, hash: Buffer.from(hash, 'base64') }))),
  };
}

function toLedgerEntry(entry: PlannedEntry): LedgerEntry {
  const { tenant, ...fields } = entry.fields;
  return { ...fields, leafHash: entry.leafHash.toString('base64') } as unknown as LedgerEntry;
}
