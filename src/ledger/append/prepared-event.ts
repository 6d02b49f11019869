import { createHmac } from 'node:crypto';
import { EventType, RecordedBy } from '../../../projections/events';
import { PiiValues, commitPii } from '../../vault/pii-commitment';
import { canonicalJson, canonicalObject } from '../canonical-json';

/** A validated, normalized event as the ledger receives it (`data.pii` still in plain). */
export interface NewEvent {
  id: string;
  source: string;
  type: EventType;
  subject: string;
  time: string;
  data: Record<string, unknown>;
}

/** An event ready to append: `data` as the log stores it (PII replaced by its commitment), fingerprint computed. */
export interface PreparedEvent extends NewEvent {
  /** RFC 8785 form of `data` as stored: part of the leaf input, and the text the log's jsonb is given. */
  canonicalData: string;
  fingerprint: Buffer;
  pii?: { values: PiiValues; salt: Buffer };
  /** Index of an identical earlier event of the same request that this one repeats. */
  repeats?: number;
}

export interface AppendRequest {
  recordedBy: RecordedBy;
  events: PreparedEvent[];
  /** Sent as an array: its problems name each event's `index`, even when it holds one event. */
  batch?: boolean;
}

/**
 * Fingerprints and commits each event. An identical repeat of an earlier (source, id) in the same
 * request is marked as such, so it answers as a duplicate of the first (API.md "Idempotency");
 * a repeat with other content is left to conflict with the first, like any resent id.
 */
export function prepareEvents(events: NewEvent[], fingerprintKey: Buffer): PreparedEvent[] {
  const firstIndexByKey = new Map<string, number>();
  const prepared: PreparedEvent[] = [];
  events.forEach((event, index) => {
    const canonicalPlainData = canonicalJson(event.data);
    const fingerprint = fingerprintOf(event, fingerprintKey, canonicalPlainData);
    const key = JSON.stringify([event.source, event.id]);
    const first = firstIndexByKey.get(key);
    if (first === undefined) firstIndexByKey.set(key, index);
    const repeats = first !== undefined && prepared[first]!.fingerprint.equals(fingerprint) ? first : undefined;
    prepared.push(withCommitment(event, canonicalPlainData, fingerprint, repeats));
  });
  return prepared;
}

function withCommitment(event: NewEvent, canonicalPlainData: string, fingerprint: Buffer, repeats: number | undefined): PreparedEvent {
  const { pii, ...rest } = event.data as { pii?: PiiValues };
  const base = { id: event.id, source: event.source, type: event.type, subject: event.subject, time: event.time, fingerprint };
  const repeat = repeats === undefined ? {} : { repeats };
  if (pii === undefined) return { ...base, data: event.data, canonicalData: canonicalPlainData, ...repeat };
  const { salt, commitment } = commitPii(pii);
  const data = { ...rest, pii: { commitment } };
  return { ...base, data, canonicalData: canonicalJson(data), pii: { values: pii, salt }, ...repeat };
}

/** HMAC-SHA-256 of the event's fingerprint content, under a derived secret. */
export function fingerprintOf(event: NewEvent, fingerprintKey: Buffer, canonicalPlainData?: string): Buffer {
  return createHmac('sha256', fingerprintKey).update(fingerprintContent(event, canonicalPlainData), 'utf8').digest();
}

/**
 * What idempotency compares (API.md "Idempotency"): JCS({type, subject, time, data}) with PII in
 * plain. `canonicalPlainData`, when given, is `canonicalJson(event.data)` already computed.
 */
export function fingerprintContent(event: Pick<NewEvent, 'type' | 'subject' | 'time' | 'data'>, canonicalPlainData = canonicalJson(event.data)): string {
  return canonicalObject({ type: canonicalJson(event.type), subject: canonicalJson(event.subject), time: canonicalJson(event.time), data: canonicalPlainData });
}
