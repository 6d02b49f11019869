import { rangeHashesPlan, ReadPlan } from './read-plan';
import { assertLeafCount, splitPoint } from './subtrees';

type LeafRange = readonly [start: number, end: number];

/**
 * The audit path PATH(m, D[n]) of RFC 9162 §2.1.3.1, deepest sibling first. Every sibling is a
 * complete subtree except at most one on the tree's right edge, so the read is O(log n) nodes.
 */
export function inclusionProofPlan(leafIndex: number, treeSize: number): ReadPlan<Buffer[]> {
  assertLeafCount(leafIndex, 'leafIndex');
  assertLeafCount(treeSize, 'treeSize');
  if (leafIndex >= treeSize) {
    throw new RangeError(`leaf ${leafIndex} is not in a tree of size ${treeSize}`);
  }
  return rangeHashesPlan(auditPath(leafIndex, 0, treeSize), (proof) => proof);
}

/** The sibling ranges of PATH(m, D[start:end]), with m an absolute leaf index. */
function auditPath(m: number, start: number, end: number): LeafRange[] {
  if (end - start === 1) return [];
  const middle = start + splitPoint(end - start);
  return m < middle
    ? [...auditPath(m, start, middle), [middle, end]]
    : [...auditPath(m, middle, end), [start, middle]];
}
