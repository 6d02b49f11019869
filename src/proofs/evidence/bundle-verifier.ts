import { Checkpoint, decodeCanonicalBase64, hashLeaf, IntegrityError, keyFingerprint, NoteVerifier, openNote, parseCheckpoint, verifyInclusion } from '../../integrity';
import { canonicalJson } from '../../ledger/canonical-json';
import { leafInput, LeafFields } from '../../ledger/leaf-input';
import { matchesCommitment } from '../../vault/pii-commitment';
import { readExactVerifierKey } from '../exact-verifier-key';
import { bundleStatement, EvidenceBundle } from './bundle-format';
import { readBundleShape } from './bundle-shape';

/**
 * The offline check of an evidence bundle (API.md "Integrity"): pure, with no database, no
 * configuration and no network, so an auditor can run it anywhere. It lists every failure it
 * finds rather than stopping at the first, so one run says everything that is wrong.
 */

export interface BundleVerificationOptions {
  /** The verifier key, obtained independently of the bundle; without it the bundle's own key is used. */
  trustedKey?: string;
}

export interface BundleVerdict {
  ok: boolean;
  failures: string[];
  /** What the bundle claims, once it could be read. */
  bundle?: { tenant: string; customerId: string; generatedAt: string; entryCount: number; disclosedPiiCount: number };
  /** The checkpoint, once its signature checked out. */
  checkpoint?: { origin: string; treeSize: number; rootHash: string };
  /** The key the checkpoint was checked against, and where it came from. */
  key?: { name: string; fingerprint: string; source: 'given' | 'bundle' };
}

/** A trailing newline is tolerated (editors add one); any other byte outside the canonical form is not. */
export function verifyEvidenceBundle(file: Uint8Array, options: BundleVerificationOptions = {}): BundleVerdict {
  const failures: string[] = [];
  const content = Buffer.from(file.at(-1) === 0x0a ? file.subarray(0, -1) : file);
  const parsed = parseUtf8Json(content);
  if (parsed === undefined) return { ok: false, failures: ['the file is not JSON in UTF-8'] };
  const canonical = canonicalFormOf(parsed);
  if (canonical === undefined) return { ok: false, failures: ['the file holds a number outside the range of JSON numbers (RFC 8785 has no form for it)'] };
  if (!Buffer.from(canonical, 'utf8').equals(content)) {
    failures.push('the file is not the RFC 8785 canonical form of its own content: bytes were added, removed or changed');
  }
  const { bundle, problems } = readBundleShape(parsed);
  failures.push(...problems);
  if (!bundle) return { ok: false, failures };

  const key = chooseKey(bundle.verifierKey, options.trustedKey, failures);
  const checkpoint = key && openCheckpoint(bundle, key.verifier, failures);
  const leaves = bundle.entries.map((_, i) => checkEntry(bundle, i, checkpoint, failures));
  checkSubjectChain(bundle, leaves, failures);
  checkDisclosedPii(bundle, leaves, failures);
  const disclosedPiiCount = Object.keys(bundle.pii ?? {}).length;
  const { tenant, customerId, generatedAt } = bundle;
  if (checkpoint) {
    const expected = bundleStatement({ tenant, customerId, generatedAt, treeSize: checkpoint.treeSize, entryCount: bundle.entries.length, disclosedPiiCount });
    if (bundle.statement !== expected) failures.push('statement is not the statement the rest of the bundle gives');
  }
  return {
    ok: failures.length === 0,
    failures,
    bundle: { tenant, customerId, generatedAt, entryCount: bundle.entries.length, disclosedPiiCount },
    ...(checkpoint ? { checkpoint: { origin: checkpoint.origin, treeSize: checkpoint.treeSize, rootHash: checkpoint.rootHash.toString('base64') } } : {}),
    ...(key ? { key: { name: key.verifier.name, fingerprint: keyFingerprint(key.verifier), source: key.source } } : {}),
  };
}

function parseUtf8Json(content: Buffer): unknown {
  try {
    return JSON.parse(new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(content));
  } catch {
    return undefined;
  }
}

/** Undefined for JSON with no canonical form: a number beyond double range parses to Infinity. */
function canonicalFormOf(parsed: unknown): string | undefined {
  try {
    return canonicalJson(parsed);
  } catch {
    return undefined;
  }
}

function chooseKey(bundleKey: string, trustedKey: string | undefined, failures: string[]): { verifier: NoteVerifier; source: 'given' | 'bundle' } | undefined {
  const own = readKey(bundleKey, "the bundle's verifierKey", failures);
  if (trustedKey === undefined) return own && { verifier: own, source: 'bundle' };
  const given = readKey(trustedKey, 'the given key', failures);
  if (given && bundleKey !== trustedKey) failures.push("the bundle's verifierKey is not the given key");
  return given && { verifier: given, source: 'given' };
}

function readKey(text: string, what: string, failures: string[]): NoteVerifier | undefined {
  try {
    return readExactVerifierKey(text);
  } catch (error) {
    failures.push(`${what}: ${describe(error)}`);
    return undefined;
  }
}

