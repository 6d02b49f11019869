import {
  applyEntry,
  applyPolicyEntry,
  CustomerFacts,
  EntryOfType,
  evaluateContact,
  isCustomerEventType,
  latestProfile,
  LedgerEntry,
  PolicyVersion,
  TenantDefaults,
} from '../../projections';
import { SqlSession } from '../store/sql-session';
import { loadTenantDefaults } from './read-model-queries';
import { isoMillis } from '../store/json-timestamps';

/** Read models fed inline, in the append's transaction (DESIGN.md invariant 5). */
export interface InlineProjector {
  project(sql: SqlSession, tenantId: string, entries: readonly LedgerEntry[]): Promise<void>;
}

/** What a rebuild replays: whole histories of customers not yet in the read models. */
export interface CustomerReplay {
  /**
   * `entries` hold every entry of each of their customers, each customer's in log order;
   * `policies` are every policy version of the tenant (each contact sees those adopted before it);
   * `appliedThrough` is the last sequence of the log being replayed.
   */
  replayCustomers(sql: SqlSession, tenantId: string, entries: readonly LedgerEntry[], policies: readonly PolicyVersion[], appliedThrough: number): Promise<void>;
}

interface CustomerState {
  facts: CustomerFacts | undefined;
  erasedAt: string | null;
  /** As stored; recomputed only when a registration or update arrives (it depends on nothing else). */
  profile?: { jurisdiction: { country: string; region?: string }; timezone: string };
}

/**
 * Folds entries into the eligibility read models: one read of what the affected customers and
 * the tenant's policies look like now, a pure fold in log order, one statement to write it all.
 * Contacts are evaluated as the fold reaches them, so each sees exactly what was recorded before
 * it — the same answer a replay of the log gives (RULES.md "Business days, grace periods and
 * violations").
 */
export class ReadModelProjector implements InlineProjector, CustomerReplay {
  private readonly tenantDefaults = new Map<string, TenantDefaults>();

  async project(sql: SqlSession, tenantId: string, entries: readonly LedgerEntry[]): Promise<void> {
    if (entries.length === 0) return;
    const customerIds = [...new Set(entries.filter((entry) => isCustomerEventType(entry.type)).map((entry) => entry.subject))];
    const { customers, policies } = await loadState(sql, tenantId, customerIds);
    const tenant = await this.defaultsOf(sql, tenantId);
    const changes = foldEntries(entries, customers, policies, tenant);
    await writeChanges(sql, tenantId, changes, customers, tenant, entries[entries.length - 1]!.sequence);
  }

  /** Nothing to read first: every customer starts from no facts, so each is written once. */
  async replayCustomers(sql: SqlSession, tenantId: string, entries: readonly LedgerEntry[], policies: readonly PolicyVersion[], appliedThrough: number): Promise<void> {
    const customers = new Map<string, CustomerState>();
    const tenant = await this.defaultsOf(sql, tenantId);
    const changes = foldEntries(entries, customers, policies, tenant);
    await writeChanges(sql, tenantId, changes, customers, tenant, appliedThrough);
  }

  /** Tenants never change their defaults (API.md), so they are read once. */
  private async defaultsOf(sql: SqlSession, tenantId: string): Promise<TenantDefaults> {
    let defaults = this.tenantDefaults.get(tenantId);
    if (!defaults) {
      defaults = await loadTenantDefaults(sql, tenantId);
      this.tenantDefaults.set(tenantId, defaults);
    }
    return defaults;
  }
}

interface Changes {
  consents: Map<string, { channel: string; purpose: string; customerId: string; grant?: EntryOfType<'consent.granted'>; withdrawal?: EntryOfType<'consent.withdrawn'> }>;
  relationships: Map<string, EntryOfType<'relationship.recorded'>>;
  dnc: Map<string, EntryOfType<'dnc.listed'> | EntryOfType<'dnc.removed'>>;
  contacts: Array<{ entry: EntryOfType<'contact.attempted'>; evaluation: ReturnType<typeof evaluateContact> }>;
  policies: Array<EntryOfType<'policy.adopted'>>;
}

/**
 * `knownPolicies` may hold versions adopted after some of `entries` (a rebuild knows them all): a
 * contact is judged by the versions adopted before it in the log, as it was when appended.
 */
