/** Rules on timestamps that need more than the field itself: the clock, or the event's own `time`. */
import { parseLedgerTimestamp } from './formats/ledger-timestamp';
import type { FieldProblem } from './validation-result';

/** API.md: `time` more than 5 minutes in the future → 400 (clocks drift; backfills are normal). */
const MAX_FUTURE_SKEW_MS = 5 * 60_000;

const epochMsOf = (value: unknown): number | undefined => {
  const parsed = typeof value === 'string' ? parseLedgerTimestamp(value) : undefined;
  return parsed?.ok ? parsed.epochMs : undefined;
};

/** Malformed timestamps are reported by the DTOs; these rules apply to well-formed ones only. */
export function eventTimeProblems(time: unknown, data: unknown, now: Date): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const timeMs = epochMsOf(time);
  if (timeMs !== undefined && timeMs > now.getTime() + MAX_FUTURE_SKEW_MS) {
    problems.push({ path: 'time', message: 'time must be at most 5 minutes after the time the service received it' });
  }
  const expiresMs = typeof data === 'object' && data !== null ? epochMsOf((data as Record<string, unknown>).expiresAt) : undefined;
  if (timeMs !== undefined && expiresMs !== undefined && expiresMs <= timeMs) {
    problems.push({ path: 'data.expiresAt', message: "expiresAt must be after the event's time" });
  }
  return problems;
}
