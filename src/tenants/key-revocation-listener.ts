import { Logger, OnApplicationShutdown } from '@nestjs/common';
import { Client } from 'pg';
import { VerifiedKeys } from './verified-keys';

/** The channel `TenantRegistry.revokeKey` notifies in the revoking statement (so on commit only). */
export const KEY_REVOKED_CHANNEL = 'compliance_ledger_key_revoked';

const RECONNECT_DELAY_MS = 1_000;

/**
 * Keeps a process's VerifiedKeys honest when several processes share one PostgreSQL database:
 * LISTENs on its own connection and forgets every verified key when any process revokes one.
 * Whenever it is not listening — before the first LISTEN, after the connection fails, until it
 * listens again — the cache is suspended and every request verifies its key in the database.
 */
export class KeyRevocationListener implements OnApplicationShutdown {
  private readonly logger = new Logger(KeyRevocationListener.name);
  private client: Client | undefined;
  private reconnect: NodeJS.Timeout | undefined;
  private stopped = false;

  private constructor(
    private readonly databaseUrl: string,
    private readonly verifiedKeys: VerifiedKeys,
  ) {}

  /** Resolves once listening, or once the first attempt failed (it then keeps retrying). */
  static async start(databaseUrl: string, verifiedKeys: VerifiedKeys): Promise<KeyRevocationListener> {
    const listener = new KeyRevocationListener(databaseUrl, verifiedKeys);
    await listener.listen();
    return listener;
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.reconnect);
    this.verifiedKeys.suspend();
    await this.client?.end().catch(() => undefined);
  }

  private async listen(): Promise<void> {
    const client = new Client({ connectionString: this.databaseUrl, application_name: 'compliance-ledger key revocations', keepAlive: true });
    this.client = client;
    client.on('notification', () => this.verifiedKeys.forgetAll());
    client.on('error', (error) => this.lost(client, error));
    client.on('end', () => this.lost(client));
    try {
      await client.connect();
      await client.query(`LISTEN ${KEY_REVOKED_CHANNEL}`);
      if (this.client === client && !this.stopped) this.verifiedKeys.resume();
    } catch (error) {
      this.lost(client, error as Error);
    }
  }

  private lost(client: Client, error?: Error): void {
    if (this.client !== client) return;
    this.client = undefined;
    this.verifiedKeys.suspend();
    client.end().catch(() => undefined);
    if (this.stopped) return;
    this.logger.warn(`Not listening for key revocations (${error?.message ?? 'connection ended'}): every request verifies its key until listening again`);
    this.reconnect = setTimeout(() => void this.listen(), RECONNECT_DELAY_MS);
    this.reconnect.unref();
  }
}
