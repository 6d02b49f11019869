/**
 * The service under measurement: the real app (createApp) on a real port on 127.0.0.1, over a
 * store of its own. Every comparison of a run uses its database, so ours and the baselines write
 * the same `ledger_entries` table through the same connections.
 */
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { createApp } from '../src/app/create-app';
import { LedgerConfig, StoreKind, loadConfig } from '../src/config/ledger-config';
import { TenantLog } from '../src/ledger/tenant-log';
import { LedgerDatabase } from '../src/store/ledger-database';
import { TenantRegistry } from '../src/tenants/tenant-registry';

export class BenchService {
  private tenants = 0;

  private constructor(
    readonly store: StoreKind,
    readonly app: NestFastifyApplication,
    readonly config: LedgerConfig,
    readonly baseUrl: string,
    readonly database: LedgerDatabase,
    readonly log: TenantLog,
    readonly registry: TenantRegistry,
    /** Unique to this run, so runs can share one PostgreSQL database. */
    readonly runId: string,
  ) {}

  static async start(store: StoreKind, databaseUrl: string | undefined): Promise<BenchService> {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'compliance-ledger-bench-'));
    const env: NodeJS.ProcessEnv = { LEDGER_DATA_DIR: dataDir, LOG_LEVEL: 'silent', PORT: '0' };
    if (store === 'postgres') env.DATABASE_URL = databaseUrl;
    const config = loadConfig(env);
    const app = await createApp(config);
    await app.listen({ port: 0, host: '127.0.0.1' });
    const { port } = app.getHttpServer().address() as { port: number };
    const runId = randomBytes(4).toString('hex');
    return new BenchService(store, app, config, `http://127.0.0.1:${port}`, app.get(LedgerDatabase), app.get(TenantLog), app.get(TenantRegistry), runId);
  }

  /** A new tenant of this run; `purpose` names it in the database (`bench-<run>-<n>-<purpose>`). */
  async createTenant(purpose: string): Promise<string> {
    const id = `bench-${this.runId}-${++this.tenants}-${purpose}`.slice(0, 64);
    await this.registry.createTenant({ id, name: `Benchmark ${purpose}`, country: 'CA', region: 'ON', timezone: 'America/Toronto' });
    return id;
  }

  /** A real emitter key for `tenantId`, as an HTTP client presents it. */
  async emitterKey(tenantId: string): Promise<string> {
    return (await this.registry.createKey(tenantId, 'emitter', 'npm run bench')).key;
  }

  async stop(): Promise<void> {
    try {
      await this.app.close();
    } finally {
      fs.rmSync(this.config.dataDir, { recursive: true, force: true });
    }
  }
}
