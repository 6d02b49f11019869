/** Builds the event to append from a body that passed validation. */
import { timestampPropertiesOf } from './field-constraints';
import type { CloudEventDto } from './dto/cloud-event.dto';
import { normalizeLedgerTimestamp } from './formats/ledger-timestamp';
import { isJsonObject } from './json-value-checks';
import type { IncomingEvent } from './validation-result';

/**
 * Keeps only what is stored (`specversion`, `datacontenttype` and the trace attributes are
 * dropped) and copies `data` as sent, rewriting the fields its DTOs declare as timestamps.
 */
export function toIncomingEvent(event: CloudEventDto, sentData: Record<string, unknown>): IncomingEvent {
  return {
    id: event.id,
    source: event.source,
    type: event.type,
    subject: event.subject,
    time: normalizeLedgerTimestamp(event.time),
    data: withNormalizedTimestamps(sentData, event.data),
  };
}

/** `validated` is the DTO instance of `sent`: its classes say which fields hold timestamps. */
function withNormalizedTimestamps(sent: Record<string, unknown>, validated: object): Record<string, unknown> {
  const timestamps = timestampPropertiesOf(validated.constructor);
  const validatedFields = validated as Record<string, unknown>;
  const copy: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(sent)) {
    const nested = validatedFields[key];
    if (timestamps.has(key)) copy[key] = normalizeLedgerTimestamp(value as string);
    else if (isJsonObject(value) && typeof nested === 'object' && nested !== null) copy[key] = withNormalizedTimestamps(value, nested);
    else copy[key] = Array.isArray(value) ? [...value] : value;
  }
  return copy;
}
