import { IntegrityError } from '../integrity-error';
import { hashLeaf } from './hashing';
import { consistencyProofFromLeaves, inclusionProofFromLeaves, rootFromLeaves } from './reference-tree';
import { verifyConsistency, verifyInclusion } from './verify-proofs';

const leaves = Array.from({ length: 11 }, (_, i) => hashLeaf(Buffer.from([i])));
const root = rootFromLeaves(leaves);
const proofOf6 = inclusionProofFromLeaves(6, leaves);
const root5 = rootFromLeaves(leaves.slice(0, 5));
const proof5to11 = consistencyProofFromLeaves(5, leaves);

function rejection(verify: () => void): string {
  try {
    verify();
  } catch (error) {
    expect(error).toBeInstanceOf(IntegrityError);
    expect(error).toMatchObject({ code: 'PROOF.REJECTED' });
    return (error as Error).message;
  }
  throw new Error('expected the proof to be rejected');
}

describe('verifyInclusion', () => {
  it('accepts a correct proof', () => {
    expect(() => verifyInclusion(leaves[6], 6, 11, proofOf6, root)).not.toThrow();
  });

  it.each([
    ['a fractional index', 6.5, 11, /leaf index 6.5/],
    ['a negative index', -1, 11, /leaf index -1/],
    ['an index beyond 2^53', 2 ** 64, 11, /not a non-negative safe integer/],
    ['an index at the tree size', 11, 11, /not below tree size/],
  ])('rejects %s', (_case, index, size, reason) => {
    expect(rejection(() => verifyInclusion(leaves[6], index, size, proofOf6, root))).toMatch(reason);
  });

  it('says whether the proof is too long or too short', () => {
    expect(rejection(() => verifyInclusion(leaves[6], 6, 11, [...proofOf6, proofOf6[0]], root))).toMatch(/more than the 4/);
    expect(rejection(() => verifyInclusion(leaves[6], 6, 11, proofOf6.slice(1), root))).toMatch(/too few/);
  });

  it('rejects hashes that are not 32 bytes before hashing anything', () => {
    expect(rejection(() => verifyInclusion(leaves[6].subarray(1), 6, 11, proofOf6, root))).toMatch(/leaf hash is 31 bytes/);
    const padded = [proofOf6[0], Buffer.concat([proofOf6[1], Buffer.alloc(1)]), ...proofOf6.slice(2)];
    expect(rejection(() => verifyInclusion(leaves[6], 6, 11, padded, root))).toMatch(/proof element 1 is 33 bytes/);
  });

  it('rejects a proof for another leaf', () => {
    expect(rejection(() => verifyInclusion(leaves[5], 6, 11, proofOf6, root))).toMatch(/given root/);
  });
});

describe('verifyConsistency', () => {
  it('accepts a correct proof', () => {
    expect(() => verifyConsistency(5, 11, proof5to11, root5, root)).not.toThrow();
  });

  it('rejects a proof from the empty tree, even to the empty tree', () => {
    expect(rejection(() => verifyConsistency(0, 0, [], root, root))).toMatch(/proves nothing/);
  });

  it('needs an empty proof and equal roots for equal sizes', () => {
    expect(() => verifyConsistency(11, 11, [], root, root)).not.toThrow();
    expect(rejection(() => verifyConsistency(11, 11, [root], root, root))).toMatch(/empty consistency proof/);
    expect(rejection(() => verifyConsistency(11, 11, [], root5, root))).toMatch(/different roots/);
  });

  it('tells which root does not match', () => {
    expect(rejection(() => verifyConsistency(5, 11, proof5to11, root, root))).toMatch(/first root/);
    expect(rejection(() => verifyConsistency(5, 11, proof5to11, root5, root5))).toMatch(/second root/);
  });

  it('rejects sizes that are not safe integers', () => {
    expect(rejection(() => verifyConsistency(5, 2 ** 53, proof5to11, root5, root))).toMatch(/second tree size/);
  });
});
