import { CHANNELS, Purpose } from '../../projections';
import { TestService } from '../support/http-app';
import { ALL_CUSTOMERS, CUSTOMERS } from './dealer-history';
import { askEligibility, EligibilityQuestion, expectedAnswer, inParallel, SeededTenant } from './eligibility-client';

/** Inside the policies' appliesTo, outside it, and exempt from consent. */
const PURPOSES: Purpose[] = ['marketing', 'service', 'transactional'];

/** Instants the questions are about: before and after the opt-outs, inside a grace period, at night. */
const AT = [
  '2025-06-15T16:00:00.000Z',
  '2026-04-15T14:00:00.000Z',
  '2026-07-08T14:00:00.000Z',
  '2026-11-20T03:00:00.000Z',
];

interface AsOfCase {
  name: string;
  asOf: (seeded: SeededTenant) => string | undefined;
}

/** What the ledger had recorded: just before the backfill, just after it, and now (the read models). */
const AS_OF: AsOfCase[] = [
  { name: 'before the backfill was recorded', asOf: (seeded) => seeded.recordedAt[seeded.recordedAt.length - 2] },
  { name: 'when the backfill was recorded', asOf: (seeded) => seeded.recordedAt[seeded.recordedAt.length - 1] },
  { name: 'now (omitted)', asOf: () => undefined },
];

/**
 * API.md "Eligibility": for the same history, the HTTP answer is the engine's answer computed in
 * the test from the entries read back — field for field, over a grid of questions, from the read
 * models (asOf now) and from the log (a past asOf).
 */
