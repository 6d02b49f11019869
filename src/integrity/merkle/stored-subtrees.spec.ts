// The stored-subtree algorithms against RFC 9162's definitions recomputed from every leaf, for
// every tree size up to 300 and a few larger ones, with the O(log n) read bound enforced.
import { newCompleteSubtrees } from './append';
import { consistencyProofPlan } from './consistency-proof';
import { hashChildren, hashLeaf } from './hashing';
import { InMemorySubtreeStore } from './in-memory-subtree-store';
import { inclusionProofPlan } from './inclusion-proof';
import { combinePlans, readPlan, ReadPlan, SubtreeHashes } from './read-plan';
import { consistencyProofFromLeaves, inclusionProofFromLeaves, rootFromLeaves } from './reference-tree';
import { rootPlan } from './root';
import { NodeId } from './subtrees';
import { verifyConsistency, verifyInclusion } from './verify-proofs';

/** mulberry32: a seeded generator, so a failing case can be replayed. */
function seededRandom(seed: number): (below: number) => number {
  let state = seed;
  return (below) => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return Math.floor((((t ^ (t >>> 14)) >>> 0) / 2 ** 32) * below);
  };
}

// Hex strings, because jest compares Buffers byte by byte through its generic equality.
const hex = (hashes: readonly Buffer[]): string[] => hashes.map((hash) => hash.toString('hex'));
const ceilLog2 = (n: number): number => Math.ceil(Math.log2(n));
const readBound = (treeSize: number): number => 2 * ceilLog2(treeSize) + 2;
const leafHashes = (count: number): Buffer[] => Array.from({ length: count }, (_, i) => hashLeaf(Buffer.from(`entry ${i}`)));

async function storeOf(leaves: readonly Buffer[], random: (below: number) => number, maxBatch: number) {
  const store = new InMemorySubtreeStore();
  while (store.size < leaves.length) {
    const batch = 1 + random(maxBatch);
    await store.append(leaves.slice(store.size, store.size + batch));
  }
  return store;
}

async function readCounted<T>(plan: ReadPlan<T>, store: InMemorySubtreeStore): Promise<T> {
  store.resetReadCount();
  const result = await readPlan(plan, store);
  expect(store.reads.calls).toBeLessThanOrEqual(1);
  return result;
}

function sampleBelow(n: number, random: (below: number) => number): number[] {
  if (n <= 32) return Array.from({ length: n }, (_, i) => i);
  return [...new Set([0, n - 2, n - 1, random(n), random(n)])];
}

describe('stored complete subtrees', () => {
  const random = seededRandom(9162);
  const leaves = leafHashes(300);
  const rootBySize = Array.from({ length: leaves.length + 1 }, (_, size) => rootFromLeaves(leaves.slice(0, size)));
  let store: InMemorySubtreeStore;

  beforeAll(async () => {
    store = await storeOf(leaves, random, 9);
  });

  it('computes the root of every size from the maximal complete subtrees', async () => {
    for (let size = 0; size <= leaves.length; size++) {
      const root = await readCounted(rootPlan(size), store);
      expect(hex([root])).toEqual(hex([rootBySize[size]]));
      expect(store.reads.nodes).toBeLessThanOrEqual(Math.max(1, Math.ceil(Math.log2(size + 1))));
    }
  });

  it('builds inclusion proofs that match RFC 9162 PATH and verify', async () => {
    for (let size = 1; size <= leaves.length; size++) {
      for (const index of sampleBelow(size, random)) {
        const proof = await readCounted(inclusionProofPlan(index, size), store);
        expect(store.reads.nodes).toBeLessThanOrEqual(readBound(size));
        expect(hex(proof)).toEqual(hex(inclusionProofFromLeaves(index, leaves.slice(0, size))));
        expect(() => verifyInclusion(leaves[index], index, size, proof, rootBySize[size])).not.toThrow();
      }
    }
  });

  it('builds consistency proofs that match RFC 9162 PROOF and verify', async () => {
    for (let size = 1; size <= leaves.length; size++) {
      for (const from of sampleBelow(size, random).map((i) => i + 1)) {
        const proof = await readCounted(consistencyProofPlan(from, size), store);
        expect(store.reads.nodes).toBeLessThanOrEqual(readBound(size));
        expect(hex(proof)).toEqual(hex(consistencyProofFromLeaves(from, leaves.slice(0, size))));
        expect(() => verifyConsistency(from, size, proof, rootBySize[from], rootBySize[size])).not.toThrow();
      }
    }
  });

  it('answers a proof and its root with one read', async () => {
    const [proof, root] = await readCounted(combinePlans(inclusionProofPlan(100, 257), rootPlan(257)), store);
    expect(() => verifyInclusion(leaves[100], 100, 257, proof, root)).not.toThrow();
    expect(store.reads.calls).toBe(1);
  });

  it('refuses requests outside the tree', () => {
    expect(() => inclusionProofPlan(5, 5)).toThrow(RangeError);
    expect(() => consistencyProofPlan(0, 5)).toThrow(RangeError);
    expect(() => consistencyProofPlan(6, 5)).toThrow(RangeError);
    expect(() => rootPlan(-1)).toThrow(RangeError);
    expect(() => rootPlan(1.5)).toThrow(RangeError);
  });
});

