import {
  accumulateCustomerFacts,
  canTurnCustomersIneligible,
  inPeriod,
  policyHistoryRulesCited,
  PolicyEntry,
  policyVersionItem,
  previousVersion,
  questionsTurnedIneligible,
  suppressionOf,
  SuppressionTally,
  turnedIneligibleItem,
  versionOf,
} from '../../../projections/reports';
import { inMemoryList, ReportDocument } from '../document/report-document';
import { ReportContext, ReportContexts, ReportRequest } from '../document/report-context';
import { ReportSpool, SpooledList } from '../document/report-spool';
import { LogPrefixReader } from '../source/log-prefix-reader';

/**
 * Every policy version with its diff and impact, and every suppression. Held in memory: the policy
 * versions, one customer's history at a time (only when a version of the period has windows, which
 * is what can turn customers ineligible), a count per version and the suppression totals by actor;
 * the customers turned ineligible and the suppressions go to the spool.
 */
export class PolicyHistoryReport {
  constructor(
    private readonly contexts: ReportContexts,
    private readonly reader: LogPrefixReader,
  ) {}

  async build(tenantId: string, request: ReportRequest): Promise<ReportDocument> {
    const context = await this.contexts.create(tenantId, 'policies', request);
    const { envelope, prefix } = context;
    const policyEntries = await this.reader.policyEntries(prefix);
    const listed = policyEntries.filter((entry) => inPeriod(entry.time, envelope.period));
    const spool = await ReportSpool.create();
    try {
      const turnedIneligible = spool.list('turnedIneligible');
      const counts = await this.turnCustomers(context, policyEntries, listed, turnedIneligible);
      const suppressions = spool.list('suppressions');
      const tally = new SuppressionTally();
      for await (const entry of this.reader.entriesOfTypes(prefix, ['consent.withdrawn', 'dnc.listed'])) {
        const suppression = suppressionOf(entry);
        if (!suppression || !inPeriod(suppression.time, envelope.period)) continue;
        tally.add(suppression);
        await suppressions.append(suppression);
      }
      await spool.seal();
      const versions = listed.map((entry) => policyVersionItem(entry, previousVersion(policyEntries, entry), counts.get(entry.sequence) ?? 0));
      return {
        envelope,
        parts: [inMemoryList('versions', versions), turnedIneligible, suppressions],
        totals: tally.totals(versions),
        rulesCited: policyHistoryRulesCited(listed.map(versionOf), suppressions.count > 0),
        dispose: () => spool.dispose(),
      };
    } catch (error) {
      await spool.dispose();
      throw error;
    }
  }

  /** Customers turned ineligible by each listed version, written as they are found; the count per version. */
  private async turnCustomers(context: ReportContext, all: readonly PolicyEntry[], listed: readonly PolicyEntry[], into: SpooledList): Promise<Map<number, number>> {
    const counts = new Map<number, number>();
    const versions = all.map(versionOf);
    const candidates = listed.map(versionOf).filter(canTurnCustomersIneligible);
    if (candidates.length === 0) return counts;
    for await (const history of this.reader.customerHistories(context.prefix)) {
      const facts = accumulateCustomerFacts(history.entries);
      if (!facts) continue;
      for (const version of candidates) {
        const questions = questionsTurnedIneligible(facts, versions, version, context.tenant, context.tzdataVersion);
        if (questions.length === 0) continue;
        counts.set(version.sequence, (counts.get(version.sequence) ?? 0) + 1);
        await into.append(turnedIneligibleItem(version, history.customerId, questions));
      }
    }
    return counts;
  }
}
