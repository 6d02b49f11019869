/**
 * The audit reports (README "Audit reports"), measured on the service's own store:
 *
 * - the consent dossier of a customer with 10,000 entries against the cheapest read of the same
 *   rows (one SELECT on the driver's pool): the report reads them too, folds them, evaluates every
 *   contact and the 24 current answers, and writes JSON; target: no slower than 2× the read;
 * - the violations report over a year of a large dealer (1,000,000 entries by default) with its
 *   memory: peak heap and RSS growth while it runs, next to the same report over a quarter of the
 *   entries — flat means the larger log does not need more memory.
 *
 * The dossier's customer is appended with `TenantLog.append`. The year is inserted in bulk: the
 * rows the ledger would store (real leaf hashes and subject links, `bench/baseline-sql.ts`) and the
 * Merkle nodes over them, 1,000 at a time, so checkpoints and proofs hold; the read models and the
 * idempotency index are not fed, which reports never read. `TenantLog.append` into one tenant
 * measured 1,590 entries/s over the first 10,000 entries and 620/s over 40,000 on PGlite: a
 * million would take hours. The seeding rate is printed.
 *
 * Memory is sampled every second after a forced garbage collection when node runs with
 * `--expose-gc` (live heap, not garbage awaiting collection); otherwise plain samples, and the
 * line says so. Wired into `npm run bench` by `bench/run.ts`; `benchReports` returns the
 * comparisons and the lines it printed.
 */
import type { Channel, EventType, Purpose } from '../projections/events';
import type { NewEvent } from '../src/ledger/append/prepared-event';
import { AuditReports } from '../src/reports/audit-reports';
import { renderReport } from '../src/reports/render/rendered-report';
import { Checkpoints } from '../src/proofs/checkpoints';
import { LogSigner } from '../src/proofs/log-signer';
import { newCompleteSubtrees } from '../src/integrity';
import { SqlSubtreeHashes, subtreesToStore } from '../src/proofs/sql-subtree-hashes';
import { insertUnnest, precomputeRows, rawPool } from './baseline-sql';
import { BenchService } from './bench-service';
import { BENCH_RECORDED_BY } from './feed';
import { Comparison, Sample, say, summarize } from './stats';

export interface ReportsBudget {
  repetitions: number;
  dossierEntries: number;
  /** The violations report's log; a quarter of it is measured too, for the memory comparison. */
  violationsEntries: number;
}

export const REPORTS_FULL: ReportsBudget = { repetitions: 5, dossierEntries: 10_000, violationsEntries: 1_000_000 };
export const REPORTS_QUICK: ReportsBudget = { repetitions: 3, dossierEntries: 10_000, violationsEntries: 100_000 };

export interface ReportsBenchResult {
  comparisons: Comparison[];
  /** The violations report's figures, one line each, for the printout. */
  lines: string[];
}

const BATCH = 1000;
const SOURCE = 'urn:crm:bench:reports';
const YEAR_START = Date.parse('2025-01-01T00:00:00.000Z');
const YEAR_MS = 365 * 86_400_000;
/** A dealer's customers see about fifty entries a year: the violations log has one customer per fifty entries. */
const ENTRIES_PER_CUSTOMER = 50;

export async function benchReports(service: BenchService, budget: ReportsBudget): Promise<ReportsBenchResult> {
  const reports = new AuditReports({
    database: service.database,
    log: service.log,
    registry: service.registry,
    checkpoints: service.app.get(Checkpoints),
    signer: service.app.get(LogSigner),
  });
  const dossier = await compareDossier(service, reports, budget);
  const lines = await measureViolations(service, reports, budget);
  return { comparisons: [dossier], lines };
}

