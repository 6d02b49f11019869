import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { AuditReports } from '../audit-reports';
import { ReportDocument } from '../document/report-document';
import { ExportRegisterQuery } from './export-register.query';

@QueryHandler(ExportRegisterQuery)
export class ExportRegisterHandler implements IQueryHandler<ExportRegisterQuery, ReportDocument> {
  constructor(private readonly reports: AuditReports) {}

  execute(query: ExportRegisterQuery): Promise<ReportDocument> {
    return this.reports.exports.build(query.tenantId, query.request);
  }
}
