import { Controller, Get, Param, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Access, TenantPrincipal } from '../../auth/access';
import { CurrentTenantKey } from '../../auth/principal.decorator';
import { Problem } from '../../common/problem';
import { EntryWithPii } from '../../ledger/tenant-log';
import { EntryPage, ReadEventQuery, ReadEventsQuery } from './read-events.query';
import { ReadEventsRequest, SequenceParam } from './read-events.request.dto';

@ApiTags('events')
@ApiBearerAuth()
@Controller('v1/events')
export class ReadEventsController {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  @Access('auditor', 'admin')
  @ApiOperation({ summary: "Page through the tenant's log", description: 'Entries exactly as stored, plus `pii` (values and salt, or { erased: true }).' })
  page(@CurrentTenantKey() key: TenantPrincipal, @Query() request: ReadEventsRequest): Promise<EntryPage> {
    return this.queries.execute(new ReadEventsQuery(key.tenantId, { after: request.after, limit: request.limit, types: request.types, subject: request.subject }));
  }

  @Get(':sequence')
  @Access('auditor', 'admin')
  @ApiOperation({ summary: 'One entry of the log' })
  async one(@CurrentTenantKey() key: TenantPrincipal, @Param() { sequence }: SequenceParam): Promise<EntryWithPii> {
    const entry = await this.queries.execute(new ReadEventQuery(key.tenantId, sequence));
    if (!entry) throw new Problem('not-found', `No entry with sequence ${sequence}`);
    return entry;
  }
}
