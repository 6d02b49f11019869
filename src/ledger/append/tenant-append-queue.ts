import { Problem } from '../../common/problem';
import { LogWriter } from './log-writer';
import { RequestOutcome } from './append-plan';
import { AppendRequest } from './prepared-event';

/** Enough to amortize a transaction, small enough to keep one group's latency low. */
const MAX_EVENTS_PER_GROUP = 2_000;

/**
 * Events a tenant may have waiting for their transaction: ten full groups, a few seconds of
 * writing. Past it, appends are refused with 429 rather than queued without bound, which would
 * only grow memory and every waiting client's latency.
 */
export const DEFAULT_MAX_QUEUED_EVENTS = 20_000;

interface Waiting {
  request: AppendRequest;
  resolve: (outcome: RequestOutcome) => void;
  reject: (error: unknown) => void;
}

/**
 * Group commit. A tenant's appends are serialized anyway (one lock, one dense sequence), so
 * requests that arrive while the tenant's previous transaction runs are written together in the
 * next one; each still succeeds or fails on its own (see planAppend). If a group's transaction
 * fails for a reason no single request explains, its requests are retried one by one, so one
 * request cannot sink another.
 */
export class TenantAppendQueue {
  private readonly waiting = new Map<string, Waiting[]>();
  private readonly waitingEvents = new Map<string, number>();
  private readonly draining = new Map<string, Promise<void>>();

  constructor(
    private readonly writer: LogWriter,
    private readonly maxQueuedEvents = DEFAULT_MAX_QUEUED_EVENTS,
  ) {}

  append(tenantId: string, request: AppendRequest): Promise<RequestOutcome> {
    const queued = this.waitingEvents.get(tenantId) ?? 0;
    // A request alone in the queue always goes in, whatever its size (the body limit bounds it).
    if (queued > 0 && queued + request.events.length > this.maxQueuedEvents) {
      return Promise.resolve({ ok: false, problem: new Problem('rate-limited', `The tenant has ${queued} events waiting to be written; retry shortly`) });
    }
    return new Promise((resolve, reject) => {
      const queue = this.waiting.get(tenantId) ?? [];
      queue.push({ request, resolve, reject });
      this.waiting.set(tenantId, queue);
      this.waitingEvents.set(tenantId, queued + request.events.length);
      if (!this.draining.has(tenantId)) this.draining.set(tenantId, this.drain(tenantId));
    });
  }

  /** Resolves once every append accepted so far has been written (graceful shutdown). */
  async idle(): Promise<void> {
    while (this.draining.size > 0) await Promise.all(this.draining.values());
  }

  private async drain(tenantId: string): Promise<void> {
    try {
      for (;;) {
        // One turn of the event loop before taking a group, so that requests already received —
        // and callers answered by the previous group that append again at once — join it. Without
        // it an embedded store, whose queries resolve without I/O, lets no other request in
        // between transactions, and every group holds one request.
        await new Promise((resolve) => setImmediate(resolve));
        const group = this.takeGroup(tenantId);
        if (group.length === 0) return;
        await this.write(tenantId, group);
      }
    } finally {
      // Synchronously after the queue was seen empty: a request queued later starts a new drain.
      this.draining.delete(tenantId);
    }
  }

  private takeGroup(tenantId: string): Waiting[] {
    const queue = this.waiting.get(tenantId) ?? [];
    let events = 0;
    let count = 0;
    while (count < queue.length && (count === 0 || events + queue[count]!.request.events.length <= MAX_EVENTS_PER_GROUP)) {
      events += queue[count]!.request.events.length;
      count++;
    }
    const group = queue.splice(0, count);
    if (queue.length === 0) {
      this.waiting.delete(tenantId);
      this.waitingEvents.delete(tenantId);
    } else {
      this.waitingEvents.set(tenantId, this.waitingEvents.get(tenantId)! - events);
    }
    return group;
  }

  private async write(tenantId: string, group: Waiting[]): Promise<void> {
    try {
      const outcomes = await this.writer.appendGroup(tenantId, group.map((waiting) => waiting.request));
      group.forEach((waiting, index) => waiting.resolve(outcomes[index]!));
    } catch (error) {
      if (group.length === 1) {
        group[0]!.reject(error);
        return;
      }
      for (const waiting of group) await this.write(tenantId, [waiting]);
    }
  }
}
