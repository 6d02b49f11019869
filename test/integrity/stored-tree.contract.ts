import { openNote, parseCheckpoint, rootFromLeaves, verifyConsistency, verifyInclusion } from '../../src/integrity';
import { NewEvent } from '../../src/ledger/append/prepared-event';
import { IssuedCheckpoint } from '../../src/proofs/checkpoints';
import { consentWithdrawn, customerRegistered } from '../support/events';
import { StoreUnderTest } from '../support/stores';
import { appendAll, IntegrityHarness, openIntegrityHarness, recomputedLeafHashes } from './integrity-harness';

/**
 * Batch sizes around the edges of the stored tree (levels below 4, i.e. 16 leaves, are not
 * stored; a batch may complete many subtrees at once), adding up to 3,000 events.
 */
const BATCHES = [1, 15, 16, 17, 1000, 1, 31, 33, 64, 1000, 2, 820];
const TOTAL = 3000;
/** The proof checks read and hash tens of thousands of nodes: seconds on a busy machine. */
const PROOF_CHECK_TIMEOUT = 60_000;

function feed(first: number, count: number): NewEvent[] {
  return Array.from({ length: count }, (_, offset) => {
    const n = first + offset;
    const subject = `c-${n % 97}`;
    if (n % 5 === 4) return consentWithdrawn(subject);
    return customerRegistered(subject, n % 7 === 0 ? { data: { actor: { type: 'customer', id: subject }, pii: { email: `customer.${n}@example.com` } } } : {});
  });
}

/** A reproducible spread of values in [0, bound), so failures can be replayed. */
function spread(count: number, bound: number, seed: number): number[] {
  let state = seed;
  return Array.from({ length: count }, () => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    return state % bound;
  });
}

/**
 * The stored tree (leaf hashes in ledger_entries, complete subtrees of 16+ leaves in merkle_nodes)
 * against RFC 9162 recomputed naively from every leaf: roots, signed checkpoints, inclusion and
 * consistency proofs, and the log verification (DESIGN.md invariant 3).
 */
export function storedTreeContract(store: StoreUnderTest): void {
  let harness: IntegrityHarness;
  const issued: IssuedCheckpoint[] = [];
  let leafHashes: Buffer[];
  const naiveRoot = (size: number) => rootFromLeaves(leafHashes.slice(0, size));

  beforeAll(async () => {
    harness = await openIntegrityHarness(store.config());
    let appended = 0;
    for (const batch of BATCHES) {
      await appendAll(harness, feed(appended, batch));
      appended += batch;
      issued.push(await harness.checkpoints.current(harness.tenantId));
    }
    leafHashes = await recomputedLeafHashes(harness);
  }, 120_000);

  afterAll(async () => {
    await harness?.database.close();
  });

  it('stores for each entry the leaf hash of its fields', async () => {
    const stored = await harness.log.page(harness.tenantId, { after: -1, limit: 1000 });

    expect(leafHashes).toHaveLength(TOTAL);
    expect(stored.map((entry) => entry.leafHash)).toEqual(leafHashes.slice(0, 1000).map((hash) => hash.toString('base64')));
  });

  it('signs at every batch boundary the root that a naive recomputation gives', () => {
    const boundaries = BATCHES.map((_, i) => BATCHES.slice(0, i + 1).reduce((sum, size) => sum + size));

    expect(issued.map((checkpoint) => checkpoint.treeSize)).toEqual(boundaries);
    for (const checkpoint of issued) {
      const expected = naiveRoot(checkpoint.treeSize);
      expect(checkpoint.rootHash.equals(expected)).toBe(true);
      expect(parseCheckpoint(openNote(checkpoint.note, [harness.verifier]))).toEqual({ origin: harness.verifier.name, treeSize: checkpoint.treeSize, rootHash: expected });
    }
  });

  it('proves every leaf at every batch boundary against the naive root', async () => {
    for (const { treeSize } of issued) {
      const sequences = Array.from({ length: treeSize }, (_, sequence) => sequence);
      const proofs = await harness.proofs.inclusionMany(harness.database.dataSource.manager, harness.tenantId, sequences, treeSize);
      const root = naiveRoot(treeSize);
      proofs.forEach((proof, sequence) => verifyInclusion(leafHashes[sequence]!, sequence, treeSize, proof, root));
    }
  }, PROOF_CHECK_TIMEOUT);

  it('answers single inclusion proofs at arbitrary tree sizes as the batched read does', async () => {
    const sizes = spread(40, TOTAL, 7).map((size) => size + 1);
    for (const [i, treeSize] of sizes.entries()) {
      const sequence = spread(1, treeSize, i + 1)[0]!;
      const answer = await harness.proofs.inclusion(harness.tenantId, sequence, treeSize);
      const proof = answer.proof.map((hash) => Buffer.from(hash, 'base64'));

      expect(answer.leafHash).toBe(leafHashes[sequence]!.toString('base64'));
      expect(answer.rootHash).toBe(naiveRoot(treeSize).toString('base64'));
      verifyInclusion(leafHashes[sequence]!, sequence, treeSize, proof, naiveRoot(treeSize));
      const [batched] = await harness.proofs.inclusionMany(harness.database.dataSource.manager, harness.tenantId, [sequence], treeSize);
      expect(batched).toEqual(proof);
    }
  }, PROOF_CHECK_TIMEOUT);

  it('proves consistency between every two checkpoints and between arbitrary sizes', async () => {
    const pairs: Array<[number, number]> = [];
    for (const older of issued) for (const newer of issued) if (older.treeSize <= newer.treeSize) pairs.push([older.treeSize, newer.treeSize]);
    const ends = spread(60, TOTAL, 11).map((size) => size + 1);
    ends.forEach((end, i) => pairs.push([spread(1, end, i + 3)[0]! + 1, end]));

    for (const [from, to] of pairs) {
      const { proof } = await harness.proofs.consistency(harness.tenantId, from, to);
      verifyConsistency(from, to, proof.map((hash) => Buffer.from(hash, 'base64')), naiveRoot(from), naiveRoot(to));
    }
  }, PROOF_CHECK_TIMEOUT);

  it('verifies the whole log against its leaves and every checkpoint', async () => {
    const report = await harness.verification.verify(harness.tenantId);

    expect(report).toEqual({ ok: true, treeSize: TOTAL, rootHash: naiveRoot(TOTAL).toString('base64'), checkpointsChecked: BATCHES.length, problems: [] });
  }, PROOF_CHECK_TIMEOUT);
}
