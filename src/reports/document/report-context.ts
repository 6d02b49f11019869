import { rulesVersion, TenantDefaults } from '../../../projections';
import { ReportPeriod } from '../../../projections/reports';
import { Problem } from '../../common/problem';
import { Checkpoints } from '../../proofs/checkpoints';
import { LogSigner } from '../../proofs/log-signer';
import { TenantRegistry } from '../../tenants/tenant-registry';
import { LogPrefix } from '../source/log-prefix';
import { ReportEnvelope, ReportName } from './report-document';

/** What a caller asks of any report. */
export interface ReportRequest {
  period: ReportPeriod;
  /** Answer with what was recorded by then; later than now means now (API.md "Eligibility"). */
  asOf?: string;
}

/** Everything a report is computed against, fixed before the log is read. */
export interface ReportContext {
  envelope: ReportEnvelope;
  prefix: LogPrefix;
  tenant: TenantDefaults;
  tzdataVersion: string;
}

/** The runtime's tz database: part of `rulesVersion`, and not readable from the pure engine. */
export const TZDATA_VERSION = process.versions.tz ?? 'unknown';

export class ReportContexts {
  constructor(
    private readonly registry: TenantRegistry,
    private readonly checkpoints: Checkpoints,
    private readonly signer: LogSigner,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async create(tenantId: string, report: ReportName, request: ReportRequest): Promise<ReportContext> {
    const tenant = await this.registry.findTenant(tenantId);
    if (!tenant) throw new Problem('not-found', `No tenant ${tenantId}`);
    const checkpoint = await this.checkpoints.current(tenantId);
    const generatedAt = this.now().toISOString();
    const asOf = request.asOf !== undefined && request.asOf < generatedAt ? request.asOf : generatedAt;
    const defaults: TenantDefaults = { country: tenant.country, ...(tenant.region ? { region: tenant.region } : {}), timezone: tenant.timezone };
    return {
      envelope: {
        report,
        tenant: { id: tenant.id, name: tenant.name, ...defaults },
        period: request.period,
        asOf,
        generatedAt,
        checkpoint: { treeSize: checkpoint.treeSize, rootHash: checkpoint.rootHash.toString('base64'), note: checkpoint.note },
        verifierKey: this.signer.verifierKey(tenantId),
        rulesVersion: rulesVersion(TZDATA_VERSION),
      },
      prefix: { tenantId, treeSize: checkpoint.treeSize, asOf },
      tenant: defaults,
      tzdataVersion: TZDATA_VERSION,
    };
  }
}
