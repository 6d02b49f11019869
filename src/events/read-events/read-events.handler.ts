import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { EntryWithPii, TenantLog } from '../../ledger/tenant-log';
import { EntryPage, ReadEventQuery, ReadEventsQuery } from './read-events.query';

@QueryHandler(ReadEventsQuery)
export class ReadEventsHandler implements IQueryHandler<ReadEventsQuery, EntryPage> {
  constructor(private readonly log: TenantLog) {}

  async execute(query: ReadEventsQuery): Promise<EntryPage> {
    const entries = await this.log.page(query.tenantId, query.filter);
    const full = entries.length === query.filter.limit;
    return { items: await this.log.withPii(query.tenantId, entries), next: full ? entries[entries.length - 1]!.sequence : null };
  }
}

@QueryHandler(ReadEventQuery)
export class ReadEventHandler implements IQueryHandler<ReadEventQuery, EntryWithPii | undefined> {
  constructor(private readonly log: TenantLog) {}

  async execute(query: ReadEventQuery): Promise<EntryWithPii | undefined> {
    const entry = await this.log.one(query.tenantId, query.sequence);
    return entry && (await this.log.withPii(query.tenantId, [entry]))[0];
  }
}
