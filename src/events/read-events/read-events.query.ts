import { Query } from '@nestjs/cqrs';
import { EntryWithPii } from '../../ledger/tenant-log';
import { EntryFilter } from '../../ledger/read/log-reader';

export interface EntryPage {
  items: EntryWithPii[];
  next: number | null;
}

/** A page of a tenant's log, with PII disclosed (auditor and admin keys only reach it). */
export class ReadEventsQuery extends Query<EntryPage> {
  constructor(
    readonly tenantId: string,
    readonly filter: EntryFilter,
  ) {
    super();
  }
}

export class ReadEventQuery extends Query<EntryWithPii | undefined> {
  constructor(
    readonly tenantId: string,
    readonly sequence: number,
  ) {
    super();
  }
}
