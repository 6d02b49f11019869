import { RecordedBy } from '../../projections/events';
import { LedgerConfig } from '../../src/config/ledger-config';
import { parseVerifierKey, NoteVerifier } from '../../src/integrity';
import { NewEvent } from '../../src/ledger/append/prepared-event';
import { leafHashOf } from '../../src/ledger/leaf-input';
import { TenantLog } from '../../src/ledger/tenant-log';
import { Checkpoints } from '../../src/proofs/checkpoints';
import { EvidenceBundles } from '../../src/proofs/evidence/evidence-bundles';
import { LogSigner } from '../../src/proofs/log-signer';
import { LogVerification } from '../../src/proofs/log-verification';
import { Proofs } from '../../src/proofs/proofs';
import { KeyMaterial } from '../../src/security/key-material';
import { LedgerDatabase } from '../../src/store/ledger-database';
import { TenantRegistry } from '../../src/tenants/tenant-registry';
import { uniqueTenantId } from '../support/stores';

export const EMITTER: RecordedBy = { keyId: 'key_integrity', role: 'emitter', label: 'integrity suite' };

/** The integrity side of the service wired as the app module wires it, on one store, for one fresh tenant. */
export interface IntegrityHarness {
  config: LedgerConfig;
  database: LedgerDatabase;
  tenantId: string;
  log: TenantLog;
  signer: LogSigner;
  verifier: NoteVerifier;
  checkpoints: Checkpoints;
  proofs: Proofs;
  verification: LogVerification;
  bundles: EvidenceBundles;
}

export async function openIntegrityHarness(config: LedgerConfig): Promise<IntegrityHarness> {
  const database = await LedgerDatabase.open(config);
  const keys = KeyMaterial.load(config);
  const tenantId = uniqueTenantId('integrity');
  await new TenantRegistry(database).createTenant({ id: tenantId, name: 'Integrity Motors', country: 'CA', region: 'ON', timezone: 'America/Toronto' });
  const log = new TenantLog(database, keys);
  const signer = new LogSigner(config, keys);
  const checkpoints = new Checkpoints(database, signer);
  const proofs = new Proofs(database);
  return {
    config,
    database,
    tenantId,
    log,
    signer,
    verifier: parseVerifierKey(signer.verifierKey(tenantId)),
    checkpoints,
    proofs,
    verification: new LogVerification(database, checkpoints, signer),
    bundles: new EvidenceBundles(database, log, checkpoints, signer, proofs),
  };
}

export async function appendAll(harness: IntegrityHarness, events: NewEvent[]): Promise<void> {
  const outcome = await harness.log.append(harness.tenantId, EMITTER, events);
  if (!outcome.ok) throw new Error(`expected the append to succeed: ${JSON.stringify(outcome.problem.toJSON())}`);
}

/** Every leaf hash recomputed from the entries as read back, with no help from the stored tree. */
export async function recomputedLeafHashes(harness: IntegrityHarness): Promise<Buffer[]> {
  const hashes: Buffer[] = [];
  for (let after = -1; ; ) {
    const page = await harness.log.page(harness.tenantId, { after, limit: 1000 });
    for (const { leafHash, ...fields } of page) hashes.push(leafHashOf({ ...fields, tenant: harness.tenantId, data: fields.data as unknown as Record<string, unknown> }));
    if (page.length < 1000) return hashes;
    after = page[page.length - 1]!.sequence;
  }
}
