import { Injectable, OnApplicationShutdown } from '@nestjs/common';
import { TenantLog } from '../ledger/tenant-log';
import { LedgerDatabase } from '../store/ledger-database';

/**
 * Runs after the HTTP server has stopped taking requests and finished those in flight (Nest's
 * shutdown order), so every acknowledged append is committed before the database closes.
 */
@Injectable()
export class LedgerLifecycle implements OnApplicationShutdown {
  constructor(
    private readonly log: TenantLog,
    private readonly database: LedgerDatabase,
  ) {}

  async onApplicationShutdown(): Promise<void> {
    await this.log.drain();
    await this.database.close();
  }
}
