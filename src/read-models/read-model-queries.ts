import { EntityManager } from 'typeorm';
import { CustomerFacts, PolicyVersion, TenantDefaults } from '../../projections';
import { PolicyVersionRow } from './entities';

/** Every policy version of the tenant, as the engine takes them. */
export async function loadPolicyVersions(manager: EntityManager, tenantId: string): Promise<PolicyVersion[]> {
  const rows = await manager.getRepository(PolicyVersionRow).find({ where: { tenantId }, order: { sequence: 'ASC' } });
  return rows.map((row) => ({
    policyId: row.policyId,
    version: row.version,
    name: row.name,
    rules: row.rules,
    sequence: Number(row.sequence),
    time: row.time.toISOString(),
    recordedAt: row.recordedAt.toISOString(),
  }));
}

export async function loadTenantDefaults(manager: EntityManager, tenantId: string): Promise<TenantDefaults> {
  const [row] = await manager.query('SELECT country, region, timezone FROM tenants WHERE id = $1', [tenantId]);
  if (!row) throw new Error(`Tenant ${tenantId} does not exist`);
  return { country: row.country, ...(row.region ? { region: row.region } : {}), timezone: row.timezone };
}

/** The read model's facts for customers that have any (unknown ids are absent from the map). */
export async function loadCustomerFacts(manager: EntityManager, tenantId: string, customerIds: readonly string[]): Promise<Map<string, CustomerFacts>> {
  const rows: Array<{ customer_id: string; facts: CustomerFacts }> = await manager.query(
    'SELECT customer_id, facts FROM rm_customers WHERE tenant_id = $1 AND customer_id = ANY($2::text[])',
    [tenantId, customerIds],
  );
  return new Map(rows.map((row) => [row.customer_id, row.facts]));
}
