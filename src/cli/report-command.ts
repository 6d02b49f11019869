import { Command, InvalidArgumentError, Option } from 'commander';
import * as fs from 'node:fs';
import { pipeline } from 'node:stream/promises';
import { CHANNELS, Channel } from '../../projections/events';
import { Problem } from '../common/problem';
import { loadConfig } from '../config/ledger-config';
import { parseLedgerTimestamp } from '../events/validation/formats/ledger-timestamp';
import { TenantLog } from '../ledger/tenant-log';
import { Checkpoints } from '../proofs/checkpoints';
import { LogSigner } from '../proofs/log-signer';
import { AuditReports } from '../reports/audit-reports';
import { ReportDocument, REPORT_NAMES, ReportName } from '../reports/document/report-document';
import { ReportRequest } from '../reports/document/report-context';
import { REPORT_FORMATS, ReportFormat } from '../reports/render/report-format';
import { renderReport } from '../reports/render/rendered-report';
import { KeyMaterial } from '../security/key-material';
import { LedgerDatabase } from '../store/ledger-database';
import { TenantRegistry } from '../tenants/tenant-registry';
import { CliError } from './cli-error';

interface ReportOptions {
  tenant: string;
  customer?: string;
  from?: string;
  to?: string;
  asOf?: string;
  channel?: Channel;
  format: ReportFormat;
  output: string;
}

/** `report`: the audit reports from the store itself, like the operator commands (the embedded store only while no server holds it). */
export function registerReportCommand(program: Command): void {
  program
    .command('report')
    .description('Write an audit report, computed against a signed checkpoint of the tenant\'s log, to a file')
    .addArgument(program.createArgument('<report>', 'which report').choices(REPORT_NAMES))
    .requiredOption('--tenant <id>', 'tenant id')
    .option('--customer <id>', 'the customer (dossier only)')
    .option('--from <time>', 'start of the period, inclusive (RFC 3339)', timestamp)
    .option('--to <time>', 'end of the period, exclusive (RFC 3339)', timestamp)
    .option('--as-of <time>', 'use only what was recorded by then (default now)', timestamp)
    .addOption(new Option('--channel <channel>', 'only this channel (violations only)').choices(CHANNELS))
    .addOption(new Option('--format <format>', 'output format').choices(REPORT_FORMATS).default('json'))
    .requiredOption('-o, --output <file>', 'where to write the report')
    .action((report: ReportName, options: ReportOptions) => writeReport(report, options));
}

async function writeReport(report: ReportName, options: ReportOptions): Promise<void> {
  if ((report === 'dossier') !== (options.customer !== undefined)) throw new CliError('--customer is required for the dossier, and only for it');
  if (options.channel !== undefined && report !== 'violations') throw new CliError('--channel applies to the violations report only');
  if (options.from !== undefined && options.to !== undefined && options.to <= options.from) throw new CliError('--to must be later than --from');
  const config = loadConfig();
  const database = await LedgerDatabase.open(config);
  try {
    const keys = KeyMaterial.load(config);
    const signer = new LogSigner(config, keys);
    const reports = new AuditReports({ database, log: new TenantLog(database, keys), registry: new TenantRegistry(database), checkpoints: new Checkpoints(database, signer), signer });
    const document = await build(reports, report, options).catch((error: unknown) => {
      throw error instanceof Problem ? new CliError(error.detail) : error;
    });
    const rendered = renderReport(document, options.format);
    await pipeline(rendered.body, fs.createWriteStream(options.output));
    const { checkpoint, asOf } = document.envelope;
    process.stdout.write(`${JSON.stringify({ report, format: options.format, file: options.output, treeSize: checkpoint.treeSize, rootHash: checkpoint.rootHash, asOf }, null, 2)}\n`);
  } finally {
    await database.close();
  }
}

function build(reports: AuditReports, report: ReportName, options: ReportOptions): Promise<ReportDocument> {
  const request: ReportRequest = { period: { from: options.from ?? null, to: options.to ?? null }, ...(options.asOf === undefined ? {} : { asOf: options.asOf }) };
  switch (report) {
    case 'dossier':
      return reports.dossier.build(options.tenant, options.customer!, request);
    case 'violations':
      return reports.violations.build(options.tenant, { ...request, ...(options.channel ? { channel: options.channel } : {}) });
    case 'exports':
      return reports.exports.build(options.tenant, request);
    case 'policies':
      return reports.policies.build(options.tenant, request);
    default: {
      const unhandled: never = report;
      throw new CliError(`unknown report ${String(unhandled)}`);
    }
  }
}

/** Normalized as the service stores timestamps, so they compare with the log's. */
function timestamp(value: string): string {
  const parsed = parseLedgerTimestamp(value);
  if (!parsed.ok) throw new InvalidArgumentError('must be an RFC 3339 date-time with an offset, such as 2026-03-01T00:00:00Z');
  return parsed.normalized;
}
