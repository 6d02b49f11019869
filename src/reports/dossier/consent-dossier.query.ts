import { Query } from '@nestjs/cqrs';
import { ReportDocument } from '../document/report-document';
import { ReportRequest } from '../document/report-context';

export class ConsentDossierQuery extends Query<ReportDocument> {
  constructor(
    readonly tenantId: string,
    readonly customerId: string,
    readonly request: ReportRequest,
  ) {
    super();
  }
}
