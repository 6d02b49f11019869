import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { AuditReports } from '../audit-reports';
import { ReportDocument } from '../document/report-document';
import { ConsentDossierQuery } from './consent-dossier.query';

@QueryHandler(ConsentDossierQuery)
export class ConsentDossierHandler implements IQueryHandler<ConsentDossierQuery, ReportDocument> {
  constructor(private readonly reports: AuditReports) {}

  execute(query: ConsentDossierQuery): Promise<ReportDocument> {
    return this.reports.dossier.build(query.tenantId, query.customerId, query.request);
  }
}