function foldEntries(entries: readonly LedgerEntry[], customers: Map<string, CustomerState>, knownPolicies: readonly PolicyVersion[], tenant: TenantDefaults): Changes {
  const changes: Changes = { consents: new Map(), relationships: new Map(), dnc: new Map(), contacts: [], policies: [] };
  let policies = knownPolicies;
  for (const entry of entries) {
    if (isCustomerEventType(entry.type)) {
      const state = customers.get(entry.subject) ?? { facts: undefined, erasedAt: null };
      state.facts = applyEntry(state.facts, entry);
      if (entry.type === 'customer.registered' || entry.type === 'customer.updated') delete state.profile;
      customers.set(entry.subject, state);
    }
    switch (entry.type) {
      case 'consent.granted':
      case 'consent.withdrawn': {
        const key = JSON.stringify([entry.subject, entry.data.channel, entry.data.purpose]);
        const row = changes.consents.get(key) ?? { customerId: entry.subject, channel: entry.data.channel, purpose: entry.data.purpose };
        if (entry.type === 'consent.granted' && isLatest(entry, row.grant)) row.grant = entry;
        if (entry.type === 'consent.withdrawn' && isLatest(entry, row.withdrawal)) row.withdrawal = entry;
        changes.consents.set(key, row);
        break;
      }
      case 'relationship.recorded': {
        const key = JSON.stringify([entry.subject, entry.data.kind, entry.data.paymentType ?? '', entry.data.payee ?? 'tenant']);
        if (isLatest(entry, changes.relationships.get(key))) changes.relationships.set(key, entry);
        break;
      }
      case 'dnc.listed':
      case 'dnc.removed': {
        const key = JSON.stringify([entry.subject, entry.data.registry, entry.data.region ?? '']);
        if (isLatest(entry, changes.dnc.get(key))) changes.dnc.set(key, entry);
        break;
      }
      case 'contact.attempted': {
        const adoptedBefore = policies.filter((policy) => policy.sequence < entry.sequence);
        const evaluation = evaluateContact({ facts: customers.get(entry.subject)!.facts, policies: adoptedBefore, tenant }, entry);
        changes.contacts.push({ entry, evaluation });
        break;
      }
      case 'policy.adopted':
        policies = applyPolicyEntry(policies, entry);
        changes.policies.push(entry);
        break;
      case 'erasure.requested': {
        const state = customers.get(entry.subject)!;
        if (!state.erasedAt || entry.time < state.erasedAt) state.erasedAt = entry.time;
        break;
      }
      case 'customer.registered':
      case 'customer.updated':
      case 'export.requested':
      case 'export.approved':
      case 'export.denied':
      case 'export.delivered':
        break;
      default: {
        const unhandled: never = entry;
        throw new Error(`Unhandled event type ${(unhandled as LedgerEntry).type}`);
      }
    }
  }
  return changes;
}

/** "Latest" compares time, then sequence (RULES.md "Inputs"). */
function isLatest(entry: LedgerEntry, current: { time: string; sequence: number } | undefined): boolean {
  return !current || entry.time > current.time || (entry.time === current.time && entry.sequence > current.sequence);
}

/** The affected customers as stored and every policy version of the tenant, in log order: one round trip. */
async function loadState(sql: SqlSession, tenantId: string, customerIds: string[]): Promise<{ customers: Map<string, CustomerState>; policies: PolicyVersion[] }> {
  // Policies come back as PolicyVersion, their timestamps in the session's offset (made UTC below).
  const [row] = await sql.query<{ customers: StoredCustomer[]; policies: PolicyVersion[] }>(
    `SELECT
       (SELECT coalesce(json_agg(json_build_object('customerId', customer_id, 'facts', facts, 'erasedAt', erased_at,
                 'country', country, 'region', region, 'timezone', timezone)), '[]')
          FROM rm_customers WHERE tenant_id = $1 AND customer_id = ANY($2::text[])) AS customers,
       (SELECT coalesce(json_agg(json_build_object('policyId', policy_id, 'version', version, 'name', name, 'rules', rules,
                 'sequence', sequence, 'time', time, 'recordedAt', recorded_at) ORDER BY sequence), '[]')
          FROM rm_policy_versions WHERE tenant_id = $1) AS policies`,
    [tenantId, customerIds],
  );
  const customers = new Map(
    row!.customers.map((stored): [string, CustomerState] => [
      stored.customerId,
      {
        facts: stored.facts,
        erasedAt: stored.erasedAt === null ? null : isoMillis(stored.erasedAt),
        profile: { jurisdiction: { country: stored.country, ...(stored.region === null ? {} : { region: stored.region }) }, timezone: stored.timezone },
      },
    ]),
  );
  const policies = row!.policies.map((stored): PolicyVersion => ({ ...stored, time: isoMillis(stored.time), recordedAt: isoMillis(stored.recordedAt) }));
  return { customers, policies };
}

