import { IntegrityError } from '../integrity-error';
import { HASH_SIZE, hashChildren, isHash } from './hashing';

/**
 * Proof verification as RFC 9162 §2.1.3.2 and §2.1.4.2 give it: pure and synchronous, so the
 * offline verifier runs it too. An auditor relies on it with nothing else to check against, so
 * every malformed input is refused with an IntegrityError('PROOF.REJECTED') saying why.
 */

/** Throws unless `proof` shows the leaf with `leafHash` at `leafIndex` in the tree of `treeSize` with `root`. */
export function verifyInclusion(
  leafHash: Uint8Array,
  leafIndex: number,
  treeSize: number,
  proof: readonly Uint8Array[],
  root: Uint8Array,
): void {
  requireLeafCount(leafIndex, 'leaf index');
  requireLeafCount(treeSize, 'tree size');
  if (leafIndex >= treeSize) reject(`leaf index ${leafIndex} is not below tree size ${treeSize}`);
  requireHash(leafHash, 'leaf hash');
  proof.forEach((element, i) => requireHash(element, `proof element ${i}`));

  let fn = leafIndex;
  let sn = treeSize - 1;
  let r: Uint8Array = leafHash;
  for (const [i, p] of proof.entries()) {
    if (sn === 0) reject(`proof has ${proof.length} elements, more than the ${i} that leaf ${leafIndex} of ${treeSize} needs`);
    if (isOdd(fn) || fn === sn) {
      r = hashChildren(p, r);
      // Skip the levels where this leaf's ancestor is the rightmost node and has no sibling.
      while (!isOdd(fn) && fn !== 0) [fn, sn] = [half(fn), half(sn)];
    } else {
      r = hashChildren(r, p);
    }
    [fn, sn] = [half(fn), half(sn)];
  }
  if (sn !== 0) reject(`proof has ${proof.length} elements, too few for leaf ${leafIndex} of ${treeSize}`);
  if (!sameBytes(r, root)) reject('proof does not lead to the given root');
}

/**
 * Throws unless `proof` shows that the tree of `size1` with `root1` is a prefix of the tree of
 * `size2` with `root2`. A proof from the empty tree is refused: it would prove nothing.
 */
export function verifyConsistency(
  size1: number,
  size2: number,
  proof: readonly Uint8Array[],
  root1: Uint8Array,
  root2: Uint8Array,
): void {
  requireLeafCount(size1, 'first tree size');
  requireLeafCount(size2, 'second tree size');
  if (size1 === 0) reject('a consistency proof from the empty tree proves nothing');
  if (size2 < size1) reject(`second tree size ${size2} is smaller than first tree size ${size1}`);
  if (size1 === size2) {
    if (proof.length > 0) reject('trees of equal size need an empty consistency proof');
    if (!sameBytes(root1, root2)) reject('trees of equal size have different roots');
    return;
  }
  if (proof.length === 0) reject('consistency proof is empty');
  proof.forEach((element, i) => requireHash(element, `proof element ${i}`));

  // When size1 is a power of two the old root is a node of the new tree, and RFC 9162 leaves it
  // out of the proof because the verifier already holds it.
  const path = isPowerOfTwo(size1) ? [root1, ...proof] : proof;
  let fn = size1 - 1;
  let sn = size2 - 1;
  while (isOdd(fn)) [fn, sn] = [half(fn), half(sn)];
  let fr: Uint8Array = path[0];
  let sr: Uint8Array = path[0];
  for (const c of path.slice(1)) {
    if (sn === 0) reject(`consistency proof from ${size1} to ${size2} has ${proof.length} elements, too many`);
    if (isOdd(fn) || fn === sn) {
      fr = hashChildren(c, fr);
      sr = hashChildren(c, sr);
      while (!isOdd(fn) && fn !== 0) [fn, sn] = [half(fn), half(sn)];
    } else {
      sr = hashChildren(sr, c);
    }
    [fn, sn] = [half(fn), half(sn)];
  }
  if (sn !== 0) reject(`consistency proof from ${size1} to ${size2} has too few elements`);
  if (!sameBytes(fr, root1)) reject('consistency proof does not lead to the first root');
  if (!sameBytes(sr, root2)) reject('consistency proof does not lead to the second root');
}

function reject(reason: string): never {
  throw new IntegrityError('PROOF.REJECTED', reason);
}

function requireLeafCount(value: number, what: string): void {
  if (!Number.isSafeInteger(value) || value < 0) reject(`${what} ${value} is not a non-negative safe integer`);
}

function requireHash(value: Uint8Array, what: string): void {
  if (!isHash(value)) reject(`${what} is ${value.length} bytes, expected ${HASH_SIZE}`);
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return Buffer.compare(a, b) === 0;
}

// fn and sn are RFC 9162's bit strings; arithmetic keeps them exact beyond 32 bits.
function isOdd(n: number): boolean {
  return n % 2 === 1;
}

function half(n: number): number {
  return Math.floor(n / 2);
}

function isPowerOfTwo(n: number): boolean {
  let power = 1;
  while (power < n) power *= 2;
  return power === n;
}
