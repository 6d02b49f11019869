// RFC 6962/9162 vectors from transparency-dev/merkle (see /work/shared/testdata/merkle/README.md):
// the verifiers must agree with every file, and the generators must reproduce every happy path.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { consistencyProofPlan } from './consistency-proof';
import { hashLeaf } from './hashing';
import { InMemorySubtreeStore } from './in-memory-subtree-store';
import { inclusionProofPlan } from './inclusion-proof';
import { readPlan } from './read-plan';
import { rootFromLeaves } from './reference-tree';
import { rootPlan } from './root';
import { verifyConsistency, verifyInclusion } from './verify-proofs';

const testdata = path.resolve(__dirname, '../../../../shared/testdata/merkle');

interface InclusionVector {
  leafIdx: number;
  treeSize: number;
  root: string;
  leafHash: string;
  proof: string[] | null;
  desc: string;
  wantErr: boolean;
}

interface ConsistencyVector {
  size1: number;
  size2: number;
  root1: string;
  root2: string;
  proof: string[] | null;
  desc: string;
  wantErr: boolean;
}

interface ReferenceTree {
  leafInputs: string[];
  rootsBySize: string[];
}

function jsonFilesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.json'))
    .sort()
    .map((file) => path.join(dir, file));
}

function load<T>(file: string): [name: string, vector: T] {
  return [path.relative(testdata, file), JSON.parse(readFileSync(file, 'utf8')) as T];
}

const b64 = (text: string): Buffer => Buffer.from(text, 'base64');
const proofOf = (vector: { proof: string[] | null }): Buffer[] => (vector.proof ?? []).map(b64);

const inclusionVectors = jsonFilesUnder(path.join(testdata, 'inclusion')).map((file) => load<InclusionVector>(file));
const consistencyVectors = jsonFilesUnder(path.join(testdata, 'consistency')).map((file) => load<ConsistencyVector>(file));
const [, referenceTree] = load<ReferenceTree>(path.join(testdata, 'reference-tree.json'));
const referenceLeafHashes = referenceTree.leafInputs.map((input) => hashLeaf(Buffer.from(input, 'hex')));

async function referenceStore(): Promise<InMemorySubtreeStore> {
  const store = new InMemorySubtreeStore();
  await store.append(referenceLeafHashes.slice(0, 3));
  await store.append(referenceLeafHashes.slice(3));
  return store;
}

describe('RFC 9162 test vectors', () => {
  it('finds every vector file', () => {
    expect(inclusionVectors.length + consistencyVectors.length).toBe(196);
  });

  describe('inclusion proof verification', () => {
    it.each(inclusionVectors)('%s', (_name, vector) => {
      const verify = () =>
        verifyInclusion(b64(vector.leafHash), vector.leafIdx, vector.treeSize, proofOf(vector), b64(vector.root));
      if (vector.wantErr) expect(verify).toThrow(expect.objectContaining({ code: 'PROOF.REJECTED' }));
      else expect(verify).not.toThrow();
    });
  });

  describe('consistency proof verification', () => {
    it.each(consistencyVectors)('%s', (_name, vector) => {
      const verify = () =>
        verifyConsistency(vector.size1, vector.size2, proofOf(vector), b64(vector.root1), b64(vector.root2));
      if (vector.wantErr) expect(verify).toThrow(expect.objectContaining({ code: 'PROOF.REJECTED' }));
      else expect(verify).not.toThrow();
    });
  });

  describe('generation over stored complete subtrees', () => {
    it.each(referenceTree.rootsBySize.map((root, size) => [size, root] as const))(
      'computes the root of the first %i reference leaves',
      async (size, root) => {
        const store = await referenceStore();
        expect((await readPlan(rootPlan(size), store)).toString('hex')).toBe(root);
        expect(rootFromLeaves(referenceLeafHashes.slice(0, size)).toString('hex')).toBe(root);
      },
    );

    // single-entry is a one-leaf tree of its own, not the reference tree.
    const happyInclusion = inclusionVectors.filter(([, v]) => !v.wantErr);
    it.each(happyInclusion)('reproduces %s', async (name, vector) => {
      const store = name.startsWith('inclusion/single-entry') ? new InMemorySubtreeStore() : await referenceStore();
      if (store.size === 0) await store.append([b64(vector.leafHash)]);
      expect((await store.get([{ level: 0, index: vector.leafIdx }]))[0].toString('base64')).toBe(vector.leafHash);
      const proof = await readPlan(inclusionProofPlan(vector.leafIdx, vector.treeSize), store);
      expect(proof.map((hash) => hash.toString('base64'))).toEqual(vector.proof ?? []);
      expect((await readPlan(rootPlan(vector.treeSize), store)).toString('base64')).toBe(vector.root);
    });

    // The "additional" happy paths use placeholder roots rather than reference-tree roots.
    const happyConsistency = consistencyVectors.filter(([name, v]) => !v.wantErr && !name.startsWith('consistency/additional'));
    it.each(happyConsistency)('reproduces %s', async (_name, vector) => {
      const store = await referenceStore();
      const proof = await readPlan(consistencyProofPlan(vector.size1, vector.size2), store);
      expect(proof.map((hash) => hash.toString('base64'))).toEqual(vector.proof ?? []);
      expect((await readPlan(rootPlan(vector.size1), store)).toString('base64')).toBe(vector.root1);
      expect((await readPlan(rootPlan(vector.size2), store)).toString('base64')).toBe(vector.root2);
    });

    it('covers every happy path that is not a placeholder', () => {
      expect(happyInclusion.length).toBe(6);
      expect(happyConsistency.length).toBe(5);
    });
  });
});
