import { PGlite } from '@electric-sql/pglite';
import * as path from 'node:path';
import { DataSource, EntityManager } from 'typeorm';
import { LedgerConfig, StoreKind } from '../config/ledger-config';
import { DataDirLock } from './embedded/data-dir-lock';
import { PGlitePool } from './embedded/pglite-pool';
import { DriverPool, preparedSession, SqlSession } from './sql-session';
import { READ_MODEL_ENTITIES } from '../read-models/entities';
import { LEDGER_MIGRATIONS } from './migrations';

const INT8_OID = 20;
const BYTEA_OID = 17;
const MIGRATION_LOCK = 7_301_001;

/** A transaction-scoped advisory lock: two int4 keys, the first naming what kind of thing is locked. */
export interface AdvisoryLock {
  readonly space: number;
  readonly key: number;
}

/**
 * The one database of the service: the log and the read models together, on PostgreSQL or on the
 * embedded PGlite. TypeORM owns the pool and the migrations; the write path takes a connection of
 * that pool for each append (`transactionUnder`), in which the log and the read models are
 * written together with plain SQL (DESIGN.md invariant 5).
 */
export class LedgerDatabase {
  private constructor(
    readonly dataSource: DataSource,
    readonly store: StoreKind,
    private readonly onClose: () => Promise<void>,
  ) {}

  static async open(config: LedgerConfig): Promise<LedgerDatabase> {
    const database = config.databaseUrl ? await openPostgres(config.databaseUrl) : await openEmbedded(config.dataDir);
    try {
      await database.migrate();
    } catch (error) {
      await database.close();
      throw error;
    }
    return database;
  }

  /** Runs `work` in one transaction on one connection; everything it does commits or nothing does. */
  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  /**
   * Runs `work` in one transaction that holds `lock` from its start, with the statements of
   * `preparedSession`. BEGIN and the lock go in one round trip: the write path takes this lock for
   * every append, and a round trip is a good part of a small append's cost.
   */
  async transactionUnder<T>(lock: AdvisoryLock, work: (sql: SqlSession) => Promise<T>): Promise<T> {
    const client = await this.pool().connect();
    let broken: unknown;
    const session = closableSession(preparedSession(client));
    try {
      // Both keys are integers (never text), so they can be written into the statement.
      await client.query(`BEGIN; SELECT pg_advisory_xact_lock(${Math.trunc(lock.space)}, ${Math.trunc(lock.key)})`);
      const result = await work(session.sql).finally(session.close);
      // PostgreSQL answers COMMIT of a transaction that failed with ROLLBACK, not with an error.
      const { command } = await client.query('COMMIT');
      if (command === 'ROLLBACK') throw new Error('the transaction was rolled back instead of committed');
      return result;
    } catch (error) {
      await client.query('ROLLBACK').catch((rollbackFailed: unknown) => (broken = rollbackFailed));
      throw error;
    } finally {
      // A connection that could not roll back is closed rather than handed to the next caller.
      client.release(broken);
    }
  }

  private pool(): DriverPool {
    const pool = (this.dataSource.driver as unknown as { master?: DriverPool }).master;
    if (!pool) throw new Error('the database is not connected');
    return pool;
  }

  /** One statement on any connection, outside a transaction, prepared once per connection (see preparedSession). */
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]> {
    return preparedSession(this.pool()).query<T>(sql, params);
  }

  /**
   * One statement planned for the values it is given, never prepared: for a statement whose best
   * plan depends on them, such as a filter on an array of 100,000 ids. A prepared statement goes
   * over to a generic plan after five runs, and a generic plan cannot hash such an array: each
   * row it rechecks is compared with every id, and a campaign check took a minute instead of a
   * second.
   */
  async queryPlannedEachTime<T = Record<string, unknown>>(sql: string, params: unknown[]): Promise<T[]> {
    const result = await this.pool().query({ text: sql, values: params });
    return result.rows as T[];
  }

  async isReachable(): Promise<boolean> {
    try {
      await this.dataSource.query('SELECT 1');
      return true;
    } catch {
      return false;
    }
  }

  async close(): Promise<void> {
    if (this.dataSource.isInitialized) await this.dataSource.destroy();
    await this.onClose();
  }

  /**
   * Several instances may start at once against one server: they take turns migrating. The
   * embedded store needs no such lock (its folder lock admits one process), and could not take
   * one: its single session is held by whoever checked it out.
   */
  private async migrate(): Promise<void> {
    if (this.store === 'embedded') {
      await this.dataSource.runMigrations({ transaction: 'all' });
      return;
    }
    const runner = this.dataSource.createQueryRunner();
    try {
      await runner.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
      await this.dataSource.runMigrations({ transaction: 'all' });
    } finally {
      await runner.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => undefined);
      await runner.release();
    }
  }

  static create(dataSource: DataSource, store: StoreKind, onClose: () => Promise<void>): LedgerDatabase {
    return new LedgerDatabase(dataSource, store, onClose);
  }
}

const common = {
  type: 'postgres' as const,
  entities: READ_MODEL_ENTITIES,
  migrations: LEDGER_MIGRATIONS,
  migrationsTableName: 'schema_migrations',
  migrationsRun: false,
  synchronize: false,
  logging: false,
};

async function openPostgres(url: string): Promise<LedgerDatabase> {
  const dataSource = new DataSource({ ...common, url, poolSize: 16, applicationName: 'compliance-ledger' });
  await dataSource.initialize();
  return LedgerDatabase.create(dataSource, 'postgres', async () => undefined);
}

async function openEmbedded(dataDir: string): Promise<LedgerDatabase> {
  const lock = DataDirLock.acquire(dataDir);
  let db: PGlite | undefined;
  try {
    // Parse like node-postgres does, so both stores hand the same JavaScript values to our code.
    db = await PGlite.create(path.join(dataDir, 'pgdata'), {
      parsers: {
        [INT8_OID]: (value: string) => value,
        [BYTEA_OID]: (value: string) => Buffer.from(value.slice(2), 'hex'),
      },
    });
    const pool = new PGlitePool(db);
    // TypeORM builds its pool with `new driver.Pool(options)`; every pool it builds must be this one.
    const driver = { Pool: function SharedPGlitePool() { return pool; } };
    const dataSource = new DataSource({ ...common, driver, poolSize: 1 });
    await dataSource.initialize();
    const instance = db;
    return LedgerDatabase.create(dataSource, 'embedded', async () => {
      await instance.close();
      lock.release();
    });
  } catch (error) {
    await db?.close().catch(() => undefined);
    lock.release();
    throw error;
  }
}

/**
 * A transaction's session that refuses statements once the transaction's work has settled: a
 * statement its work queued but did not await (see queuedSession) must fail, not run after the
 * ROLLBACK, outside the transaction and its lock.
 */
function closableSession(inner: SqlSession): { sql: SqlSession; close: () => void } {
  let open = true;
  return {
    sql: {
      query<T>(text: string, params?: unknown[]): Promise<T[]> {
        return open ? inner.query<T>(text, params) : Promise.reject(new Error('the transaction has ended'));
      },
    },
    close: () => {
      open = false;
    },
  };
}
