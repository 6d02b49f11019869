import { TenantLog } from '../ledger/tenant-log';
import { Checkpoints } from '../proofs/checkpoints';
import { LogSigner } from '../proofs/log-signer';
import { LedgerDatabase } from '../store/ledger-database';
import { TenantRegistry } from '../tenants/tenant-registry';
import { ReportContexts } from './document/report-context';
import { ConsentDossierReport } from './dossier/consent-dossier.report';
import { ExportRegisterReport } from './exports/export-register.report';
import { PolicyHistoryReport } from './policies/policy-history.report';
import { LogPrefixReader } from './source/log-prefix-reader';
import { ViolationsReport } from './violations/violations.report';

export interface AuditReportsDependencies {
  database: LedgerDatabase;
  log: TenantLog;
  registry: TenantRegistry;
  checkpoints: Checkpoints;
  signer: LogSigner;
}

/** The four audit reports over one store: what the HTTP query handlers and the CLI both use. */
export class AuditReports {
  readonly dossier: ConsentDossierReport;
  readonly violations: ViolationsReport;
  readonly exports: ExportRegisterReport;
  readonly policies: PolicyHistoryReport;

  constructor({ database, log, registry, checkpoints, signer }: AuditReportsDependencies) {
    const contexts = new ReportContexts(registry, checkpoints, signer);
    const reader = new LogPrefixReader(database, log);
    this.dossier = new ConsentDossierReport(contexts, reader, log);
    this.violations = new ViolationsReport(contexts, reader);
    this.exports = new ExportRegisterReport(contexts, reader);
    this.policies = new PolicyHistoryReport(contexts, reader);
  }
}
