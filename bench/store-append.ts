/**
 * The log store against raw INSERTs into the same table: 1,000-event batches, and single events
 * from 16 concurrent appenders. Ours is `TenantLog.append` (fingerprint, PII commitment and vault,
 * tenant lock, state read, plan, leaf hashes, one INSERT … unnest, group commit).
 */
import type { RequestOutcome } from '../src/ledger/append/append-plan';
import { BenchService } from './bench-service';
import { LedgerRow, insertOne, insertUnnest, precomputeRows, rawPool } from './baseline-sql';
import { BENCH_RECORDED_BY, Feed } from './feed';
import { runConcurrently, runSequentially } from './load';
import { Comparison, Sample, summarize } from './stats';

export interface Budget {
  repetitions: number;
  /** How long one side runs in one repetition of a concurrent comparison. */
  windowMs: number;
  /** 1,000-event batches per side per repetition. */
  batchesPerRepetition: number;
}

export const BATCH_SIZE = 1000;
export const CONCURRENCY = 16;

function accepted(outcome: RequestOutcome): number {
  if (!outcome.ok) throw new Error(`the ledger refused a benchmark append: ${JSON.stringify(outcome.problem.toJSON())}`);
  return outcome.events.length;
}

/** Runs `sides` in turn, `repetitions` times, rotating who goes first so drift is shared. */
async function alternate(repetitions: number, sides: Array<(repetition: number) => Promise<Sample>>): Promise<Sample[][]> {
  const samples: Sample[][] = sides.map(() => []);
  for (let repetition = 0; repetition < repetitions; repetition++) {
    for (let turn = 0; turn < sides.length; turn++) {
      const side = (turn + repetition) % sides.length;
      samples[side]!.push(await sides[side]!(repetition));
    }
  }
  return samples;
}

export async function compareBatchAppend(service: BenchService, feed: Feed, budget: Budget): Promise<Comparison> {
  const oursTenant = await service.createTenant('batch-ours');
  const baselineTenant = await service.createTenant('batch-raw');
  const pool = rawPool(service.database);
  let oursNext = 0;
  let baselineNext = 0;
  const baselineLinks = new Map<string, number>();

  const ours = async (batches: number): Promise<Sample> => {
    const prepared = Array.from({ length: batches }, () => feed.newEvents((oursNext += BATCH_SIZE) - BATCH_SIZE, BATCH_SIZE, 'bo-'));
    return runSequentially(batches, async (index) => accepted(await service.log.append(oursTenant, BENCH_RECORDED_BY, prepared[index]!)));
  };
  const baseline = async (batches: number): Promise<Sample> => {
    const prepared = Array.from({ length: batches }, () => {
      const first = (baselineNext += BATCH_SIZE) - BATCH_SIZE;
      return precomputeRows(baselineTenant, feed.newEvents(first, BATCH_SIZE, 'br-'), first, baselineLinks);
    });
    return runSequentially(batches, async (index) => {
      await insertUnnest(pool, baselineTenant, prepared[index]!);
      return BATCH_SIZE;
    });
  };

  await ours(2);
  await baseline(2);
  const [oursSamples, baselineSamples] = await alternate(budget.repetitions, [() => ours(budget.batchesPerRepetition), () => baseline(budget.batchesPerRepetition)]);
  return {
    store: service.store,
    name: 'store: 1,000-event batch append',
    ours: summarize('TenantLog.append', oursSamples!),
    baseline: summarize('raw INSERT … unnest', baselineSamples!),
    target: 0.8,
    note: `one batch after another on one tenant each; p50/p99 are per batch; ${budget.repetitions} × ${budget.batchesPerRepetition} batches a side`,
  };
}

export async function compareSingleAppends(service: BenchService, feed: Feed, budget: Budget): Promise<Comparison> {
  const oneTenant = await service.createTenant('single-ours');
  const manyTenants: string[] = [];
  for (let index = 0; index < CONCURRENCY; index++) manyTenants.push(await service.createTenant(`single-ours-${index}`));
  const baselineTenant = await service.createTenant('single-raw');
  const pool = rawPool(service.database);

  // The baseline's rows: real rows of the feed, re-sequenced and re-identified as they are used.
  const templates = precomputeRows(baselineTenant, feed.newEvents(0, 2000, 'template-'), 0, new Map());
  let oursNext = 0;
  let baselineNext = 0;
  const baselineRow = (): LedgerRow => {
    const sequence = baselineNext++;
    return { ...templates[sequence % templates.length]!, sequence, id: `${service.runId}-sr-${sequence}`, prevSubjectSequence: null };
  };

  const oursOn = (tenantOf: (worker: number) => string) => (windowMs: number) =>
    runConcurrently(CONCURRENCY, windowMs, async (worker) => accepted(await service.log.append(tenantOf(worker), BENCH_RECORDED_BY, [feed.newEvent(oursNext++, 'so-')])));
  const oursOneTenant = oursOn(() => oneTenant);
  const oursManyTenants = oursOn((worker) => manyTenants[worker]!);
  const baseline = (windowMs: number) =>
    runConcurrently(CONCURRENCY, windowMs, async () => {
      await insertOne(pool, baselineTenant, baselineRow());
      return 1;
    });

  const warmUp = Math.min(500, budget.windowMs);
  await oursOneTenant(warmUp);
  await oursManyTenants(warmUp);
  await baseline(warmUp);
  const [one, many, raw] = await alternate(budget.repetitions, [() => oursOneTenant(budget.windowMs), () => oursManyTenants(budget.windowMs), () => baseline(budget.windowMs)]);
  return {
    store: service.store,
    name: `store: single appends, ${CONCURRENCY} concurrent`,
    ours: summarize('TenantLog.append, one tenant', one!),
    extra: [summarize(`TenantLog.append, ${CONCURRENCY} tenants`, many!)],
    baseline: summarize('raw INSERT (autocommit)', raw!),
    target: 0.6,
    note: `judged on one tenant (every append serialized on one lock: the honest case); p50/p99 per append; ${budget.repetitions} × ${budget.windowMs} ms a side`,
  };
}
