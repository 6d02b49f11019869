import { ExportRegisterItem, ExportRegisterTotals, ExportRequest } from '../../../projections/reports';
import { actorText, column, PdfColumn, pdfTime } from '../render/pdf/pdf-layout';
import { actorColumns, keyValueTable, recordedByColumns, ReportLayout } from '../render/report-layout';

export const EXPORT_COLUMNS = [
  'exportId',
  'requested.sequence', 'requested.time', 'requested.recordedAt', ...actorColumns('requested.actor'), ...recordedByColumns('requested.recordedBy'),
  'requested.scope.description', 'requested.scope.fields', 'requested.scope.recordCount', 'requested.scope.customersNamed', 'requested.purpose', 'requested.destination',
  'approvals', 'denials', 'deliveries', 'laterRequests', 'flags', 'erasedCustomers',
];

function actions(list: Array<{ sequence: number; time: string; actor: { type: string; id: string; name?: string; role?: string } }>, detail: (action: never) => string = () => ''): string {
  return list.map((action) => `#${action.sequence} ${pdfTime(action.time)} by ${actorText(action.actor)}${detail(action as never)}`).join('\n');
}

/** The scope's counts and fields come before its free-text description, which a long one may cut. */
function scopeText(scope: ExportRequest['scope']): string {
  return `${scope.recordCount ?? '?'} records, ${scope.customersNamed} customers named; fields ${scope.fields.join(', ')}; ${scope.description}`;
}

export const EXPORT_PDF_COLUMNS: PdfColumn<never>[] = [
  column<ExportRegisterItem>('Export', 0.9, (row) => row.exportId),
  column<ExportRegisterItem>('Requested', 1.6, (row) => (row.requested ? actions([row.requested]) : 'no request on record')),
  column<ExportRegisterItem>('Scope', 1.8, (row) => (row.requested ? scopeText(row.requested.scope) : '')),
  column<ExportRegisterItem>('Purpose, destination', 1.4, (row) => (row.requested ? `${row.requested.purpose} -> ${row.requested.destination}` : '')),
  column<ExportRegisterItem>('Approvals', 1.6, (row) => actions(row.approvals, (approval: { note: string | null }) => (approval.note ? `: ${approval.note}` : ''))),
  column<ExportRegisterItem>('Denials', 1.2, (row) => actions(row.denials, (denial: { reason: string }) => `: ${denial.reason}`)),
  column<ExportRegisterItem>('Deliveries', 2.4, (row) =>
    actions(row.deliveries, (delivery: { recordCount: number; deliveredTo: string; sha256: string }) => `: ${delivery.recordCount} records to ${delivery.deliveredTo}, sha256 ${delivery.sha256}`),
  ),
  column<ExportRegisterItem>('Flags', 1.7, (row) =>
    [...row.flags, ...row.erasedCustomers.map((erased) => `(${erased.customerId} erased ${pdfTime(erased.erasedAt)})`)].join('\n'),
  ),
];

export const EXPORT_FLAG_DEFINITIONS = [
  { term: 'delivered-without-approval', meaning: 'Delivered, and no dealer principal ever approved it.' },
  { term: 'delivered-before-approval', meaning: "Delivered before the dealer principal's first approval." },
  { term: 'approved-by-non-principal', meaning: 'Approved by someone whose role is not dealer-principal (the approval that counts).' },
  { term: 'delivered-without-request', meaning: 'Delivered with no request on record.' },
  { term: 'included-erased-customer', meaning: 'Named a customer erased before the data left (or, never delivered, before the request).' },
  { term: 'count-mismatch', meaning: 'A delivery carried a different record count than the request stated.' },
];

export const EXPORT_REGISTER_LAYOUT: ReportLayout = {
  fileName: 'exports',
  csv: { items: EXPORT_COLUMNS },
  pdf: {
    title: 'Export register',
    summary: (document) => {
      const totals = document.totals as ExportRegisterTotals;
      return [
        keyValueTable('Totals', [
          ['Exports', totals.exports],
          ['Requested', totals.requested],
          ['Approved', totals.approved],
          ['Denied', totals.denied],
          ['Delivered', totals.delivered],
          ['Flagged', totals.flagged],
        ]),
        keyValueTable('Exports by flag', Object.entries(totals.byFlag)),
      ];
    },
    sections: [{ key: 'items', title: 'Exports', columns: EXPORT_PDF_COLUMNS }],
    definitions: EXPORT_FLAG_DEFINITIONS,
  },
};
