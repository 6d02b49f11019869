/**
 * The HTTP baseline: bare Fastify in the same process as the app, on the same database pool.
 * `POST /v1/events` parses JSON (Fastify's own parser) and writes the event, or the batch, to
 * `ledger_entries` with one statement — no authentication, validation, lock, idempotency, vault
 * or leaf hash (a SHA-256 of the event's JSON stands in for it).
 */
import Fastify, { FastifyInstance } from 'fastify';
import { createHash } from 'node:crypto';
import { BENCH_RECORDED_BY } from './feed';
import { LedgerRow, RawPool, insertOne, insertUnnest } from './baseline-sql';

const RECORDED_BY = JSON.stringify(BENCH_RECORDED_BY);

export class BareIngestServer {
  private nextSequence = 0;

  private constructor(private readonly fastify: FastifyInstance) {}

  get baseUrl(): string {
    const { port } = this.fastify.server.address() as { port: number };
    return `http://127.0.0.1:${port}`;
  }

  static async start(pool: RawPool, tenantId: string): Promise<BareIngestServer> {
    const fastify = Fastify({ logger: false, bodyLimit: 16 * 1024 * 1024 });
    const server = new BareIngestServer(fastify);
    fastify.post('/v1/events', async (request, reply) => {
      const body = request.body as Record<string, unknown> | Array<Record<string, unknown>>;
      const recordedAt = new Date().toISOString();
      if (Array.isArray(body)) {
        const rows = body.map((event) => server.rowOf(event, recordedAt));
        await insertUnnest(pool, tenantId, rows);
        reply.code(201);
        return { appended: rows.length, position: rows[rows.length - 1]!.sequence };
      }
      const row = server.rowOf(body, recordedAt);
      await insertOne(pool, tenantId, row);
      reply.code(201);
      return { appended: 1, position: row.sequence };
    });
    await fastify.listen({ port: 0, host: '127.0.0.1' });
    return server;
  }

  async stop(): Promise<void> {
    await this.fastify.close();
  }

  private rowOf(event: Record<string, unknown>, recordedAt: string): LedgerRow {
    return {
      sequence: this.nextSequence++,
      id: String(event.id),
      source: String(event.source),
      type: String(event.type),
      subject: String(event.subject),
      time: String(event.time),
      recordedAt,
      recordedBy: RECORDED_BY,
      prevSubjectSequence: null,
      data: JSON.stringify(event.data),
      leafHash: createHash('sha256').update(JSON.stringify(event)).digest(),
      fingerprint: createHash('sha256').update(JSON.stringify(event.data)).digest(),
    };
  }
}
