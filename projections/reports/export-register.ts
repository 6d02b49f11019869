/**
 * The export register (API.md "Timelines and reports"): each export's request, approvals,
 * denials and deliveries — who, in what role, when, what and where — and what is wrong with it.
 * A dealer-principal's approval is the one that counts (API.md `export.approved`).
 */

import type { Actor, EntryOfType, LedgerEntry, RecordedBy } from '../events';
import { byTimeThenSequence } from './ordering';
import { inPeriod, type ReportPeriod } from './report-period';

export const PRINCIPAL_ROLE = 'dealer-principal';

export const EXPORT_FLAGS = [
  'delivered-without-approval',
  'delivered-before-approval',
  'approved-by-non-principal',
  'delivered-without-request',
  'included-erased-customer',
  'count-mismatch',
] as const;
export type ExportFlag = (typeof EXPORT_FLAGS)[number];

interface ExportAction {
  sequence: number;
  time: string;
  recordedAt: string;
  actor: Actor;
  recordedBy: RecordedBy;
}

export interface ExportRequest extends ExportAction {
  /** The scope as requested, its customer ids counted rather than listed (the entry's `sequence` leads to them). */
  scope: { description: string; fields: string[]; recordCount: number | null; customersNamed: number };
  purpose: string;
  destination: string;
}

export interface ExportApproval extends ExportAction {
  note: string | null;
}

export interface ExportDenial extends ExportAction {
  reason: string;
}

export interface ExportDelivery extends ExportAction {
  recordCount: number;
  sha256: string;
  deliveredTo: string;
}

export interface ErasedCustomerNamed {
  customerId: string;
  erasureSequence: number;
  erasedAt: string;
}

/** One export as the register tracks it while the log streams by. */
export interface ExportRecord {
  exportId: string;
  requested: ExportRequest | null;
  /** Further requests under the same export id, which the register keeps rather than hides. */
  laterRequests: ExportRequest[];
  approvals: ExportApproval[];
  denials: ExportDenial[];
  deliveries: ExportDelivery[];
  /** Named customers with an erasure on record; whether it came before the data left is decided at the end. */
  erasedNamed: ErasedCustomerNamed[];
}

export interface ExportRegisterItem {
  exportId: string;
  requested: ExportRequest | null;
  laterRequests: ExportRequest[];
  approvals: ExportApproval[];
  denials: ExportDenial[];
  deliveries: ExportDelivery[];
  flags: ExportFlag[];
  /** The erased customers behind `included-erased-customer`. */
  erasedCustomers: ErasedCustomerNamed[];
}

/** Erasures by customer id, as the report knows them (`erasure.requested`, earliest first). */
export type KnownErasures = ReadonlyMap<string, { sequence: number; time: string }>;

export function erasuresOf(entries: Iterable<LedgerEntry>): Map<string, { sequence: number; time: string }> {
  const erasures = new Map<string, { sequence: number; time: string }>();
  for (const entry of entries) {
    if (entry.type !== 'erasure.requested') continue;
    const known = erasures.get(entry.subject);
    if (!known || byTimeThenSequence(entry, known) < 0) erasures.set(entry.subject, { sequence: entry.sequence, time: entry.time });
  }
  return erasures;
}

function emptyRecord(exportId: string): ExportRecord {
  return { exportId, requested: null, laterRequests: [], approvals: [], denials: [], deliveries: [], erasedNamed: [] };
}

function actionOf(entry: LedgerEntry): ExportAction {
  return { sequence: entry.sequence, time: entry.time, recordedAt: entry.recordedAt, actor: entry.data.actor, recordedBy: entry.recordedBy };
}

function requestOf(entry: EntryOfType<'export.requested'>): ExportRequest {
  const { scope, purpose, destination } = entry.data;
  return {
    ...actionOf(entry),
    scope: { description: scope.description, fields: scope.fields, recordCount: scope.recordCount ?? null, customersNamed: scope.customerIds?.length ?? 0 },
    purpose,
    destination,
  };
}

