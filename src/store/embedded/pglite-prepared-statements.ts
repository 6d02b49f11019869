import { parse, PGlite, protocol, Results } from '@electric-sql/pglite';

const serialize = protocol.serialize;

/**
 * Named prepared statements on a PGlite instance. PGlite's `query` parses, describes and plans
 * its statement on every call, in WebAssembly on the service's one thread; for the wide CTEs of the
 * append and of the proofs that costs several times what running them does. This speaks the
 * extended protocol through PGlite's public `execProtocol` instead: Parse and Describe once per
 * statement, then Bind, Execute and Sync. The instance is one session for its whole life, so a
 * statement stays prepared until it closes.
 */
export class PGlitePreparedStatements {
  /** Parameter type OIDs of each prepared statement, by name. */
  private readonly parameterTypes = new Map<string, number[]>();

  constructor(private readonly db: PGlite) {}

  /** Under PGlite's own query lock, like its `query`: protocol exchanges must not interleave. */
  query(name: string, text: string, values: readonly unknown[]): Promise<Results> {
    return this.db.runExclusive(async () => {
      const types = this.parameterTypes.get(name) ?? (await this.prepare(name, text));
      const serialized = values.map((value, index) => (value === null || value === undefined ? null : this.serializerFor(types[index]!)(value)));
      const { messages } = await this.db.execProtocol(join([serialize.bind({ statement: name, values: serialized }), serialize.describe({ type: 'P' }), serialize.execute({}), serialize.sync()]));
      return parse.parseResults(messages, this.db.parsers)[0]!;
    });
  }

  private async prepare(name: string, text: string): Promise<number[]> {
    const { messages } = await this.db.execProtocol(join([serialize.parse({ name, text }), serialize.describe({ type: 'S', name }), serialize.sync()]));
    const types = parse.parseDescribeStatementResults(messages);
    this.parameterTypes.set(name, types);
    return types;
  }

  /** As PGlite's own `query` turns a parameter into text: its serializer for the type, else toString. */
  private serializerFor(type: number): (value: unknown) => string {
    const serializer = this.db.serializers[type];
    return serializer ? (value) => serializer(value) : (value) => String(value);
  }
}

function join(messages: Uint8Array[]): Uint8Array {
  const joined = new Uint8Array(messages.reduce((length, message) => length + message.length, 0));
  let offset = 0;
  for (const message of messages) {
    joined.set(message, offset);
    offset += message.length;
  }
  return joined;
}
