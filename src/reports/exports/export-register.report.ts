import { EventType } from '../../../projections/events';
import { applyExportEntry, erasuresOf, exportInPeriod, ExportRecord, exportRegisterTotals, registerItem } from '../../../projections/reports';
import { inMemoryList, ReportDocument } from '../document/report-document';
import { ReportContexts, ReportRequest } from '../document/report-context';
import { collect, LogPrefixReader } from '../source/log-prefix-reader';

export const EXPORT_EVENT_TYPES: readonly EventType[] = ['export.requested', 'export.approved', 'export.denied', 'export.delivered'];

/**
 * Every export with its request, approvals, denials, deliveries and flags. Held in memory: one
 * record per export (a delivery can come long after its request, so each stays until the end) and
 * the tenant's erasures. Exports are a dealer's deliberate acts, a handful a month; a request's
 * customer ids are counted, not kept.
 */
export class ExportRegisterReport {
  constructor(
    private readonly contexts: ReportContexts,
    private readonly reader: LogPrefixReader,
  ) {}

  async build(tenantId: string, request: ReportRequest): Promise<ReportDocument> {
    const { envelope, prefix } = await this.contexts.create(tenantId, 'exports', request);
    const erasures = erasuresOf(await collect(this.reader.entriesOfTypes(prefix, ['erasure.requested'])));
    const register = new Map<string, ExportRecord>();
    for await (const entry of this.reader.entriesOfTypes(prefix, EXPORT_EVENT_TYPES)) applyExportEntry(register, entry, erasures);
    const items = [...register.values()].filter((record) => exportInPeriod(record, envelope.period)).map(registerItem);
    return {
      envelope,
      parts: [inMemoryList('items', items)],
      totals: exportRegisterTotals(items),
      rulesCited: [],
      dispose: async () => undefined,
    };
  }
}
