/**
 * Eligibility and read models against the cheapest way to read the same rows, on the same
 * database and tables, in the same run (wired into `npm run bench` by bench/run.ts):
 *
 * - single-customer eligibility over HTTP (the real app, a real auditor key, 16 concurrent
 *   clients) against a bare Fastify route doing the same primary-key SELECT on `rm_customers`;
 * - a campaign check of 100,000 ids over HTTP against the raw `unnest … LEFT JOIN rm_customers`;
 * - a rebuild of the tenant's read models (1M events) against a raw keyset scan of `ledger_entries`.
 *
 * One tenant is seeded with synthetic customers through `TenantLog.append` in 1,000-event batches
 * (the seeding rate is printed too). HTTP load comes from a worker thread running this same file
 * from the build (dist/bench), so building requests and parsing answers does not run on the
 * servers' event loop.
 */
import Fastify, { FastifyInstance } from 'fastify';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { validateIncomingEvents } from '../src/events/validation';
import type { NewEvent } from '../src/ledger/append/prepared-event';
import { ReadModelProjector } from '../src/read-models/read-model-projector';
import { ReadModelRebuild } from '../src/read-models/read-model-rebuild';
import { rawPool, RawPool } from './baseline-sql';
import type { BenchService } from './bench-service';
import { runConcurrently } from './load';
import { Comparison, formatMs, Sample, say, summarize } from './stats';

export interface EligibilityBudget {
  customers: number;
  eventsPerCustomer: number;
  repetitions: number;
  /** How long one side of the single-customer comparison runs in one repetition. */
  windowMs: number;
  /** Rebuilds take long: each side runs this many times. */
  rebuildRepetitions: number;
}

/** 100,000 customers × 10 events: the 1M-event rebuild and the 100,000-id campaign of the targets. */
export const ELIGIBILITY_FULL: EligibilityBudget = { customers: 100_000, eventsPerCustomer: 10, repetitions: 5, windowMs: 1500, rebuildRepetitions: 1 };
export const ELIGIBILITY_QUICK: EligibilityBudget = { customers: 20_000, eventsPerCustomer: 5, repetitions: 3, windowMs: 600, rebuildRepetitions: 1 };

export const ELIGIBILITY_CONCURRENCY = 16;
const SEED_BATCH = 1000;
const CAMPAIGN_SIZE = 100_000;
const REBUILD_PAGE = 5000;
/**
 * The single-customer answer's p99 target, judged apart from the throughput ratio, on requests
 * sent one at a time: at 16 concurrent requests a latency is mostly queueing (Little's law: 16
 * requests in flight at 1,000 answers/s wait 16 ms on average, the bare route's included), which
 * says nothing about what one answer costs.
 */
export const P99_TARGET_MS = 5;

const RECORDED_BY = { keyId: 'key_bench_eligibility', role: 'emitter', label: 'npm run bench (eligibility)' } as const;

/**
 * Runs the three comparisons (or, `singleOnly`, the single-customer one) on a tenant of its own
 * and returns them for the summary; prints each as it finishes, with the p99 target of the
 * single-customer answer judged separately.
 */
export async function compareEligibility(service: BenchService, budget: EligibilityBudget = ELIGIBILITY_FULL, singleOnly = false): Promise<Comparison[]> {
  const tenantId = await service.createTenant('eligibility');
  const seeded = await seedCustomers(service, tenantId, budget);
  say(
    `\neligibility: seeded ${seeded.events.toLocaleString('en-US')} events for ${budget.customers.toLocaleString('en-US')} customers through TenantLog.append ` +
      `in ${SEED_BATCH}-event batches: ${(seeded.seconds).toFixed(1)} s, ${Math.round(seeded.events / seeded.seconds).toLocaleString('en-US')} ev/s`,
  );
  const auditorKey = (await service.registry.createKey(tenantId, 'auditor', 'npm run bench (eligibility)')).key;
  const pool = rawPool(service.database);
  const bare = await BareEligibilityServer.start(pool, tenantId);
  const load = new EligibilityLoad();
  const comparisons: Comparison[] = [];
  try {
    comparisons.push(await compareSingle(service, budget, load, bare, `Bearer ${auditorKey}`));
    if (singleOnly) return comparisons;
    comparisons.push(await compareCampaign(service, tenantId, budget, load, pool, `Bearer ${auditorKey}`));
    const rebuild = new ReadModelRebuild(service.database, new ReadModelProjector());
    comparisons.push(await compareRebuild(service, tenantId, budget, seeded.events, () => rebuild.rebuild(tenantId), pool));
  } finally {
    await load.stop();
    await bare.stop();
  }
  return comparisons;
}

