/**
 * Where an append's time goes (`npm run bench -- --breakdown`): the JavaScript phases of a
 * 1,000-event batch timed on their own (validation, fingerprints and commitments, the plan with
 * its leaf hashes), and each statement of the append transaction timed as the ledger runs it —
 * for batches, and for single events from 16 concurrent appenders on one tenant.
 */
import { validateIncomingEvents } from '../src/events/validation';
import { AppendState, planAppend } from '../src/ledger/append/append-plan';
import { prepareEvents } from '../src/ledger/append/prepared-event';
import { KeyMaterial } from '../src/security/key-material';
import { AdvisoryLock, LedgerDatabase } from '../src/store/ledger-database';
import { SqlSession } from '../src/store/sql-session';
import { BenchService } from './bench-service';
import { BENCH_RECORDED_BY, Feed } from './feed';
import { runConcurrently, runSequentially } from './load';
import { BATCH_SIZE, CONCURRENCY } from './store-append';
import { median, say, table } from './stats';

const STATEMENTS: Array<[RegExp, string]> = [
  [/^WITH head AS/, 'SQL: read append state and Merkle right edge'],
  [/INSERT INTO ledger_entries/, 'SQL: insert (entries, vault, subtrees)'],
  [/FROM rm_customers WHERE/, 'SQL: projector reads customers and policies'],
  [/INSERT INTO rm_customers/, 'SQL: projector writes read models'],
];

function statementName(sql: string): string {
  return STATEMENTS.find(([pattern]) => pattern.test(sql))?.[1] ?? `SQL: ${sql.replace(/\s+/g, ' ').slice(0, 40)}`;
}

/** Times every append transaction the ledger runs on `database`, statement by statement, until `stop`. */
class TransactionTimer {
  readonly totals = new Map<string, { ms: number; count: number }>();
  transactions = 0;
  private readonly original: LedgerDatabase['transactionUnder'];

  constructor(private readonly database: LedgerDatabase) {
    this.original = database.transactionUnder;
    const timer = { add: (name: string, ms: number) => this.add(name, ms), original: this.original, count: () => this.transactions++ };
    database.transactionUnder = function timedTransaction<T>(lock: AdvisoryLock, work: (sql: SqlSession) => Promise<T>): Promise<T> {
      const started = performance.now();
      let workEnded = 0;
      timer.count();
      return timer.original
        .call(database, lock, async (sql: SqlSession) => {
          timer.add('BEGIN and tenant lock (pool checkout, one round trip)', performance.now() - started);
          // JavaScript between statements is charged to the append until its insert has run,
          // then to the inline read-model projector (which runs after it, DESIGN.md invariant 5).
          let phase = 'JS: plan, leaf hashes, Merkle, vault';
          let lastMark = performance.now();
          const timed: SqlSession = {
            async query<R>(text: string, params?: unknown[]): Promise<R[]> {
              const before = performance.now();
              timer.add(phase, before - lastMark);
              try {
                return await sql.query<R>(text, params);
              } finally {
                lastMark = performance.now();
                timer.add(statementName(text), lastMark - before);
                if (/INSERT INTO ledger_entries/.test(text)) phase = 'JS: read-model projector (folds, eligibility)';
              }
            },
          };
          const result = await work(timed);
          workEnded = performance.now();
          timer.add(phase, workEnded - lastMark);
          return result;
        })
        .finally(() => timer.add('COMMIT', performance.now() - workEnded)) as Promise<T>;
    } as LedgerDatabase['transactionUnder'];
  }

  add(name: string, ms: number): void {
    const total = this.totals.get(name) ?? { ms: 0, count: 0 };
    total.ms += ms;
    total.count++;
    this.totals.set(name, total);
  }

  reset(): void {
    this.totals.clear();
    this.transactions = 0;
  }

  stop(): void {
    this.database.transactionUnder = this.original;
  }
}

