import { createPrivateKey, generateKeyPairSync, KeyObject } from 'node:crypto';
import { createNoteSigner, formatCheckpoint, formatVerifierKey, hashLeaf, inclusionProofPlan, InMemorySubtreeStore, NoteSigner, readPlan, rootPlan, signNote } from '../../integrity';
import { canonicalJson } from '../../ledger/canonical-json';
import { leafInput, LeafFields } from '../../ledger/leaf-input';
import { commitPii } from '../../vault/pii-commitment';
import { assembleBundle, DisclosedPii, encodeBundle, EvidenceBundle } from './bundle-format';
import { verifyEvidenceBundle } from './bundle-verifier';

const TENANT = 'lakeside-motors';
const LOG_NAME = `compliance-ledger.local/${TENANT}`;
const CUSTOMER = 'c-1';

/** A fixed Ed25519 key, so the tests see the same key hash every run (PKCS#8 prefix + 32-byte seed). */
function fixedSigningKey(seedByte: number): KeyObject {
  const pkcs8 = Buffer.concat([Buffer.from('302e020100300506032b657004220420', 'hex'), Buffer.alloc(32, seedByte)]);
  return createPrivateKey({ key: pkcs8, format: 'der', type: 'pkcs8' });
}

interface SyntheticLog {
  signer: NoteSigner;
  store: InMemorySubtreeStore;
  leaves: LeafFields[];
  pii: Map<number, DisclosedPii>;
}

/** A log of eight entries, four of them the customer's (two with personal data), as the service would write it. */
async function syntheticLog(): Promise<SyntheticLog> {
  const signer = createNoteSigner(LOG_NAME, fixedSigningKey(1));
  const subjects = ['c-2', CUSTOMER, 'c-3', CUSTOMER, CUSTOMER, 'c-2', CUSTOMER, 'c-3'];
  const lastBySubject = new Map<string, number>();
  const pii = new Map<number, DisclosedPii>();
  const leaves = subjects.map((subject, sequence): LeafFields => {
    const data: Record<string, unknown> = { actor: { type: 'crm-system', id: 'crm-1' } };
    if (subject === CUSTOMER && sequence !== 4 && sequence !== 6) {
      const values = { name: 'Jo Tremblay', email: `jo.${sequence}@example.com` };
      const { salt, commitment } = commitPii(values);
      data.pii = { commitment };
      pii.set(sequence, { ...values, salt: salt.toString('base64') });
    }
    const leaf: LeafFields = {
      sequence,
      tenant: TENANT,
      id: `event-${sequence}`,
      source: 'urn:crm:test',
      type: sequence === 6 ? 'consent.withdrawn' : 'customer.updated',
      subject,
      time: '2026-01-15T10:00:00.000Z',
      recordedAt: `2026-01-15T10:00:0${sequence}.000Z`,
      recordedBy: { keyId: 'key_1', role: 'emitter', label: 'CRM feed' },
      prevSubjectSequence: lastBySubject.get(subject) ?? null,
      data,
    };
    lastBySubject.set(subject, sequence);
    return leaf;
  });
  const store = new InMemorySubtreeStore();
  await store.append(leaves.map((leaf) => hashLeaf(Buffer.from(leafInput(leaf), 'utf8'))));
  return { signer, store, leaves, pii };
}

/** The customer's bundle, built as the service builds it; `sequences` lets a test leave entries out. */
async function bundleOf(log: SyntheticLog, options: { sequences?: number[]; pii?: Map<number, DisclosedPii> } = {}): Promise<EvidenceBundle> {
  const treeSize = log.leaves.length;
  const rootHash = await readPlan(rootPlan(treeSize), log.store);
  const sequences = options.sequences ?? log.leaves.filter((leaf) => leaf.subject === CUSTOMER).map((leaf) => leaf.sequence);
  return assembleBundle({
    tenant: TENANT,
    customerId: CUSTOMER,
    generatedAt: '2026-11-23T10:00:00.000Z',
    checkpoint: { note: signNote(formatCheckpoint({ origin: LOG_NAME, treeSize, rootHash }), log.signer), treeSize },
    verifierKey: log.signer.verifierKey,
    entries: await Promise.all(
      sequences.map(async (sequence) => ({
        leafIndex: sequence,
        leafInput: leafInput(log.leaves[sequence]!),
        proof: await readPlan(inclusionProofPlan(sequence, treeSize), log.store),
      })),
    ),
    pii: options.pii ?? new Map([...log.pii].filter(([sequence]) => sequences.includes(sequence))),
  });
}

