import { Provider } from '@nestjs/common';
import { TenantLog } from '../ledger/tenant-log';
import { Checkpoints } from '../proofs/checkpoints';
import { LogSigner } from '../proofs/log-signer';
import { LedgerDatabase } from '../store/ledger-database';
import { TenantRegistry } from '../tenants/tenant-registry';
import { AuditReports } from './audit-reports';
import { ConsentDossierController } from './dossier/consent-dossier.http.controller';
import { ConsentDossierHandler } from './dossier/consent-dossier.handler';
import { ExportRegisterHandler } from './exports/export-register.handler';
import { ReportsController } from './http/reports.http.controller';
import { PolicyHistoryHandler } from './policies/policy-history.handler';
import { ViolationsReportHandler } from './violations/violations.handler';

/** What AppModule registers for the audit reports. */
export const REPORT_CONTROLLERS = [ConsentDossierController, ReportsController];

export const REPORT_PROVIDERS: Provider[] = [
  {
    provide: AuditReports,
    useFactory: (database: LedgerDatabase, log: TenantLog, registry: TenantRegistry, checkpoints: Checkpoints, signer: LogSigner) => new AuditReports({ database, log, registry, checkpoints, signer }),
    inject: [LedgerDatabase, TenantLog, TenantRegistry, Checkpoints, LogSigner],
  },
  ConsentDossierHandler,
  ViolationsReportHandler,
  ExportRegisterHandler,
  PolicyHistoryHandler,
];
