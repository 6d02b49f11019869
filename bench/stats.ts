/** Medians, percentiles and the one shape every comparison reports in. */

export function median(values: number[]): number {
  return percentile(values, 50);
}

/** Nearest-rank percentile; NaN for no values. */
export function percentile(values: number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))]!;
}

/** One side of a comparison in one repetition: how much work, how long, each operation's latency. */
export interface Sample {
  events: number;
  elapsedMs: number;
  /** Latency of each operation (one append call, one request, one INSERT). */
  latenciesMs: number[];
}

export interface SideSummary {
  label: string;
  eventsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  /** events/s of each repetition, to show the spread behind the median. */
  perRepetition: number[];
}

export function summarize(label: string, samples: Sample[]): SideSummary {
  const rates = samples.map((sample) => (sample.events / sample.elapsedMs) * 1000);
  const latencies = samples.flatMap((sample) => sample.latenciesMs);
  return { label, eventsPerSecond: median(rates), p50Ms: percentile(latencies, 50), p99Ms: percentile(latencies, 99), perRepetition: rates };
}

export interface Comparison {
  store: string;
  name: string;
  ours: SideSummary;
  baseline: SideSummary;
  /** Variants of ours reported for information; the target is judged on `ours`. */
  extra?: SideSummary[];
  target: number;
  note?: string;
}

export function ratioOf(comparison: Comparison): number {
  return comparison.ours.eventsPerSecond / comparison.baseline.eventsPerSecond;
}

export function verdict(comparison: Comparison): 'PASS' | 'MISS' {
  return ratioOf(comparison) >= comparison.target ? 'PASS' : 'MISS';
}

export function formatRate(eventsPerSecond: number): string {
  return `${Math.round(eventsPerSecond).toLocaleString('en-US')} ev/s`;
}

export function formatMs(ms: number): string {
  if (!Number.isFinite(ms)) return '-';
  return ms >= 100 ? `${ms.toFixed(0)} ms` : ms >= 10 ? `${ms.toFixed(1)} ms` : `${ms.toFixed(2)} ms`;
}

export function say(line = ''): void {
  process.stdout.write(`${line}\n`);
}

/** A plain-text table, columns padded to their widest cell; the first row is the header. */
export function table(rows: string[][]): string {
  const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => (row[column] ?? '').length)));
  const line = (row: string[]) => row.map((cell, column) => cell.padEnd(widths[column]!)).join('  ').trimEnd();
  return [line(rows[0]!), widths.map((width) => '-'.repeat(width)).join('  '), ...rows.slice(1).map(line)].join('\n');
}

export function describeComparison(comparison: Comparison): string {
  const sides = [comparison.ours, ...(comparison.extra ?? []), comparison.baseline];
  const rows = [
    ['', 'median', 'p50', 'p99', 'repetitions (ev/s)'],
    ...sides.map((side) => [
      side.label,
      formatRate(side.eventsPerSecond),
      formatMs(side.p50Ms),
      formatMs(side.p99Ms),
      side.perRepetition.map((rate) => Math.round(rate)).join(' / '),
    ]),
  ];
  const ratio = ratioOf(comparison);
  const result = `ratio ours/baseline ${ratio.toFixed(2)}x   target >= ${comparison.target}x   ${verdict(comparison)}`;
  return [table(rows), result, ...(comparison.note ? [comparison.note] : [])].join('\n');
}
