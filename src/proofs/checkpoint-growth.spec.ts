import { createHash, generateKeyPairSync } from 'node:crypto';
import { consistencyProofPlan, createNoteSigner, formatCheckpoint, formatVerifierKey, InMemorySubtreeStore, readPlan, rootPlan, signNote } from '../integrity';
import { verifyCheckpointGrowth } from './checkpoint-growth';

const LOG_NAME = 'compliance-ledger.local/lakeside-motors';
const signer = createNoteSigner(LOG_NAME, generateKeyPairSync('ed25519').privateKey);

function leaves(count: number, label = 'entry'): Buffer[] {
  return Array.from({ length: count }, (_, i) => createHash('sha256').update(`${label} ${i}`).digest());
}

async function checkpointOf(store: InMemorySubtreeStore, treeSize: number): Promise<string> {
  return signNote(formatCheckpoint({ origin: LOG_NAME, treeSize, rootHash: await readPlan(rootPlan(treeSize), store) }), signer);
}

async function proofBody(store: InMemorySubtreeStore, from: number, to: number) {
  return { from, to, proof: (await readPlan(consistencyProofPlan(from, to), store)).map((hash) => hash.toString('base64')) };
}

describe('checking offline that a log only grew', () => {
  let store: InMemorySubtreeStore;
  let older: string;
  let newer: string;

  beforeAll(async () => {
    store = new InMemorySubtreeStore();
    await store.append(leaves(11));
    older = await checkpointOf(store, 11);
    await store.append(leaves(30, 'later'));
    newer = await checkpointOf(store, 41);
  });

  it('accepts a consistency proof between two checkpoints of the key', async () => {
    const verdict = verifyCheckpointGrowth({ olderCheckpoint: older, newerCheckpoint: newer, consistencyProof: await proofBody(store, 11, 41), verifierKey: signer.verifierKey });

    expect(verdict).toEqual({ ok: true, failures: [], from: 11, to: 41, key: { name: LOG_NAME, fingerprint: expect.stringMatching(/^[0-9a-f]{64}$/) } });
  });

  it('refuses a newer checkpoint of a log whose first entries were rewritten', async () => {
    const rewritten = new InMemorySubtreeStore();
    await rewritten.append([...leaves(10), createHash('sha256').update('forged').digest(), ...leaves(30, 'later')]);

    const verdict = verifyCheckpointGrowth({
      olderCheckpoint: older,
      newerCheckpoint: await checkpointOf(rewritten, 41),
      consistencyProof: await proofBody(rewritten, 11, 41),
      verifierKey: signer.verifierKey,
    });

    expect(verdict.ok).toBe(false);
    expect(verdict.failures).toEqual([expect.stringMatching(/^the newer log does not extend the older one: consistency proof does not lead to the first root/)]);
  });

  it('refuses checkpoints signed by another key, and a proof between other sizes', async () => {
    const otherKey = formatVerifierKey(LOG_NAME, generateKeyPairSync('ed25519').privateKey);

    expect(verifyCheckpointGrowth({ olderCheckpoint: older, newerCheckpoint: newer, consistencyProof: await proofBody(store, 11, 41), verifierKey: otherKey }).failures).toEqual([
      expect.stringMatching(/^the older checkpoint: note is not signed by any known key/),
      expect.stringMatching(/^the newer checkpoint: note is not signed by any known key/),
    ]);
    expect(verifyCheckpointGrowth({ olderCheckpoint: older, newerCheckpoint: newer, consistencyProof: await proofBody(store, 10, 41), verifierKey: signer.verifierKey }).failures).toEqual([
      'the proof is from tree size 10 to 41, the checkpoints are of sizes 11 and 41',
    ]);
  });

  it('refuses a proof file that is not the body the service serves', () => {
    const verdict = verifyCheckpointGrowth({ olderCheckpoint: older, newerCheckpoint: newer, consistencyProof: { from: 11, to: 41, proof: ['not base64!'] }, verifierKey: signer.verifierKey });

    expect(verdict.failures).toEqual(['the consistency proof is not { from, to, proof: [base64…] } as GET /v1/ledger/proof/consistency gives it']);
  });
});