async function compareDossier(service: BenchService, reports: AuditReports, budget: ReportsBudget): Promise<Comparison> {
  const tenant = await service.createTenant('dossier');
  const customerId = 'c-long-history';
  await appendAll(service, tenant, longHistory(customerId, budget.dossierEntries));
  const pool = rawPool(service.database);

  const ours = async (): Promise<Sample> => {
    const started = performance.now();
    const document = await reports.dossier.build(tenant, customerId, { period: { from: null, to: null } });
    await drain(renderReport(document, 'json').body);
    return sample(budget.dossierEntries, performance.now() - started);
  };
  const baseline = async (): Promise<Sample> => {
    const started = performance.now();
    await pool.query(
      `SELECT sequence, event_id, source, type, subject, time, recorded_at, recorded_by, prev_subject_sequence, data, leaf_hash
         FROM ledger_entries WHERE tenant_id = $1 AND subject = $2 ORDER BY sequence`,
      [tenant, customerId],
    );
    return sample(budget.dossierEntries, performance.now() - started);
  };

  // Warm-up: the checkpoint is signed once, the code paths compiled.
  for (let warmUp = 0; warmUp < 2; warmUp++) {
    await ours();
    await baseline();
  }
  const oursSamples: Sample[] = [];
  const baselineSamples: Sample[] = [];
  for (let repetition = 0; repetition < budget.repetitions; repetition++) {
    // Alternate who goes first, so drift is shared.
    if (repetition % 2 === 0) {
      oursSamples.push(await ours());
      baselineSamples.push(await baseline());
    } else {
      baselineSamples.push(await baseline());
      oursSamples.push(await ours());
    }
  }
  return {
    store: service.store,
    name: `reports: dossier of a ${budget.dossierEntries.toLocaleString('en-US')}-entry customer`,
    ours: summarize('dossier built and written as JSON', oursSamples),
    baseline: summarize("raw SELECT of the customer's rows", baselineSamples),
    target: 0.5,
    note: `entries/s = the customer's entries over the whole call; target: at most 2x the raw read's time; ${budget.repetitions} repetitions a side`,
  };
}

async function measureViolations(service: BenchService, reports: AuditReports, budget: ReportsBudget): Promise<string[]> {
  const lines: string[] = [];
  for (const entries of [Math.floor(budget.violationsEntries / 4), budget.violationsEntries]) {
    const tenant = await service.createTenant(`violations-${entries}`);
    const seeding = performance.now();
    await insertInBulk(service, tenant, dealerYear(entries));
    const seededIn = (performance.now() - seeding) / 1000;
    lines.push(`seeded ${entries.toLocaleString('en-US')} entries by bulk INSERT (rows and Merkle nodes, 1,000 at a time) in ${seededIn.toFixed(1)} s`);

    const rawStarted = performance.now();
    const rows = await scanAll(service, tenant);
    const rawSeconds = (performance.now() - rawStarted) / 1000;

    const memory = new MemoryWatch();
    const started = performance.now();
    const document = await reports.violations.build(tenant, { period: { from: '2025-01-01T00:00:00.000Z', to: '2026-01-01T00:00:00.000Z' } });
    const computed = performance.now();
    const bytes = await drain(renderReport(document, 'json').body);
    const seconds = (performance.now() - started) / 1000;
    const peak = memory.stop();
    // Rendering disposes of the spool once the stream ends; awaiting it leaves no file behind when the run exits.
    await document.dispose();
    const totals = document.totals as { contacts: number; violations: number; withinGrace: number; policyBreaches: number; optOuts: number };
    lines.push(
      `violations report over ${entries.toLocaleString('en-US')} entries: ${seconds.toFixed(1)} s (${((computed - started) / 1000).toFixed(1)} s computing, the rest writing ${(bytes / 1e6).toFixed(1)} MB of JSON), ` +
        `${Math.round(entries / seconds).toLocaleString('en-US')} entries/s; a raw keyset scan of the same ${rows.toLocaleString('en-US')} rows takes ${rawSeconds.toFixed(1)} s`,
    );
    lines.push(
      `  ${peak.live ? 'live heap (after forced GC)' : 'heap (no --expose-gc: garbage included)'}: ${megabytes(peak.heapBefore)} before, peak +${megabytes(peak.heapGrowth)}; ` +
        `RSS ${megabytes(peak.rssBefore)} before, peak +${megabytes(peak.rssGrowth)}; ` +
        `${totals.contacts.toLocaleString('en-US')} contacts, ${totals.violations.toLocaleString('en-US')} violations, ${totals.withinGrace.toLocaleString('en-US')} within grace, ` +
        `${totals.policyBreaches.toLocaleString('en-US')} policy breaches, ${totals.optOuts.toLocaleString('en-US')} opt-outs`,
    );
  }
  for (const line of lines) say(line);
  return lines;
}

/** Peak heap and RSS while a report runs. */
class MemoryWatch {
  private readonly gc = (globalThis as { gc?: () => void }).gc;
  private readonly heapBefore: number;
  private readonly rssBefore: number;
  private heapPeak: number;
  private rssPeak: number;
  private readonly timer: NodeJS.Timeout;

  constructor() {
    this.gc?.();
    const { heapUsed, rss } = process.memoryUsage();
    this.heapBefore = this.heapPeak = heapUsed;
    this.rssBefore = this.rssPeak = rss;
    this.timer = setInterval(() => this.sample(), this.gc ? 1000 : 20);
  }

