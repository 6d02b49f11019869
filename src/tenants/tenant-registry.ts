import { randomBytes } from 'node:crypto';
import { KeyRole } from '../../projections/events';
import { Problem } from '../common/problem';
import { hashApiKey } from '../security/key-material';
import { LedgerDatabase } from '../store/ledger-database';
import { KEY_REVOKED_CHANNEL } from './key-revocation-listener';
import { VerifiedKeys } from './verified-keys';

export interface Tenant {
  id: string;
  name: string;
  country: string;
  region?: string;
  timezone: string;
  createdAt: string;
}

export interface ApiKeyRecord {
  id: string;
  role: KeyRole;
  label: string;
  createdAt: string;
  revokedAt: string | null;
}

/** The tenant a key belongs to and what it may do. */
export interface KeyHolder {
  tenantId: string;
  keyId: string;
  role: KeyRole;
  label: string;
}

interface TenantRow {
  id: string;
  name: string;
  country: string;
  region: string | null;
  timezone: string;
  created_at: Date;
}

// Named columns, not *: the statements are prepared, and a column added by a later migration
// would change their result type under an instance still running.
const TENANT_COLUMNS = 'id, name, country, region, timezone, created_at';
const KEY_COLUMNS = 'id, tenant_id, role, label, created_at, revoked_at';

interface KeyRow {
  id: string;
  tenant_id: string;
  role: KeyRole;
  label: string;
  created_at: Date;
  revoked_at: Date | null;
}

/**
 * Tenants and their API keys (API.md "Tenants and keys"). Keys are stored only as hashes. Without
 * `verifiedKeys` (the command line), every authentication reads the database.
 */
export class TenantRegistry {
  constructor(
    private readonly database: LedgerDatabase,
    private readonly verifiedKeys?: VerifiedKeys,
  ) {}

  async createTenant(input: Omit<Tenant, 'createdAt'>): Promise<Tenant> {
    const rows: TenantRow[] = await this.database.query(
      `INSERT INTO tenants (id, name, country, region, timezone, created_at)
       VALUES ($1, $2, $3, $4, $5, date_trunc('milliseconds', clock_timestamp()))
       ON CONFLICT (id) DO NOTHING RETURNING ${TENANT_COLUMNS}`,
      [input.id, input.name, input.country, input.region ?? null, input.timezone],
    );
    if (!rows[0]) throw new Problem('duplicate-conflict', `Tenant ${input.id} already exists`, [{ path: 'id', message: 'a tenant with this id already exists' }]);
    return toTenant(rows[0]);
  }

  async findTenant(id: string): Promise<Tenant | undefined> {
    const rows: TenantRow[] = await this.database.query(`SELECT ${TENANT_COLUMNS} FROM tenants WHERE id = $1`, [id]);
    return rows[0] && toTenant(rows[0]);
  }

  async createKey(tenantId: string, role: KeyRole, label: string): Promise<ApiKeyRecord & { key: string }> {
    const id = `key_${randomBytes(9).toString('base64url')}`;
    const key = `cl_${randomBytes(32).toString('base64url')}`;
    const rows: KeyRow[] = await this.database.query(
      `INSERT INTO api_keys (id, tenant_id, role, label, key_hash, created_at)
       VALUES ($1, $2, $3, $4, $5, date_trunc('milliseconds', clock_timestamp())) RETURNING ${KEY_COLUMNS}`,
      [id, tenantId, role, label, hashApiKey(key)],
    );
    return { ...toKeyRecord(rows[0]!), key };
  }

  async listKeys(tenantId: string): Promise<ApiKeyRecord[]> {
    const rows: KeyRow[] = await this.database.query(`SELECT ${KEY_COLUMNS} FROM api_keys WHERE tenant_id = $1 ORDER BY created_at, id`, [tenantId]);
    return rows.map(toKeyRecord);
  }

  /** True when the key existed for this tenant (revoking twice is harmless). */
  async revokeKey(tenantId: string, keyId: string): Promise<boolean> {
    // Through a CTE the statement is a SELECT: TypeORM answers a bare UPDATE with [rows, count],
    // whose length is 2 whether or not a key matched. The notice tells the other processes sharing
    // the database to forget the keys they verified; it is delivered when the revocation commits.
    const rows: Array<{ id: string }> = await this.database.query(
      `WITH revoked AS (
         UPDATE api_keys SET revoked_at = coalesce(revoked_at, date_trunc('milliseconds', clock_timestamp()))
          WHERE tenant_id = $1 AND id = $2 RETURNING id
       ) SELECT id, pg_notify('${KEY_REVOKED_CHANNEL}', id) FROM revoked`,
      [tenantId, keyId],
    );
    this.verifiedKeys?.forgetAll();
    return rows.length > 0;
  }

  async authenticate(key: string): Promise<KeyHolder | undefined> {
    const keyHash = hashApiKey(key);
    if (!this.verifiedKeys) return this.findKeyHolder(keyHash);
    const cacheKey = keyHash.toString('base64');
    const verified = this.verifiedKeys.lookup(cacheKey);
    if (verified) return verified;
    const epoch = this.verifiedKeys.currentEpoch();
    const holder = await this.findKeyHolder(keyHash);
    if (holder) this.verifiedKeys.remember(cacheKey, holder, epoch);
    return holder;
  }

  private async findKeyHolder(keyHash: Buffer): Promise<KeyHolder | undefined> {
    const rows: KeyRow[] = await this.database.query(`SELECT ${KEY_COLUMNS} FROM api_keys WHERE key_hash = $1 AND revoked_at IS NULL`, [keyHash]);
    const row = rows[0];
    return row && { tenantId: row.tenant_id, keyId: row.id, role: row.role, label: row.label };
  }
}

function toTenant(row: TenantRow): Tenant {
  return {
    id: row.id,
    name: row.name,
    country: row.country,
    ...(row.region ? { region: row.region } : {}),
    timezone: row.timezone,
    createdAt: row.created_at.toISOString(),
  };
}

function toKeyRecord(row: KeyRow): ApiKeyRecord {
  return { id: row.id, role: row.role, label: row.label, createdAt: row.created_at.toISOString(), revokedAt: row.revoked_at ? row.revoked_at.toISOString() : null };
}