function timeIt(repetitions: number, work: () => void): number {
  const durations = Array.from({ length: repetitions }, () => {
    const started = performance.now();
    work();
    return performance.now() - started;
  });
  return median(durations);
}

export async function printAppendBreakdown(service: BenchService, feed: Feed): Promise<void> {
  say(`\n${service.store}: where a 1,000-event batch's time goes (JavaScript phases, each timed alone, median of 10)`);
  const fingerprintKey = service.app.get(KeyMaterial).derive('idempotency-fingerprint');
  const bodies = Array.from({ length: BATCH_SIZE }, (_, n) => feed.body(n, 'breakdown-'));
  const events = feed.newEvents(0, BATCH_SIZE, 'breakdown-');
  const prepared = prepareEvents(events, fingerprintKey);
  const state: AppendState = { size: 1_000_000, lastRecordedAt: null, now: new Date().toISOString(), known: new Map(), lastSequenceBySubject: new Map(), policyVersions: new Map(), erasedCustomers: new Set() };
  const jsPhases = [
    ['HTTP only: validateIncomingEvents', timeIt(10, () => validateIncomingEvents(bodies, { now: new Date(), batch: true }))],
    ['prepareEvents (fingerprint HMAC of JCS, PII commitment)', timeIt(10, () => prepareEvents(events, fingerprintKey))],
    ['planAppend (leaf hash: SHA-256 of JCS, bookkeeping)', timeIt(10, () => planAppend('bench-tenant', state, [{ recordedBy: BENCH_RECORDED_BY, events: prepared }]))],
    ['JSON.stringify of the same events (for scale)', timeIt(10, () => events.map((event) => JSON.stringify(event)))],
  ] as const;
  say(table([['phase', 'ms per 1,000 events'], ...jsPhases.map(([name, ms]) => [name, ms.toFixed(1)])]));

  const timer = new TransactionTimer(service.database);
  try {
    const tenant = await service.createTenant('breakdown-batch');
    let next = 0;
    const batch = () => feed.newEvents((next += BATCH_SIZE) - BATCH_SIZE, BATCH_SIZE, 'bd-');
    await service.log.append(tenant, BENCH_RECORDED_BY, batch());
    timer.reset();
    const batches = 5;
    const sample = await runSequentially(batches, async () => (await service.log.append(tenant, BENCH_RECORDED_BY, batch())).ok ? BATCH_SIZE : 0);
    say(`\n${service.store}: TenantLog.append of a 1,000-event batch, ${(sample.elapsedMs / batches).toFixed(1)} ms each (mean of ${batches}); the transaction:`);
    say(breakdownTable(timer, batches, 'ms per batch', 1));

    const single = await service.createTenant('breakdown-single');
    timer.reset();
    const singles = await runConcurrently(CONCURRENCY, 1500, async () => ((await service.log.append(single, BENCH_RECORDED_BY, [feed.newEvent(next++, 'bd-')])).ok ? 1 : 0));
    const perTransaction = singles.events / timer.transactions;
    say(
      `\n${service.store}: single events, ${CONCURRENCY} concurrent appenders on one tenant: ${Math.round((singles.events / singles.elapsedMs) * 1000)} ev/s, ` +
        `${timer.transactions} transactions, ${perTransaction.toFixed(1)} events each; per transaction:`,
    );
    say(breakdownTable(timer, timer.transactions, 'µs per transaction', 1000));
  } finally {
    timer.stop();
  }
}

function breakdownTable(timer: TransactionTimer, per: number, unit: string, scale: number): string {
  const rows = [...timer.totals].map(([name, total]) => [name, ((total.ms / per) * scale).toFixed(scale === 1 ? 1 : 0), name.startsWith('JS') ? '' : String(total.count)]);
  const sum = [...timer.totals.values()].reduce((all, total) => all + total.ms, 0);
  return table([['step', unit, 'times run'], ...rows, ['total', ((sum / per) * scale).toFixed(scale === 1 ? 1 : 0), '']]);
}
