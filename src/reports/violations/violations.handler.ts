import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { AuditReports } from '../audit-reports';
import { ReportDocument } from '../document/report-document';
import { ViolationsReportQuery } from './violations.query';

@QueryHandler(ViolationsReportQuery)
export class ViolationsReportHandler implements IQueryHandler<ViolationsReportQuery, ReportDocument> {
  constructor(private readonly reports: AuditReports) {}

  execute(query: ViolationsReportQuery): Promise<ReportDocument> {
    return this.reports.violations.build(query.tenantId, query.request);
  }
}
