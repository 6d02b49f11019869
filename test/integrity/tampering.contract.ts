import { leafHashOf } from '../../src/ledger/leaf-input';
import { verifyEvidenceBundle } from '../../src/proofs/evidence/bundle-verifier';
import { customerRegistered } from '../support/events';
import { StoreUnderTest } from '../support/stores';
import { runCli, storeEnvironment } from './cli';
import { appendAll, IntegrityHarness, openIntegrityHarness, recomputedLeafHashes } from './integrity-harness';
import { rewriteEntryBehindTrigger, rewriteStoredSubtreesOver } from './tamper';

const TAMPERED = 25;

function registrations(first: number, count: number) {
  return Array.from({ length: count }, (_, offset) => {
    const subject = `c-${(first + offset) % 6}`;
    return customerRegistered(subject, { data: { actor: { type: 'crm-system', id: 'crm-1' }, pii: { name: `Customer ${first + offset}` } } });
  });
}

/**
 * DESIGN.md invariant 3's threat model: a change made without the signing key is detected — by
 * the leaf hashes when only an entry changes, and by the checkpoints signed before the change when
 * the forger also rewrites the leaf hash and the interior nodes to match.
 */
export function tamperingContract(store: StoreUnderTest): void {
  let harness: IntegrityHarness;
  let closed: boolean;

  beforeEach(async () => {
    harness = await openIntegrityHarness(store.config());
    closed = false;
    await appendAll(harness, registrations(0, 20));
    await harness.checkpoints.current(harness.tenantId);
    await appendAll(harness, registrations(20, 20));
    await harness.checkpoints.current(harness.tenantId);
  }, 60_000);

  afterEach(async () => {
    if (!closed) await harness.database.close();
  });

  const closeDatabase = async () => {
    closed = true;
    await harness.database.close();
  };

  it('reports an entry changed behind the append-only trigger at its sequence, in the service and with verify-log', async () => {
    const entry = (await harness.log.one(harness.tenantId, TAMPERED))!;
    await rewriteEntryBehindTrigger(harness.database, harness.tenantId, TAMPERED, { data: { ...entry.data, actor: { type: 'vendor', id: 'vendor-x' } } });

    const report = await harness.verification.verify(harness.tenantId);

    expect(report).toMatchObject({ ok: false, treeSize: 40, firstBadSequence: TAMPERED, checkpointsChecked: 2 });
    expect(report.problems).toContain(`entry ${TAMPERED} does not match its leaf hash`);
    await expect(harness.database.query('UPDATE ledger_entries SET data = data WHERE tenant_id = $1', [harness.tenantId])).rejects.toThrow(/append-only/);

    await closeDatabase();
    const run = await runCli(['verify-log', '--tenant', harness.tenantId], { env: storeEnvironment(harness.config) });
    expect(run).toMatchObject({ status: 1, stderr: '' });
    expect(JSON.parse(run.stdout)).toMatchObject({ ok: false, firstBadSequence: TAMPERED });
    const afterIt = await runCli(['verify-log', '--tenant', harness.tenantId, '--from', String(TAMPERED + 1), '--to', '40'], { env: storeEnvironment(harness.config) });
    expect(afterIt.status).toBe(0);
    expect(JSON.parse(afterIt.stdout)).toMatchObject({ ok: true, treeSize: 40, checkpointsChecked: 2 });
  }, 60_000);

  it('catches an entry rewritten with a matching leaf hash and interior nodes by the checkpoint signed before it', async () => {
    const entry = (await harness.log.one(harness.tenantId, TAMPERED))!;
    const { leafHash, ...fields } = entry;
    const forgedData = { ...entry.data, actor: { type: 'vendor', id: 'vendor-x' } };
    const forgedLeafHash = leafHashOf({ ...fields, tenant: harness.tenantId, data: forgedData });
    expect(forgedLeafHash.toString('base64')).not.toBe(leafHash);
    await rewriteEntryBehindTrigger(harness.database, harness.tenantId, TAMPERED, { data: forgedData, leafHash: forgedLeafHash });
    expect(await rewriteStoredSubtreesOver(harness.database, harness.tenantId, TAMPERED, await recomputedLeafHashes(harness))).toBe(2);

    const report = await harness.verification.verify(harness.tenantId);

    expect(report).toMatchObject({ ok: false, firstBadSequence: 20, problems: ['the log differs from the checkpoint signed at tree size 40'] });
    const bundle = await harness.bundles.forCustomer(harness.tenantId, entry.subject);
    const verdict = verifyEvidenceBundle(bundle, { trustedKey: harness.signer.verifierKey(harness.tenantId) });
    expect(verdict.ok).toBe(false);
    expect(verdict.failures).toContainEqual(expect.stringMatching(new RegExp(`^entry \\d+ \\(leafIndex ${TAMPERED}\\): not included in the checkpoint's tree`)));
  }, 30_000);
}
