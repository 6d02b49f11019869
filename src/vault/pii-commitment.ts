import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { canonicalJson } from '../ledger/canonical-json';

export type PiiValues = Record<string, unknown>;

/** What the log keeps in place of `data.pii`: base64(SHA-256(salt ‖ JCS(pii))) (API.md). */
export function commitPii(values: PiiValues, salt: Buffer = randomBytes(32)): { salt: Buffer; commitment: string } {
  return { salt, commitment: piiCommitment(values, salt) };
}

export function piiCommitment(values: PiiValues, salt: Buffer): string {
  return createHash('sha256').update(salt).update(canonicalJson(values), 'utf8').digest('base64');
}

export function matchesCommitment(values: PiiValues, salt: Buffer, commitment: string): boolean {
  const expected = Buffer.from(piiCommitment(values, salt), 'base64');
  const actual = Buffer.from(commitment, 'base64');
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}
