import type { Actor, LedgerEntry } from '../events';
import { toEntries, EntryDraft, ts } from '../testing/ledger-entries';
import { applyExportEntry, erasuresOf, exportInPeriod, exportRegisterTotals, registerItem, type ExportRecord } from './export-register';

const principal: Actor = { type: 'dealer-user', id: 'u-principal', role: 'dealer-principal' };
const manager: Actor = { type: 'dealer-user', id: 'u-manager', role: 'sales-manager' };

const requested = (exportId: string, time: string, recordCount?: number, customerIds?: string[]) =>
  new EntryDraft('export.requested', exportId, ts(time), {
    actor: manager,
    scope: { description: 'Campaign list', fields: ['name', 'email'], ...(customerIds ? { customerIds } : {}), ...(recordCount === undefined ? {} : { recordCount }) },
    purpose: 'Campaign',
    destination: 'Mailhouse',
  });
const approved = (exportId: string, time: string, actor = principal) => new EntryDraft('export.approved', exportId, ts(time), { actor });
const denied = (exportId: string, time: string) => new EntryDraft('export.denied', exportId, ts(time), { actor: principal, reason: 'No agreement' });
const delivered = (exportId: string, time: string, recordCount = 2) => new EntryDraft('export.delivered', exportId, ts(time), { actor: manager, recordCount, sha256: 'f'.repeat(64), deliveredTo: 'sftp://mailhouse' });
const erasure = (customerId: string, time: string) => new EntryDraft('erasure.requested', customerId, ts(time), { actor: principal, basis: 'pipeda' });

function register(...drafts: EntryDraft[]): Map<string, ExportRecord> {
  const entries: LedgerEntry[] = toEntries(drafts);
  const erasures = erasuresOf(entries);
  const records = new Map<string, ExportRecord>();
  for (const entry of entries) applyExportEntry(records, entry, erasures);
  return records;
}

const flagsOf = (...drafts: EntryDraft[]) => [...register(...drafts).values()].map((record) => registerItem(record).flags);

describe('the export register', () => {
  it('keeps each export with who requested, approved, denied and delivered it', () => {
    const [item] = [...register(requested('x-1', '2025-05-01', 2, ['c-1', 'c-2']), approved('x-1', '2025-05-02'), delivered('x-1', '2025-05-03')).values()].map(registerItem);
    expect(item).toEqual({
      exportId: 'x-1',
      requested: expect.objectContaining({ sequence: 0, time: '2025-05-01T00:00:00.000Z', actor: manager, scope: { description: 'Campaign list', fields: ['name', 'email'], recordCount: 2, customersNamed: 2 }, purpose: 'Campaign', destination: 'Mailhouse' }),
      laterRequests: [],
      approvals: [expect.objectContaining({ sequence: 1, actor: principal, note: null, recordedBy: { keyId: 'k-1', role: 'emitter', label: 'spec' } })],
      denials: [],
      deliveries: [expect.objectContaining({ sequence: 2, recordCount: 2, sha256: 'f'.repeat(64), deliveredTo: 'sftp://mailhouse' })],
      flags: [],
      erasedCustomers: [],
    });
  });

  it('flags a delivery no dealer principal approved', () => {
    expect(flagsOf(requested('x', '2025-05-01'), delivered('x', '2025-05-03'))).toEqual([['delivered-without-approval']]);
    expect(flagsOf(requested('x', '2025-05-01'), approved('x', '2025-05-02', manager), delivered('x', '2025-05-03'))).toEqual([['delivered-without-approval', 'approved-by-non-principal']]);
    expect(flagsOf(requested('x', '2025-05-01'), denied('x', '2025-05-02'), delivered('x', '2025-05-03'))).toEqual([['delivered-without-approval']]);
  });

  it('flags a delivery before the approval, and one without a request', () => {
    expect(flagsOf(requested('x', '2025-05-01'), delivered('x', '2025-05-02'), approved('x', '2025-05-03'))).toEqual([['delivered-before-approval']]);
    expect(flagsOf(delivered('x', '2025-05-02'))).toEqual([['delivered-without-approval', 'delivered-without-request']]);
  });

  it('flags a record count other than the request stated, and nothing when it stated none', () => {
    expect(flagsOf(requested('x', '2025-05-01', 2), approved('x', '2025-05-02'), delivered('x', '2025-05-03', 3))).toEqual([['count-mismatch']]);
    expect(flagsOf(requested('x', '2025-05-01'), approved('x', '2025-05-02'), delivered('x', '2025-05-03', 3))).toEqual([[]]);
  });

  it('flags a customer erased before the data left, naming them, but not one erased after', () => {
    const records = register(requested('x', '2025-05-01', 2, ['c-1', 'c-2']), erasure('c-1', '2025-04-01'), erasure('c-2', '2025-06-01'), approved('x', '2025-05-02'), delivered('x', '2025-05-03'));
    expect(registerItem(records.get('x')!)).toMatchObject({ flags: ['included-erased-customer'], erasedCustomers: [{ customerId: 'c-1', erasureSequence: 1, erasedAt: '2025-04-01T00:00:00.000Z' }] });
  });

  it('keeps a second request under the same id rather than hiding it', () => {
    const [item] = [...register(requested('x', '2025-05-01'), requested('x', '2025-05-05')).values()].map(registerItem);
    expect(item!.requested!.sequence).toBe(0);
    expect(item!.laterRequests.map((request) => request.sequence)).toEqual([1]);
  });

  it('shows an export in a period when any of its events happened in it', () => {
    const record = register(requested('x', '2024-12-20'), approved('x', '2024-12-21'), delivered('x', '2025-01-03')).get('x')!;
    expect(exportInPeriod(record, { from: '2025-01-01T00:00:00.000Z', to: null })).toBe(true);
    expect(exportInPeriod(record, { from: '2025-02-01T00:00:00.000Z', to: null })).toBe(false);
    expect(exportInPeriod(record, { from: null, to: '2024-12-20T00:00:00.000Z' })).toBe(false);
  });

  it('adds up exports by what happened to them and by flag', () => {
    const items = [...register(requested('a', '2025-05-01', 1), approved('a', '2025-05-02'), delivered('a', '2025-05-03', 1), requested('b', '2025-05-01'), denied('b', '2025-05-02'), delivered('c', '2025-05-03')).values()].map(registerItem);
    expect(exportRegisterTotals(items)).toEqual({
      exports: 3,
      requested: 2,
      approved: 1,
      denied: 1,
      delivered: 2,
      flagged: 1,
      byFlag: { 'delivered-without-approval': 1, 'delivered-before-approval': 0, 'approved-by-non-principal': 0, 'delivered-without-request': 1, 'included-erased-customer': 0, 'count-mismatch': 0 },
    });
  });
});
