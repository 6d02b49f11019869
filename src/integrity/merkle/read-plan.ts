import { HASH_SIZE, isHash } from './hashing';
import { completeSubtreesOf, foldSubtreeHashes, NodeId, nodeKey } from './subtrees';

/**
 * Where the service keeps the hash of every complete subtree. One call per plan, so a SQL-backed
 * implementation answers a whole root or proof with a single query.
 */
export interface SubtreeHashes {
  /** The stored hashes of `nodes`, in the same order; every node asked for exists. */
  get(nodes: readonly NodeId[]): Promise<Buffer[]>;
}

/**
 * A computation over stored subtree hashes, split into what it must read (`nodes`, distinct) and
 * a pure step that turns those hashes, in the same order, into the result.
 */
export interface ReadPlan<T> {
  readonly nodes: readonly NodeId[];
  assemble(hashes: readonly Buffer[]): T;
}

export async function readPlan<T>(plan: ReadPlan<T>, store: SubtreeHashes): Promise<T> {
  const hashes = plan.nodes.length === 0 ? [] : await store.get(plan.nodes);
  return plan.assemble(hashes);
}

/** Several plans answered by one read, e.g. an inclusion proof together with the root it leads to. */
export function combinePlans<T extends unknown[]>(...plans: { [K in keyof T]: ReadPlan<T[K]> }): ReadPlan<T> {
  const nodes = distinctNodes(plans.flatMap((plan) => plan.nodes));
  return {
    nodes,
    assemble(hashes) {
      const hashOf = hashLookup(nodes, hashes);
      return plans.map((plan) => plan.assemble(plan.nodes.map(hashOf))) as T;
    },
  };
}

/**
 * A plan whose results are Merkle tree hashes of leaf ranges [start, end), each read as the
 * complete subtrees it is made of.
 */
export function rangeHashesPlan<T>(
  ranges: ReadonlyArray<readonly [start: number, end: number]>,
  finish: (rangeHashes: Buffer[]) => T,
): ReadPlan<T> {
  const pieces = ranges.map(([start, end]) => completeSubtreesOf(start, end));
  const nodes = distinctNodes(pieces.flat());
  return {
    nodes,
    assemble(hashes) {
      const hashOf = hashLookup(nodes, hashes);
      return finish(pieces.map((rangePieces) => foldSubtreeHashes(rangePieces.map(hashOf))));
    },
  };
}

function distinctNodes(nodes: readonly NodeId[]): NodeId[] {
  const byKey = new Map(nodes.map((node) => [nodeKey(node), node]));
  return [...byKey.values()];
}

/** Checks the store's answer before trusting it: a missing row must not turn into a wrong proof. */
export function hashLookup(nodes: readonly NodeId[], hashes: readonly Buffer[]): (node: NodeId) => Buffer {
  if (hashes.length !== nodes.length) {
    throw new Error(`subtree store returned ${hashes.length} hashes for ${nodes.length} nodes`);
  }
  const byKey = new Map<string, Buffer>();
  nodes.forEach((node, i) => {
    if (!isHash(hashes[i])) {
      throw new Error(`subtree store returned a ${hashes[i].length}-byte hash for node ${nodeKey(node)}, expected ${HASH_SIZE}`);
    }
    byKey.set(nodeKey(node), hashes[i]);
  });
  return (node) => {
    const hash = byKey.get(nodeKey(node));
    if (hash === undefined) throw new Error(`node ${nodeKey(node)} was not part of the read`);
    return hash;
  };
}
