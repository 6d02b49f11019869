/**
 * Validation and normalization of incoming CloudEvents (API.md "Events"): every problem of every
 * event is reported, and a request is accepted only when all of its events are valid.
 */
import { plainToInstance } from 'class-transformer';
import { validateSync, ValidatorOptions } from 'class-validator';
import { sameIdConflicts, IndexedEvent } from './batch-conflicts';
import { CloudEventDto } from './dto/cloud-event.dto';
import { eventTimeProblems } from './event-time-rules';
import { isJsonObject, scanJsonValues } from './json-value-checks';
import { toIncomingEvent } from './normalize-event';
import { fieldProblems } from './validation-problems';
import type { FieldProblem, IncomingEvent, ValidationResult } from './validation-result';

const VALIDATOR_OPTIONS: ValidatorOptions = {
  whitelist: true,
  forbidNonWhitelisted: true,
  forbidUnknownValues: true,
  validationError: { target: false },
};

/**
 * Validates the events of one request (one event, or a batch) against API.md "Events" and returns
 * them normalized, or every problem of every event. `now` is when the request arrived; `batch`
 * puts each event's position in its problems' `index`.
 */
export function validateIncomingEvents(bodies: unknown[], options: { now: Date; batch: boolean }): ValidationResult {
  if (bodies.length === 0) return { ok: false, problems: [{ path: '', message: 'the batch holds no events' }] };
  const problems: FieldProblem[] = [];
  const accepted: IndexedEvent[] = [];
  bodies.forEach((body, index) => {
    const outcome = validateEvent(body, options.now);
    if (outcome.event) accepted.push({ index, event: outcome.event });
    problems.push(...outcome.problems.map((problem) => (options.batch ? { index, ...problem } : problem)));
  });
  problems.push(...sameIdConflicts(accepted));
  if (problems.length > 0) return { ok: false, problems: problems.sort((a, b) => (a.index ?? 0) - (b.index ?? 0)) };
  return { ok: true, events: accepted.map(({ event }) => event) };
}

function validateEvent(body: unknown, now: Date): { problems: FieldProblem[]; event?: IncomingEvent } {
  if (!isJsonObject(body)) return { problems: [{ path: '', message: 'the event must be a JSON object' }] };
  const scan = scanJsonValues(body);
  if (!scan.safeForDtos) return { problems: scan.problems };

  const envelope = plainToInstance(CloudEventDto, body);
  const problems = onePerPath([
    ...scan.problems,
    ...fieldProblems(validateSync(envelope, VALIDATOR_OPTIONS), ''),
    ...eventTimeProblems(body.time, body.data, now),
  ]);
  if (problems.length > 0 || !isJsonObject(body.data)) return { problems };
  return { problems: [], event: toIncomingEvent(envelope, body.data) };
}

/**
 * A field gets one problem, the first found: a lone surrogate is not also a malformed email, an
 * unknown field is not also an expiry before `time`.
 */
function onePerPath(problems: FieldProblem[]): FieldProblem[] {
  const firstByPath = new Map<string, FieldProblem>();
  for (const problem of problems) if (!firstByPath.has(problem.path)) firstByPath.set(problem.path, problem);
  return [...firstByPath.values()];
}
