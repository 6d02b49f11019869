import { LedgerEntry, RecordedBy } from '../../projections/events';
import { InlineProjector, ReadModelProjector } from '../read-models/read-model-projector';
import { KeyMaterial } from '../security/key-material';
import { LedgerDatabase } from '../store/ledger-database';
import { PiiDisclosure, PiiVault } from '../vault/pii-vault';
import { RequestOutcome } from './append/append-plan';
import { LogWriter } from './append/log-writer';
import { NewEvent, prepareEvents } from './append/prepared-event';
import { DEFAULT_MAX_QUEUED_EVENTS, TenantAppendQueue } from './append/tenant-append-queue';
import { EntryFilter, LogReader } from './read/log-reader';

export type EntryWithPii = LedgerEntry & { pii?: PiiDisclosure };

/**
 * Every tenant's log: appends (idempotent, all-or-nothing per request, group-committed) and
 * reads, with personal data kept in the vault. This is the store the contract suite holds to.
 */
export class TenantLog {
  private readonly fingerprintKey: Buffer;
  private readonly queue: TenantAppendQueue;
  private readonly reader: LogReader;

  constructor(
    private readonly database: LedgerDatabase,
    keys: KeyMaterial,
    projector: InlineProjector = new ReadModelProjector(),
    private readonly vault: PiiVault = new PiiVault(keys),
    maxQueuedEvents = DEFAULT_MAX_QUEUED_EVENTS,
  ) {
    this.fingerprintKey = keys.derive('idempotency-fingerprint');
    this.queue = new TenantAppendQueue(new LogWriter(database, this.vault, projector), maxQueuedEvents);
    this.reader = new LogReader(database);
  }

  /** Appends all of the request's events or none; the outcome says which, and why. */
  append(tenantId: string, recordedBy: RecordedBy, events: NewEvent[], batch = events.length > 1): Promise<RequestOutcome> {
    const prepared = prepareEvents(events, this.fingerprintKey);
    return this.queue.append(tenantId, { recordedBy, events: prepared, batch });
  }

  page(tenantId: string, filter: EntryFilter): Promise<LedgerEntry[]> {
    return this.reader.page(tenantId, filter);
  }

  one(tenantId: string, sequence: number): Promise<LedgerEntry | undefined> {
    return this.reader.one(tenantId, sequence);
  }

  /** Adds the PII of entries that carry a commitment (for auditor and admin keys). */
  async withPii(tenantId: string, entries: LedgerEntry[]): Promise<EntryWithPii[]> {
    const committed = entries.filter((entry) => 'pii' in entry.data && entry.data.pii);
    const disclosed = await this.vault.disclose(this.database.dataSource.manager, tenantId, committed);
    return entries.map((entry) => (disclosed.has(entry.sequence) ? { ...entry, pii: disclosed.get(entry.sequence) } : entry));
  }

  /** Resolves when every append accepted so far is committed. */
  drain(): Promise<void> {
    return this.queue.idle();
  }
}
