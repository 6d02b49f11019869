import { SqlSession } from '../store/sql-session';
import { TenantDefaults } from '../../projections';

export async function loadTenantDefaults(sql: SqlSession, tenantId: string): Promise<TenantDefaults> {
  const [row] = await sql.query<{ country: string; region: string | null; timezone: string }>('SELECT country, region, timezone FROM tenants WHERE id = $1', [tenantId]);
  if (!row) throw new Error(`Tenant ${tenantId} does not exist`);
  return { country: row.country, ...(row.region ? { region: row.region } : {}), timezone: row.timezone };
}
