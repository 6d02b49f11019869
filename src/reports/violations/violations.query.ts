import { Query } from '@nestjs/cqrs';
import { ReportDocument } from '../document/report-document';
import { ViolationsRequest } from './violations.report';

export class ViolationsReportQuery extends Query<ReportDocument> {
  constructor(
    readonly tenantId: string,
    readonly request: ViolationsRequest,
  ) {
    super();
  }
}
