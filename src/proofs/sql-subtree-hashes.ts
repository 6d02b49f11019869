import { SqlSession } from '../store/sql-session';
import { hashChildren, NodeId, StoredSubtree, SubtreeHashes } from '../integrity';

/** Subtrees below this level are not stored; see the merkle_nodes migration. */
export const LOWEST_STORED_LEVEL = 4;

/**
 * A tenant's Merkle tree as stored: leaf hashes in ledger_entries, complete subtrees of 16+
 * leaves in merkle_nodes, smaller ones recomputed from their leaves. One query per read.
 */
export class SqlSubtreeHashes implements SubtreeHashes {
  constructor(
    private readonly sql: SqlSession,
    private readonly tenantId: string,
  ) {}

  async get(nodes: readonly NodeId[]): Promise<Buffer[]> {
    const stored = nodes.filter((node) => node.level >= LOWEST_STORED_LEVEL);
    const leafIndexes = [...new Set(nodes.filter((node) => node.level < LOWEST_STORED_LEVEL).flatMap(leavesOf))];
    const rows = await this.sql.query<FetchedHash>(
      `SELECT n.level, n.index, n.hash FROM merkle_nodes n
         JOIN unnest($2::smallint[], $3::bigint[]) AS wanted(level, index) ON n.level = wanted.level AND n.index = wanted.index
        WHERE n.tenant_id = $1
       UNION ALL
       SELECT 0, e.sequence, e.leaf_hash FROM ledger_entries e WHERE e.tenant_id = $1 AND e.sequence = ANY($4::bigint[])`,
      [this.tenantId, stored.map((node) => node.level), stored.map((node) => node.index), leafIndexes],
    );
    return new FetchedSubtreeHashes(this.tenantId, rows).get(nodes);
  }
}

/** A stored subtree hash (level ≥ LOWEST_STORED_LEVEL) or a leaf hash (level 0), as read. */
export interface FetchedHash {
  level: number;
  index: string | number;
  hash: Buffer;
}

/**
 * Subtree hashes already read: stored subtrees as they are, smaller ones recomputed from their
 * leaves. Asking for a node whose hashes were not read is a bug of the caller's query.
 */
export class FetchedSubtreeHashes implements SubtreeHashes {
  private readonly found: Map<string, Buffer>;

  constructor(
    private readonly tenantId: string,
    rows: readonly FetchedHash[],
  ) {
    this.found = new Map(rows.map((row) => [key(row.level, Number(row.index)), row.hash]));
  }

  async get(nodes: readonly NodeId[]): Promise<Buffer[]> {
    return nodes.map((node) => {
      const hash = node.level >= LOWEST_STORED_LEVEL ? this.found.get(key(node.level, node.index)) : subtreeFromLeaves(node, this.found);
      if (!hash) throw new Error(`Merkle node ${node.level}/${node.index} of tenant ${this.tenantId} is missing`);
      return hash;
    });
  }
}

/** The subtrees an append must store: those at or above the lowest stored level. */
export function subtreesToStore(created: StoredSubtree[]): StoredSubtree[] {
  return created.filter((subtree) => subtree.level >= LOWEST_STORED_LEVEL);
}

function leavesOf(node: NodeId): number[] {
  const width = 2 ** node.level;
  return Array.from({ length: width }, (_, offset) => node.index * width + offset);
}

function subtreeFromLeaves(node: NodeId, found: Map<string, Buffer>): Buffer | undefined {
  let level = leavesOf(node).map((leaf) => found.get(key(0, leaf)));
  if (level.some((hash) => !hash)) return undefined;
  while (level.length > 1) {
    level = Array.from({ length: level.length / 2 }, (_, index) => hashChildren(level[2 * index]!, level[2 * index + 1]!));
  }
  return level[0];
}

function key(level: number, index: number): string {
  return `${level}/${index}`;
}
