import * as path from 'node:path';

export type StoreKind = 'embedded' | 'postgres';

/** Settings read once from the environment (API.md "Configuration"). */
export interface LedgerConfig {
  port: number;
  dataDir: string;
  databaseUrl?: string;
  store: StoreKind;
  rootKey?: string;
  masterKey?: string;
  signingKey?: string;
  origin: string;
  logLevel: string;
}

export class ConfigurationError extends Error {}

const ORIGIN_PATTERN = /^[A-Za-z0-9./-]+$/;
const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

export function loadConfig(env: NodeJS.ProcessEnv = process.env): LedgerConfig {
  const problems: string[] = [];
  const port = Number(env.PORT ?? '3000');
  if (!Number.isInteger(port) || port < 0 || port > 65535) problems.push('PORT must be an integer from 0 to 65535');
  const origin = env.LEDGER_ORIGIN ?? 'compliance-ledger.local';
  if (!ORIGIN_PATTERN.test(origin)) problems.push('LEDGER_ORIGIN must match [A-Za-z0-9./-]+');
  const databaseUrl = nonEmpty(env.DATABASE_URL);
  if (databaseUrl && !/^postgres(ql)?:\/\//.test(databaseUrl)) problems.push('DATABASE_URL must be a postgres:// URL');
  if (env.LOG_LEVEL && !LOG_LEVELS.includes(env.LOG_LEVEL)) problems.push(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}`);
  if (nonEmpty(env.EVENTSTORE_URL)) {
    problems.push(
      databaseUrl
        ? 'EVENTSTORE_URL is not supported by this version: the log is kept in PostgreSQL (unset EVENTSTORE_URL)'
        : 'EVENTSTORE_URL needs DATABASE_URL too',
    );
  }
  if (problems.length > 0) throw new ConfigurationError(`Invalid configuration: ${problems.join('; ')}`);
  return {
    port,
    dataDir: path.resolve(env.LEDGER_DATA_DIR ?? './data'),
    databaseUrl,
    store: databaseUrl ? 'postgres' : 'embedded',
    rootKey: nonEmpty(env.LEDGER_ROOT_KEY),
    masterKey: nonEmpty(env.LEDGER_MASTER_KEY),
    signingKey: nonEmpty(env.LEDGER_SIGNING_KEY),
    origin,
    logLevel: env.LOG_LEVEL ?? 'info',
  };
}

function nonEmpty(value: string | undefined): string | undefined {
  return value && value.trim() !== '' ? value : undefined;
}
