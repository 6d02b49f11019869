import { Sample } from './stats';

/**
 * `concurrency` loops, each awaiting `operation` back to back until `durationMs` has passed.
 * The sample's time runs until the last loop's last operation ends; `operation` returns how
 * many events it carried.
 */
export async function runConcurrently(concurrency: number, durationMs: number, operation: (worker: number) => Promise<number>): Promise<Sample> {
  const latenciesMs: number[] = [];
  let events = 0;
  const started = performance.now();
  const deadline = started + durationMs;
  await Promise.all(
    Array.from({ length: concurrency }, async (_, worker) => {
      while (performance.now() < deadline) {
        const before = performance.now();
        // Not `events += await …`: that reads `events` before the await and loses the others' counts.
        const carried = await operation(worker);
        latenciesMs.push(performance.now() - before);
        events += carried;
      }
    }),
  );
  return { events, elapsedMs: performance.now() - started, latenciesMs };
}

/** `count` operations one after another (each timed on its own). */
export async function runSequentially(count: number, operation: (index: number) => Promise<number>): Promise<Sample> {
  const latenciesMs: number[] = [];
  let events = 0;
  let elapsedMs = 0;
  for (let index = 0; index < count; index++) {
    const before = performance.now();
    const carried = await operation(index);
    const took = performance.now() - before;
    events += carried;
    latenciesMs.push(took);
    elapsedMs += took;
  }
  return { events, elapsedMs, latenciesMs };
}