export function answersMatchTheEngine(service: () => TestService, seeded: () => SeededTenant): void {
  it('answers every question of the grid exactly as evaluate does over the log prefix', async () => {
    const questions: Array<{ customerId: string; question: EligibilityQuestion; asOfCase: string }> = [];
    for (const customerId of ALL_CUSTOMERS)
      for (const channel of CHANNELS)
        for (const purpose of PURPOSES)
          for (const automated of [false, true])
            for (const at of AT)
              for (const asOfCase of AS_OF) questions.push({ customerId, question: { channel, purpose, automated, at, asOf: asOfCase.asOf(seeded()) }, asOfCase: asOfCase.name });

    const mismatches: unknown[] = [];
    const reasons = new Set<string>();
    await inParallel(questions, 8, async ({ customerId, question, asOfCase }) => {
      const reply = await askEligibility(service(), seeded().tenant.auditor, customerId, question);
      const body = reply.body as { asOf: string; reason: string };
      if (reply.status !== 200) {
        mismatches.push({ customerId, question, status: reply.status, body });
        return;
      }
      reasons.add(body.reason);
      const expected = expectedAnswer(seeded(), customerId, { ...question, asOf: body.asOf } as Required<EligibilityQuestion>);
      if (question.asOf !== undefined && body.asOf !== question.asOf) mismatches.push({ customerId, question, asOfCase, asOf: body.asOf });
      try {
        expect(body).toEqual(expected);
      } catch {
        mismatches.push({ customerId, question, asOfCase, got: body, expected });
      }
    });

    expect(mismatches.slice(0, 3)).toEqual([]);
    expect(questions).toHaveLength(ALL_CUSTOMERS.length * CHANNELS.length * PURPOSES.length * 2 * AT.length * AS_OF.length);
    // The grid reaches most of the engine's reasons, or the comparison proves little.
    expect([...reasons].sort()).toEqual(
      expect.arrayContaining([
        'consent-expired',
        'dnc-listed',
        'ebr-inquiry',
        'ebr-purchase',
        'erased',
        'express-consent',
        'express-written-consent',
        'implied-contract',
        'no-consent',
        'no-consent-required',
        'not-on-dnc',
        'opted-out',
        'policy-window-expired',
        'quiet-hours',
        'suppressed',
        'transactional-exempt',
        'unknown-customer',
        'written-consent-required',
      ]),
    );
  });

  it('answers from what was recorded by asOf: a backfilled withdrawal counts only once recorded', async () => {
    const { tenant, recordedAt } = seeded();
    const question = { channel: 'sms', purpose: 'marketing', at: '2026-04-15T14:00:00.000Z' } as const;
    const before = await askEligibility(service(), tenant.auditor, CUSTOMERS.usTexter, { ...question, asOf: recordedAt[recordedAt.length - 2] });
    const after = await askEligibility(service(), tenant.auditor, CUSTOMERS.usTexter, { ...question, asOf: recordedAt[recordedAt.length - 1] });

    // Before: the vendor's suppression (the tenant's rule); after: the customer's own STOP (the law).
    expect(before.body).toMatchObject({ eligible: false, reason: 'suppressed', treeSize: seeded().entries.length - 1 });
    expect(after.body).toMatchObject({ eligible: false, reason: 'opted-out', treeSize: seeded().entries.length });
    expect((after.body as { evidence: number[] }).evidence).toContain(seeded().entries.length - 1);
  });

  it('answers a known customer with nothing at time ≤ at recorded by asOf: 200 unknown-customer', async () => {
    const { tenant, recordedAt } = seeded();
    const beforeFirstEvent = await askEligibility(service(), tenant.auditor, CUSTOMERS.canadianBuyer, { channel: 'email', purpose: 'marketing', at: '2025-03-01T00:00:00.000Z' });
    const notYetRecorded = await askEligibility(service(), tenant.auditor, CUSTOMERS.canadianBuyer, { channel: 'email', purpose: 'marketing', at: '2026-01-01T00:00:00.000Z', asOf: recordedAt[0] });

    for (const reply of [beforeFirstEvent, notYetRecorded]) {
      expect(reply.status).toBe(200);
      expect(reply.body).toMatchObject({ customerId: CUSTOMERS.canadianBuyer, eligible: false, reason: 'unknown-customer', evidence: [] });
    }
    expect(notYetRecorded.body).toMatchObject({ treeSize: 2, asOf: recordedAt[0] });
  });

  it('answers early in the history as evaluate does, for customers recorded by then and those not yet', async () => {
    const { tenant, recordedAt } = seeded();
    const question = { channel: 'email', purpose: 'marketing', automated: false, at: '2026-01-01T00:00:00.000Z', asOf: recordedAt[1]! } as const;

    const answers = await Promise.all(ALL_CUSTOMERS.map((customerId) => askEligibility(service(), tenant.auditor, customerId, question)));

    expect(answers.map((reply) => reply.body)).toEqual(ALL_CUSTOMERS.map((customerId) => expectedAnswer(seeded(), customerId, question)));
    // The US customers need no consent for email, but the dealer's policy wants a relationship, and none was recorded yet.
    expect(answers.map((reply) => (reply.body as { reason: string }).reason)).toEqual([
      'unknown-customer',
      'policy-window-expired',
      'policy-window-expired',
      'express-consent',
      'unknown-customer',
      'unknown-customer',
    ]);
  });

  it('treats an asOf later than now as now, answering from the read models', async () => {
    const { tenant } = seeded();
    const question = { channel: 'voice', purpose: 'sales', at: '2025-10-02T15:00:00.000Z' } as const;
    const before = new Date().toISOString();
    const future = await askEligibility(service(), tenant.auditor, CUSTOMERS.usListed, { ...question, asOf: '2099-01-01T00:00:00.000Z' });
    const after = new Date().toISOString();
    const now = await askEligibility(service(), tenant.auditor, CUSTOMERS.usListed, question);

    expect(future.status).toBe(200);
    const answer = future.body as { asOf: string };
    expect(answer.asOf >= before && answer.asOf <= after).toBe(true);
    expect({ ...answer, asOf: 'now' }).toEqual({ ...(now.body as object), asOf: 'now' });
    expect(answer).toMatchObject({ eligible: true, reason: 'ebr-purchase', treeSize: seeded().entries.length });
  });

  it('defaults at to now', async () => {
    const { tenant } = seeded();
    const before = new Date().toISOString();
    const reply = await askEligibility(service(), tenant.auditor, CUSTOMERS.germanCustomer, { channel: 'email', purpose: 'marketing' });
    const answer = reply.body as { at: string; asOf: string };

    expect(answer.at >= before && answer.at === answer.asOf).toBe(true);
    expect(answer).toEqual(expectedAnswer(seeded(), CUSTOMERS.germanCustomer, { channel: 'email', purpose: 'marketing', automated: false, at: answer.at, asOf: answer.asOf }));
    expect(answer).toMatchObject({ eligible: false, reason: 'opted-out', jurisdiction: { country: 'DE' } });
  });
}
