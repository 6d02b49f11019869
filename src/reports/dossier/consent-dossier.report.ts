import { LedgerEntry } from '../../../projections/events';
import {
  applyExportEntry,
  consentDossier,
  dossierTotals,
  erasuresOf,
  exportInPeriod,
  ExportRecord,
  identityEntry,
  registerItem,
  versionOf,
} from '../../../projections/reports';
import { Problem } from '../../common/problem';
import { TenantLog } from '../../ledger/tenant-log';
import { inMemoryList, ReportDocument, reportObject } from '../document/report-document';
import { ReportContexts, ReportRequest } from '../document/report-context';
import { EXPORT_EVENT_TYPES } from '../exports/export-register.report';
import { collect, LogPrefixReader } from '../source/log-prefix-reader';
import { LogPrefix } from '../source/log-prefix';

/**
 * One customer's consent dossier. Held in memory: the customer's own entries (one customer's
 * history, however long the tenant's log), the tenant's policy versions and its exports.
 */
export class ConsentDossierReport {
  constructor(
    private readonly contexts: ReportContexts,
    private readonly reader: LogPrefixReader,
    private readonly log: TenantLog,
  ) {}

  async build(tenantId: string, customerId: string, request: ReportRequest): Promise<ReportDocument> {
    const context = await this.contexts.create(tenantId, 'dossier', request);
    const { prefix, envelope } = context;
    if (!(await this.reader.isKnownCustomer(prefix, customerId))) throw new Problem('not-found', `No customer ${customerId}`);
    const entries = await collect(this.reader.customerEntries(prefix, customerId));
    const policies = (await this.reader.policyEntries(prefix)).map(versionOf);
    const exports = await this.exportsNaming(prefix, customerId);
    const dossier = consentDossier({
      customerId,
      entries,
      policies,
      tenant: context.tenant,
      tzdataVersion: context.tzdataVersion,
      asOf: envelope.asOf,
      period: envelope.period,
    });
    const exportItems = exports.filter((record) => exportInPeriod(record, envelope.period)).map(registerItem);
    return {
      envelope,
      parts: [
        reportObject('customer', { ...dossier.profile, identity: await this.identity(tenantId, entries, dossier.profile.erasure !== null) }),
        inMemoryList('eligibility', dossier.eligibility),
        inMemoryList('timeline', dossier.timeline),
        inMemoryList('contacts', dossier.contacts),
        inMemoryList('exports', exportItems),
        reportObject('evidence', evidenceBundleInstructions(customerId, prefix)),
      ],
      totals: dossierTotals(dossier, exportItems.length),
      rulesCited: dossier.citedRules,
      dispose: async () => undefined,
    };
  }

  /** The personal data of the latest registration or update carrying it, without its salt (the evidence bundle has it). */
  private async identity(tenantId: string, entries: LedgerEntry[], erased: boolean): Promise<object | null> {
    if (erased) return { erased: true };
    const carrier = identityEntry(entries);
    if (!carrier) return null;
    const [disclosed] = await this.log.withPii(tenantId, [carrier]);
    if (!disclosed?.pii || 'erased' in disclosed.pii) return { erased: true };
    const { salt: _salt, ...values } = disclosed.pii;
    return { ...values, sequence: carrier.sequence };
  }

  /** Exports whose request named the customer in `scope.customerIds`, with everything that followed. */
  private async exportsNaming(prefix: LogPrefix, customerId: string): Promise<ExportRecord[]> {
    const entries = await collect(this.reader.entriesOfTypes(prefix, EXPORT_EVENT_TYPES));
    const naming = new Set(entries.flatMap((entry) => (entry.type === 'export.requested' && entry.data.scope.customerIds?.includes(customerId) ? [entry.subject] : [])));
    if (naming.size === 0) return [];
    const erasures = erasuresOf(await collect(this.reader.entriesOfTypes(prefix, ['erasure.requested'])));
    const register = new Map<string, ExportRecord>();
    for (const entry of entries) if (naming.has(entry.subject)) applyExportEntry(register, entry, erasures);
    return [...register.values()];
  }
}

function evidenceBundleInstructions(customerId: string, prefix: LogPrefix): object {
  const path = `/v1/customers/${encodeURIComponent(customerId)}/evidence`;
  return {
    bundle: `GET ${path}`,
    verify: 'compliance-ledger verify <bundle.json> --key <verifier-key-file>',
    verifierKey: 'GET /v1/ledger/verifier-key',
    inclusionProof: `GET /v1/ledger/proof/inclusion?sequence=<sequence>&treeSize=${prefix.treeSize}`,
    consistencyProof: `GET /v1/ledger/proof/consistency?from=${prefix.treeSize}&to=<the bundle's tree size>`,
    statement:
      "The bundle holds every entry of this customer with an inclusion proof against a signed checkpoint; each entry links to the customer's previous one, so none can be left out unnoticed. Verify it offline with the command above, using a verifier key obtained independently of this service; the consistency proof ties the bundle's checkpoint to this report's.",
  };
}
