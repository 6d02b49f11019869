import { serviceFor, TestTenant } from '../support/http-app';
import { StoreUnderTest } from '../support/stores';
import { reportAccess } from './report-access.suite';
import { reportContent } from './report-content.suite';
import { seedScenario } from './report-client';
import { reportFormats } from './report-formats.suite';
import { reportScenario } from './report-scenario';

/**
 * API.md "Timelines and reports" over HTTP against one service per store. The scenario is posted
 * once to one tenant and only read by the suites.
 */
export function reportsContract(store: StoreUnderTest): void {
  const service = serviceFor(store);
  let dealer: TestTenant | undefined;
  beforeAll(async () => {
    dealer = await seedScenario(service(), reportScenario());
  }, 60_000);
  const seeded = () => {
    if (!dealer) throw new Error('the scenario was not posted');
    return dealer;
  };

  describe('content', () => reportContent(service, seeded));
  describe('formats', () => reportFormats(service, seeded));
  describe('access and requests', () => reportAccess(service, seeded));
}
