import { Command } from '@nestjs/cqrs';
import { RecordedBy } from '../../../projections/events';
import { NewEvent } from '../../ledger/append/prepared-event';
import { AppendedEvent } from '../../ledger/append/append-plan';

export interface AppendEventsResult {
  appended: number;
  duplicates: number;
  position: number;
  events: AppendedEvent[];
}

/** Append validated events to a tenant's log, all or nothing. */
export class AppendEventsCommand extends Command<AppendEventsResult> {
  constructor(
    readonly tenantId: string,
    readonly recordedBy: RecordedBy,
    readonly events: NewEvent[],
    /** The body was an array, so problems name each event's index. */
    readonly batch: boolean,
  ) {
    super();
  }
}
