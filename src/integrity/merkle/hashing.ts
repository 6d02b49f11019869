import { createHash } from 'node:crypto';

/** RFC 9162 §2.1.1 with SHA-256: every leaf, node and root hash is this long. */
export const HASH_SIZE = 32;

// Domain separation between leaves and interior nodes (RFC 9162 §2.1.1) is what stops a node
// hash from being passed off as a leaf hash in a proof.
const LEAF_PREFIX = Buffer.from([0x00]);
const NODE_PREFIX = Buffer.from([0x01]);

export function hashLeaf(leafInput: Uint8Array): Buffer {
  return createHash('sha256').update(LEAF_PREFIX).update(leafInput).digest();
}

export function hashChildren(left: Uint8Array, right: Uint8Array): Buffer {
  return createHash('sha256').update(NODE_PREFIX).update(left).update(right).digest();
}

/** MTH({}) = SHA-256() (RFC 9162 §2.1.1); a fresh buffer each time, so no caller can alter another's. */
export function emptyTreeRoot(): Buffer {
  return createHash('sha256').digest();
}

export function isHash(value: Uint8Array): boolean {
  return value.length === HASH_SIZE;
}
