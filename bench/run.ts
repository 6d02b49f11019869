/**
 * `npm run bench`: the ledger against the cheapest way to do the same writes, on the same
 * database and table, in the same run. Prints absolute figures, the ratio ours/baseline and
 * whether it meets its target. PostgreSQL when DATABASE_URL is set, else the embedded PGlite in a
 * temporary folder; `--store=embedded|postgres|both` chooses. Everything talks to 127.0.0.1 only.
 *
 *   npm run bench [-- --store=both] [--quick] [--only=batch,single,http,eligibility,eligibility-single,integrity,reports]
 *   (eligibility-single: of the eligibility comparisons, the single-customer answer only)
 *   npm run bench -- --breakdown     where an append's time goes, instead of the comparisons
 */
import { execFileSync } from 'node:child_process';
import * as os from 'node:os';
import { StoreKind } from '../src/config/ledger-config';
import { BenchService } from './bench-service';
import { Feed } from './feed';
import { printAppendBreakdown } from './append-breakdown';
import { compareEligibility, ELIGIBILITY_FULL, ELIGIBILITY_QUICK } from './eligibility.bench';
import { compareHttpIngest } from './http-ingest';
import { INTEGRITY_FULL, INTEGRITY_QUICK, runIntegrityBenchmarks } from './integrity.bench';
import { benchReports, REPORTS_FULL, REPORTS_QUICK } from './reports.bench';
import { Comparison, describeComparison, formatRate, ratioOf, say, table, verdict } from './stats';
import { Budget, compareBatchAppend, compareSingleAppends } from './store-append';

type Part = 'batch' | 'single' | 'http' | 'eligibility' | 'eligibility-single' | 'integrity' | 'reports';
const PARTS: Part[] = ['batch', 'single', 'http', 'eligibility', 'eligibility-single', 'integrity', 'reports'];

interface Options {
  stores: StoreKind[];
  budget: Budget;
  quick: boolean;
  parts: Part[];
  breakdown: boolean;
}

const FULL: Budget = { repetitions: 5, windowMs: 1500, batchesPerRepetition: 4 };
const QUICK: Budget = { repetitions: 3, windowMs: 600, batchesPerRepetition: 2 };

function parseOptions(args: string[], databaseUrl: string | undefined): Options {
  let store = databaseUrl ? 'postgres' : 'embedded';
  let budget = FULL;
  let quick = false;
  let parts = PARTS;
  let breakdown = false;
  for (const arg of args) {
    const [name, value] = arg.split('=', 2) as [string, string | undefined];
    if (name === '--store' && value && ['embedded', 'postgres', 'both'].includes(value)) store = value;
    else if (name === '--quick') {
      budget = QUICK;
      quick = true;
    }
    else if (name === '--only' && value) parts = value.split(',').map((part) => part.trim() as Part);
    else if (name === '--breakdown') breakdown = true;
    else throw new Error(`unknown option ${arg}: use --store=embedded|postgres|both, --quick, --only=${PARTS.join(',')}, --breakdown`);
  }
  if (parts.some((part) => !PARTS.includes(part))) throw new Error(`--only takes ${PARTS.join(',')}`);
  const stores: StoreKind[] = store === 'both' ? ['embedded', 'postgres'] : [store as StoreKind];
  if (stores.includes('postgres')) {
    if (!databaseUrl) throw new Error('--store=postgres needs DATABASE_URL');
    const host = new URL(databaseUrl).hostname;
    if (!['127.0.0.1', 'localhost', '[::1]', ''].includes(host)) throw new Error(`the benchmark talks to 127.0.0.1 only; DATABASE_URL names ${host}`);
  }
  return { stores, budget, quick, parts, breakdown };
}

function describeStore(store: StoreKind, databaseUrl: string | undefined): string {
  if (store === 'embedded') return 'embedded PGlite in a temporary folder (removed afterwards)';
  const url = new URL(databaseUrl!);
  return `PostgreSQL at ${url.hostname}:${url.port || 5432}${url.pathname} (the rows stay: ledger_entries refuses DELETE; use a scratch database)`;
}

