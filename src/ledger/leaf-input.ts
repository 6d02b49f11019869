import { createHash } from 'node:crypto';
import { EventType, RecordedBy } from '../../projections/events';
import { canonicalJson } from './canonical-json';

/** The hashed part of an entry (API.md "Integrity"): everything but the leaf hash itself. */
export interface LeafFields {
  sequence: number;
  tenant: string;
  id: string;
  source: string;
  type: EventType;
  subject: string;
  time: string;
  recordedAt: string;
  recordedBy: RecordedBy;
  prevSubjectSequence: number | null;
  data: Record<string, unknown>;
}

export function leafInput(fields: LeafFields): string {
  return canonicalJson({
    sequence: fields.sequence,
    tenant: fields.tenant,
    id: fields.id,
    source: fields.source,
    type: fields.type,
    subject: fields.subject,
    time: fields.time,
    recordedAt: fields.recordedAt,
    recordedBy: fields.recordedBy,
    prevSubjectSequence: fields.prevSubjectSequence,
    data: fields.data,
  });
}

/** RFC 9162 leaf hash: SHA-256(0x00 ‖ leaf input). */
export function leafHashOf(fields: LeafFields): Buffer {
  return createHash('sha256').update(Buffer.of(0)).update(leafInput(fields), 'utf8').digest();
}
