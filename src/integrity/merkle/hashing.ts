import { hash } from 'node:crypto';

/** RFC 9162 §2.1.1 with SHA-256: every leaf, node and root hash is this long. */
export const HASH_SIZE = 32;

// Domain separation between leaves and interior nodes (RFC 9162 §2.1.1) is what stops a node
// hash from being passed off as a leaf hash in a proof.
const LEAF_PREFIX = Buffer.from([0x00]);
const NODE_PREFIX = Buffer.from([0x01]);

// One-shot `hash` rather than `createHash`: a tree of n leaves takes 2n hashes, and building a
// Hash object costs more than hashing a leaf.

/** SHA-256(0x00 ‖ leafInput); a string leaf input is hashed as its UTF-8 bytes. */
export function hashLeaf(leafInput: Uint8Array | string): Buffer {
  // U+0000 is the single byte 0x00 in UTF-8: the prefix joins the text before encoding.
  if (typeof leafInput === 'string') return hash('sha256', `\u0000${leafInput}`, 'buffer');
  return hash('sha256', Buffer.concat([LEAF_PREFIX, leafInput]), 'buffer');
}

export function hashChildren(left: Uint8Array, right: Uint8Array): Buffer {
  return hash('sha256', Buffer.concat([NODE_PREFIX, left, right]), 'buffer');
}

/** MTH({}) = SHA-256() (RFC 9162 §2.1.1); a fresh buffer each time, so no caller can alter another's. */
export function emptyTreeRoot(): Buffer {
  return hash('sha256', Buffer.alloc(0), 'buffer');
}

export function isHash(value: Uint8Array): boolean {
  return value.length === HASH_SIZE;
}
