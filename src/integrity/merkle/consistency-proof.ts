import { rangeHashesPlan, ReadPlan } from './read-plan';
import { assertLeafCount, splitPoint } from './subtrees';

type LeafRange = readonly [start: number, end: number];

/**
 * PROOF(m, D[n]) of RFC 9162 §2.1.4.1 between tree sizes 1 ≤ fromSize ≤ toSize; equal sizes need
 * no proof. As with inclusion, at most one element is not a stored complete subtree.
 */
export function consistencyProofPlan(fromSize: number, toSize: number): ReadPlan<Buffer[]> {
  assertLeafCount(fromSize, 'fromSize');
  assertLeafCount(toSize, 'toSize');
  if (fromSize < 1 || fromSize > toSize) {
    throw new RangeError(`no consistency proof from size ${fromSize} to size ${toSize}: need 1 ≤ from ≤ to`);
  }
  const ranges = fromSize === toSize ? [] : subproof(fromSize, 0, toSize, true);
  return rangeHashesPlan(ranges, (proof) => proof);
}

/**
 * SUBPROOF(m, D[start:end], b) with m an absolute leaf count. `isOldRoot` is the RFC's b: while it
 * holds, the old tree's root is a node of the new tree and the verifier already knows it.
 */
function subproof(m: number, start: number, end: number, isOldRoot: boolean): LeafRange[] {
  if (m === end) return isOldRoot ? [] : [[start, end]];
  const middle = start + splitPoint(end - start);
  return m <= middle
    ? [...subproof(m, start, middle, isOldRoot), [middle, end]]
    : [...subproof(m, middle, end, false), [start, middle]];
}