async function benchStore(store: StoreKind, options: Options, databaseUrl: string | undefined): Promise<Comparison[]> {
  say(`\n=== ${describeStore(store, databaseUrl)} ===`);
  const service = await BenchService.start(store, databaseUrl);
  const feed = new Feed(service.runId);
  feed.verify();
  const comparisons: Comparison[] = [];
  const report = (comparison: Comparison) => {
    comparisons.push(comparison);
    say(`\n${comparison.name}\n${describeComparison(comparison)}`);
  };
  try {
    if (options.breakdown) {
      await printAppendBreakdown(service, feed);
      return comparisons;
    }
    if (options.parts.includes('batch')) report(await compareBatchAppend(service, feed, options.budget));
    if (options.parts.includes('single')) report(await compareSingleAppends(service, feed, options.budget));
    if (options.parts.includes('http')) for (const comparison of await compareHttpIngest(service, options.budget)) report(comparison);
    const eligibility = options.parts.includes('eligibility') ? 'all' : options.parts.includes('eligibility-single') ? 'single' : undefined;
    if (eligibility) {
      for (const comparison of await compareEligibility(service, options.quick ? ELIGIBILITY_QUICK : ELIGIBILITY_FULL, eligibility === 'single')) report(comparison);
    }
    if (options.parts.includes('integrity')) for (const comparison of await runIntegrityBenchmarks(service, options.quick ? INTEGRITY_QUICK : INTEGRITY_FULL)) report(comparison);
    if (options.parts.includes('reports')) for (const comparison of (await benchReports(service, options.quick ? REPORTS_QUICK : REPORTS_FULL)).comparisons) report(comparison);
  } finally {
    await service.stop();
  }
  return comparisons;
}

async function main(): Promise<void> {
  const databaseUrl = process.env.DATABASE_URL?.trim() || undefined;
  const args = process.argv.slice(2);
  const options = parseOptions(args, databaseUrl);
  const started = performance.now();
  say(`compliance-ledger benchmarks — node ${process.version}, ${os.cpus().length} × ${os.cpus()[0]?.model.trim() ?? 'cpu'}, ${os.platform()} ${os.release()}`);
  say(`code: ${codeVersion()}`);
  say(`command: npm run bench${args.length > 0 ? ` -- ${args.join(' ')}` : ''}${databaseUrl ? '   (DATABASE_URL set)' : ''}`);
  say(`each figure is the median of ${options.budget.repetitions} repetitions after a warm-up; ours and the baseline alternate`);
  say(loadNote('before'));
  const comparisons: Comparison[] = [];
  for (const store of options.stores) comparisons.push(...(await benchStore(store, options, databaseUrl)));

  if (comparisons.length === 0) return;
  say('\n=== summary ===');
  say(
    table([
      ['store', 'comparison', 'ours', 'baseline', 'ours/baseline', 'target', ''],
      ...comparisons.map((comparison) => [
        comparison.store,
        comparison.name,
        formatRate(comparison.ours.eventsPerSecond),
        formatRate(comparison.baseline.eventsPerSecond),
        `${ratioOf(comparison).toFixed(2)}x`,
        `>= ${comparison.target}x`,
        verdict(comparison),
      ]),
    ]),
  );
  say(`\ntotal ${((performance.now() - started) / 1000).toFixed(0)} s; ${loadNote('after')}`);
}

/** The commit measured, and whether src/ or projections/ differed from it. */
function codeVersion(): string {
  try {
    const commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    const changed = execFileSync('git', ['status', '--porcelain', '--', 'src', 'projections'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    return changed ? `${commit} with uncommitted changes in src/ or projections/` : commit;
  } catch {
    return 'unknown (not a git checkout)';
  }
}

/** Other work on the machine skews every figure (ratios less so): say how busy it was. */
function loadNote(when: string): string {
  const [oneMinute] = os.loadavg();
  const busy = oneMinute! > os.cpus().length / 2 ? ' — the machine is busy: figures are unreliable, rerun when it is idle' : '';
  return `load average ${when}: ${oneMinute!.toFixed(2)} on ${os.cpus().length} cpus${busy}`;
}

main().then(
  () => process.exit(0),
  (error: Error) => {
    process.stderr.write(`${error.stack ?? error.message}\n`);
    process.exit(1);
  },
);
