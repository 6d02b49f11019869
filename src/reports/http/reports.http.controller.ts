import { Controller, Get, Headers, Query, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { FastifyReply } from 'fastify';
import { Access, TenantPrincipal } from '../../auth/access';
import { CurrentTenantKey } from '../../auth/principal.decorator';
import { ExportRegisterQuery } from '../exports/export-register.query';
import { PolicyHistoryQuery } from '../policies/policy-history.query';
import { chooseReportFormat } from '../render/report-format';
import { ViolationsReportQuery } from '../violations/violations.query';
import { ReportResponses } from './report-openapi';
import { ReportRequestDto, ViolationsRequestDto } from './report-request.dto';
import { sendReport } from './send-report';

/** The tenant-wide audit reports (API.md "Timelines and reports"), each computed against a signed checkpoint. */
@ApiTags('reports')
@ApiBearerAuth()
@Controller('v1/reports')
export class ReportsController {
  constructor(private readonly queries: QueryBus) {}

  @Get('violations')
  @Access('auditor', 'admin')
  @ReportResponses()
  @ApiOperation({
    summary: 'Contacts made while ineligible, and opt-outs against their legal deadlines',
    description: 'Every contact (outcome other than failed) whose evaluation is violation, within-grace or policy-breach; every opt-out with its deadline, whether it was met and when it was honoured; totals by channel, reason and actor.',
  })
  async violations(@CurrentTenantKey() key: TenantPrincipal, @Query() request: ViolationsRequestDto, @Headers('accept') accept: string | undefined, @Res() reply: FastifyReply): Promise<void> {
    const format = chooseReportFormat(request.format, accept);
    const document = await this.queries.execute(new ViolationsReportQuery(key.tenantId, { ...request.toRequest(), ...(request.channel ? { channel: request.channel } : {}) }));
    sendReport(reply, document, format);
  }

  @Get('exports')
  @Access('auditor', 'admin')
  @ReportResponses()
  @ApiOperation({
    summary: 'The export register',
    description: "Every export's request, approvals, denials and deliveries — who, role, when, scope, destination, file hash, record count — and its flags.",
  })
  async exports(@CurrentTenantKey() key: TenantPrincipal, @Query() request: ReportRequestDto, @Headers('accept') accept: string | undefined, @Res() reply: FastifyReply): Promise<void> {
    const format = chooseReportFormat(request.format, accept);
    const document = await this.queries.execute(new ExportRegisterQuery(key.tenantId, request.toRequest()));
    sendReport(reply, document, format);
  }

  @Get('policies')
  @Access('auditor', 'admin')
  @ReportResponses()
  @ApiOperation({
    summary: 'Policy history and suppressions',
    description: 'Every policy version with who adopted it, the changes from the version before and the customers it turned ineligible (listed in `turnedIneligible`, one CSV row each); every suppression by a vendor or system.',
  })
  async policies(@CurrentTenantKey() key: TenantPrincipal, @Query() request: ReportRequestDto, @Headers('accept') accept: string | undefined, @Res() reply: FastifyReply): Promise<void> {
    const format = chooseReportFormat(request.format, accept);
    const document = await this.queries.execute(new PolicyHistoryQuery(key.tenantId, request.toRequest()));
    sendReport(reply, document, format);
  }
}
