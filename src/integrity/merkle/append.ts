import { HASH_SIZE, hashChildren, isHash } from './hashing';
import { hashLookup, readPlan, ReadPlan, SubtreeHashes } from './read-plan';
import { assertLeafCount, NodeId, StoredSubtree } from './subtrees';

/**
 * Appending leaves [oldSize, newSize) completes exactly the subtrees whose last leaf falls in that
 * range: at level L, indexes floor(oldSize/2^L) ≤ k < floor(newSize/2^L). A new node's right child
 * is always new; its left child is old only for the first new node of a level, and is then the
 * old tree's maximal complete subtree at that level. So the append reads at most log2(oldSize)+1
 * stored nodes, whatever the number of leaves appended.
 */
export function newCompleteSubtreesPlan(oldSize: number, newLeafHashes: readonly Buffer[]): ReadPlan<StoredSubtree[]> {
  assertLeafCount(oldSize, 'oldSize');
  newLeafHashes.forEach((hash, i) => {
    if (!isHash(hash)) throw new RangeError(`leaf hash ${i} is ${hash.length} bytes, expected ${HASH_SIZE}`);
  });
  const newSize = oldSize + newLeafHashes.length;
  const adoptedOldNodes = levelsGainingNodes(oldSize, newSize)
    .filter((level) => Math.floor(oldSize / 2 ** level) % 2 === 1)
    .map((level): NodeId => ({ level, index: Math.floor(oldSize / 2 ** level) - 1 }));

  return {
    nodes: adoptedOldNodes,
    assemble(hashes) {
      const hashOf = hashLookup(adoptedOldNodes, hashes);
      const created: StoredSubtree[] = newLeafHashes.map((hash, i) => ({ level: 0, index: oldSize + i, hash }));
      let childLevel = created;
      for (const level of levelsGainingNodes(oldSize, newSize)) {
        const firstNewChild = Math.floor(oldSize / 2 ** level);
        const childHash = (index: number): Buffer =>
          index < firstNewChild ? hashOf({ level, index }) : childLevel[index - firstNewChild].hash;
        const parents: StoredSubtree[] = [];
        for (let index = Math.floor(oldSize / 2 ** (level + 1)); index < Math.floor(newSize / 2 ** (level + 1)); index++) {
          parents.push({ level: level + 1, index, hash: hashChildren(childHash(2 * index), childHash(2 * index + 1)) });
        }
        for (const parent of parents) created.push(parent);
        childLevel = parents;
      }
      return created;
    },
  };
}

/** Every complete subtree (leaves included) that appending `newLeafHashes` brings into existence. */
export function newCompleteSubtrees(
  oldSize: number,
  newLeafHashes: readonly Buffer[],
  store: SubtreeHashes,
): Promise<StoredSubtree[]> {
  return readPlan(newCompleteSubtreesPlan(oldSize, newLeafHashes), store);
}

/** The child levels L whose parents (level L+1) gain at least one complete node. */
function levelsGainingNodes(oldSize: number, newSize: number): number[] {
  const levels: number[] = [];
  for (let level = 0; Math.floor(newSize / 2 ** (level + 1)) > Math.floor(oldSize / 2 ** (level + 1)); level++) {
    levels.push(level);
  }
  return levels;
}
