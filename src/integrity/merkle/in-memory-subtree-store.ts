import { newCompleteSubtrees } from './append';
import { SubtreeHashes } from './read-plan';
import { NodeId, nodeKey } from './subtrees';

/**
 * The storage model without a database: what every SubtreeHashes implementation must behave like.
 * Counts its reads, so tests can hold the algorithms to their O(log n) promise.
 */
export class InMemorySubtreeStore implements SubtreeHashes {
  private readonly hashes = new Map<string, Buffer>();
  private leafCount = 0;
  readonly reads = { calls: 0, nodes: 0 };

  get size(): number {
    return this.leafCount;
  }

  async get(nodes: readonly NodeId[]): Promise<Buffer[]> {
    this.reads.calls++;
    this.reads.nodes += nodes.length;
    return nodes.map((node) => {
      const hash = this.hashes.get(nodeKey(node));
      if (hash === undefined) throw new Error(`no complete subtree ${nodeKey(node)} in a tree of size ${this.leafCount}`);
      return hash;
    });
  }

  async append(leafHashes: readonly Buffer[]): Promise<void> {
    for (const subtree of await newCompleteSubtrees(this.leafCount, leafHashes, this)) {
      this.hashes.set(nodeKey(subtree), subtree.hash);
    }
    this.leafCount += leafHashes.length;
  }

  resetReadCount(): void {
    this.reads.calls = 0;
    this.reads.nodes = 0;
  }
}
