import { hashChildren } from './hashing';

/**
 * A complete (perfect) subtree of the log, the unit the service stores: level 0 index i is leaf i,
 * and level L index k covers leaves [k·2^L, (k+1)·2^L). Its hash never changes once the tree
 * has grown past its last leaf.
 */
export interface NodeId {
  readonly level: number;
  readonly index: number;
}

export interface StoredSubtree extends NodeId {
  readonly hash: Buffer;
}

export function nodeKey(node: NodeId): string {
  return `${node.level}:${node.index}`;
}

/**
 * Tree sizes and indexes are plain numbers, so everything below uses arithmetic rather than the
 * 32-bit bitwise operators; this bound keeps that arithmetic exact.
 */
export function assertLeafCount(value: number, what: string): void {
  if (!Number.isSafeInteger(value) || value < 0) {
    throw new RangeError(`${what} must be a non-negative safe integer, got ${value}`);
  }
}

/** k in RFC 9162 §2.1.1: the largest power of two smaller than size (size ≥ 2). */
export function splitPoint(size: number): number {
  let k = 1;
  while (k * 2 < size) k *= 2;
  return k;
}

/**
 * The complete subtrees that make up leaves [start, end), largest first.
 *
 * Every range RFC 9162's recursions visit starts at a multiple of a power of two at least as large
 * as the range, so each piece here is aligned; and MTH of such a range is the right fold of these
 * pieces (see foldSubtreeHashes), because its first piece is exactly RFC 9162's left split D[0:k].
 */
export function completeSubtreesOf(start: number, end: number): NodeId[] {
  const nodes: NodeId[] = [];
  let offset = start;
  while (offset < end) {
    let level = 0;
    while (2 ** (level + 1) <= end - offset) level++;
    nodes.push({ level, index: offset / 2 ** level });
    offset += 2 ** level;
  }
  return nodes;
}

/** MTH of a range from the hashes of completeSubtreesOf(range), in that order. */
export function foldSubtreeHashes(hashes: readonly Buffer[]): Buffer {
  return hashes.reduceRight((right, left) => hashChildren(left, right));
}
