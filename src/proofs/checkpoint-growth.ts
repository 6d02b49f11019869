import { Checkpoint, decodeCanonicalBase64, IntegrityError, keyFingerprint, NoteVerifier, openNote, parseCheckpoint, verifyConsistency } from '../integrity';
import { readExactVerifierKey } from './exact-verifier-key';

/**
 * The offline check that a log only grew between two checkpoints an auditor kept (DESIGN.md
 * invariant 3): both notes signed by the key, of the same log, and a consistency proof — the body
 * of GET /v1/ledger/proof/consistency — from the older tree to the newer one.
 */

export interface GrowthEvidence {
  olderCheckpoint: string;
  newerCheckpoint: string;
  /** The parsed body of GET /v1/ledger/proof/consistency?from=<older size>&to=<newer size>. */
  consistencyProof: unknown;
  verifierKey: string;
}

export interface GrowthVerdict {
  ok: boolean;
  failures: string[];
  from?: number;
  to?: number;
  key?: { name: string; fingerprint: string };
}

export function verifyCheckpointGrowth(evidence: GrowthEvidence): GrowthVerdict {
  const failures: string[] = [];
  let verifier: NoteVerifier;
  try {
    verifier = readExactVerifierKey(evidence.verifierKey);
  } catch (error) {
    return { ok: false, failures: [`the verifier key: ${describe(error)}`] };
  }
  const key = { name: verifier.name, fingerprint: keyFingerprint(verifier) };
  const older = openCheckpoint(evidence.olderCheckpoint, 'the older checkpoint', verifier, failures);
  const newer = openCheckpoint(evidence.newerCheckpoint, 'the newer checkpoint', verifier, failures);
  const proof = readConsistencyProof(evidence.consistencyProof, failures);
  if (older && newer && proof) {
    if (proof.from !== older.treeSize || proof.to !== newer.treeSize) {
      failures.push(`the proof is from tree size ${proof.from} to ${proof.to}, the checkpoints are of sizes ${older.treeSize} and ${newer.treeSize}`);
    } else {
      try {
        verifyConsistency(older.treeSize, newer.treeSize, proof.hashes, older.rootHash, newer.rootHash);
      } catch (error) {
        failures.push(`the newer log does not extend the older one: ${describe(error)}`);
      }
    }
  }
  return { ok: failures.length === 0, failures, from: older?.treeSize, to: newer?.treeSize, key };
}

function openCheckpoint(note: string, what: string, verifier: NoteVerifier, failures: string[]): Checkpoint | undefined {
  try {
    const checkpoint = parseCheckpoint(openNote(note, [verifier]));
    if (checkpoint.origin === verifier.name) return checkpoint;
    failures.push(`${what} is of the log "${checkpoint.origin}", not "${verifier.name}"`);
  } catch (error) {
    failures.push(`${what}: ${describe(error)}`);
  }
  return undefined;
}

function readConsistencyProof(body: unknown, failures: string[]): { from: number; to: number; hashes: Buffer[] } | undefined {
  const fields = typeof body === 'object' && body !== null ? (body as Record<string, unknown>) : {};
  const { from, to, proof } = fields;
  const hashes = Array.isArray(proof) ? proof.map((hash) => (typeof hash === 'string' ? decodeCanonicalBase64(hash) : undefined)) : [undefined];
  const wellFormed =
    Object.keys(fields).sort().join() === 'from,proof,to' && Number.isSafeInteger(from) && Number.isSafeInteger(to) && hashes.every((hash) => hash !== undefined);
  if (!wellFormed) {
    failures.push('the consistency proof is not { from, to, proof: [base64…] } as GET /v1/ledger/proof/consistency gives it');
    return undefined;
  }
  return { from: from as number, to: to as number, hashes: hashes as Buffer[] };
}

function describe(error: unknown): string {
  if (error instanceof IntegrityError) return error.message;
  throw error;
}
