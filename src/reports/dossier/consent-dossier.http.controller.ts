import { Controller, Get, Headers, Param, Query, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { FastifyReply } from 'fastify';
import { Access, TenantPrincipal } from '../../auth/access';
import { CurrentTenantKey } from '../../auth/principal.decorator';
import { ReportResponses } from '../http/report-openapi';
import { CustomerIdParam, ReportRequestDto } from '../http/report-request.dto';
import { sendReport } from '../http/send-report';
import { chooseReportFormat } from '../render/report-format';
import { ConsentDossierQuery } from './consent-dossier.query';

@ApiTags('reports')
@ApiBearerAuth()
@Controller('v1/customers')
export class ConsentDossierController {
  constructor(private readonly queries: QueryBus) {}

  @Get(':customerId/dossier')
  @Access('auditor', 'admin')
  @ReportResponses()
  @ApiOperation({
    summary: "A customer's consent dossier",
    description:
      'Identity (unless erased), jurisdiction and zone, eligibility now on every channel and purpose, the timeline with actors and recording keys, every contact with how it stood when made, the exports naming the customer, and how to fetch the evidence bundle — computed against a signed checkpoint. JSON, CSV (a `section` column) or PDF. Unknown customer: 404.',
  })
  async dossier(
    @CurrentTenantKey() key: TenantPrincipal,
    @Param() { customerId }: CustomerIdParam,
    @Query() request: ReportRequestDto,
    @Headers('accept') accept: string | undefined,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const format = chooseReportFormat(request.format, accept);
    const document = await this.queries.execute(new ConsentDossierQuery(key.tenantId, customerId, request.toRequest()));
    sendReport(reply, document, format);
  }
}
