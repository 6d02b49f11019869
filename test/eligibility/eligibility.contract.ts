import { serviceFor } from '../support/http-app';
import { StoreUnderTest } from '../support/stores';
import { answersMatchTheEngine } from './answers-match-the-engine.suite';
import { campaignCheck } from './campaign-check.suite';
import { eligibilityRequests } from './eligibility-requests.suite';
import { erasure } from './erasure.suite';
import { customerTimeline } from './timeline.suite';
import { dealerHistory } from './dealer-history';
import { SeededTenant, seedTenant } from './eligibility-client';

/**
 * API.md "Eligibility", the timeline and "Erasure" over HTTP against one service per store. The
 * dealer's history is posted once and only read by the suites that share it; suites that append
 * take a tenant of their own.
 */
export function eligibilityContract(store: StoreUnderTest): void {
  const service = serviceFor(store);
  let dealer: SeededTenant | undefined;
  beforeAll(async () => {
    dealer = await seedTenant(service(), dealerHistory());
  });
  const seeded = () => {
    if (!dealer) throw new Error('the dealer history was not posted');
    return dealer;
  };

  describe('answers match the engine', () => answersMatchTheEngine(service, seeded));
  describe('requests', () => eligibilityRequests(service, seeded));
  describe('campaign check', () => campaignCheck(service, seeded));
  describe('timeline', () => customerTimeline(service, seeded));
  describe('erasure', () => erasure(service));
}
