/** The SQL the write path runs inside one transaction, on that transaction's connection. */
export interface SqlSession {
  query<T = Record<string, unknown>>(text: string, params?: unknown[]): Promise<T[]>;
}

/** What pg's clients and pools, and the embedded PGlitePool and its clients, all take. */
export interface DriverQueryable {
  query(statement: string | { name?: string; text: string; values?: unknown[] }): Promise<{ rows: unknown[]; command?: string }>;
}

export interface DriverPool extends DriverQueryable {
  connect(): Promise<DriverClient>;
}

export interface DriverClient extends DriverQueryable {
  release(error?: unknown): unknown;
}

/**
 * The service's statement texts are constants, a few hundred at most; past this many, a text is
 * run unprepared rather than kept prepared on every connection (a bug building texts on the fly
 * must not grow the server's memory).
 */
const MAX_PREPARED_STATEMENTS = 1_000;
const statementNames = new Map<string, string>();

/** One name per statement text, the same on every connection of the process. */
function statementName(text: string): string | undefined {
  let name = statementNames.get(text);
  if (!name && statementNames.size < MAX_PREPARED_STATEMENTS) {
    name = `ledger_${statementNames.size + 1}`;
    statementNames.set(text, name);
  }
  return name;
}

/**
 * `client` (a connection, or a pool that lends one per statement), running each statement as a
 * named prepared statement: the server parses and plans it once per connection rather than on
 * every call. The append's statements are wide CTEs over unnested arrays whose planning costs as
 * much as running them for a few events. Only for a fixed set of statement texts: every distinct
 * text stays prepared on its connection.
 */
export function preparedSession(client: DriverQueryable): SqlSession {
  return {
    async query<T>(text: string, params?: unknown[]): Promise<T[]> {
      // Without parameters the simple protocol runs it (several statements at once, VACUUM too).
      const result = await client.query(params && params.length > 0 ? { name: statementName(text), text, values: params } : text);
      return result.rows as T[];
    },
  };
}

/**
 * `session` with its queries queued: each is sent once the one before it has finished, so a caller
 * may ask for its next query before awaiting the last (pg deprecates overlapping queries on a
 * client, and PGlite's single session must not interleave them) and do its own work while the
 * server runs it.
 */
export function queuedSession(session: SqlSession): SqlSession {
  let last: Promise<unknown> = Promise.resolve();
  return {
    query<T>(text: string, params?: unknown[]): Promise<T[]> {
      const result = last.then(() => session.query<T>(text, params));
      // The queue moves on whether or not a query failed; its caller sees the failure.
      last = result.catch(() => undefined);
      return result;
    },
  };
}
