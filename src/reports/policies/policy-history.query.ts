import { Query } from '@nestjs/cqrs';
import { ReportDocument } from '../document/report-document';
import { ReportRequest } from '../document/report-context';

export class PolicyHistoryQuery extends Query<ReportDocument> {
  constructor(
    readonly tenantId: string,
    readonly request: ReportRequest,
  ) {
    super();
  }
}
