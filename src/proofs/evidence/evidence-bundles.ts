import { isCustomerEventType, LedgerEntry } from '../../../projections/events';
import { Problem } from '../../common/problem';
import { LEDGER_ID_PATTERN } from '../../events/validation/formats/field-patterns';
import { leafInput } from '../../ledger/leaf-input';
import { TenantLog } from '../../ledger/tenant-log';
import { LedgerDatabase } from '../../store/ledger-database';
import { Checkpoints } from '../checkpoints';
import { LogSigner } from '../log-signer';
import { Proofs } from '../proofs';
import { assembleBundle, DisclosedPii, encodeBundle } from './bundle-format';
import { SqlSession } from '../../store/sql-session';

const PAGE = 1000;
/** Leaves per batched proof read: bounds one query's parameters for customers with long histories. */
const PROOFS_PER_READ = 2000;

/**
 * Builds a customer's evidence bundle against one signed checkpoint. It holds every entry whose
 * subject is the customer's id, not only customer-type events: prevSubjectSequence chains entries
 * by subject, so leaving one out (an export or policy that happens to share the id) would break
 * the chain that proves nothing earlier is missing.
 */
export class EvidenceBundles {
  constructor(
    private readonly database: LedgerDatabase,
    private readonly log: TenantLog,
    private readonly checkpoints: Checkpoints,
    private readonly signer: LogSigner,
    private readonly proofs: Proofs,
  ) {}

  /** The bundle's canonical bytes; 404 unless the id is a customer known at the checkpoint. */
  async forCustomer(tenantId: string, customerId: string): Promise<Buffer> {
    if (!LEDGER_ID_PATTERN.test(customerId)) throw unknownCustomer();
    const checkpoint = await this.checkpoints.current(tenantId);
    const entries = await this.entriesOf(tenantId, customerId, checkpoint.treeSize);
    if (!entries.some((entry) => isCustomerEventType(entry.type))) throw unknownCustomer();
    const sequences = entries.map((entry) => entry.sequence);
    const proofs = await this.inclusionProofs(tenantId, sequences, checkpoint.treeSize);
    const bundle = assembleBundle({
      tenant: tenantId,
      customerId,
      generatedAt: new Date().toISOString(),
      checkpoint,
      verifierKey: this.signer.verifierKey(tenantId),
      entries: entries.map((entry, i) => ({ leafIndex: entry.sequence, leafInput: leafInputOf(tenantId, entry), proof: proofs[i]! })),
      pii: await this.disclosedPii(tenantId, entries),
    });
    return encodeBundle(bundle);
  }

  private async entriesOf(tenantId: string, subject: string, treeSize: number): Promise<LedgerEntry[]> {
    const entries: LedgerEntry[] = [];
    for (let after = -1; ; ) {
      const page = (await this.log.page(tenantId, { after, limit: PAGE, subject })).filter((entry) => entry.sequence < treeSize);
      entries.push(...page);
      if (page.length < PAGE) return entries;
      after = page[page.length - 1]!.sequence;
    }
  }

  private async inclusionProofs(tenantId: string, sequences: number[], treeSize: number): Promise<Buffer[][]> {
    const proofs: Buffer[][] = [];
    const sql: SqlSession = this.database;
    for (let start = 0; start < sequences.length; start += PROOFS_PER_READ) {
      proofs.push(...(await this.proofs.inclusionMany(sql, tenantId, sequences.slice(start, start + PROOFS_PER_READ), treeSize)));
    }
    return proofs;
  }

  /** Values with their salts; an erased customer's entries disclose nothing and are left out. */
  private async disclosedPii(tenantId: string, entries: LedgerEntry[]): Promise<Map<number, DisclosedPii>> {
    const disclosed = new Map<number, DisclosedPii>();
    for (const entry of await this.log.withPii(tenantId, entries)) {
      if (entry.pii && !('erased' in entry.pii)) disclosed.set(entry.sequence, entry.pii);
    }
    return disclosed;
  }
}

function leafInputOf(tenantId: string, entry: LedgerEntry): string {
  const { leafHash, ...fields } = entry;
  return leafInput({ ...fields, tenant: tenantId, data: entry.data as unknown as Record<string, unknown> });
}

/** The id is not echoed: a caller may have put personal data where an id belongs. */
function unknownCustomer(): Problem {
  return new Problem('not-found', 'No customer with this id');
}
