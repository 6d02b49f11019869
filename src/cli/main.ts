import 'reflect-metadata';
import { Command, CommanderError } from 'commander';
import { ConfigurationError } from '../config/ledger-config';
import { CliError } from './cli-error';
import { DataDirInUseError } from '../store/embedded/data-dir-lock';
import { registerKeyCommands, registerTenantCommands } from './operator-commands';
import { registerRebuildCommand } from './rebuild-command';
import { registerReportCommand } from './report-command';
import { registerServeCommand } from './serve-command';
import { registerVerifyCommands } from './verify-commands';

/** `compliance-ledger`: the service and its operator commands, on the embedded store or DATABASE_URL. */
export function buildCli(): Command {
  const program = new Command('compliance-ledger')
    .description('Event-sourced compliance audit ledger. Configuration comes from the environment (see README).')
    .showHelpAfterError()
    .exitOverride();
  registerServeCommand(program);
  registerTenantCommands(program);
  registerKeyCommands(program);
  registerRebuildCommand(program);
  registerVerifyCommands(program);
  registerReportCommand(program);
  return program;
}

export async function main(argv: string[]): Promise<void> {
  try {
    await buildCli().parseAsync(argv);
  } catch (error) {
    if (error instanceof CommanderError) process.exit(error.exitCode);
    const known = error instanceof ConfigurationError || error instanceof DataDirInUseError || error instanceof CliError;
    process.stderr.write(`compliance-ledger: ${known ? (error as Error).message : (error as Error).stack}\n`);
    process.exit(1);
  }
}