  stop(): { live: boolean; heapBefore: number; heapGrowth: number; rssBefore: number; rssGrowth: number } {
    this.sample();
    clearInterval(this.timer);
    return { live: this.gc !== undefined, heapBefore: this.heapBefore, heapGrowth: this.heapPeak - this.heapBefore, rssBefore: this.rssBefore, rssGrowth: this.rssPeak - this.rssBefore };
  }

  private sample(): void {
    this.gc?.();
    const { heapUsed, rss } = process.memoryUsage();
    this.heapPeak = Math.max(this.heapPeak, heapUsed);
    this.rssPeak = Math.max(this.rssPeak, rss);
  }
}

function megabytes(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(0)} MB`;
}

function sample(events: number, elapsedMs: number): Sample {
  return { events, elapsedMs, latenciesMs: [elapsedMs] };
}

async function drain(body: AsyncIterable<Buffer | string>): Promise<number> {
  let bytes = 0;
  for await (const chunk of body) bytes += chunk.length;
  return bytes;
}

async function appendAll(service: BenchService, tenantId: string, events: Iterable<NewEvent>): Promise<void> {
  let batch: NewEvent[] = [];
  const flush = async () => {
    const outcome = await service.log.append(tenantId, BENCH_RECORDED_BY, batch, true);
    if (!outcome.ok) throw new Error(`the ledger refused a benchmark batch: ${JSON.stringify(outcome.problem.toJSON())}`);
    batch = [];
  };
  for (const event of events) {
    batch.push(event);
    if (batch.length === BATCH) await flush();
  }
  if (batch.length > 0) await flush();
}

/** The rows `TenantLog.append` would store, and the Merkle nodes over them, inserted 1,000 at a time. */
async function insertInBulk(service: BenchService, tenantId: string, events: Iterable<NewEvent>): Promise<void> {
  const pool = rawPool(service.database);
  const tree = new SqlSubtreeHashes(service.database.dataSource.manager, tenantId);
  const lastBySubject = new Map<string, number>();
  let size = 0;
  let batch: NewEvent[] = [];
  const flush = async () => {
    const rows = precomputeRows(tenantId, batch, size, lastBySubject);
    await insertUnnest(pool, tenantId, rows);
    const nodes = subtreesToStore(await newCompleteSubtrees(size, rows.map((row) => row.leafHash), tree));
    await pool.query('INSERT INTO merkle_nodes (tenant_id, level, index, hash) SELECT $1, * FROM unnest($2::smallint[], $3::bigint[], $4::bytea[])', [
      tenantId,
      nodes.map((node) => node.level),
      nodes.map((node) => node.index),
      nodes.map((node) => node.hash),
    ]);
    size += rows.length;
    batch = [];
  };
  for (const event of events) {
    batch.push(event);
    if (batch.length === BATCH) await flush();
  }
  if (batch.length > 0) await flush();
}

/**
 * The rows a report reads, as cheaply as they can be read: keyset pages over the subject index,
 * with sorts forbidden as the report's reader forbids them (without statistics the planner would
 * otherwise sort the whole tenant for every page).
 */
async function scanAll(service: BenchService, tenantId: string): Promise<number> {
  let rows = 0;
  for (let after = { subject: '', sequence: -1 }; ; ) {
    const page: Array<{ subject: string; sequence: string }> = await service.database.transaction(async (manager) => {
      await manager.query('SET LOCAL enable_sort = off');
      return manager.query(
        `SELECT sequence, event_id, source, type, subject, time, recorded_at, recorded_by, prev_subject_sequence, data, leaf_hash
           FROM ledger_entries WHERE tenant_id = $1 AND (subject, sequence) > ($2, $3) ORDER BY subject, sequence LIMIT 2000`,
        [tenantId, after.subject, after.sequence],
      );
    });
    rows += page.length;
    if (page.length < 2000) return rows;
    const last = page[page.length - 1]!;
    after = { subject: last.subject, sequence: Number(last.sequence) };
  }
}

const crm = { type: 'crm-system', id: 'vinsolutions', name: 'VinSolutions' };
const agents = [crm, { type: 'dealer-user', id: 'u-bdc-1', role: 'bdc-agent' }, { type: 'dealer-user', id: 'u-bdc-2', role: 'bdc-agent' }];

function event(n: number, type: EventType, subject: string, time: number, data: Record<string, unknown>, run: string): NewEvent {
  return { id: `${run}-${n}`, source: SOURCE, type, subject, time: new Date(time).toISOString(), data };
}

function contactData(n: number, channel: Channel, purpose: Purpose): Record<string, unknown> {
  return { actor: agents[n % agents.length], channel, purpose, campaignId: `campaign-${n % 40}`, outcome: n % 29 === 0 ? 'failed' : 'delivered' };
}

/**
 * One customer over three years: registration, a sale, service visits, consent changes, and
 * contacts for the rest — what a long-time customer accumulates.
 */
function* longHistory(customerId: string, entries: number): Generator<NewEvent> {
  const start = Date.parse('2023-01-01T15:00:00.000Z');
  const step = (3 * YEAR_MS) / entries;
  const run = `dossier-${Date.now()}`;
  for (let n = 0; n < entries; n++) {
    const time = start + Math.floor(n * step);
    if (n === 0) yield event(n, 'customer.registered', customerId, time, { actor: crm, jurisdiction: { country: 'CA', region: 'ON' }, timezone: 'America/Toronto' }, run);
    else if (n === 1) yield event(n, 'relationship.recorded', customerId, time, { actor: crm, kind: 'sale', paymentType: 'finance', contractEndsAt: '2027-01-01T00:00:00.000Z' }, run);
    else if (n % 500 === 0) yield event(n, 'relationship.recorded', customerId, time, { actor: crm, kind: 'repair-order' }, run);
    else if (n % 1500 === 700) yield event(n, 'consent.withdrawn', customerId, time, { actor: { type: 'customer', id: customerId }, channel: 'sms', purpose: 'marketing', method: 'reply-stop' }, run);
    else if (n % 1500 === 1200) yield event(n, 'consent.granted', customerId, time, { actor: crm, channel: 'sms', purpose: 'all', kind: 'express', evidence: { method: 'web-form' } }, run);
    else yield event(n, 'contact.attempted', customerId, time, contactData(n, n % 3 === 0 ? 'sms' : 'email', n % 2 === 0 ? 'marketing' : 'service'), run);
  }
}

/**
 * A year of a large dealer: a retention policy, then customers whose entries are spread over the
 * year and interleaved in the log — registrations in Ontario and New York, sales and repair
 * orders, consents, opt-outs, vendor suppressions, and contacts for the rest.
 */
function* dealerYear(entries: number): Generator<NewEvent> {
  const run = `year-${Date.now()}`;
  const customers = Math.max(1, Math.floor(entries / ENTRIES_PER_CUSTOMER));
  yield event(0, 'policy.adopted', 'retention', YEAR_START, {
    actor: { type: 'dealer-user', id: 'u-principal', role: 'dealer-principal' },
    name: 'Retention',
    version: 1,
    rules: { windows: { sale: 'P13M', 'repair-order': 'P25M', inquiry: 'P90D' }, appliesTo: { channels: ['email', 'sms'], purposes: ['marketing', 'sales'] } },
  }, run);
  for (let n = 1; n < entries; n++) {
    const customer = n % customers;
    const index = Math.floor(n / customers);
    const subject = `c-${String(customer).padStart(7, '0')}`;
    const time = YEAR_START + Math.floor((index / ENTRIES_PER_CUSTOMER) * YEAR_MS) + customer * 1000;
    const newYork = customer % 4 === 0;
    if (index === 0) {
      const where = newYork ? { jurisdiction: { country: 'US', region: 'NY' }, timezone: 'America/New_York' } : { jurisdiction: { country: 'CA', region: 'ON' }, timezone: 'America/Toronto' };
      yield event(n, 'customer.registered', subject, time, { actor: crm, ...where }, run);
    } else if (index === 1) yield event(n, 'relationship.recorded', subject, time, { actor: crm, kind: customer % 2 === 0 ? 'sale' : 'repair-order', ...(customer % 2 === 0 ? { paymentType: 'cash' } : {}) }, run);
    else if (index === 2 && customer % 3 === 0) yield event(n, 'consent.granted', subject, time, { actor: crm, channel: 'email', purpose: 'all', kind: 'express', evidence: { method: 'web-form' } }, run);
    else if (index === 20 && customer % 5 === 0) yield event(n, 'consent.withdrawn', subject, time, { actor: { type: 'customer', id: subject }, channel: 'email', purpose: 'marketing', method: 'unsubscribe-link' }, run);
    else if (index === 30 && customer % 11 === 0) yield event(n, 'consent.withdrawn', subject, time, { actor: crm, channel: 'all', purpose: 'marketing', method: 'vendor-policy' }, run);
    else yield event(n, 'contact.attempted', subject, time, contactData(n, index % 4 === 0 ? 'sms' : 'email', index % 3 === 0 ? 'service' : 'marketing'), run);
  }
}
