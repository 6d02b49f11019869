import { combinePlans, consistencyProofPlan, inclusionProofPlan, NodeId, readPlan, ReadPlan, rootPlan } from '../integrity';
import { Problem } from '../common/problem';
import { LedgerDatabase } from '../store/ledger-database';
import { currentTreeSize } from './checkpoints';
import { SqlSubtreeHashes } from './sql-subtree-hashes';
import { SqlSession } from '../store/sql-session';

export interface InclusionProof {
  leafIndex: number;
  treeSize: number;
  leafHash: string;
  rootHash: string;
  proof: string[];
}

export interface ConsistencyProof {
  from: number;
  to: number;
  proof: string[];
}

/**
 * RFC 9162 proofs from the stored tree, each answered with one read (API.md "Integrity"). No
 * transaction is needed: a tree size read once is a committed prefix (appends commit in sequence
 * order), and no leaf or stored subtree below it ever changes.
 */
export class Proofs {
  constructor(private readonly database: LedgerDatabase) {}

  async inclusion(tenantId: string, sequence: number, treeSize?: number): Promise<InclusionProof> {
    const sql: SqlSession = this.database;
    const size = await checkedSize(sql, tenantId, treeSize, 'treeSize');
    if (sequence >= size) throw new Problem('validation', 'sequence must be below treeSize', [{ path: 'sequence', message: `sequence must be below the tree size ${size}` }]);
    const [leafHash, proof, rootHash] = await readPlan(combinePlans(leafPlan(sequence), inclusionProofPlan(sequence, size), rootPlan(size)), new SqlSubtreeHashes(sql, tenantId));
    return { leafIndex: sequence, treeSize: size, leafHash: leafHash.toString('base64'), rootHash: rootHash.toString('base64'), proof: proof.map(base64) };
  }

  /** Proofs for many leaves against one tree size, in one read (evidence bundles). */
  async inclusionMany(sql: SqlSession, tenantId: string, sequences: number[], treeSize: number): Promise<Buffer[][]> {
    const plans = sequences.map((sequence) => inclusionProofPlan(sequence, treeSize));
    return readPlan(combinePlans(...plans), new SqlSubtreeHashes(sql, tenantId));
  }

  async consistency(tenantId: string, from: number, to: number): Promise<ConsistencyProof> {
    const sql: SqlSession = this.database;
    const size = await currentTreeSize(sql, tenantId);
    const problems = [];
    if (from < 1) problems.push({ path: 'from', message: 'from must be at least 1' });
    if (to > size) problems.push({ path: 'to', message: `to must be at most the current tree size ${size}` });
    if (from > to) problems.push({ path: 'from', message: 'from must not exceed to' });
    if (problems.length > 0) throw new Problem('validation', 'The tree sizes are out of range', problems);
    const proof = await readPlan(consistencyProofPlan(from, to), new SqlSubtreeHashes(sql, tenantId));
    return { from, to, proof: proof.map(base64) };
  }
}

async function checkedSize(sql: SqlSession, tenantId: string, requested: number | undefined, path: string): Promise<number> {
  const size = await currentTreeSize(sql, tenantId);
  if (requested === undefined) return size;
  if (requested > size) throw new Problem('validation', `${path} exceeds the current tree size`, [{ path, message: `${path} must be at most the current tree size ${size}` }]);
  return requested;
}

function leafPlan(sequence: number): ReadPlan<Buffer> {
  const leaf: NodeId = { level: 0, index: sequence };
  return { nodes: [leaf], assemble: ([hash]) => hash! };
}

function base64(hash: Buffer): string {
  return hash.toString('base64');
}
