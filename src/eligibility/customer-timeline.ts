import { CUSTOMER_EVENT_TYPES, LedgerEntry } from '../../projections';
import { Problem } from '../common/problem';
import { EntryWithPii, TenantLog } from '../ledger/tenant-log';
import { LedgerDatabase } from '../store/ledger-database';

export interface ContactEvaluationView {
  outcome: string;
  reason: string;
  basis: string;
  deadline?: string;
}

export type TimelineEntry = EntryWithPii & { evaluation?: ContactEvaluationView | null };

const PAGE = 1_000;

/** A customer's entries in log order, each contact with the evaluation stored when it was appended. */
export class CustomerTimeline {
  constructor(
    private readonly database: LedgerDatabase,
    private readonly log: TenantLog,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /**
   * `asOf` (normalized) keeps the entries recorded by then; absent or later than now, every entry
   * counts — recordedAt comes from the database's clock, which may be ahead of ours.
   */
  async of(tenantId: string, customerId: string, asOf: string | undefined): Promise<{ items: TimelineEntry[] }> {
    const entries: LedgerEntry[] = [];
    for (let after = -1; ; ) {
      const page = await this.log.page(tenantId, { after, limit: PAGE, subject: customerId, types: CUSTOMER_EVENT_TYPES });
      entries.push(...page);
      if (page.length < PAGE) break;
      after = page[page.length - 1]!.sequence;
    }
    if (entries.length === 0) throw new Problem('not-found', 'No such customer');
    const cutOff = asOf !== undefined && asOf < this.now().toISOString() ? asOf : undefined;
    const recorded = cutOff === undefined ? entries : entries.filter((entry) => entry.recordedAt <= cutOff);
    const evaluations = await this.evaluations(tenantId, customerId);
    const withPii = await this.log.withPii(tenantId, recorded);
    return {
      items: withPii.map((entry) => (entry.type === 'contact.attempted' ? { ...entry, evaluation: evaluations.get(entry.sequence) ?? null } : entry)),
    };
  }

  private async evaluations(tenantId: string, customerId: string): Promise<Map<number, ContactEvaluationView>> {
    const rows: Array<{ sequence: string; outcome: string | null; reason: string; basis: string; deadline: Date | null }> = await this.database.query(
      'SELECT sequence, outcome, reason, basis, deadline FROM rm_contact_attempts WHERE tenant_id = $1 AND customer_id = $2 AND outcome IS NOT NULL',
      [tenantId, customerId],
    );
    return new Map(
      rows.map((row) => [
        Number(row.sequence),
        { outcome: row.outcome!, reason: row.reason, basis: row.basis, ...(row.deadline ? { deadline: row.deadline.toISOString() } : {}) },
      ]),
    );
  }
}
