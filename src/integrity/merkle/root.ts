import { emptyTreeRoot } from './hashing';
import { rangeHashesPlan, ReadPlan } from './read-plan';
import { assertLeafCount } from './subtrees';

/** MTH(D[0:size]) (RFC 9162 §2.1.1) from the at most log2(size)+1 maximal complete subtrees. */
export function rootPlan(treeSize: number): ReadPlan<Buffer> {
  assertLeafCount(treeSize, 'treeSize');
  if (treeSize === 0) return { nodes: [], assemble: () => emptyTreeRoot() };
  return rangeHashesPlan([[0, treeSize]], ([root]) => root);
}
