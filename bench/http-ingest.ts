/**
 * `POST /v1/events` on the real app (authentication, validation, CommandBus, TenantLog) against a
 * bare Fastify route doing the same INSERT into the same table; the load comes from a worker thread.
 */
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import { BareIngestServer } from './bare-ingest-server';
import { rawPool } from './baseline-sql';
import { BenchService } from './bench-service';
import type { LoadJob, LoadResult } from './http-load-worker';
import { Budget, BATCH_SIZE, CONCURRENCY } from './store-append';
import { Comparison, Sample, summarize } from './stats';

/** Batches come from a few bulk importers at once, not sixteen. */
export const BATCH_CONCURRENCY = 4;

class LoadGenerator {
  private readonly worker: Worker;
  private jobs = 0;

  constructor(runId: string) {
    this.worker = new Worker(path.join(__dirname, 'http-load-worker.js'), { workerData: { runId } });
  }

  run(job: Omit<LoadJob, 'prefix' | 'batchSize'>): Promise<Sample> {
    const full: LoadJob = { ...job, prefix: `h${++this.jobs}-`, batchSize: BATCH_SIZE };
    return new Promise((resolve, reject) => {
      const onError = (error: Error) => reject(error);
      this.worker.once('error', onError);
      this.worker.once('message', (result: LoadResult) => {
        this.worker.off('error', onError);
        if (result.ok) resolve(result.sample);
        else reject(new Error(result.error));
      });
      this.worker.postMessage(full);
    });
  }

  async stop(): Promise<void> {
    await this.worker.terminate();
  }
}

export async function compareHttpIngest(service: BenchService, budget: Budget): Promise<Comparison[]> {
  const oursTenant = await service.createTenant('http-ours');
  const authorization = `Bearer ${await service.emitterKey(oursTenant)}`;
  const bare = await BareIngestServer.start(rawPool(service.database), await service.createTenant('http-bare'));
  const load = new LoadGenerator(service.runId);
  try {
    const results: Comparison[] = [];
    for (const kind of ['single', 'batch'] as const) {
      const concurrency = kind === 'single' ? CONCURRENCY : BATCH_CONCURRENCY;
      const ours = (durationMs: number) => load.run({ url: `${service.baseUrl}/v1/events`, authorization, kind, concurrency, durationMs });
      const baseline = (durationMs: number) => load.run({ url: `${bare.baseUrl}/v1/events`, kind, concurrency, durationMs });
      const warmUp = Math.min(kind === 'single' ? 500 : 1000, budget.windowMs);
      await ours(warmUp);
      await baseline(warmUp);
      const oursSamples: Sample[] = [];
      const baselineSamples: Sample[] = [];
      for (let repetition = 0; repetition < budget.repetitions; repetition++) {
        if (repetition % 2 === 0) {
          oursSamples.push(await ours(budget.windowMs));
          baselineSamples.push(await baseline(budget.windowMs));
        } else {
          baselineSamples.push(await baseline(budget.windowMs));
          oursSamples.push(await ours(budget.windowMs));
        }
      }
      results.push({
        store: service.store,
        name: kind === 'single' ? `HTTP: single events, ${concurrency} concurrent` : `HTTP: 1,000-event batches, ${concurrency} concurrent`,
        ours: summarize('app POST /v1/events', oursSamples),
        baseline: summarize('bare Fastify + INSERT', baselineSamples),
        target: kind === 'single' ? 0.6 : 0.7,
        note: `keep-alive fetch from a worker thread; p50/p99 per request; ${budget.repetitions} × ${budget.windowMs} ms a side`,
      });
    }
    return results;
  } finally {
    await load.stop();
    await bare.stop();
  }
}
