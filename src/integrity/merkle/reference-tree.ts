import { emptyTreeRoot, hashChildren } from './hashing';
import { splitPoint } from './subtrees';

/**
 * RFC 9162 §2.1 transcribed literally over all leaf hashes: O(n) per call, so never used to serve
 * requests. It is the oracle the stored-subtree algorithms are tested against, and lets an
 * offline tool recompute a root from nothing but the leaves.
 */
export function rootFromLeaves(leafHashes: readonly Buffer[]): Buffer {
  if (leafHashes.length === 0) return emptyTreeRoot();
  if (leafHashes.length === 1) return leafHashes[0];
  const k = splitPoint(leafHashes.length);
  return hashChildren(rootFromLeaves(leafHashes.slice(0, k)), rootFromLeaves(leafHashes.slice(k)));
}

/** PATH(m, D[n]), RFC 9162 §2.1.3.1. */
export function inclusionProofFromLeaves(leafIndex: number, leafHashes: readonly Buffer[]): Buffer[] {
  if (leafHashes.length <= 1) return [];
  const k = splitPoint(leafHashes.length);
  const [left, right] = [leafHashes.slice(0, k), leafHashes.slice(k)];
  return leafIndex < k
    ? [...inclusionProofFromLeaves(leafIndex, left), rootFromLeaves(right)]
    : [...inclusionProofFromLeaves(leafIndex - k, right), rootFromLeaves(left)];
}

/** PROOF(m, D[n]), RFC 9162 §2.1.4.1. */
export function consistencyProofFromLeaves(fromSize: number, leafHashes: readonly Buffer[]): Buffer[] {
  return subproof(fromSize, leafHashes, true);
}

function subproof(m: number, leafHashes: readonly Buffer[], isOldRoot: boolean): Buffer[] {
  if (m === leafHashes.length) return isOldRoot ? [] : [rootFromLeaves(leafHashes)];
  const k = splitPoint(leafHashes.length);
  const [left, right] = [leafHashes.slice(0, k), leafHashes.slice(k)];
  return m <= k
    ? [...subproof(m, left, isOldRoot), rootFromLeaves(right)]
    : [...subproof(m - k, right, false), rootFromLeaves(left)];
}
