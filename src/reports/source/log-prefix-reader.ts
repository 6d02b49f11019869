import { CUSTOMER_EVENT_TYPES, EventType, LedgerEntry } from '../../../projections/events';
import { CustomerHistory, PolicyEntry } from '../../../projections/reports';
import { TenantLog } from '../../ledger/tenant-log';
import { LedgerDatabase } from '../../store/ledger-database';
import { CustomerHistoryReader } from './customer-history-reader';
import { LogPrefix, withinPrefix } from './log-prefix';

const PAGE_SIZE = 1000;

/** Streams a log prefix in pages: by type, by customer, or customer by customer. */
export class LogPrefixReader {
  private readonly histories: CustomerHistoryReader;

  constructor(
    private readonly database: LedgerDatabase,
    private readonly log: TenantLog,
  ) {
    this.histories = new CustomerHistoryReader(database);
  }

  /** Entries of the given types, in log order. */
  entriesOfTypes(prefix: LogPrefix, types: readonly EventType[]): AsyncGenerator<LedgerEntry> {
    return this.pages(prefix, { types: [...types] });
  }

  /** Every `policy.adopted`, in log order: a tenant has a handful of policies and versions. */
  async policyEntries(prefix: LogPrefix): Promise<PolicyEntry[]> {
    const entries = await collect(this.entriesOfTypes(prefix, ['policy.adopted']));
    return entries.filter((entry): entry is PolicyEntry => entry.type === 'policy.adopted');
  }

  /** One customer's entries, in log order. */
  customerEntries(prefix: LogPrefix, customerId: string): AsyncGenerator<LedgerEntry> {
    return this.pages(prefix, { subject: customerId, types: [...CUSTOMER_EVENT_TYPES] });
  }

  /** Every customer's history, one customer at a time, in customer id order. */
  customerHistories(prefix: LogPrefix): AsyncGenerator<CustomerHistory> {
    return this.histories.histories(prefix);
  }

  /** API.md "Eligibility": known when it is the subject of a customer event in the checkpoint's tree, whatever `asOf` says. */
  async isKnownCustomer(prefix: LogPrefix, customerId: string): Promise<boolean> {
    const rows = await this.database.query(
      'SELECT 1 FROM ledger_entries WHERE tenant_id = $1 AND subject = $2 AND sequence < $3 AND type = ANY($4::text[]) LIMIT 1',
      [prefix.tenantId, customerId, prefix.treeSize, CUSTOMER_EVENT_TYPES],
    );
    return rows.length > 0;
  }

  /** Asks for the next page before handing out this one's entries, so the database works while the report folds. */
  private async *pages(prefix: LogPrefix, filter: { types?: EventType[]; subject?: string }): AsyncGenerator<LedgerEntry> {
    const pageAfter = (after: number) => this.log.page(prefix.tenantId, { after, limit: PAGE_SIZE, ...filter });
    let next: Promise<LedgerEntry[]> | undefined = pageAfter(-1);
    try {
      while (next) {
        const page: LedgerEntry[] = await next;
        next = page.length === PAGE_SIZE ? pageAfter(page[page.length - 1]!.sequence) : undefined;
        for (const entry of page) {
          // recordedAt never decreases along the log: past the prefix, nothing further belongs to it.
          if (!withinPrefix(prefix, entry)) return;
          yield entry;
        }
      }
    } finally {
      // A reader that stops early leaves a page in flight: nobody awaits it, so its failure is nobody's.
      next?.catch(() => undefined);
    }
  }
}

export async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const collected: T[] = [];
  for await (const item of items) collected.push(item);
  return collected;
}
