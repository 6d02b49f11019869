import { execFile } from 'node:child_process';
import * as path from 'node:path';
import { LedgerConfig } from '../../src/config/ledger-config';

const BIN = path.join(__dirname, '..', '..', 'bin', 'compliance-ledger.js');

export interface CliRun {
  status: number;
  stdout: string;
  stderr: string;
}

/**
 * The real CLI from the build (`npm test` builds first), in a child process whose environment
 * holds none of the service's settings unless `env` gives them.
 */
export function runCli(args: string[], options: { env?: Record<string, string>; cwd?: string } = {}): Promise<CliRun> {
  const inherited = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('LEDGER_') && name !== 'DATABASE_URL' && name !== 'PORT'));
  return new Promise((resolve) => {
    execFile(process.execPath, [BIN, ...args], { env: { ...inherited, ...options.env }, cwd: options.cwd, timeout: 60_000 }, (error, stdout, stderr) => {
      const status = error ? (typeof error.code === 'number' ? error.code : -1) : 0;
      resolve({ status, stdout, stderr });
    });
  });
}

/** The environment under which the CLI opens the same store, with the same keys, as `config`. */
export function storeEnvironment(config: LedgerConfig): Record<string, string> {
  return { LEDGER_DATA_DIR: config.dataDir, LOG_LEVEL: 'silent', ...(config.databaseUrl ? { DATABASE_URL: config.databaseUrl } : {}) };
}
