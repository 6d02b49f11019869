import { readPlan, rootPlan } from '../integrity';
import { LedgerDatabase } from '../store/ledger-database';
import { LogSigner } from './log-signer';
import { SqlSubtreeHashes } from './sql-subtree-hashes';
import { SqlSession } from '../store/sql-session';

export interface IssuedCheckpoint {
  treeSize: number;
  rootHash: Buffer;
  note: string;
}

/** Signed checkpoints of a tenant's log; every one issued is kept (append-only). */
export class Checkpoints {
  constructor(
    private readonly database: LedgerDatabase,
    private readonly signer: LogSigner,
  ) {}

  /**
   * A checkpoint of the log as committed now; the same size always gives the same note. Needs no
   * transaction: the size read is a committed prefix whose tree never changes, and two callers
   * signing the same size sign the same bytes (Ed25519 is deterministic), so either insert may win.
   */
  async current(tenantId: string): Promise<IssuedCheckpoint> {
    const sql: SqlSession = this.database;
    const [row]: Array<{ size: string; root_hash: Buffer | null; note: string | null }> = await sql.query(
      `SELECT s.size, c.root_hash, c.note
         FROM (SELECT coalesce(max(sequence) + 1, 0) AS size FROM ledger_entries WHERE tenant_id = $1) s
         LEFT JOIN checkpoints c ON c.tenant_id = $1 AND c.tree_size = s.size`,
      [tenantId],
    );
    const treeSize = Number(row.size);
    if (row.note !== null) return { treeSize, rootHash: row.root_hash!, note: row.note };
    const rootHash = await readPlan(rootPlan(treeSize), new SqlSubtreeHashes(sql, tenantId));
    const note = this.signer.signCheckpoint(tenantId, treeSize, rootHash);
    await sql.query(
      `INSERT INTO checkpoints (tenant_id, tree_size, root_hash, note, issued_at)
       VALUES ($1, $2, $3, $4, clock_timestamp()) ON CONFLICT DO NOTHING`,
      [tenantId, treeSize, rootHash, note],
    );
    return { treeSize, rootHash, note };
  }

  /** Every checkpoint issued, by tree size. */
  all(tenantId: string, sql: SqlSession = this.database): Promise<IssuedCheckpoint[]> {
    return this.stored(sql, tenantId);
  }

  private async stored(sql: SqlSession, tenantId: string): Promise<IssuedCheckpoint[]> {
    const rows: Array<{ tree_size: string; root_hash: Buffer; note: string }> = await sql.query(
      'SELECT tree_size, root_hash, note FROM checkpoints WHERE tenant_id = $1 ORDER BY tree_size',
      [tenantId],
    );
    return rows.map((row) => ({ treeSize: Number(row.tree_size), rootHash: row.root_hash, note: row.note }));
  }
}

/** Appends commit in sequence order, so the highest committed sequence names a complete prefix. */
export async function currentTreeSize(sql: SqlSession, tenantId: string): Promise<number> {
  const [row] = await sql.query('SELECT coalesce(max(sequence) + 1, 0) AS size FROM ledger_entries WHERE tenant_id = $1', [tenantId]);
  return Number(row.size);
}
