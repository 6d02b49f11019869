import { rootFromLeaves } from '../../src/integrity';
import { LOWEST_STORED_LEVEL } from '../../src/proofs/sql-subtree-hashes';
import { LedgerDatabase } from '../../src/store/ledger-database';

/**
 * What someone with the database's superuser role, but not the signing key, can do to the log.
 * `session_replication_role = replica` skips ordinary triggers, the append-only one included, for
 * this transaction only (SET LOCAL), so the trigger is back for everyone else at commit.
 */
export async function rewriteEntryBehindTrigger(
  database: LedgerDatabase,
  tenantId: string,
  sequence: number,
  change: { data: Record<string, unknown>; leafHash?: Buffer },
): Promise<void> {
  await database.transaction(async (manager) => {
    await manager.query('SET LOCAL session_replication_role = replica');
    const [rows] = await manager.query(
      `UPDATE ledger_entries SET data = $3::jsonb, leaf_hash = coalesce($4::bytea, leaf_hash)
        WHERE tenant_id = $1 AND sequence = $2 RETURNING sequence`,
      [tenantId, sequence, JSON.stringify(change.data), change.leafHash ?? null],
    );
    if (rows.length !== 1) throw new Error(`no entry ${sequence} to rewrite`);
  });
}

/** Recomputes every stored subtree over `sequence` from `leafHashes`, as a careful forger would. */
export async function rewriteStoredSubtreesOver(database: LedgerDatabase, tenantId: string, sequence: number, leafHashes: Buffer[]): Promise<number> {
  let rewritten = 0;
  for (let level = LOWEST_STORED_LEVEL; 2 ** level <= leafHashes.length; level++) {
    const width = 2 ** level;
    const index = Math.floor(sequence / width);
    if ((index + 1) * width > leafHashes.length) break;
    const hash = rootFromLeaves(leafHashes.slice(index * width, (index + 1) * width));
    await database.query('UPDATE merkle_nodes SET hash = $4 WHERE tenant_id = $1 AND level = $2 AND index = $3', [tenantId, level, index, hash]);
    rewritten++;
  }
  return rewritten;
}
