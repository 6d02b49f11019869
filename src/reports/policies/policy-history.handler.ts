import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { AuditReports } from '../audit-reports';
import { ReportDocument } from '../document/report-document';
import { PolicyHistoryQuery } from './policy-history.query';

@QueryHandler(PolicyHistoryQuery)
export class PolicyHistoryHandler implements IQueryHandler<PolicyHistoryQuery, ReportDocument> {
  constructor(private readonly reports: AuditReports) {}

  execute(query: PolicyHistoryQuery): Promise<ReportDocument> {
    return this.reports.policies.build(query.tenantId, query.request);
  }
}
