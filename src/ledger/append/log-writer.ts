import { EntityManager } from 'typeorm';
import { newCompleteSubtrees, StoredSubtree } from '../../integrity';
import { SqlSubtreeHashes, subtreesToStore } from '../../proofs/sql-subtree-hashes';
import { InlineProjector } from '../../read-models/read-model-projector';
import { LedgerDatabase } from '../../store/ledger-database';
import { PiiVault, SealedPiiRows } from '../../vault/pii-vault';
import { LedgerEntry } from '../../../projections/events';
import { AppendPlan, AppendState, PlannedEntry, RequestOutcome, eventKey, planAppend } from './append-plan';
import { AppendRequest } from './prepared-event';

/** Namespace of the per-tenant advisory locks (the second key is the tenant id's hash). */
const TENANT_LOCK_CLASS = 7_301_002;

/**
 * Writes groups of append requests to a tenant's log. Each group is one transaction under the
 * tenant's advisory lock, so commit order is sequence order (DESIGN.md invariant 2): lock, read
 * what the append must respect in one query, plan, read the Merkle tree's right edge, and insert
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
    return this.database.transaction(async (manager) => {
      await lockTenantLog(manager, tenantId);
      const state = await readAppendState(manager, tenantId, requests);
      const plan = planAppend(tenantId, state, requests);
      if (plan.entries.length > 0) {
        const created = await newCompleteSubtrees(state.size, plan.entries.map((entry) => entry.leafHash), new SqlSubtreeHashes(manager, tenantId));
        await this.insert(manager, tenantId, plan, state, subtreesToStore(created));
        await this.projector.project(manager, tenantId, plan.entries.map(toLedgerEntry));
      }
      return plan.outcomes;
    });
  }

  private async insert(manager: EntityManager, tenantId: string, plan: AppendPlan, state: WriterState, subtrees: StoredSubtree[]): Promise<void> {
    const entries = plan.entries;
    const erasures = entries.filter((entry) => entry.event.type === 'erasure.requested');
    const erasedHere = new Set(erasures.map((entry) => entry.fields.subject));
    // Values of a customer erased in this very group are never stored: the erasure would delete them.
    const piiToSeal = entries
      .filter((entry) => entry.event.pii && !erasedHere.has(entry.fields.subject))
      .map((entry) => ({ sequence: entry.fields.sequence, customerId: entry.fields.subject, values: entry.event.pii!.values, salt: entry.event.pii!.salt }));
    const sealed: SealedPiiRows = this.vault.sealForAppend(tenantId, piiToSeal, state.wrappedKeys);
    await manager.query(
      `WITH entries AS (
         INSERT INTO ledger_entries (tenant_id, sequence, event_id, source, type, subject, time, recorded_at, recorded_by, prev_subject_sequence, data, leaf_hash)
         SELECT $1, * FROM unnest($2::bigint[], $3::text[], $4::text[], $5::text[], $6::text[], $7::timestamptz[], $8::timestamptz[], $9::jsonb[], $10::bigint[], $11::jsonb[], $12::bytea[])
       ), fingerprints AS (
         INSERT INTO event_fingerprints (tenant_id, source, event_id, sequence, fingerprint)
         SELECT $1, * FROM unnest($4::text[], $3::text[], $2::bigint[], $13::bytea[])
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
        entries.map((entry) => JSON.stringify(entry.fields.data)),
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

/** The planner's view of the log plus the wrapped data keys of customers whose PII arrives. */
type WriterState = AppendState & { wrappedKeys: Map<string, Buffer> };

/** Serializes a tenant's writers until the transaction ends (DESIGN.md invariant 2). */
export async function lockTenantLog(manager: EntityManager, tenantId: string): Promise<void> {
  await manager.query('SELECT pg_advisory_xact_lock($1, hashtext($2))', [TENANT_LOCK_CLASS, tenantId]);
}

async function readAppendState(manager: EntityManager, tenantId: string, requests: AppendRequest[]): Promise<WriterState> {
  const events = requests.flatMap((request) => request.events);
  const subjects = [...new Set(events.map((event) => event.subject))];
  const policyIds = [...new Set(events.filter((event) => event.type === 'policy.adopted').map((event) => event.subject))];
  const piiCustomers = [...new Set(events.filter((event) => event.pii).map((event) => event.subject))];
  const [row] = await manager.query(
    `SELECT
       (SELECT json_build_object('sequence', sequence, 'recordedAt', recorded_at)
          FROM ledger_entries WHERE tenant_id = $1 ORDER BY sequence DESC LIMIT 1) AS head,
       (SELECT coalesce(json_agg(json_build_object('key', json_build_array(f.source, f.event_id), 'sequence', f.sequence,
                 'fingerprint', encode(f.fingerprint, 'base64'), 'recordedAt', e.recorded_at, 'leafHash', encode(e.leaf_hash, 'base64'))), '[]')
          FROM unnest($2::text[], $3::text[]) AS k(source, event_id)
          JOIN event_fingerprints f ON f.tenant_id = $1 AND f.source = k.source AND f.event_id = k.event_id
          JOIN ledger_entries e ON e.tenant_id = $1 AND e.sequence = f.sequence) AS known,
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
       to_json(date_trunc('milliseconds', clock_timestamp())) AS now`,
    [tenantId, events.map((event) => event.source), events.map((event) => event.id), subjects, policyIds, piiCustomers],
  );
  const head = row.head as { sequence: string | number; recordedAt: string } | null;
  return {
    size: head ? Number(head.sequence) + 1 : 0,
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
  };
}

function toLedgerEntry(entry: PlannedEntry): LedgerEntry {
  const { tenant, ...fields } = entry.fields;
  return { ...fields, leafHash: entry.leafHash.toString('base64') } as unknown as LedgerEntry;
}

/** JSON renders timestamptz with the session's offset; the ledger speaks UTC milliseconds. */
function isoMillis(timestamp: string): string {
  return new Date(timestamp).toISOString();
}
