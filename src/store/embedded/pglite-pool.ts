import { EventEmitter } from 'node:events';
import type { PGlite, Results } from '@electric-sql/pglite';
import { PGlitePreparedStatements } from './pglite-prepared-statements';

type ConnectCallback = (error: Error | undefined, client?: PGliteClient, release?: (error?: unknown) => void) => void;

interface PgLikeResult {
  rows: unknown[];
  rowCount: number | null;
  command: string | undefined;
  fields: Results['fields'];
}

/**
 * A `pg.Pool` look-alike over one PGlite instance, so TypeORM and our SQL use the embedded
 * database exactly as they use PostgreSQL. PGlite is a single session: clients sharing it would
 * interleave their transactions (typeorm-pglite lost committed rows that way, DESIGN.md), so each
 * checkout has the instance to itself until it is released, and the next waits its turn.
 */
export class PGlitePool extends EventEmitter {
  private holder: PGliteClient | undefined;
  private readonly waiting: Array<(client: PGliteClient) => void> = [];
  private ended = false;
  private readonly statements: PGlitePreparedStatements;

  constructor(private readonly db: PGlite) {
    super();
    this.statements = new PGlitePreparedStatements(db);
  }

  connect(): Promise<PGliteClient>;
  connect(callback: ConnectCallback): void;
  connect(callback?: ConnectCallback): Promise<PGliteClient> | void {
    const checkout = this.checkout();
    if (!callback) return checkout;
    checkout.then(
      (client) => callback(undefined, client, (error) => client.release(error)),
      (error: Error) => callback(error),
    );
  }

  async query(statement: string | { name?: string; text: string; values?: unknown[] }, params?: unknown[]): Promise<PgLikeResult> {
    const client = await this.checkout();
    try {
      return await client.query(statement, params);
    } finally {
      await client.release();
    }
  }

  end(callback?: (error?: Error) => void): Promise<void> {
    this.ended = true;
    const done = Promise.resolve();
    if (callback) done.then(() => callback(), callback);
    return done;
  }

  private checkout(): Promise<PGliteClient> {
    if (this.ended) return Promise.reject(new Error('The embedded database pool has been closed'));
    if (!this.holder) {
      this.holder = new PGliteClient(this.db, this.statements, (client) => this.handBack(client));
      return Promise.resolve(this.holder);
    }
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  private handBack(client: PGliteClient): void {
    if (client !== this.holder) return;
    const next = this.waiting.shift();
    this.holder = next ? new PGliteClient(this.db, this.statements, (c) => this.handBack(c)) : undefined;
    if (next && this.holder) next(this.holder);
  }
}

/** One checkout of the instance. Released clients refuse further queries. */
export class PGliteClient extends EventEmitter {
  private released = false;
  private inTransaction = false;

  constructor(
    private readonly db: PGlite,
    private readonly statements: PGlitePreparedStatements,
    private readonly onRelease: (client: PGliteClient) => void,
  ) {
    super();
  }

  /** Takes pg's query config too: a named statement is prepared once, as pg does. */
  async query(statement: string | { name?: string; text: string; values?: unknown[] }, values?: unknown[]): Promise<PgLikeResult> {
    if (this.released) throw new Error('query on a released embedded database client');
    const sql = typeof statement === 'string' ? statement : statement.text;
    const params = typeof statement === 'string' ? values : statement.values;
    const name = typeof statement === 'string' ? undefined : statement.name;
    // Like pg: statements without parameters go through the simple protocol, which accepts several
    // statements at once (migrations rely on it); parameterized ones through the extended protocol.
    const results =
      params && params.length > 0 ? [await (name ? this.statements.query(name, sql, params) : this.db.query(sql, params))] : await this.db.exec(sql);
    const last = results[results.length - 1];
    for (const result of results) this.trackTransaction(result.command);
    return { rows: last?.rows ?? [], rowCount: last?.rowCount ?? last?.affectedRows ?? null, command: last?.command, fields: last?.fields ?? [] };
  }

  async release(_error?: unknown): Promise<void> {
    if (this.released) return;
    this.released = true;
    // A transaction left open by a failed caller must not leak into the next checkout.
    if (this.inTransaction) await this.db.exec('ROLLBACK').catch(() => undefined);
    this.onRelease(this);
  }

  private trackTransaction(command: string | undefined): void {
    if (command === 'BEGIN' || command === 'START TRANSACTION') this.inTransaction = true;
    else if (command === 'COMMIT' || command === 'ROLLBACK') this.inTransaction = false;
  }
}
