import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Access, TenantPrincipal } from '../auth/access';
import { CurrentTenantKey } from '../auth/principal.decorator';
import { normalizeLedgerTimestamp } from '../events/validation/formats/ledger-timestamp';
import { CampaignAnswer, CustomerAnswer } from './eligibility-answers';
import { CampaignCheckQuery, CustomerEligibilityQuery, CustomerTimelineQuery } from './eligibility.queries';
import { CampaignCheckRequest, CustomerParam, EligibilityRequest, TimelineRequest } from './eligibility.request.dto';
import { TimelineEntry } from './customer-timeline';

@ApiTags('eligibility')
@ApiBearerAuth()
@Controller('v1')
export class EligibilityController {
  constructor(private readonly queries: QueryBus) {}

  @Get('customers/:customerId/eligibility')
  @Access('auditor', 'admin')
  @ApiOperation({
    summary: 'May we contact this customer, on this channel, for this purpose, at this instant — as known as of asOf?',
    description: 'The answer names the rule and citation, the evidence (sequences) and the log prefix (treeSize) it rests on. Unknown customer: 404.',
  })
  customer(@CurrentTenantKey() key: TenantPrincipal, @Param() { customerId }: CustomerParam, @Query() request: EligibilityRequest): Promise<CustomerAnswer> {
    return this.queries.execute(new CustomerEligibilityQuery(key.tenantId, customerId, request));
  }

  @Post('eligibility/check')
  @HttpCode(200)
  @Access('auditor', 'admin')
  @ApiOperation({ summary: 'Campaign suppression: answer up to 100,000 customer ids at once (unknown ids: unknown-customer)' })
  campaign(@CurrentTenantKey() key: TenantPrincipal, @Body() request: CampaignCheckRequest): Promise<CampaignAnswer> {
    const { customerIds, ...question } = request;
    return this.queries.execute(new CampaignCheckQuery(key.tenantId, customerIds, question));
  }

  @Get('customers/:customerId/events')
  @Access('auditor', 'admin')
  @ApiOperation({ summary: "The customer's timeline: its entries in order, each contact attempt with its evaluation" })
  timeline(@CurrentTenantKey() key: TenantPrincipal, @Param() { customerId }: CustomerParam, @Query() request: TimelineRequest): Promise<{ items: TimelineEntry[] }> {
    return this.queries.execute(new CustomerTimelineQuery(key.tenantId, customerId, request.asOf ? normalizeLedgerTimestamp(request.asOf) : undefined));
  }
}
