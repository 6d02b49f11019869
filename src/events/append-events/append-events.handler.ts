import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { TenantLog } from '../../ledger/tenant-log';
import { AppendEventsCommand, AppendEventsResult } from './append-events.command';

@CommandHandler(AppendEventsCommand)
export class AppendEventsHandler implements ICommandHandler<AppendEventsCommand, AppendEventsResult> {
  constructor(private readonly log: TenantLog) {}

  async execute(command: AppendEventsCommand): Promise<AppendEventsResult> {
    const outcome = await this.log.append(command.tenantId, command.recordedBy, command.events, command.batch);
    if (!outcome.ok) throw outcome.problem;
    const duplicates = outcome.events.filter((event) => event.duplicate).length;
    return {
      appended: outcome.events.length - duplicates,
      duplicates,
      position: Math.max(...outcome.events.map((event) => event.sequence)),
      events: outcome.events,
    };
  }
}
