import type { FieldProblem } from '../../common/problem';
import type { NewEvent } from '../../ledger/append/prepared-event';

export type { FieldProblem };

/** An event ready to append: envelope trimmed to what is stored, timestamps normalized, `pii` still in plain. */
export type IncomingEvent = NewEvent;

export type ValidationResult = { ok: true; events: IncomingEvent[] } | { ok: false; problems: FieldProblem[] };
