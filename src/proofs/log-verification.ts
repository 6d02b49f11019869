import { CompactRange, openNote, parseCheckpoint, parseVerifierKey, readPlan, rootPlan } from '../integrity';
import { leafHashOf } from '../ledger/leaf-input';
import { LogReader } from '../ledger/read/log-reader';
import { LedgerDatabase } from '../store/ledger-database';
import { Checkpoints, currentTreeSize } from './checkpoints';
import { LogSigner } from './log-signer';
import { SqlSubtreeHashes } from './sql-subtree-hashes';
import { SqlSession } from '../store/sql-session';

export interface VerificationReport {
  ok: boolean;
  treeSize: number;
  rootHash: string;
  firstBadSequence?: number;
  checkpointsChecked: number;
  problems: string[];
}

const PAGE = 2_000;

/**
 * Checks a tenant's log against itself and against what it signed (DESIGN.md invariant 3):
 * every leaf in [from, to) recomputed from the stored columns, the root recomputed from the
 * leaves against the stored tree, and the root at every stored checkpoint's size against that
 * checkpoint's signed note. Reads in pages; memory stays O(log n).
 */
export class LogVerification {
  private readonly reader: LogReader;

  constructor(
    private readonly database: LedgerDatabase,
    private readonly checkpoints: Checkpoints,
    private readonly signer: LogSigner,
  ) {
    this.reader = new LogReader(database);
  }

  async verify(tenantId: string, range: { from?: number; to?: number } = {}): Promise<VerificationReport> {
    const sql: SqlSession = this.database;
    const treeSize = await currentTreeSize(sql, tenantId);
    const from = range.from ?? 0;
    const to = Math.min(range.to ?? treeSize, treeSize);
    const checkpoints = (await this.checkpoints.all(tenantId, sql)).filter((checkpoint) => checkpoint.treeSize <= treeSize);
    const verifier = parseVerifierKey(this.signer.verifierKey(tenantId));
    const problems: string[] = [];
    let firstBadSequence: number | undefined;
    const markBad = (sequence: number, problem: string) => {
      firstBadSequence ??= sequence;
      problems.push(problem);
    };

    const leaves = new CompactRange();
    let nextCheckpoint = 0;
    let lastGoodCheckpointSize = 0;
    const checkCheckpointsUpTo = (size: number) => {
      while (nextCheckpoint < checkpoints.length && checkpoints[nextCheckpoint]!.treeSize <= size) {
        const checkpoint = checkpoints[nextCheckpoint++]!;
        const signed = signedRoot(checkpoint.note, verifier);
        const recomputed = checkpoint.treeSize === 0 ? undefined : leaves.root();
        const matches = signed && signed.treeSize === checkpoint.treeSize && (recomputed ? recomputed.equals(signed.rootHash) : checkpoint.treeSize === 0);
        if (matches) lastGoodCheckpointSize = checkpoint.treeSize;
        else markBad(lastGoodCheckpointSize, `the log differs from the checkpoint signed at tree size ${checkpoint.treeSize}`);
      }
    };
    checkCheckpointsUpTo(0);
    for await (const page of this.pages(sql, tenantId, treeSize)) {
      for (const leaf of page) {
        const inRange = leaf.sequence >= from && leaf.sequence < to;
        if (inRange && !leaf.recomputed.equals(leaf.stored)) markBad(leaf.sequence, `entry ${leaf.sequence} does not match its leaf hash`);
        leaves.append(inRange ? leaf.recomputed : leaf.stored);
        checkCheckpointsUpTo(leaves.size);
      }
    }
    const recomputedRoot = leaves.root() ?? (await readPlan(rootPlan(0), new SqlSubtreeHashes(sql, tenantId)));
    const storedRoot = await readPlan(rootPlan(treeSize), new SqlSubtreeHashes(sql, tenantId));
    if (!storedRoot.equals(recomputedRoot)) problems.push('the stored interior hashes of the tree do not match its leaves');
    return {
      ok: problems.length === 0,
      treeSize,
      rootHash: recomputedRoot.toString('base64'),
      ...(firstBadSequence === undefined ? {} : { firstBadSequence }),
      checkpointsChecked: checkpoints.length,
      problems,
    };
  }

  private async *pages(sql: SqlSession, tenantId: string, treeSize: number): AsyncGenerator<Array<{ sequence: number; recomputed: Buffer; stored: Buffer }>> {
    for (let after = -1; after < treeSize - 1; ) {
      const entries = (await this.reader.page(tenantId, { after, limit: PAGE }, sql)).filter((entry) => entry.sequence < treeSize);
      if (entries.length === 0) return;
      yield entries.map((entry) => {
        const { leafHash, ...fields } = entry;
        return { sequence: entry.sequence, recomputed: leafHashOf({ ...fields, tenant: tenantId, data: entry.data as unknown as Record<string, unknown> }), stored: Buffer.from(leafHash, 'base64') };
      });
      after = entries[entries.length - 1]!.sequence;
    }
  }
}

function signedRoot(note: string, verifier: ReturnType<typeof parseVerifierKey>): { treeSize: number; rootHash: Buffer } | undefined {
  try {
    return parseCheckpoint(openNote(note, [verifier]));
  } catch {
    return undefined;
  }
}
