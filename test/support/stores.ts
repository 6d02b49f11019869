import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { LedgerConfig, loadConfig } from '../../src/config/ledger-config';

/** A store the suites run against: the embedded PGlite always, PostgreSQL when DATABASE_URL is set. */
export interface StoreUnderTest {
  name: 'embedded' | 'postgres';
  /** A fresh configuration: its own data folder (and, embedded, its own database). */
  config(): LedgerConfig;
}

export function temporaryDataDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'compliance-ledger-test-'));
}

export const embeddedStore: StoreUnderTest = {
  name: 'embedded',
  config: () => loadConfig({ LEDGER_DATA_DIR: temporaryDataDir() }),
};

export const postgresStore: StoreUnderTest = {
  name: 'postgres',
  config: () => loadConfig({ LEDGER_DATA_DIR: temporaryDataDir(), DATABASE_URL: process.env.DATABASE_URL }),
};

/** Tenants are unique per test, so suites can share one PostgreSQL database. */
export function uniqueTenantId(prefix = 'tenant'): string {
  return `${prefix}-${randomBytes(6).toString('hex')}`;
}
