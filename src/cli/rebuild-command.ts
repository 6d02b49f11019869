import { Command } from 'commander';
import { loadConfig } from '../config/ledger-config';
import { ReadModelProjector } from '../read-models/read-model-projector';
import { ReadModelRebuild, UnknownTenantError } from '../read-models/read-model-rebuild';
import { CliError } from './cli-error';
import { LedgerDatabase } from '../store/ledger-database';

export function registerRebuildCommand(program: Command): void {
  program
    .command('rebuild')
    .description("Drop the read models and replay the log into them (all tenants, or one); appends to a tenant wait while it is rebuilt")
    .option('--tenant <id>', 'rebuild only this tenant')
    .action(async ({ tenant }: { tenant?: string }) => {
      const database = await LedgerDatabase.open(loadConfig());
      try {
        const rebuild = new ReadModelRebuild(database, new ReadModelProjector());
        for (const tenantId of tenant ? [tenant] : await rebuild.tenants()) {
          const started = process.hrtime.bigint();
          const replayed = await rebuild.rebuild(tenantId).catch((error: unknown) => {
            throw error instanceof UnknownTenantError ? new CliError(error.message) : error;
          });
          const seconds = Number(process.hrtime.bigint() - started) / 1e9;
          process.stdout.write(`${tenantId}: replayed ${replayed} entries in ${seconds.toFixed(1)} s\n`);
        }
      } finally {
        await database.close();
      }
    });
}
