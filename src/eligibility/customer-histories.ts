import { EntityManager } from 'typeorm';
import { CUSTOMER_EVENT_TYPES, CustomerFacts, foldCustomerFacts, foldPolicyVersions, LedgerEntry, PolicyVersion, TenantDefaults } from '../../projections';
import { EntryFilter, LogReader } from '../ledger/read/log-reader';
import { loadCustomerFacts, loadPolicyVersions, loadTenantDefaults } from '../read-models/read-model-queries';
import { LedgerDatabase } from '../store/ledger-database';

/** What the engine needs to answer for some customers, and the log prefix it reflects. */
export interface Histories {
  treeSize: number;
  tenant: TenantDefaults;
  policies: readonly PolicyVersion[];
  /** Known customers only; an id missing here is unknown. */
  facts: Map<string, CustomerFacts>;
}

const PAGE = 5_000;

/**
 * The two sources of customer histories. "Now" questions read the read models, kept current in
 * the append transaction; questions about what was known at a past `asOf` replay the log prefix
 * recorded by then. Both feed the same `evaluate`.
 */
export class CustomerHistories {
  private readonly reader: LogReader;

  constructor(private readonly database: LedgerDatabase) {
    this.reader = new LogReader(database);
  }

  /** From the read models, in one snapshot. */
  current(tenantId: string, customerIds: readonly string[]): Promise<Histories> {
    return this.database.dataSource.transaction('REPEATABLE READ', async (manager) => {
      const [tenant, policies, facts, position] = await Promise.all([
        loadTenantDefaults(manager, tenantId),
        loadPolicyVersions(manager, tenantId),
        loadCustomerFacts(manager, tenantId, customerIds),
        manager.query('SELECT last_sequence FROM rm_projection_positions WHERE tenant_id = $1', [tenantId]),
      ]);
      return { tenant, policies, facts, treeSize: position[0] ? Number(position[0].last_sequence) + 1 : 0 };
    });
  }

  /** From the log prefix recorded by `asOf`; customers are known by any entry, whenever recorded. */
  recordedBy(tenantId: string, customerIds: readonly string[], asOf: string): Promise<Histories> {
    return this.database.dataSource.transaction('REPEATABLE READ', async (manager) => {
      const treeSize = await prefixRecordedBy(manager, tenantId, asOf);
      const known = await knownCustomers(manager, tenantId, customerIds);
      const entries = await this.entriesOf(manager, tenantId, [...known], treeSize);
      const bySubject = new Map<string, LedgerEntry[]>();
      for (const entry of entries.customers) bySubject.set(entry.subject, [...(bySubject.get(entry.subject) ?? []), entry]);
      const facts = new Map<string, CustomerFacts>();
      for (const customerId of known) {
        // Known with nothing recorded by asOf still answers (unknown-customer at that instant), so it gets empty facts.
        facts.set(customerId, foldCustomerFacts(bySubject.get(customerId) ?? []) ?? EMPTY_FACTS);
      }
      return { tenant: await loadTenantDefaults(manager, tenantId), policies: foldPolicyVersions(entries.policies), facts, treeSize };
    });
  }

  private async entriesOf(manager: EntityManager, tenantId: string, customerIds: string[], treeSize: number): Promise<{ customers: LedgerEntry[]; policies: LedgerEntry[] }> {
    return {
      customers: customerIds.length === 0 ? [] : await this.readAll(manager, tenantId, { types: CUSTOMER_EVENT_TYPES, subjects: customerIds, before: treeSize }),
      policies: await this.readAll(manager, tenantId, { types: ['policy.adopted'], before: treeSize }),
    };
  }

  private async readAll(manager: EntityManager, tenantId: string, filter: Omit<EntryFilter, 'after' | 'limit'>): Promise<LedgerEntry[]> {
    const entries: LedgerEntry[] = [];
    for (let after = -1; ; ) {
      const page = await this.reader.page(tenantId, { ...filter, after, limit: PAGE }, manager);
      entries.push(...page);
      if (page.length < PAGE) return entries;
      after = page[page.length - 1]!.sequence;
    }
  }
}

const EMPTY_FACTS: CustomerFacts = { lastSequence: -1, presence: [], profile: [], grants: [], withdrawals: [], relationships: [], dnc: [], contacts: [], erasures: [] };

/** recordedAt never decreases along the sequence, so the entries recorded by asOf are a prefix. */
async function prefixRecordedBy(manager: EntityManager, tenantId: string, asOf: string): Promise<number> {
  const [row] = await manager.query('SELECT coalesce(max(sequence) + 1, 0) AS size FROM ledger_entries WHERE tenant_id = $1 AND recorded_at <= $2', [tenantId, asOf]);
  return Number(row.size);
}

async function knownCustomers(manager: EntityManager, tenantId: string, customerIds: readonly string[]): Promise<Set<string>> {
  const rows: Array<{ customer_id: string }> = await manager.query('SELECT customer_id FROM rm_customers WHERE tenant_id = $1 AND customer_id = ANY($2::text[])', [tenantId, customerIds]);
  return new Set(rows.map((row) => row.customer_id));
}