// ————— the synthetic customers —————

const crm = { type: 'crm-system', id: 'vinsolutions' };

/**
 * Event `round` of customer `customer`: a registration (with PII), then a sale, a consent, contacts,
 * a listing or a withdrawal for some, an inquiry. Half the customers are in Ontario, half in New
 * York; every event is valid (the first customer's are checked against the validator).
 */
function syntheticEvent(runId: string, customer: number, round: number, baseTime: number): NewEvent {
  const subject = `c-${customer}`;
  const time = new Date(baseTime + round * 30 * 86_400_000 + (customer % 86_400) * 1000).toISOString();
  const inUs = customer % 2 === 1;
  const event = (type: NewEvent['type'], data: Record<string, unknown>): NewEvent => ({ id: `${runId}-elig-${customer}-${round}`, source: 'urn:crm:bench:eligibility', type, subject, time, data: { actor: crm, ...data } });
  const contact = (channel: string, purpose: string, automated = false) =>
    event('contact.attempted', { channel, purpose, campaignId: `campaign-${round}`, messageRef: `m-${customer}-${round}`, outcome: 'delivered', ...(automated ? { automated } : {}) });
  switch (round % 10) {
    case 0:
      return event('customer.registered', {
        jurisdiction: inUs ? { country: 'US', region: 'NY' } : { country: 'CA', region: 'ON' },
        timezone: inUs ? 'America/New_York' : 'America/Toronto',
        pii: { name: 'Jordan Lee', email: `jordan.lee.${customer}@example.com` },
      });
    case 1:
      return event('relationship.recorded', { kind: 'sale', paymentType: 'finance', contractEndsAt: '2031-03-01T05:00:00.000Z', reference: `deal-${customer}` });
    case 2:
      return event('consent.granted', { channel: 'email', purpose: 'all', kind: 'express', evidence: { method: 'web-form', reference: `form-${customer}` }, expiresAt: '2029-03-01T05:00:00.000Z' });
    case 3:
      return contact('email', 'service');
    case 4:
      return customer % 5 === 0 ? event('dnc.listed', { registry: 'national' }) : contact('voice', 'sales');
    case 5:
      return contact('sms', 'marketing', true);
    case 6:
      return customer % 3 === 0 ? event('consent.withdrawn', { channel: 'sms', purpose: 'marketing', method: 'reply-stop' }) : event('relationship.recorded', { kind: 'repair-order' });
    case 7:
    case 9:
      return contact('email', 'marketing');
    default:
      return event('relationship.recorded', { kind: 'inquiry' });
  }
}

/** `budget.customers` customers of `budget.eventsPerCustomer` events each, after one tenant policy; also used to profile. */
export async function seedCustomers(service: BenchService, tenantId: string, budget: EligibilityBudget): Promise<{ events: number; seconds: number }> {
  const baseTime = Date.now() - (budget.eventsPerCustomer * 30 + 2) * 86_400_000;
  const sample = Array.from({ length: budget.eventsPerCustomer }, (_, round) => syntheticEvent(service.runId, 0, round, baseTime));
  const checked = validateIncomingEvents(
    sample.map((event) => ({ specversion: '1.0', ...event })),
    { now: new Date(), batch: true },
  );
  if (!checked.ok) throw new Error(`the synthetic customers do not validate: ${JSON.stringify(checked.problems.slice(0, 3))}`);

  const started = performance.now();
  const append = async (events: NewEvent[]) => {
    const outcome = await service.log.append(tenantId, RECORDED_BY, events);
    if (!outcome.ok) throw new Error(`the ledger refused a seeding batch: ${JSON.stringify(outcome.problem.toJSON())}`);
  };
  await append([
    {
      id: `${service.runId}-policy`,
      source: 'urn:crm:bench:eligibility',
      type: 'policy.adopted',
      subject: 'dealer-crm',
      time: new Date(baseTime - 86_400_000).toISOString(),
      data: {
        actor: { type: 'dealer-user', id: 'principal', role: 'dealer-principal' },
        name: 'Dealer CRM windows',
        version: 1,
        rules: { windows: { 'sale.cash': 'P25M', sale: 'P13M', payment: 'P13M', 'repair-order': 'P25M', 'showroom-visit': 'P13M', inquiry: 'P90D' }, appliesTo: { purposes: ['marketing', 'sales'] } },
      },
    },
  ]);
  // Round by round, so each batch touches a thousand customers, as a CRM feed does.
  let events = 1;
  let batch: NewEvent[] = [];
  for (let round = 0; round < budget.eventsPerCustomer; round++) {
    for (let customer = 0; customer < budget.customers; customer++) {
      batch.push(syntheticEvent(service.runId, customer, round, baseTime));
      if (batch.length === SEED_BATCH) {
        await append(batch);
        events += batch.length;
        batch = [];
      }
    }
  }
  if (batch.length > 0) {
    await append(batch);
    events += batch.length;
  }
  return { events, seconds: (performance.now() - started) / 1000 };
}