/** Adds an export entry to the register; other entries leave it as it is. */
export function applyExportEntry(register: Map<string, ExportRecord>, entry: LedgerEntry, erasures: KnownErasures): void {
  const record = (): ExportRecord => {
    let found = register.get(entry.subject);
    if (!found) register.set(entry.subject, (found = emptyRecord(entry.subject)));
    return found;
  };
  switch (entry.type) {
    case 'export.requested': {
      const exported = record();
      if (exported.requested) exported.laterRequests.push(requestOf(entry));
      else exported.requested = requestOf(entry);
      for (const customerId of entry.data.scope.customerIds ?? []) {
        const erasure = erasures.get(customerId);
        if (erasure && !exported.erasedNamed.some((named) => named.customerId === customerId)) {
          exported.erasedNamed.push({ customerId, erasureSequence: erasure.sequence, erasedAt: erasure.time });
        }
      }
      return;
    }
    case 'export.approved':
      record().approvals.push({ ...actionOf(entry), note: entry.data.note ?? null });
      return;
    case 'export.denied':
      record().denials.push({ ...actionOf(entry), reason: entry.data.reason });
      return;
    case 'export.delivered':
      record().deliveries.push({ ...actionOf(entry), recordCount: entry.data.recordCount, sha256: entry.data.sha256, deliveredTo: entry.data.deliveredTo });
      return;
    case 'customer.registered':
    case 'customer.updated':
    case 'consent.granted':
    case 'consent.withdrawn':
    case 'relationship.recorded':
    case 'contact.attempted':
    case 'dnc.listed':
    case 'dnc.removed':
    case 'policy.adopted':
    case 'erasure.requested':
      return;
    default: {
      const unhandled: never = entry;
      throw new Error(`Unhandled entry type: ${(unhandled as LedgerEntry).type}`);
    }
  }
}

/** Whether any of the export's events happened in the period: a January report shows a December request delivered in January. */
export function exportInPeriod(record: ExportRecord, period: ReportPeriod): boolean {
  const actions: ExportAction[] = [...(record.requested ? [record.requested] : []), ...record.laterRequests, ...record.approvals, ...record.denials, ...record.deliveries];
  return actions.some((action) => inPeriod(action.time, period));
}

export function registerItem(record: ExportRecord): ExportRegisterItem {
  const erasedCustomers = erasedBeforeRelease(record);
  return {
    exportId: record.exportId,
    requested: record.requested,
    laterRequests: record.laterRequests,
    approvals: [...record.approvals].sort(byTimeThenSequence),
    denials: [...record.denials].sort(byTimeThenSequence),
    deliveries: [...record.deliveries].sort(byTimeThenSequence),
    flags: EXPORT_FLAGS.filter((flag) => FLAG_TESTS[flag](record, erasedCustomers)),
    erasedCustomers,
  };
}

/** Named customers erased by the last delivery (their data left after their erasure), or — nothing delivered — by the request. */
function erasedBeforeRelease(record: ExportRecord): ErasedCustomerNamed[] {
  const release = [...record.deliveries.map((delivery) => delivery.time), record.requested?.time ?? ''].sort().at(-1)!;
  return record.erasedNamed.filter((named) => named.erasedAt <= release);
}

const principalApprovals = (record: ExportRecord) => record.approvals.filter((approval) => approval.actor.role === PRINCIPAL_ROLE);

const FLAG_TESTS: Record<ExportFlag, (record: ExportRecord, erasedCustomers: ErasedCustomerNamed[]) => boolean> = {
  'delivered-without-approval': (record) => record.deliveries.length > 0 && principalApprovals(record).length === 0,
  'delivered-before-approval': (record) => {
    const approvals = principalApprovals(record);
    return approvals.length > 0 && record.deliveries.some((delivery) => approvals.every((approval) => delivery.time < approval.time));
  },
  'approved-by-non-principal': (record) => record.approvals.some((approval) => approval.actor.role !== PRINCIPAL_ROLE),
  'delivered-without-request': (record) => record.deliveries.length > 0 && record.requested === null,
  'included-erased-customer': (_record, erasedCustomers) => erasedCustomers.length > 0,
  'count-mismatch': (record) => {
    const requested = record.requested?.scope.recordCount;
    return requested !== null && requested !== undefined && record.deliveries.some((delivery) => delivery.recordCount !== requested);
  },
};

export interface ExportRegisterTotals {
  exports: number;
  requested: number;
  approved: number;
  denied: number;
  delivered: number;
  flagged: number;
  byFlag: Record<ExportFlag, number>;
}

export function exportRegisterTotals(items: readonly ExportRegisterItem[]): ExportRegisterTotals {
  return {
    exports: items.length,
    requested: items.filter((item) => item.requested).length,
    approved: items.filter((item) => item.approvals.length > 0).length,
    denied: items.filter((item) => item.denials.length > 0).length,
    delivered: items.filter((item) => item.deliveries.length > 0).length,
    flagged: items.filter((item) => item.flags.length > 0).length,
    byFlag: Object.fromEntries(EXPORT_FLAGS.map((flag) => [flag, items.filter((item) => item.flags.includes(flag)).length])) as Record<ExportFlag, number>,
  };
}
