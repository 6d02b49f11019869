import type { EventType } from '../../../projections/events';

/** One invalid field of a rejected request: an entry of the problem details' `errors`. */
export interface FieldProblem {
  /** The event's position, when the request is a batch. */
  index?: number;
  /** Dotted from the event root (`data.scope.fields.2`); '' when the event itself is not an object. */
  path: string;
  /** Names the field and what it must be; never the value it had. */
  message: string;
}

/** An event ready to append: envelope trimmed to what is stored, timestamps normalized. */
export interface IncomingEvent {
  id: string;
  source: string;
  type: EventType;
  subject: string;
  /** `YYYY-MM-DDTHH:MM:SS.sssZ`. */
  time: string;
  /** As sent, with its timestamps normalized; `pii`, where present, is still in plain. */
  data: Record<string, unknown>;
}

export type ValidationResult = { ok: true; events: IncomingEvent[] } | { ok: false; problems: FieldProblem[] };
