import { canonicalJson } from '../../ledger/canonical-json';

/**
 * The evidence bundle (API.md "Integrity", `compliance-ledger-bundle/v1`): what the service
 * writes and what the offline verifier reads, defined once so the two cannot drift. The bundle is
 * served as its RFC 8785 canonical bytes and `statement` is derived from the other fields, so
 * every byte of the file is either checked against the signed log or regenerated and compared.
 */

export const BUNDLE_FORMAT = 'compliance-ledger-bundle/v1';

export interface BundleEntry {
  /** The entry's sequence: its leaf index in the tenant's tree. */
  leafIndex: number;
  /** The exact leaf input (JCS of the entry's hashed fields); everything else is derived from it. */
  leafInput: string;
  /** RFC 9162 inclusion proof against the bundle's checkpoint, deepest sibling first, base64. */
  proof: string[];
}

/** A customer's personal data as disclosed next to an entry: the values and the commitment's salt. */
export type DisclosedPii = Record<string, unknown> & { salt: string };

export interface EvidenceBundle {
  format: typeof BUNDLE_FORMAT;
  tenant: string;
  customerId: string;
  generatedAt: string;
  /** The C2SP signed note every proof leads to. */
  checkpoint: string;
  verifierKey: string;
  entries: BundleEntry[];
  /** By sequence; absent when nothing is disclosed (erased, or no personal data recorded). */
  pii?: Record<string, DisclosedPii>;
  statement: string;
}

export const BUNDLE_FIELDS = {
  required: ['format', 'tenant', 'customerId', 'generatedAt', 'checkpoint', 'verifierKey', 'entries', 'statement'],
  optional: ['pii'],
} as const;

export const ENTRY_FIELDS = ['leafIndex', 'leafInput', 'proof'] as const;

/** What the statement is made of: the bundle's own fields and what its checkpoint says. */
export interface StatementFacts {
  tenant: string;
  customerId: string;
  generatedAt: string;
  treeSize: number;
  entryCount: number;
  disclosedPiiCount: number;
}

/** What the bundle proves and what it does not, in words; the verifier regenerates and compares it. */
export function bundleStatement(facts: StatementFacts): string {
  const { tenant, customerId, generatedAt, treeSize, entryCount, disclosedPiiCount } = facts;
  const entries = entryCount === 1 ? '1 entry' : `${entryCount} entries`;
  const disclosure =
    disclosedPiiCount === 0
      ? 'It discloses no personal data (none was recorded, or it was erased).'
      : `It discloses the personal data of ${disclosedPiiCount === 1 ? '1 entry' : `${disclosedPiiCount} entries`} with the salts of their commitments.`;
  return [
    `This bundle, generated at ${generatedAt}, holds ${entries} with subject "${customerId}" from the log of tenant "${tenant}", every one up to tree size ${treeSize}, each with an inclusion proof against the checkpoint signed at that size.`,
    disclosure,
    `It proves, provided the verifier key was obtained independently of this bundle: that each entry is in the log that key signed at tree size ${treeSize}, exactly as recorded;`,
    'that no earlier entry of this customer is missing, because each entry names the previous entry with the same subject (prevSubjectSequence) and the first names none;',
    'and that each disclosed value is the one committed to in its entry.',
    `It does not prove: that no entry of this customer was recorded after tree size ${treeSize};`,
    'that the events happened in the world as their emitters stated them;',
    'that the signing key was not misused;',
    'or anything at all if the verifier key was taken from this bundle rather than obtained independently.',
  ].join(' ');
}

export interface BundleContents {
  tenant: string;
  customerId: string;
  generatedAt: string;
  checkpoint: { note: string; treeSize: number };
  verifierKey: string;
  entries: Array<{ leafIndex: number; leafInput: string; proof: readonly Buffer[] }>;
  /** Disclosed values by sequence; erased customers' entries are simply absent. */
  pii: ReadonlyMap<number, DisclosedPii>;
}

export function assembleBundle(contents: BundleContents): EvidenceBundle {
  const { tenant, customerId, generatedAt, checkpoint, verifierKey, entries, pii } = contents;
  const disclosed = [...pii].sort(([a], [b]) => a - b);
  return {
    format: BUNDLE_FORMAT,
    tenant,
    customerId,
    generatedAt,
    checkpoint: checkpoint.note,
    verifierKey,
    entries: entries.map((entry) => ({ leafIndex: entry.leafIndex, leafInput: entry.leafInput, proof: entry.proof.map((hash) => hash.toString('base64')) })),
    ...(disclosed.length === 0 ? {} : { pii: Object.fromEntries(disclosed.map(([sequence, values]) => [String(sequence), values])) }),
    statement: bundleStatement({ tenant, customerId, generatedAt, treeSize: checkpoint.treeSize, entryCount: entries.length, disclosedPiiCount: disclosed.length }),
  };
}

/** The only bytes a bundle is ever served or stored as. */
export function encodeBundle(bundle: EvidenceBundle): Buffer {
  return Buffer.from(canonicalJson(bundle), 'utf8');
}