// ————— single-customer eligibility —————

/** The baseline: bare Fastify, the same primary-key SELECT on `rm_customers`, the row as JSON. */
class BareEligibilityServer {
  private constructor(private readonly fastify: FastifyInstance) {}

  get baseUrl(): string {
    const { port } = this.fastify.server.address() as { port: number };
    return `http://127.0.0.1:${port}`;
  }

  static async start(pool: RawPool, tenantId: string): Promise<BareEligibilityServer> {
    const fastify = Fastify({ logger: false });
    fastify.get('/v1/customers/:customerId/eligibility', async (request) => {
      const { customerId } = request.params as { customerId: string };
      const result = (await pool.query('SELECT customer_id, facts FROM rm_customers WHERE tenant_id = $1 AND customer_id = $2', [tenantId, customerId])) as { rows: unknown[] };
      return result.rows[0] ?? null;
    });
    await fastify.listen({ port: 0, host: '127.0.0.1' });
    return new BareEligibilityServer(fastify);
  }

  async stop(): Promise<void> {
    await this.fastify.close();
  }
}

async function compareSingle(service: BenchService, budget: EligibilityBudget, load: EligibilityLoad, bare: BareEligibilityServer, authorization: string): Promise<Comparison> {
  const query = '?channel=email&purpose=marketing';
  const sideAt = (baseUrl: string, withKey: boolean) => (durationMs: number, concurrency: number) =>
    load.run({ kind: 'single', baseUrl, query, authorization: withKey ? authorization : undefined, customers: budget.customers, concurrency, durationMs });
  const oursAt = sideAt(service.baseUrl, true);
  const baselineAt = sideAt(bare.baseUrl, false);
  const ours = (durationMs: number) => oursAt(durationMs, ELIGIBILITY_CONCURRENCY);
  const baseline = (durationMs: number) => baselineAt(durationMs, ELIGIBILITY_CONCURRENCY);
  const warmUp = Math.min(1000, budget.windowMs);
  await ours(warmUp);
  await baseline(warmUp);
  const [oursSamples, baselineSamples] = await alternate(budget.repetitions, [() => ours(budget.windowMs), () => baseline(budget.windowMs)]);
  const comparison: Comparison = {
    store: service.store,
    name: `eligibility: one customer over HTTP, ${ELIGIBILITY_CONCURRENCY} concurrent`,
    ours: summarize('app GET …/eligibility', oursSamples),
    baseline: summarize('bare Fastify + pk SELECT', baselineSamples),
    target: 0.5,
  };
  // Latency, one request at a time: what a CRM asking before each message waits.
  const oneAtATime = (run: (durationMs: number, concurrency: number) => Promise<Sample>) => run(budget.windowMs, 1);
  const [[oursAlone], [bareAlone]] = await alternate(1, [() => oneAtATime(oursAt), () => oneAtATime(baselineAt)]);
  const alone = summarize('ours, one at a time', [oursAlone!]);
  const bareAloneSummary = summarize('bare, one at a time', [bareAlone!]);
  comparison.note =
    `answers/s (the ev/s column); keep-alive fetch from a worker thread; random customers of ${budget.customers.toLocaleString('en-US')}; ` +
    `${budget.repetitions} × ${budget.windowMs} ms a side\n` +
    `one request at a time: ours p50 ${formatMs(alone.p50Ms)} p99 ${formatMs(alone.p99Ms)}, bare route p50 ${formatMs(bareAloneSummary.p50Ms)} p99 ${formatMs(bareAloneSummary.p99Ms)}\n` +
    `p99 of ours, one at a time ${formatMs(alone.p99Ms)}   target <= ${P99_TARGET_MS} ms   ${alone.p99Ms <= P99_TARGET_MS ? 'PASS' : 'MISS'}`;
  return comparison;
}

