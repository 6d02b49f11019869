import { TestService } from '../support/http-app';
import { errorLocations, expectProblem, expectUnauthenticated } from '../support/problem-details';
import { CUSTOMERS } from './dealer-history';
import { askEligibility, checkCampaign, SeededTenant, timelineOf } from './eligibility-client';

const QUESTION = { channel: 'email', purpose: 'marketing' } as const;

/** API.md "Eligibility" and "Conventions": what is not found, what is invalid, who may ask. */
export function eligibilityRequests(service: () => TestService, seeded: () => SeededTenant): void {
  it('answers 404 for an id no customer event ever named', async () => {
    const { tenant } = seeded();
    // `dealer-crm` is a policy's subject, not a customer's.
    for (const customerId of ['nobody', 'dealer-crm']) {
      expectProblem(await askEligibility(service(), tenant.auditor, customerId, QUESTION), 404, 'not-found');
      expectProblem(await timelineOf(service(), tenant.auditor, customerId), 404, 'not-found');
    }
  });

  it("answers another tenant's customer exactly like one that does not exist", async () => {
    const other = await service().createTenant();
    const { tenant } = seeded();

    const single = await askEligibility(service(), other.auditor, CUSTOMERS.canadianBuyer, QUESTION);
    const timeline = await timelineOf(service(), other.auditor, CUSTOMERS.canadianBuyer);
    const campaign = await checkCampaign(service(), other.auditor, { ...QUESTION, customerIds: [CUSTOMERS.canadianBuyer] });
    const unknown = await askEligibility(service(), tenant.auditor, 'nobody', QUESTION);

    expect(single.body).toEqual(unknown.body);
    expect(expectProblem(timeline, 404, 'not-found').detail).toBe((unknown.body as { detail: string }).detail);
    expect(campaign.body).toEqual({ treeSize: 0, eligible: [], ineligible: [{ customerId: CUSTOMERS.canadianBuyer, reason: 'unknown-customer', until: null }] });
  });

  it('answers 400 listing every problem of a question', async () => {
    const { tenant } = seeded();

    const reply = await askEligibility(service(), tenant.auditor, CUSTOMERS.canadianBuyer, {
      channel: 'fax',
      at: 'yesterday',
      asOf: '2026-01-01T00:00:00.0001Z',
      automated: 'maybe',
    });

    const problem = expectProblem(reply, 400, 'validation');
    expect(errorLocations(problem).map(({ path }) => path).sort()).toEqual(['asOf', 'at', 'automated', 'channel', 'purpose']);
    expect(problem.errors!.every(({ message }) => message.length > 0)).toBe(true);
  });

  it('answers 400 for a customer id that is not an id, and for unknown parameters', async () => {
    const { tenant } = seeded();

    const notAnId = await askEligibility(service(), tenant.auditor, 'jo@example.com', QUESTION);
    const unknownParameter = await askEligibility(service(), tenant.auditor, CUSTOMERS.canadianBuyer, { ...QUESTION, country: 'CA' });
    const badTimelineAsOf = await timelineOf(service(), tenant.auditor, CUSTOMERS.canadianBuyer, 'last week');

    expect(errorLocations(expectProblem(notAnId, 400, 'validation'))).toEqual([{ path: 'customerId' }]);
    expect(errorLocations(expectProblem(unknownParameter, 400, 'validation'))).toEqual([{ path: 'country' }]);
    expect(errorLocations(expectProblem(badTimelineAsOf, 400, 'validation'))).toEqual([{ path: 'asOf' }]);
  });

  it('lets auditors and admins ask; emitters get 403, the root key 403, no key 401', async () => {
    const { tenant } = seeded();
    const ask = (key: string | undefined) => [
      askEligibility(service(), key as string, CUSTOMERS.canadianBuyer, QUESTION),
      checkCampaign(service(), key as string, { ...QUESTION, customerIds: [CUSTOMERS.canadianBuyer] }),
      timelineOf(service(), key as string, CUSTOMERS.canadianBuyer),
    ];

    for (const reply of await Promise.all([...ask(tenant.auditor), ...ask(tenant.admin)])) expect(reply.status).toBe(200);
    for (const reply of await Promise.all(ask(tenant.emitter))) expectProblem(reply, 403, 'forbidden');
    for (const reply of await Promise.all(ask(service().rootKey))) expectProblem(reply, 403, 'forbidden');
    for (const reply of await Promise.all(ask(undefined))) expectUnauthenticated(reply);
  });

  it('checks the key before the question: 401 and 403 come before 400', async () => {
    const { tenant } = seeded();

    expectUnauthenticated(await askEligibility(service(), undefined as unknown as string, 'not an id!', { channel: 'fax' }));
    expectProblem(await askEligibility(service(), tenant.emitter, 'not an id!', { channel: 'fax' }), 403, 'forbidden');
    expectProblem(await checkCampaign(service(), tenant.emitter, { channel: 'fax' }), 403, 'forbidden');
  });
}
