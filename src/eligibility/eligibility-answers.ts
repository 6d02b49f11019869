import { Channel, EligibilityAnswer, EligibilityVerdict, evaluate, evaluateVerdict, Purpose } from '../../projections';
import { Problem } from '../common/problem';
import { normalizeLedgerTimestamp } from '../events/validation/formats/ledger-timestamp';
import { CustomerHistories, Histories } from './customer-histories';

export interface Question {
  channel: Channel;
  purpose: Purpose;
  at?: string;
  asOf?: string;
  automated?: boolean;
}

export type CustomerAnswer = { customerId: string; channel: Channel; purpose: Purpose; at: string; asOf: string } & EligibilityAnswer;

export interface CampaignAnswer {
  treeSize: number;
  eligible: string[];
  ineligible: Array<{ customerId: string; reason: string; until: string | null }>;
}

/**
 * Answers eligibility questions (API.md "Eligibility"): "now" from the read models, a past
 * `at` or `asOf` from the log, both through the engine's `evaluate`.
 */
export class EligibilityAnswers {
  constructor(
    private readonly histories: CustomerHistories,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async forCustomer(tenantId: string, customerId: string, question: Question): Promise<CustomerAnswer> {
    const { at, asOf, histories } = await this.load(tenantId, [customerId], question);
    if (!histories.facts.has(customerId)) throw new Problem('not-found', 'No such customer');
    const answer = this.answer(histories, customerId, question, at, asOf);
    return { customerId, channel: question.channel, purpose: question.purpose, at, asOf, ...answer };
  }

  async forCampaign(tenantId: string, customerIds: string[], question: Question): Promise<CampaignAnswer> {
    const { at, asOf, histories } = await this.load(tenantId, [...new Set(customerIds)], question);
    const verdicts = new Map<string, EligibilityVerdict>();
    // Every unknown id gets the same verdict (the engine never sees the id): work it out once.
    let unknown: EligibilityVerdict | undefined;
    const result: CampaignAnswer = { treeSize: histories.treeSize, eligible: [], ineligible: [] };
    for (const customerId of customerIds) {
      let verdict = verdicts.get(customerId);
      if (!verdict) {
        verdict = histories.facts.has(customerId) ? this.verdict(histories, customerId, question, at, asOf) : (unknown ??= this.verdict(histories, customerId, question, at, asOf));
        verdicts.set(customerId, verdict);
      }
      if (verdict.eligible) result.eligible.push(customerId);
      else result.ineligible.push({ customerId, reason: verdict.reason, until: verdict.until });
    }
    return result;
  }

  private async load(tenantId: string, customerIds: string[], question: Question): Promise<{ at: string; asOf: string; histories: Histories }> {
    const now = this.now().toISOString();
    const at = question.at ? normalizeLedgerTimestamp(question.at) : now;
    const requestedAsOf = question.asOf ? normalizeLedgerTimestamp(question.asOf) : now;
    if (requestedAsOf < now) return { at, asOf: requestedAsOf, histories: await this.histories.recordedBy(tenantId, customerIds, requestedAsOf) };
    // "Now" is everything recorded. recordedAt comes from the database's clock and never decreases,
    // so it can be ahead of ours: answering as of our clock would hide what was just appended.
    const histories = await this.histories.current(tenantId, customerIds);
    return { at, asOf: histories.lastRecordedAt && histories.lastRecordedAt > now ? histories.lastRecordedAt : now, histories };
  }

  private answer(histories: Histories, customerId: string, question: Question, at: string, asOf: string): EligibilityAnswer {
    const facts = histories.facts.get(customerId);
    return evaluate(
      { facts, known: facts !== undefined, policies: histories.policies, tenant: histories.tenant, tzdataVersion: process.versions.tz ?? 'unknown' },
      { channel: question.channel, purpose: question.purpose, at, asOf, automated: question.automated ?? false, treeSize: histories.treeSize },
    );
  }

  private verdict(histories: Histories, customerId: string, question: Question, at: string, asOf: string): EligibilityVerdict {
    const facts = histories.facts.get(customerId);
    return evaluateVerdict(
      { facts, known: facts !== undefined, policies: histories.policies, tenant: histories.tenant },
      { channel: question.channel, purpose: question.purpose, at, asOf, automated: question.automated ?? false },
    );
  }
}