// ————— campaign check —————

async function compareCampaign(
  service: BenchService,
  tenantId: string,
  budget: EligibilityBudget,
  load: EligibilityLoad,
  pool: RawPool,
  authorization: string,
): Promise<Comparison> {
  // Every id once, known ones first in a shuffled order, padded with unknown ids up to 100,000.
  const customerIds = shuffled(Array.from({ length: CAMPAIGN_SIZE }, (_, index) => (index < budget.customers ? `c-${index}` : `unknown-${index}`)));
  const ours = () => load.run({ kind: 'campaign', baseUrl: service.baseUrl, authorization, customerIds });
  const baseline = async (): Promise<Sample> => {
    const started = performance.now();
    const result = (await pool.query(
      `SELECT u.customer_id, c.facts FROM unnest($2::text[]) WITH ORDINALITY AS u(customer_id, position)
         LEFT JOIN rm_customers c ON c.tenant_id = $1 AND c.customer_id = u.customer_id ORDER BY u.position`,
      [tenantId, customerIds],
    )) as { rows: unknown[] };
    const elapsedMs = performance.now() - started;
    if (result.rows.length !== CAMPAIGN_SIZE) throw new Error(`the raw campaign query returned ${result.rows.length} rows`);
    return { events: CAMPAIGN_SIZE, elapsedMs, latenciesMs: [elapsedMs] };
  };
  await ours();
  await baseline();
  const [oursSamples, baselineSamples] = await alternate(budget.repetitions, [ours, baseline]);
  return {
    store: service.store,
    name: `eligibility: campaign check of ${CAMPAIGN_SIZE.toLocaleString('en-US')} ids`,
    ours: summarize('app POST /v1/eligibility/check', oursSamples),
    baseline: summarize('raw unnest … LEFT JOIN rm_customers', baselineSamples),
    target: 0.5,
    note: `ids/s (the ev/s column); target: at most 2× the raw query's time; p50/p99 = one whole check; ${budget.repetitions} checks a side, ${Math.min(budget.customers, CAMPAIGN_SIZE).toLocaleString('en-US')} known ids`,
  };
}

// ————— rebuild —————

async function compareRebuild(
  service: BenchService,
  tenantId: string,
  budget: EligibilityBudget,
  events: number,
  rebuild: () => Promise<number>,
  pool: RawPool,
): Promise<Comparison> {
  const ours = async (): Promise<Sample> => {
    const started = performance.now();
    const replayed = await rebuild();
    if (replayed !== events) throw new Error(`the rebuild replayed ${replayed} entries, not ${events}`);
    const elapsedMs = performance.now() - started;
    return { events, elapsedMs, latenciesMs: [elapsedMs] };
  };
  // The baseline reads the same rows the rebuild reads, page by page. Sequences are dense, so a page
  // is bounded on both sides, as LogReader bounds it: PGlite's statistics go stale (no autovacuum)
  // and an open-ended `sequence > $2` may then sort the rest of the log for every page.
  const baseline = async (): Promise<Sample> => {
    const started = performance.now();
    let read = 0;
    for (let after = -1; ; ) {
      const result = (await pool.query(
        `SELECT sequence, event_id, source, type, subject, time, recorded_at, recorded_by, prev_subject_sequence, data, leaf_hash
           FROM ledger_entries WHERE tenant_id = $1 AND sequence > $2 AND sequence <= $2 + $3 ORDER BY sequence LIMIT $3`,
        [tenantId, after, REBUILD_PAGE],
      )) as { rows: Array<{ sequence: string }> };
      read += result.rows.length;
      if (result.rows.length < REBUILD_PAGE) break;
      after = Number(result.rows[result.rows.length - 1]!.sequence);
    }
    if (read !== events) throw new Error(`the keyset scan read ${read} entries, not ${events}`);
    const elapsedMs = performance.now() - started;
    return { events, elapsedMs, latenciesMs: [elapsedMs] };
  };
  const [oursSamples, baselineSamples] = await alternate(budget.rebuildRepetitions, [ours, baseline]);
  return {
    store: service.store,
    name: `read models: rebuild of ${events.toLocaleString('en-US')} events`,
    ours: summarize('ReadModelRebuild.rebuild', oursSamples),
    baseline: summarize(`raw keyset scan, ${REBUILD_PAGE}-row pages`, baselineSamples),
    target: 0.25,
    note: `events replayed/s; one tenant, ${budget.customers.toLocaleString('en-US')} customers; ${budget.rebuildRepetitions} run(s) a side`,
  };
}

