import { Channel, RuleReference } from '../../../projections';
import { accumulateCustomerFacts, customerViolations, versionOf, ViolationTally } from '../../../projections/reports';
import { ReportDocument } from '../document/report-document';
import { ReportContexts, ReportRequest } from '../document/report-context';
import { ReportSpool } from '../document/report-spool';
import { LogPrefixReader } from '../source/log-prefix-reader';

export interface ViolationsRequest extends ReportRequest {
  channel?: Channel;
}

/**
 * Contacts made while ineligible, and opt-outs with their deadlines, over the whole tenant. The
 * log is read customer by customer: held in memory are one customer's history and facts, the
 * tenant's policy versions, the totals (bounded by channels, reasons and actors) and the rules
 * cited; line items go to the spool as each customer is done.
 */
export class ViolationsReport {
  constructor(
    private readonly contexts: ReportContexts,
    private readonly reader: LogPrefixReader,
  ) {}

  async build(tenantId: string, request: ViolationsRequest): Promise<ReportDocument> {
    const context = await this.contexts.create(tenantId, 'violations', request);
    const { envelope, prefix } = context;
    const policies = (await this.reader.policyEntries(prefix)).map(versionOf);
    const question = { period: envelope.period, channel: request.channel ?? null, asOf: envelope.asOf };
    const spool = await ReportSpool.create();
    try {
      const items = spool.list('items');
      const optOuts = spool.list('optOuts');
      const tally = new ViolationTally();
      const rulesCited = new Map<string, RuleReference>();
      for await (const history of this.reader.customerHistories(prefix)) {
        const facts = accumulateCustomerFacts(history.entries);
        if (!facts) continue;
        const violations = customerViolations(history, { facts, policies, tenant: context.tenant }, question);
        tally.add(violations);
        for (const judgement of violations.contacts) for (const rule of judgement.rules) rulesCited.set(rule.id, rule);
        for (const item of violations.items) await items.append(item);
        for (const optOut of violations.optOuts) await optOuts.append(optOut);
      }
      await spool.seal();
      return {
        envelope,
        parts: [items, optOuts],
        totals: tally.totals(),
        rulesCited: [...rulesCited.values()].sort((a, b) => a.id.localeCompare(b.id)),
        dispose: () => spool.dispose(),
      };
    } catch (error) {
      await spool.dispose();
      throw error;
    }
  }
}
