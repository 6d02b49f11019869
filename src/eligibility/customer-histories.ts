import { EntityManager } from 'typeorm';
import { CUSTOMER_EVENT_TYPES, CustomerFacts, foldCustomerFacts, foldPolicyVersions, LedgerEntry, PolicyVersion, TenantDefaults } from '../../projections';
import { EntryFilter, LogReader } from '../ledger/read/log-reader';
import { loadTenantDefaults } from '../read-models/read-model-queries';
import { LedgerDatabase } from '../store/ledger-database';
import { isoMillis } from '../store/json-timestamps';

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
  /** Per tenant, the head of the log last seen by `current`: what is true of it never changes. */
  private readonly heads = new Map<string, LogHead>();

  constructor(private readonly database: LedgerDatabase) {
    this.reader = new LogReader(database);
  }

  /**
   * From the read models: the log position and the customers' facts in one statement (one
   * snapshot, no transaction), then what goes with that position — read once per position.
   */
  async current(tenantId: string, customerIds: readonly string[]): Promise<Histories> {
    const known = customerIds.length === 1 ? await this.knownCustomerNow(tenantId, customerIds[0]!) : undefined;
    const { lastSequence, facts } = known ?? (await this.customersNow(tenantId, customerIds));
    const head = await this.headAt(tenantId, lastSequence);
    return { tenant: head.tenant, policies: head.policies, facts, treeSize: lastSequence + 1, lastRecordedAt: head.lastRecordedAt };
  }

  /**
   * One customer, as a primary-key read that carries the position along: cheaper than
   * `customersNow`, the common case (the single-customer answer), but silent on the position
   * when the customer is unknown.
   */
  private async knownCustomerNow(tenantId: string, customerId: string): Promise<CustomersAt | undefined> {
    const [row]: Array<{ facts: CustomerFacts; last_sequence: string }> = await this.database.query(
      `SELECT facts, (SELECT last_sequence FROM rm_projection_positions WHERE tenant_id = $1) AS last_sequence
         FROM rm_customers WHERE tenant_id = $1 AND customer_id = $2`,
      [tenantId, customerId],
    );
    return row && { lastSequence: Number(row.last_sequence), facts: new Map([[customerId, row.facts]]) };
  }

  /** Planned each time: the best plan for a campaign's thousands of ids is not the one for a handful. */
  private async customersNow(tenantId: string, customerIds: readonly string[]): Promise<CustomersAt> {
    const rows: Array<{ customer_id: string | null; facts: CustomerFacts | number }> = await this.database.queryPlannedEachTime(
      `SELECT NULL::text AS customer_id, to_jsonb(last_sequence) AS facts FROM rm_projection_positions WHERE tenant_id = $1
       UNION ALL
       SELECT customer_id, facts FROM rm_customers WHERE tenant_id = $1 AND customer_id = ANY($2::text[])`,
      [tenantId, customerIds],
    );
    const facts = new Map<string, CustomerFacts>();
    let lastSequence = -1;
    for (const row of rows) {
      if (row.customer_id === null) lastSequence = row.facts as number;
      else facts.set(row.customer_id, row.facts as CustomerFacts);
    }
    return { lastSequence, facts };
  }

  /**
   * The tenant's defaults (they never change), the policy versions and the last entry's
   * `recordedAt` at `lastSequence`. Entries are immutable and policy versions are only ever added,
   * each at its entry's sequence, so those up to `lastSequence` are the ones of that log prefix,
   * whatever was appended since the position was read.
   */
  private async headAt(tenantId: string, lastSequence: number): Promise<LogHead> {
    const known = this.heads.get(tenantId);
    if (known?.lastSequence === lastSequence) return known;
    const [row]: Array<{ tenant: TenantRow | null; last_recorded_at: string | null; policies: PolicyVersion[] }> = await this.database.query(
      `SELECT (SELECT jsonb_build_object('country', country, 'region', region, 'timezone', timezone) FROM tenants WHERE id = $1) AS tenant,
              (SELECT to_jsonb(recorded_at) FROM ledger_entries WHERE tenant_id = $1 AND sequence = $2) AS last_recorded_at,
              (SELECT coalesce(jsonb_agg(jsonb_build_object('policyId', policy_id, 'version', version, 'name', name, 'rules', rules,
                        'sequence', sequence, 'time', time, 'recordedAt', recorded_at) ORDER BY sequence), '[]'::jsonb)
                 FROM rm_policy_versions WHERE tenant_id = $1 AND sequence <= $2) AS policies`,
      [tenantId, lastSequence],
    );
    if (!row?.tenant) throw new Error(`Tenant ${tenantId} does not exist`);
    const { country, region, timezone } = row.tenant;
    // jsonb renders timestamps with the session's offset: isoMillis makes them the API's form.
    const head: LogHead = {
      lastSequence,
      tenant: { country, ...(region ? { region } : {}), timezone },
      policies: row.policies.map((policy) => ({ ...policy, time: isoMillis(policy.time), recordedAt: isoMillis(policy.recordedAt) })),
      lastRecordedAt: row.last_recorded_at === null ? null : isoMillis(row.last_recorded_at),
    };
    // Concurrent requests may read positions out of order: keep the latest.
    if (!known || known.lastSequence < lastSequence) this.heads.set(tenantId, head);
    return head;
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

/** Known customers' facts (an id missing is unknown) as of the log position `lastSequence`. */
interface CustomersAt {
  lastSequence: number;
  facts: Map<string, CustomerFacts>;
}

/** What is true of a tenant's log prefix ending at `lastSequence` (-1: the empty log). */
interface LogHead {
  lastSequence: number;
  tenant: TenantDefaults;
  policies: readonly PolicyVersion[];
  lastRecordedAt: string | null;
}

/** The tenant's defaults as `headAt` reads them. */
interface TenantRow {
  country: string;
  region: string | null;
  timezone: string;
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