// ————— helpers —————

/** Runs `sides` in turn, `repetitions` times, rotating who goes first so drift is shared. */
async function alternate(repetitions: number, sides: Array<() => Promise<Sample>>): Promise<Sample[][]> {
  const samples: Sample[][] = sides.map(() => []);
  for (let repetition = 0; repetition < repetitions; repetition++) {
    for (let turn = 0; turn < sides.length; turn++) {
      const side = (turn + repetition) % sides.length;
      samples[side]!.push(await sides[side]!());
    }
  }
  return samples;
}

/** A fixed permutation (a linear congruential generator), so every run asks the same questions. */
function shuffled<T>(items: T[]): T[] {
  let state = 42;
  const next = () => (state = (Math.imul(state, 1_664_525) + 1_013_904_223) >>> 0);
  for (let index = items.length - 1; index > 0; index--) {
    const other = next() % (index + 1);
    [items[index], items[other]] = [items[other]!, items[index]!];
  }
  return items;
}

// ————— the load generator, on a worker thread running this file —————

type LoadJob =
  | { kind: 'single'; baseUrl: string; query: string; authorization?: string; customers: number; concurrency: number; durationMs: number }
  | { kind: 'campaign'; baseUrl: string; authorization: string; customerIds: string[] };

type LoadResult = { ok: true; sample: Sample } | { ok: false; error: string };

class EligibilityLoad {
  private readonly worker = new Worker(__filename, { workerData: { eligibilityLoad: true } });

  run(job: LoadJob): Promise<Sample> {
    return new Promise((resolve, reject) => {
      const onError = (error: Error) => reject(error);
      this.worker.once('error', onError);
      this.worker.once('message', (result: LoadResult) => {
        this.worker.off('error', onError);
        if (result.ok) resolve(result.sample);
        else reject(new Error(result.error));
      });
      this.worker.postMessage(job);
    });
  }

  async stop(): Promise<void> {
    await this.worker.terminate();
  }
}

async function runLoad(job: LoadJob): Promise<Sample> {
  if (job.kind === 'campaign') {
    const body = JSON.stringify({ channel: 'email', purpose: 'marketing', customerIds: job.customerIds });
    const started = performance.now();
    const response = await fetch(`${job.baseUrl}/v1/eligibility/check`, { method: 'POST', headers: { authorization: job.authorization, 'content-type': 'application/json' }, body });
    const answer = (await response.json()) as { eligible: string[]; ineligible: unknown[] };
    const elapsedMs = performance.now() - started;
    if (response.status !== 200 || answer.eligible.length + answer.ineligible.length !== job.customerIds.length) {
      throw new Error(`the campaign check answered ${response.status}: ${JSON.stringify(answer).slice(0, 500)}`);
    }
    return { events: job.customerIds.length, elapsedMs, latenciesMs: [elapsedMs] };
  }
  const headers: Record<string, string> = job.authorization ? { authorization: job.authorization } : {};
  let state = 7;
  return runConcurrently(job.concurrency, job.durationMs, async () => {
    state = (Math.imul(state, 1_664_525) + 1_013_904_223) >>> 0;
    const response = await fetch(`${job.baseUrl}/v1/customers/c-${state % job.customers}/eligibility${job.query}`, { headers });
    const text = await response.text();
    if (response.status !== 200) throw new Error(`${job.baseUrl} answered ${response.status}: ${text.slice(0, 500)}`);
    return 1;
  });
}

if (!isMainThread && (workerData as { eligibilityLoad?: boolean } | null)?.eligibilityLoad) {
  parentPort!.on('message', (job: LoadJob) => {
    runLoad(job).then(
      (sample) => parentPort!.postMessage({ ok: true, sample } satisfies LoadResult),
      (error: Error) => parentPort!.postMessage({ ok: false, error: error.message } satisfies LoadResult),
    );
  });
}