interface StoredCustomer {
  customerId: string;
  facts: CustomerFacts;
  erasedAt: string | null;
  country: string;
  region: string | null;
  timezone: string;
}

async function writeChanges(
  sql: SqlSession,
  tenantId: string,
  changes: Changes,
  customers: Map<string, CustomerState>,
  tenant: TenantDefaults,
  lastSequence: number,
): Promise<void> {
  const customerRows = [...customers.entries()].filter(([, state]) => state.facts);
  const profiles = customerRows.map(([, state]) => state.profile ?? latestProfile(state.facts, tenant));
  const consents = [...changes.consents.values()];
  const relationships = [...changes.relationships.values()];
  const dnc = [...changes.dnc.values()];
  const newer = (table: string) => `WHERE excluded.time > ${table}.time OR (excluded.time = ${table}.time AND excluded.sequence > ${table}.sequence)`;
  await sql.query(
    `WITH customers AS (
       INSERT INTO rm_customers AS c (tenant_id, customer_id, country, region, timezone, erased_at, last_sequence, facts)
       SELECT $1, u.customer_id, u.country, u.region, u.timezone, u.erased_at, u.last_sequence, f.facts
         FROM unnest($2::text[], $3::text[], $4::text[], $5::text[], $6::timestamptz[], $7::bigint[])
                WITH ORDINALITY AS u(customer_id, country, region, timezone, erased_at, last_sequence, position)
         JOIN jsonb_array_elements($8::jsonb) WITH ORDINALITY AS f(facts, position) ON f.position = u.position
       ON CONFLICT (tenant_id, customer_id) DO UPDATE SET country = excluded.country, region = excluded.region, timezone = excluded.timezone,
         erased_at = excluded.erased_at, last_sequence = excluded.last_sequence, facts = excluded.facts
     ), consents AS (
       INSERT INTO rm_consent_states AS s (tenant_id, customer_id, channel, purpose, granted_sequence, granted_at, grant_kind, grant_expires_at,
         withdrawn_sequence, withdrawn_at, withdrawal_method, withdrawal_is_suppression)
       SELECT $1, * FROM unnest($9::text[], $10::text[], $11::text[], $12::bigint[], $13::timestamptz[], $14::text[], $15::timestamptz[],
         $16::bigint[], $17::timestamptz[], $18::text[], $19::boolean[])
       ON CONFLICT (tenant_id, customer_id, channel, purpose) DO UPDATE SET
         ${newerSide('granted', ['granted_sequence', 'granted_at', 'grant_kind', 'grant_expires_at'])},
         ${newerSide('withdrawn', ['withdrawn_sequence', 'withdrawn_at', 'withdrawal_method', 'withdrawal_is_suppression'])}
     ), relationships AS (
       INSERT INTO rm_relationships AS r (tenant_id, customer_id, kind, payment_type, payee, sequence, time, contract_ends_at)
       SELECT $1, * FROM unnest($20::text[], $21::text[], $22::text[], $23::text[], $24::bigint[], $25::timestamptz[], $26::timestamptz[])
       ON CONFLICT (tenant_id, customer_id, kind, payment_type, payee) DO UPDATE SET sequence = excluded.sequence, time = excluded.time,
         contract_ends_at = excluded.contract_ends_at ${newer('r')}
     ), dnc AS (
       INSERT INTO rm_dnc_states AS d (tenant_id, customer_id, registry, region, listed, sequence, time)
       SELECT $1, * FROM unnest($27::text[], $28::text[], $29::text[], $30::boolean[], $31::bigint[], $32::timestamptz[])
       ON CONFLICT (tenant_id, customer_id, registry, region) DO UPDATE SET listed = excluded.listed, sequence = excluded.sequence, time = excluded.time ${newer('d')}
     ), contacts AS (
       INSERT INTO rm_contact_attempts (tenant_id, sequence, customer_id, channel, purpose, time, outcome, reason, basis, deadline)
       SELECT $1, * FROM unnest($33::bigint[], $34::text[], $35::text[], $36::text[], $37::timestamptz[], $38::text[], $39::text[], $40::text[], $41::timestamptz[])
       ON CONFLICT DO NOTHING
     ), policies AS (
       INSERT INTO rm_policy_versions (tenant_id, policy_id, version, name, rules, sequence, time, recorded_at)
       SELECT $1, * FROM unnest($42::text[], $43::integer[], $44::text[], $45::jsonb[], $46::bigint[], $47::timestamptz[], $48::timestamptz[])
       ON CONFLICT DO NOTHING
     )
     INSERT INTO rm_projection_positions (tenant_id, last_sequence) VALUES ($1, $49)
     ON CONFLICT (tenant_id) DO UPDATE SET last_sequence = greatest(rm_projection_positions.last_sequence, excluded.last_sequence)`,
    [
      tenantId,
      customerRows.map(([customerId]) => customerId),
      profiles.map((profile) => profile.jurisdiction.country),
      profiles.map((profile) => profile.jurisdiction.region ?? null),
      profiles.map((profile) => profile.timezone),
      customerRows.map(([, state]) => state.erasedAt),
      customerRows.map(([, state]) => state.facts!.lastSequence),
      // One JSON array, not a jsonb[]: an array literal of JSON texts escapes every quote, and
      // building and parsing it cost more than the rest of a rebuild's writes together.
      JSON.stringify(customerRows.map(([, state]) => state.facts)),
      consents.map((row) => row.customerId),
      consents.map((row) => row.channel),
      consents.map((row) => row.purpose),
      consents.map((row) => row.grant?.sequence ?? null),
      consents.map((row) => row.grant?.time ?? null),
      consents.map((row) => row.grant?.data.kind ?? null),
      consents.map((row) => row.grant?.data.expiresAt ?? null),
      consents.map((row) => row.withdrawal?.sequence ?? null),
      consents.map((row) => row.withdrawal?.time ?? null),
      consents.map((row) => row.withdrawal?.data.method ?? null),
      consents.map((row) => (row.withdrawal ? isSuppression(row.withdrawal) : null)),
      relationships.map((entry) => entry.subject),
      relationships.map((entry) => entry.data.kind),
      relationships.map((entry) => entry.data.paymentType ?? ''),
      relationships.map((entry) => entry.data.payee ?? 'tenant'),
      relationships.map((entry) => entry.sequence),
      relationships.map((entry) => entry.time),
      relationships.map((entry) => entry.data.contractEndsAt ?? null),
      dnc.map((entry) => entry.subject),
      dnc.map((entry) => entry.data.registry),
      dnc.map((entry) => entry.data.region ?? ''),
      dnc.map((entry) => entry.type === 'dnc.listed'),
      dnc.map((entry) => entry.sequence),
      dnc.map((entry) => entry.time),
      changes.contacts.map(({ entry }) => entry.sequence),
      changes.contacts.map(({ entry }) => entry.subject),
      changes.contacts.map(({ entry }) => entry.data.channel),
      changes.contacts.map(({ entry }) => entry.data.purpose),
      changes.contacts.map(({ entry }) => entry.time),
      changes.contacts.map(({ evaluation }) => evaluation?.outcome ?? null),
      changes.contacts.map(({ evaluation }) => evaluation?.reason ?? null),
      changes.contacts.map(({ evaluation }) => evaluation?.basis ?? null),
      changes.contacts.map(({ evaluation }) => evaluation?.deadline ?? null),
      changes.policies.map((entry) => entry.subject),
      changes.policies.map((entry) => entry.data.version),
      changes.policies.map((entry) => entry.data.name),
      changes.policies.map((entry) => JSON.stringify(entry.data.rules)),
      changes.policies.map((entry) => entry.sequence),
      changes.policies.map((entry) => entry.time),
      changes.policies.map((entry) => entry.recordedAt),
      lastSequence,
    ],
  );
}

/**
 * One side (grant or withdrawal) of a consent row is replaced only by a newer event of that side,
 * so a batch holding only a withdrawal leaves the stored grant alone.
 */
function newerSide(side: 'granted' | 'withdrawn', columns: string[]): string {
  const newer = `excluded.${side}_at IS NOT NULL AND (s.${side}_at IS NULL OR excluded.${side}_at > s.${side}_at OR (excluded.${side}_at = s.${side}_at AND excluded.${side}_sequence > s.${side}_sequence))`;
  return columns.map((column) => `${column} = CASE WHEN ${newer} THEN excluded.${column} ELSE s.${column} END`).join(', ');
}

/** RULES.md "Inputs": the vendor's decision, not the customer's. */
function isSuppression(withdrawal: EntryOfType<'consent.withdrawn'>): boolean {
  return withdrawal.data.actor.type === 'vendor' || withdrawal.data.actor.type === 'system' || withdrawal.data.method === 'vendor-policy';
}
