import { FieldProblem, Problem } from '../../common/problem';
import { LeafFields, leafHashOf } from '../leaf-input';
import { AppendRequest, PreparedEvent } from './prepared-event';

/** What the log already holds that an append must respect, read under the tenant's lock. */
export interface AppendState {
  size: number;
  lastRecordedAt: string | null;
  /** The database's clock, truncated to milliseconds. */
  now: string;
  known: Map<string, KnownEvent>;
  lastSequenceBySubject: Map<string, number>;
  policyVersions: Map<string, number>;
  erasedCustomers: Set<string>;
}

export interface KnownEvent {
  sequence: number;
  fingerprint: Buffer;
  recordedAt: string;
  leafHash: Buffer;
}

export interface AppendedEvent {
  id: string;
  source: string;
  sequence: number;
  recordedAt: string;
  leafHash: string;
  duplicate: boolean;
}

export type RequestOutcome = { ok: true; events: AppendedEvent[] } | { ok: false; problem: Problem };

export interface PlannedEntry {
  fields: LeafFields;
  leafHash: Buffer;
  fingerprint: Buffer;
  event: PreparedEvent;
}

export interface AppendPlan {
  entries: PlannedEntry[];
  outcomes: RequestOutcome[];
}

export function eventKey(source: string, id: string): string {
  return JSON.stringify([source, id]);
}

/**
 * Decides, for each request of a group in order, whether it appends (all of its events) or is
 * rejected (none of them), and gives accepted events their sequence, `recordedAt`,
 * `prevSubjectSequence` and leaf hash (DESIGN.md invariant 2). Requests later in the group see
 * the events of earlier accepted ones, exactly as if they had been appended one by one.
 */
export function planAppend(tenant: string, state: AppendState, requests: AppendRequest[]): AppendPlan {
  const recordedAt = state.lastRecordedAt && state.lastRecordedAt > state.now ? state.lastRecordedAt : state.now;
  const ledger = new LedgerDraft(state);
  const entries: PlannedEntry[] = [];
  const outcomes = requests.map((request): RequestOutcome => {
    const draft = ledger.fork();
    const invalid: FieldProblem[] = [];
    const conflicts: FieldProblem[] = [];
    const versionConflicts: FieldProblem[] = [];
    const planned: PlannedEntry[] = [];
    const results: AppendedEvent[] = [];
    const batch = request.batch ?? request.events.length > 1;
    request.events.forEach((event, index) => {
      const at = (path: string, message: string): FieldProblem => ({ ...(batch ? { index } : {}), path, message });
      if (event.repeats !== undefined) {
        results.push({ ...results[event.repeats]!, duplicate: true });
        return;
      }
      const known = draft.known.get(eventKey(event.source, event.id));
      if (known) {
        if (known.fingerprint.equals(event.fingerprint)) {
          results.push({ id: event.id, source: event.source, sequence: known.sequence, recordedAt: known.recordedAt, leafHash: known.leafHash.toString('base64'), duplicate: true });
        } else {
          conflicts.push(at('id', `source and id were already appended with other content, at sequence ${known.sequence}`));
        }
        return;
      }
      if (event.pii && draft.erasedCustomers.has(event.subject)) {
        invalid.push(at('data.pii', 'the customer was erased: later events for it may not carry pii'));
        return;
      }
      if (event.type === 'policy.adopted') {
        const version = Number(event.data.version);
        const current = draft.policyVersions.get(event.subject);
        if (current !== undefined && version <= current) {
          versionConflicts.push(at('data.version', `policy ${event.subject} is at version ${current}: a new version must be greater`));
          return;
        }
        draft.policyVersions.set(event.subject, version);
      }
      const fields: LeafFields = {
        sequence: draft.size,
        tenant,
        id: event.id,
        source: event.source,
        type: event.type,
        subject: event.subject,
        time: event.time,
        recordedAt,
        recordedBy: request.recordedBy,
        prevSubjectSequence: draft.lastSequenceBySubject.get(event.subject) ?? null,
        data: event.data,
      };
      const leafHash = leafHashOf(fields, event.canonicalData);
      draft.record(event, fields.sequence, recordedAt, leafHash);
      planned.push({ fields, leafHash, fingerprint: event.fingerprint, event });
      results.push({ id: event.id, source: event.source, sequence: fields.sequence, recordedAt, leafHash: leafHash.toString('base64'), duplicate: false });
    });
    const problem = rejection(invalid, conflicts, versionConflicts);
    if (problem) return { ok: false, problem };
    ledger.adopt(draft);
    entries.push(...planned);
    return { ok: true, events: results };
  });
  return { entries, outcomes };
}

/** 400 before 409 (API.md "Conventions"); a request is rejected whole. */
function rejection(invalid: FieldProblem[], conflicts: FieldProblem[], versionConflicts: FieldProblem[]): Problem | undefined {
  if (invalid.length > 0) return new Problem('validation', 'The request is invalid for the current state of the log', invalid);
  if (conflicts.length > 0) return new Problem('duplicate-conflict', 'An event repeats the source and id of an appended event with other content; nothing was appended', conflicts);
  if (versionConflicts.length > 0) return new Problem('version-conflict', 'A policy version is not greater than the version in force; nothing was appended', versionConflicts);
  return undefined;
}

/** The log as the group sees it so far; a fork is thrown away when its request is rejected. */
class LedgerDraft {
  size: number;
  readonly known: Map<string, KnownEvent>;
  readonly lastSequenceBySubject: Map<string, number>;
  readonly policyVersions: Map<string, number>;
  readonly erasedCustomers: Set<string>;

  constructor(state: Omit<AppendState, 'now' | 'lastRecordedAt'>) {
    this.size = state.size;
    this.known = new Map(state.known);
    this.lastSequenceBySubject = new Map(state.lastSequenceBySubject);
    this.policyVersions = new Map(state.policyVersions);
    this.erasedCustomers = new Set(state.erasedCustomers);
  }

  fork(): LedgerDraft {
    return new LedgerDraft(this);
  }

  adopt(fork: LedgerDraft): void {
    this.size = fork.size;
    for (const [key, value] of fork.known) this.known.set(key, value);
    for (const [key, value] of fork.lastSequenceBySubject) this.lastSequenceBySubject.set(key, value);
    for (const [key, value] of fork.policyVersions) this.policyVersions.set(key, value);
    for (const customer of fork.erasedCustomers) this.erasedCustomers.add(customer);
  }

  record(event: PreparedEvent, sequence: number, recordedAt: string, leafHash: Buffer): void {
    this.size = sequence + 1;
    this.known.set(eventKey(event.source, event.id), { sequence, fingerprint: event.fingerprint, recordedAt, leafHash });
    this.lastSequenceBySubject.set(event.subject, sequence);
    if (event.type === 'erasure.requested') this.erasedCustomers.add(event.subject);
  }
}
