import { EntityManager } from 'typeorm';
import { CUSTOMER_EVENT_TYPES, CustomerFacts, foldCustomerFacts, foldPolicyVersions, LedgerEntry, PolicyVersion, TenantDefaults } from '../../projections';
import { EntryFilter, LogReader } from '../ledger/read/log-reader';
import { loadTenantDefaults } from '../read-models/read-model-queries';
import { LedgerDatabase } from '../store/ledger-database';

/** What the engine needs to answer for some customers, and the log prefix it reflects. */
export interface Histories {
  treeSize: number;
  tenant: TenantDefaults;
  policies: readonly PolicyVersion[];
  /** Known customers only; an id missing here is unknown. */
  facts: Map<string, CustomerFacts>;
  /** The `recordedAt` of the last entry of the prefix (null for an empty log). */
  lastRecordedAt: string | null;
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

  /**
   * From the read models, in one statement: one snapshot without a transaction, one round trip.
   * The first row (no customer id) carries the tenant, the log position and the policy versions;
   * the others are the known customers' facts.
   */
  async current(tenantId: string, customerIds: readonly string[]): Promise<Histories> {
    const rows: Array<{ customer_id: string | null; facts: CustomerFacts | CurrentHeader }> = await this.database.query(
      `SELECT NULL::text AS customer_id, jsonb_build_object(
           'tenant', (SELECT jsonb_build_object('country', country, 'region', region, 'timezone', timezone) FROM tenants WHERE id = $1),
           'position', (SELECT jsonb_build_object('lastSequence', p.last_sequence, 'lastRecordedAt', e.recorded_at) FROM rm_projection_positions p
                          JOIN ledger_entries e ON e.tenant_id = p.tenant_id AND e.sequence = p.last_sequence WHERE p.tenant_id = $1),
           'policies', (SELECT coalesce(jsonb_agg(jsonb_build_object('policyId', policy_id, 'version', version, 'name', name, 'rules', rules,
                          'sequence', sequence, 'time', time, 'recordedAt', recorded_at) ORDER BY sequence), '[]'::jsonb)
                          FROM rm_policy_versions WHERE tenant_id = $1)) AS facts
       UNION ALL
       SELECT customer_id, facts FROM rm_customers WHERE tenant_id = $1 AND customer_id = ANY($2::text[])`,
      [tenantId, customerIds],
    );
    const facts = new Map<string, CustomerFacts>();
    let header: CurrentHeader | undefined;
    for (const row of rows) {
      if (row.customer_id === null) header = row.facts as CurrentHeader;
      else facts.set(row.customer_id, row.facts as CustomerFacts);
    }
    if (!header?.tenant) throw new Error(`Tenant ${tenantId} does not exist`);
    const { country, region, timezone } = header.tenant;
    return {
      tenant: { country, ...(region ? { region } : {}), timezone },
      policies: header.policies.map((policy) => ({ ...policy, time: isoMillis(policy.time), recordedAt: isoMillis(policy.recordedAt) })),
      facts,
      treeSize: header.position ? Number(header.position.lastSequence) + 1 : 0,
      lastRecordedAt: header.position ? isoMillis(header.position.lastRecordedAt) : null,
    };
  }

  /** From the log prefix recorded by `asOf`; customers are known by any entry, whenever recorded. */
  recordedBy(tenantId: string, customerIds: readonly string[], asOf: string): Promise<Histories> {
    return this.database.dataSource.transaction('REPEATABLE READ', async (manager) => {
      const { treeSize, lastRecordedAt } = await prefixRecordedBy(manager, tenantId, asOf);
      const known = await knownCustomers(manager, tenantId, customerIds);
      const entries = await this.entriesOf(manager, tenantId, [...known], treeSize);
      const bySubject = new Map<string, LedgerEntry[]>();
      for (const entry of entries.customers) bySubject.set(entry.subject, [...(bySubject.get(entry.subject) ?? []), entry]);
      const facts = new Map<string, CustomerFacts>();
      for (const customerId of known) {
        // Known with nothing recorded by asOf still answers (unknown-customer at that instant), so it gets empty facts.
        facts.set(customerId, foldCustomerFacts(bySubject.get(customerId) ?? []) ?? EMPTY_FACTS);
      }
      return { tenant: await loadTenantDefaults(manager, tenantId), policies: foldPolicyVersions(entries.policies), facts, treeSize, lastRecordedAt };
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

/** What the first row of `current` carries; jsonb renders timestamps with the session's offset. */
interface CurrentHeader {
  tenant: { country: string; region: string | null; timezone: string } | null;
  position: { lastSequence: number; lastRecordedAt: string } | null;
  policies: PolicyVersion[];
}

function isoMillis(timestamp: string): string {
  return new Date(timestamp).toISOString();
}

const EMPTY_FACTS: CustomerFacts = { lastSequence: -1, presence: [], profile: [], grants: [], withdrawals: [], relationships: [], dnc: [], contacts: [], erasures: [] };

/** recordedAt never decreases along the sequence, so the entries recorded by asOf are a prefix. */
async function prefixRecordedBy(manager: EntityManager, tenantId: string, asOf: string): Promise<{ treeSize: number; lastRecordedAt: string | null }> {
  const [row] = await manager.query(
    'SELECT sequence, recorded_at FROM ledger_entries WHERE tenant_id = $1 AND recorded_at <= $2 ORDER BY recorded_at DESC, sequence DESC LIMIT 1',
    [tenantId, asOf],
  );
  return row ? { treeSize: Number(row.sequence) + 1, lastRecordedAt: (row.recorded_at as Date).toISOString() } : { treeSize: 0, lastRecordedAt: null };
}

async function knownCustomers(manager: EntityManager, tenantId: string, customerIds: readonly string[]): Promise<Set<string>> {
  const rows: Array<{ customer_id: string }> = await manager.query('SELECT customer_id FROM rm_customers WHERE tenant_id = $1 AND customer_id = ANY($2::text[])', [tenantId, customerIds]);
  return new Set(rows.map((row) => row.customer_id));
}
