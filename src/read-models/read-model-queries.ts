import { EntityManager } from 'typeorm';
import { PolicyRules, PolicyVersion, TenantDefaults } from '../../projections';

/** Every policy version of the tenant, as the engine takes them, in log order. */
export async function loadPolicyVersions(manager: EntityManager, tenantId: string): Promise<PolicyVersion[]> {
  // Plain SQL: TypeORM's find builds its query anew on every call, and this runs in every append.
  const rows: Array<{ policy_id: string; version: number; name: string; rules: PolicyRules; sequence: string; time: Date; recorded_at: Date }> = await manager.query(
    'SELECT policy_id, version, name, rules, sequence, time, recorded_at FROM rm_policy_versions WHERE tenant_id = $1 ORDER BY sequence',
    [tenantId],
  );
  return rows.map((row) => ({
    policyId: row.policy_id,
    version: row.version,
    name: row.name,
    rules: row.rules,
    sequence: Number(row.sequence),
    time: row.time.toISOString(),
    recordedAt: row.recorded_at.toISOString(),
  }));
}

export async function loadTenantDefaults(manager: EntityManager, tenantId: string): Promise<TenantDefaults> {
  const [row] = await manager.query('SELECT country, region, timezone FROM tenants WHERE id = $1', [tenantId]);
  if (!row) throw new Error(`Tenant ${tenantId} does not exist`);
  return { country: row.country, ...(row.region ? { region: row.region } : {}), timezone: row.timezone };
}
