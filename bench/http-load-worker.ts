/**
 * The HTTP load generator, on a thread of its own so that building and sending requests does not
 * run on the servers' event loop. Keep-alive fetch (Node's undici); every event has a fresh id, so
 * every request appends.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { Feed } from './feed';
import { runConcurrently } from './load';
import { Sample } from './stats';

export interface LoadJob {
  url: string;
  authorization?: string;
  kind: 'single' | 'batch';
  concurrency: number;
  durationMs: number;
  /** Unique per job: event ids are `<run>-<prefix><request>-<n>`. */
  prefix: string;
  batchSize: number;
}

export type LoadResult = { ok: true; sample: Sample } | { ok: false; error: string };

const MARKER = '@@request@@';
const feed = new Feed((workerData as { runId: string }).runId);

async function run(job: LoadJob): Promise<Sample> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (job.authorization) headers.authorization = job.authorization;
  const batchTemplate = job.kind === 'batch' ? JSON.stringify(Array.from({ length: job.batchSize }, (_, n) => feed.body(n, MARKER))) : '';
  let requests = 0;
  return runConcurrently(job.concurrency, job.durationMs, async () => {
    const request = requests++;
    const body = job.kind === 'batch' ? batchTemplate.replaceAll(MARKER, `${job.prefix}${request}-`) : JSON.stringify(feed.body(request, job.prefix));
    const response = await fetch(job.url, { method: 'POST', headers, body });
    const text = await response.text();
    if (response.status !== 201) throw new Error(`${job.url} answered ${response.status}: ${text.slice(0, 500)}`);
    return job.kind === 'batch' ? job.batchSize : 1;
  });
}

parentPort!.on('message', (job: LoadJob) => {
  run(job).then(
    (sample) => parentPort!.postMessage({ ok: true, sample } satisfies LoadResult),
    (error: Error) => parentPort!.postMessage({ ok: false, error: error.message } satisfies LoadResult),
  );
});
