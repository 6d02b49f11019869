import { hashChildren } from './hashing';
import { foldSubtreeHashes } from './subtrees';

/**
 * The root of a growing tree from its leaves alone, in O(log n) memory: the hashes of the
 * maximal complete subtrees so far (RFC 9162 §2.1.1's split, built bottom-up). Lets a verifier
 * stream millions of leaves and take the root at every size it needs.
 */
export class CompactRange {
  private readonly subtrees: Array<{ size: number; hash: Buffer }> = [];
  private count = 0;

  get size(): number {
    return this.count;
  }

  append(leafHash: Buffer): void {
    let node = { size: 1, hash: leafHash };
    while (this.subtrees.length > 0 && this.subtrees[this.subtrees.length - 1]!.size === node.size) {
      const left = this.subtrees.pop()!;
      node = { size: left.size * 2, hash: hashChildren(left.hash, node.hash) };
    }
    this.subtrees.push(node);
    this.count++;
  }

  /** The root of the leaves appended so far; undefined while there are none. */
  root(): Buffer | undefined {
    return this.subtrees.length === 0 ? undefined : foldSubtreeHashes(this.subtrees.map((subtree) => subtree.hash));
  }
}
