import { RecordedBy } from '../../projections/events';
import { CustomerHistories } from '../../src/eligibility/customer-histories';
import { CustomerTimeline } from '../../src/eligibility/customer-timeline';
import { EligibilityAnswers } from '../../src/eligibility/eligibility-answers';
import { validateIncomingEvents } from '../../src/events/validation';
import { TenantLog } from '../../src/ledger/tenant-log';
import { KeyMaterial } from '../../src/security/key-material';
import { LedgerDatabase } from '../../src/store/ledger-database';
import { TenantRegistry } from '../../src/tenants/tenant-registry';
import { embeddedStore, postgresStore, StoreUnderTest, uniqueTenantId } from '../support/stores';

const EMITTER: RecordedBy = { keyId: 'key_clock', role: 'emitter', label: 'clock suite' };

/**
 * `recordedAt` is stamped with the database's clock (and never decreases), while "now" for a
 * question is the service's. A server database whose clock runs ahead, or a clock stepped back,
 * must not hide what was just appended: read-your-writes (API.md "Events") holds whatever the skew.
 */
function clockSkewContract(store: StoreUnderTest): void {
  let database: LedgerDatabase;
  let log: TenantLog;
  let tenantId: string;
  const customerId = 'c-skew';
  /** The service's clock, a minute behind the database's. */
  const lagging = () => new Date(Date.now() - 60_000);

  beforeAll(async () => {
    const config = store.config();
    database = await LedgerDatabase.open(config);
    log = new TenantLog(database, KeyMaterial.load(config));
    tenantId = uniqueTenantId('clock');
    await new TenantRegistry(database).createTenant({ id: tenantId, name: 'Clock Motors', country: 'US', region: 'NY', timezone: 'America/New_York' });
    const validated = validateIncomingEvents(
      [
        { specversion: '1.0', id: 'r', source: 'urn:test', type: 'customer.registered', subject: customerId, time: '2026-01-01T15:00:00Z', data: { actor: { type: 'crm-system', id: 'crm' } } },
        {
          specversion: '1.0',
          id: 'w',
          source: 'urn:test',
          type: 'consent.withdrawn',
          subject: customerId,
          time: '2026-01-02T15:00:00Z',
          data: { actor: { type: 'customer', id: 'self' }, channel: 'all', purpose: 'all', method: 'reply-stop' },
        },
      ],
      { now: new Date(), batch: true },
    );
    if (!validated.ok) throw new Error(JSON.stringify(validated.problems));
    const outcome = await log.append(tenantId, EMITTER, validated.events);
    if (!outcome.ok) throw new Error(JSON.stringify(outcome.problem.toJSON()));
  });

  afterAll(async () => {
    await database?.close();
  });

  it('answers "now" with everything appended, even when the database clock is ahead', async () => {
    const answers = new EligibilityAnswers(new CustomerHistories(database), lagging);

    const answer = await answers.forCustomer(tenantId, customerId, { channel: 'email', purpose: 'marketing', at: '2026-02-01T00:00:00.000Z' });
    const campaign = await answers.forCampaign(tenantId, [customerId], { channel: 'email', purpose: 'marketing', at: '2026-02-01T00:00:00.000Z' });

    expect(answer).toMatchObject({ treeSize: 2, eligible: false, reason: 'opted-out', evidence: [1] });
    expect(answer.asOf >= lagging().toISOString()).toBe(true);
    expect(campaign).toEqual({ treeSize: 2, eligible: [], ineligible: [{ customerId, reason: 'opted-out', until: null }] });
  });

  it('shows every appended entry in the timeline "now", even when the database clock is ahead', async () => {
    const timeline = new CustomerTimeline(database, log, lagging);

    const { items } = await timeline.of(tenantId, customerId, undefined);

    expect(items.map((item) => item.type)).toEqual(['customer.registered', 'consent.withdrawn']);
  });
}

const describeWithPostgres = process.env.DATABASE_URL ? describe : describe.skip;

describe('eligibility under clock skew, embedded PGlite store', () => clockSkewContract(embeddedStore));
describeWithPostgres('eligibility under clock skew, PostgreSQL (DATABASE_URL)', () => clockSkewContract(postgresStore));
