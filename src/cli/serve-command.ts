import { Logger } from '@nestjs/common';
import { Command } from 'commander';
import * as path from 'node:path';
import { createApp } from '../app/create-app';
import { loadConfig } from '../config/ledger-config';

export function registerServeCommand(program: Command): void {
  program
    .command('serve')
    .description('Run the HTTP service (PORT, LEDGER_DATA_DIR, DATABASE_URL, … from the environment)')
    .action(async () => {
      const config = loadConfig();
      const app = await createApp(config);
      await app.listen({ port: config.port, host: '0.0.0.0' });
      const logger = new Logger('Serve');
      const where = config.store === 'embedded' ? `embedded store in ${config.dataDir}` : 'PostgreSQL (DATABASE_URL)';
      logger.log(`compliance-ledger listening on port ${config.port} with the ${where}`);
      if (!config.rootKey) logger.log(`The root key is in ${path.join(config.dataDir, 'root.key')}`);
    });
}