function reencoded(bundle: EvidenceBundle, change: (json: Record<string, unknown>) => void): Buffer {
  const json = JSON.parse(canonicalJson(bundle));
  change(json);
  return Buffer.from(canonicalJson(json), 'utf8');
}

describe('the offline evidence bundle verifier', () => {
  let log: SyntheticLog;
  let bundle: EvidenceBundle;
  let bytes: Buffer;

  beforeAll(async () => {
    log = await syntheticLog();
    bundle = await bundleOf(log);
    bytes = encodeBundle(bundle);
  });

  it('accepts a bundle built as the service builds it, against the given key', () => {
    const verdict = verifyEvidenceBundle(bytes, { trustedKey: log.signer.verifierKey });

    expect(verdict).toMatchObject({ ok: true, failures: [], key: { name: LOG_NAME, source: 'given' }, checkpoint: { treeSize: 8 } });
    expect(verdict.bundle).toEqual({ tenant: TENANT, customerId: CUSTOMER, generatedAt: '2026-11-23T10:00:00.000Z', entryCount: 4, disclosedPiiCount: 2 });
  });

  it("says when it relied on the bundle's own key", () => {
    expect(verifyEvidenceBundle(bytes).key).toEqual({ name: LOG_NAME, fingerprint: expect.stringMatching(/^[0-9a-f]{64}$/), source: 'bundle' });
  });

  it('fails when any single byte is changed, whatever it is changed to', () => {
    const survivors: string[] = [];
    for (const flip of [0x01, 0x20, 0x80]) {
      for (let position = 0; position < bytes.length; position++) {
        const changed = Buffer.from(bytes);
        changed[position] ^= flip;
        if (verifyEvidenceBundle(changed, { trustedKey: log.signer.verifierKey }).ok) survivors.push(`${position} ^ ${flip}`);
      }
    }
    expect(survivors).toEqual([]);
  }, 30_000);

  it('tolerates one trailing newline and nothing else around the canonical bytes', () => {
    expect(verifyEvidenceBundle(Buffer.concat([bytes, Buffer.from('\n')])).ok).toBe(true);
    for (const extra of ['\r\n', '\n\n', ' ']) {
      expect(verifyEvidenceBundle(Buffer.concat([bytes, Buffer.from(extra)])).ok).toBe(false);
    }
    expect(verifyEvidenceBundle(Buffer.from(JSON.stringify(bundle, null, 2))).failures).toContain(
      'the file is not the RFC 8785 canonical form of its own content: bytes were added, removed or changed',
    );
  });

  it('refuses, without failing itself, JSON that has no canonical form', () => {
    const text = canonicalJson({ ...bundle, pii: { '1': { name: 'Jo', salt: 'AAAA' } } }).replace('"name":"Jo"', '"name":1e999');

    expect(verifyEvidenceBundle(Buffer.from(text))).toEqual({ ok: false, failures: ['the file holds a number outside the range of JSON numbers (RFC 8785 has no form for it)'] });
  });

  it('fails against a different key, even one published under the same name', () => {
    const otherKey = formatVerifierKey(LOG_NAME, generateKeyPairSync('ed25519').privateKey);

    const verdict = verifyEvidenceBundle(bytes, { trustedKey: otherKey });

    expect(verdict.ok).toBe(false);
    expect(verdict.failures).toEqual(["the bundle's verifierKey is not the given key", expect.stringMatching(/^checkpoint: note is not signed by any known key/)]);
  });

  it('refuses a key whose key hash is spelled in upper case, so each key has one spelling', () => {
    const key = log.signer.verifierKey;
    const hashStart = LOG_NAME.length + 1;
    const upperCased = `${key.slice(0, hashStart)}${key.slice(hashStart, hashStart + 8).toUpperCase()}${key.slice(hashStart + 8)}`;
    expect(upperCased).not.toBe(key);

    const verdict = verifyEvidenceBundle(bytes, { trustedKey: upperCased });

    expect(verdict.failures).toContainEqual(expect.stringMatching(/^the given key: the verifier key is not in its canonical form/));
  });

  it('finds a left-out entry of the customer through the prevSubjectSequence chain, though everything else is signed', async () => {
    const withoutThird = await bundleOf(log, { sequences: [1, 3, 6] });

    const verdict = verifyEvidenceBundle(encodeBundle(withoutThird), { trustedKey: log.signer.verifierKey });

    expect(verdict.failures).toEqual([
      'entry 2 (leafIndex 6): prevSubjectSequence is 4 but the entry before it in the bundle is 3: an entry of the customer is missing from the bundle',
    ]);
  });

  it('finds a left-out first entry, and entries out of order', async () => {
    expect(verifyEvidenceBundle(encodeBundle(await bundleOf(log, { sequences: [3, 4, 6] }))).failures).toEqual([
      'entry 0 (leafIndex 3): prevSubjectSequence is 1 but the entry before it in the bundle is none: an entry of the customer is missing from the bundle',
    ]);
    expect(verifyEvidenceBundle(encodeBundle(await bundleOf(log, { sequences: [1, 4, 3, 6] }))).failures).toContainEqual(
      'entry 2 (leafIndex 3): entries must be in increasing sequence order',
    );
  });

  it("refuses another subject's entry, though its proof holds", async () => {
    const verdict = verifyEvidenceBundle(encodeBundle(await bundleOf(log, { sequences: [0, 1, 3, 4, 6] })));

    expect(verdict.failures).toContain('entry 0 (leafIndex 0): leafInput has subject "c-2"');
  });

  it('refuses unknown fields anywhere, even in canonical form', () => {
    const failuresOf = (change: (json: Record<string, unknown>) => void) => verifyEvidenceBundle(reencoded(bundle, change)).failures;

    expect(failuresOf((json) => (json.note = 'hello'))).toContain('the bundle has an unknown field "note"');
    expect(failuresOf((json) => ((json.entries as Array<Record<string, unknown>>)[0]!.leafHash = 'AAAA'))).toContain('entries[0] has an unknown field "leafHash"');
    expect(failuresOf((json) => (json.pii = {}))).toContain('pii, when present, must be a non-empty object keyed by sequence');
  });

  it('checks each disclosed value against the commitment in its entry', async () => {
    const [first, firstValues] = [...log.pii][0]!;
    const forged = new Map(log.pii).set(first, { ...firstValues, email: 'someone.else@example.com' });
    const onEntryWithoutCommitment = new Map(log.pii).set(4, firstValues);

    expect(verifyEvidenceBundle(encodeBundle(await bundleOf(log, { pii: forged }))).failures).toEqual([
      `pii of sequence ${first}: the values and salt do not match the commitment in the entry`,
    ]);
    expect(verifyEvidenceBundle(encodeBundle(await bundleOf(log, { pii: onEntryWithoutCommitment }))).failures).toEqual([
      'pii of sequence 4: its entry records no personal data commitment',
    ]);
  });

  it('accepts a bundle that discloses no personal data, as after an erasure', async () => {
    const erased = await bundleOf(log, { pii: new Map() });

    expect(erased.pii).toBeUndefined();
    expect(erased.statement).toContain('It discloses no personal data');
    expect(verifyEvidenceBundle(encodeBundle(erased), { trustedKey: log.signer.verifierKey }).ok).toBe(true);
  });

  it('regenerates the statement from the other fields', () => {
    const verdict = verifyEvidenceBundle(reencoded(bundle, (json) => (json.statement = 'This bundle proves everything.')));

    expect(verdict.failures).toEqual(['statement is not the statement the rest of the bundle gives']);
  });

  it("refuses a checkpoint of another tenant's log", async () => {
    const otherTenantSigner = createNoteSigner('compliance-ledger.local/other-motors', generateKeyPairSync('ed25519').privateKey);
    const verdict = verifyEvidenceBundle(encodeBundle(await bundleOf({ ...log, signer: otherTenantSigner })));

    expect(verdict.failures).toContain('the key name "compliance-ledger.local/other-motors" is not the log of tenant "lakeside-motors" (<origin>/<tenant>)');
  });

  it('lists every failure, not only the first', async () => {
    const broken = reencoded(await bundleOf(log, { sequences: [1, 4] }), (json) => {
      (json.entries as Array<{ proof: string[] }>)[1]!.proof.reverse();
    });

    expect(verifyEvidenceBundle(broken).failures).toEqual([
      expect.stringMatching(/^entry 1 \(leafIndex 4\): not included in the checkpoint's tree: /),
      'entry 1 (leafIndex 4): prevSubjectSequence is 3 but the entry before it in the bundle is 1: an entry of the customer is missing from the bundle',
    ]);
  });
});