describe('larger trees', () => {
  const random = seededRandom(6962);
  const leaves = leafHashes(10_000);
  let store: InMemorySubtreeStore;

  beforeAll(async () => {
    store = await storeOf(leaves, random, 600);
  });

  it.each([511, 512, 513, 1000, 1023, 1024, 1025, 4095, 4097, 10_000])('size %i', async (size) => {
    const prefix = leaves.slice(0, size);
    const root = await readCounted(rootPlan(size), store);
    expect(hex([root])).toEqual(hex([rootFromLeaves(prefix)]));
    for (const index of sampleBelow(size, random)) {
      const proof = await readCounted(inclusionProofPlan(index, size), store);
      expect(store.reads.nodes).toBeLessThanOrEqual(readBound(size));
      expect(hex(proof)).toEqual(hex(inclusionProofFromLeaves(index, prefix)));
      verifyInclusion(leaves[index], index, size, proof, root);

      const from = index + 1;
      const consistency = await readCounted(consistencyProofPlan(from, size), store);
      expect(store.reads.nodes).toBeLessThanOrEqual(readBound(size));
      expect(hex(consistency)).toEqual(hex(consistencyProofFromLeaves(from, prefix)));
      verifyConsistency(from, size, consistency, rootFromLeaves(leaves.slice(0, from)), root);
    }
  });
});

describe('appending', () => {
  /** Every (level, index) that is complete in a tree of `newSize` but not of `oldSize`. */
  function expectedNewNodes(oldSize: number, newSize: number): NodeId[] {
    const nodes: NodeId[] = [];
    for (let level = 0; 2 ** level <= newSize; level++) {
      for (let index = Math.floor(oldSize / 2 ** level); (index + 1) * 2 ** level <= newSize; index++) {
        nodes.push({ level, index });
      }
    }
    return nodes;
  }

  it('creates exactly the subtrees that become complete, reading only the old right edge', async () => {
    const random = seededRandom(8);
    const leaves = leafHashes(700);
    const store = new InMemorySubtreeStore();
    while (store.size < leaves.length) {
      const oldSize = store.size;
      const batch = leaves.slice(oldSize, oldSize + 1 + random(random(2) === 0 ? 4 : 130));
      store.resetReadCount();
      const created = await newCompleteSubtrees(oldSize, batch, store);
      expect(store.reads.nodes).toBeLessThanOrEqual(Math.ceil(Math.log2(oldSize + 1)));

      const newSize = oldSize + batch.length;
      const byNode = (a: NodeId, b: NodeId) => a.level - b.level || a.index - b.index;
      expect(created.map(({ level, index }) => ({ level, index })).sort(byNode)).toEqual(expectedNewNodes(oldSize, newSize));
      for (const { level, index, hash } of created) {
        expect(hex([hash])).toEqual(hex([rootFromLeaves(leaves.slice(index * 2 ** level, (index + 1) * 2 ** level))]));
      }
      await store.append(batch);
    }
  });

  it('reads nothing for the first append or an empty one', async () => {
    const store = new InMemorySubtreeStore();
    await store.append(leafHashes(5));
    store.resetReadCount();
    expect(await newCompleteSubtrees(5, [], store)).toEqual([]);
    expect(await newCompleteSubtrees(0, leafHashes(3), store)).toHaveLength(4);
    expect(store.reads.calls).toBe(0);
  });

  it('refuses leaf hashes that are not 32 bytes', () => {
    expect(() => newCompleteSubtrees(0, [Buffer.alloc(31)], new InMemorySubtreeStore())).toThrow(RangeError);
  });
});

describe('trees beyond 2^32 leaves', () => {
  // With every leaf equal, a complete subtree's hash depends only on its level, so a store can
  // answer for a tree far too large to build while every proof must still verify.
  const leaf = hashLeaf(Buffer.from('same'));
  const hashAtLevel = [leaf];
  for (let level = 1; level < 64; level++) hashAtLevel.push(hashChildren(hashAtLevel[level - 1], hashAtLevel[level - 1]));

  function uniformStore(treeSize: number): SubtreeHashes & { nodesRead: number } {
    return {
      nodesRead: 0,
      async get(nodes) {
        this.nodesRead += nodes.length;
        for (const { level, index } of nodes) {
          expect(Number.isInteger(index)).toBe(true);
          expect((index + 1) * 2 ** level).toBeLessThanOrEqual(treeSize);
        }
        return nodes.map(({ level }) => hashAtLevel[level]);
      },
    };
  }

  it.each([2 ** 32 + 1, 2 ** 40 - 1, 2 ** 45 + 12_345, 2 ** 53 - 1])('size %i', async (size) => {
    const store = uniformStore(size);
    const root = await readPlan(rootPlan(size), store);
    for (const index of [0, 2 ** 31, 2 ** 32 - 1, size - 2, size - 1]) {
      store.nodesRead = 0;
      const proof = await readPlan(inclusionProofPlan(index, size), store);
      expect(store.nodesRead).toBeLessThanOrEqual(readBound(size));
      verifyInclusion(leaf, index, size, proof, root);
      expect(() => verifyInclusion(leaf, index, size, proof.slice(1), root)).toThrow();

      const from = index + 1;
      const fromRoot = await readPlan(rootPlan(from), store);
      const consistency = await readPlan(consistencyProofPlan(from, size), store);
      verifyConsistency(from, size, consistency, fromRoot, root);
    }
  });
});