function openCheckpoint(bundle: EvidenceBundle, verifier: NoteVerifier, failures: string[]): Checkpoint | undefined {
  let checkpoint: Checkpoint;
  let text: string;
  try {
    text = openNote(bundle.checkpoint, [verifier]);
    checkpoint = parseCheckpoint(text);
  } catch (error) {
    failures.push(`checkpoint: ${describe(error)}`);
    return undefined;
  }
  // Other signatures would be bytes the key does not vouch for; the service signs with one key.
  if (bundle.checkpoint.slice(text.length + 1).split('\n').length !== 2) failures.push('checkpoint must carry exactly one signature');
  if (checkpoint.origin !== verifier.name) failures.push(`checkpoint origin "${checkpoint.origin}" is not the key name "${verifier.name}"`);
  if (!verifier.name.endsWith(`/${bundle.tenant}`) || verifier.name.length <= bundle.tenant.length + 1) {
    failures.push(`the key name "${verifier.name}" is not the log of tenant "${bundle.tenant}" (<origin>/<tenant>)`);
  }
  return checkpoint;
}

type Leaf = Pick<LeafFields, 'sequence' | 'tenant' | 'subject' | 'prevSubjectSequence' | 'data'>;

function checkEntry(bundle: EvidenceBundle, i: number, checkpoint: Checkpoint | undefined, failures: string[]): Leaf | undefined {
  const entry = bundle.entries[i]!;
  const fail = (reason: string) => failures.push(`entry ${i} (leafIndex ${entry.leafIndex}): ${reason}`);
  const leaf = readLeafInput(entry.leafInput);
  if (!leaf) {
    fail('leafInput is not the canonical leaf input of a log entry');
  } else {
    if (leaf.sequence !== entry.leafIndex) fail(`leafInput has sequence ${leaf.sequence}`);
    if (leaf.tenant !== bundle.tenant) fail(`leafInput belongs to tenant "${leaf.tenant}"`);
    if (leaf.subject !== bundle.customerId) fail(`leafInput has subject "${leaf.subject}"`);
  }
  const proof = entry.proof.map(decodeCanonicalBase64);
  if (proof.some((hash) => hash === undefined)) {
    fail('proof holds an element that is not canonical base64');
  } else if (checkpoint) {
    try {
      verifyInclusion(hashLeaf(Buffer.from(entry.leafInput, 'utf8')), entry.leafIndex, checkpoint.treeSize, proof as Buffer[], checkpoint.rootHash);
    } catch (error) {
      fail(`not included in the checkpoint's tree: ${describe(error)}`);
    }
  }
  return leaf;
}

/** The entry's hashed fields, when `text` is exactly what the service would hash for them. */
function readLeafInput(text: string): Leaf | undefined {
  let fields: LeafFields;
  try {
    fields = JSON.parse(text);
    if (leafInput(fields) !== text) return undefined;
  } catch {
    return undefined;
  }
  const isSequence = (value: unknown) => typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
  const wellTyped =
    isSequence(fields.sequence) &&
    typeof fields.tenant === 'string' &&
    typeof fields.subject === 'string' &&
    (fields.prevSubjectSequence === null || isSequence(fields.prevSubjectSequence)) &&
    typeof fields.data === 'object' &&
    fields.data !== null;
  return wellTyped ? fields : undefined;
}

/**
 * Each entry names the previous entry with its subject (API.md "Reading the log"), so a bundle
 * whose entries chain back to one naming none leaves out no earlier entry of the customer.
 */
function checkSubjectChain(bundle: EvidenceBundle, leaves: ReadonlyArray<Leaf | undefined>, failures: string[]): void {
  bundle.entries.forEach((entry, i) => {
    const previous = i === 0 ? null : bundle.entries[i - 1]!.leafIndex;
    if (previous !== null && entry.leafIndex <= previous) failures.push(`entry ${i} (leafIndex ${entry.leafIndex}): entries must be in increasing sequence order`);
    const named = leaves[i]?.prevSubjectSequence;
    if (named !== undefined && named !== previous) {
      failures.push(
        `entry ${i} (leafIndex ${entry.leafIndex}): prevSubjectSequence is ${named ?? 'null'} but the entry before it in the bundle is ${previous ?? 'none'}: ` +
          'an entry of the customer is missing from the bundle',
      );
    }
  });
}

function checkDisclosedPii(bundle: EvidenceBundle, leaves: ReadonlyArray<Leaf | undefined>, failures: string[]): void {
  for (const [sequence, { salt, ...values }] of Object.entries(bundle.pii ?? {})) {
    const fail = (reason: string) => failures.push(`pii of sequence ${sequence}: ${reason}`);
    const index = bundle.entries.findIndex((entry) => String(entry.leafIndex) === sequence);
    const commitment = index < 0 ? undefined : (leaves[index]?.data.pii as { commitment?: unknown } | undefined)?.commitment;
    const saltBytes = decodeCanonicalBase64(salt);
    if (index < 0) fail('no entry of the bundle has this sequence');
    else if (typeof commitment !== 'string') fail('its entry records no personal data commitment');
    else if (saltBytes === undefined) fail('salt is not canonical base64');
    else if (!matchesCommitment(values, saltBytes, commitment)) fail('the values and salt do not match the commitment in the entry');
  }
}

function describe(error: unknown): string {
  if (error instanceof IntegrityError) return error.message;
  throw error;
}
