import { EventType, RecordedBy } from '../../projections/events';
import { hashLeaf } from '../integrity';
import { canonicalJson, canonicalObject } from './canonical-json';

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

/** `canonicalData`, when given, is `canonicalJson(fields.data)` already computed. */
export function leafInput(fields: LeafFields, canonicalData = canonicalJson(fields.data)): string {
  return canonicalObject({
    sequence: canonicalJson(fields.sequence),
    tenant: canonicalJson(fields.tenant),
    id: canonicalJson(fields.id),
    source: canonicalJson(fields.source),
    type: canonicalJson(fields.type),
    subject: canonicalJson(fields.subject),
    time: canonicalJson(fields.time),
    recordedAt: canonicalJson(fields.recordedAt),
    recordedBy: canonicalJson(fields.recordedBy),
    prevSubjectSequence: canonicalJson(fields.prevSubjectSequence),
    data: canonicalData,
  });
}

/** RFC 9162 leaf hash: SHA-256(0x00 ‖ leaf input). */
export function leafHashOf(fields: LeafFields, canonicalData?: string): Buffer {
  return hashLeaf(leafInput(fields, canonicalData));
}
