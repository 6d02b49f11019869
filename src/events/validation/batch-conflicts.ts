/**
 * API.md "Idempotency": the same (`source`, `id`) twice in one request is a duplicate when the two
 * are identical, and a 400 naming both indexes when they differ.
 */
import { fingerprintContent } from '../../ledger/append/prepared-event';
import type { FieldProblem, IncomingEvent } from './validation-result';

export interface IndexedEvent {
  index: number;
  event: IncomingEvent;
}

/** Compared as the idempotency fingerprint sees them (the ledger's fingerprint content). */
export function sameIdConflicts(events: readonly IndexedEvent[]): FieldProblem[] {
  const firstByIdentity = new Map<string, IndexedEvent>();
  const problems: FieldProblem[] = [];
  for (const current of events) {
    const identity = JSON.stringify([current.event.source, current.event.id]);
    const first = firstByIdentity.get(identity);
    if (!first) firstByIdentity.set(identity, current);
    else if (fingerprintContent(first.event) !== fingerprintContent(current.event)) {
      problems.push({ index: current.index, path: 'id', message: `id and source repeat those of event ${first.index} with different content` });
    }
  }
  return problems;
}
