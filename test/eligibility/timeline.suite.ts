import { EntryOfType, evaluateContact, foldCustomerFacts, foldPolicyVersions } from '../../projections';
import { LogEntry } from '../support/events-api';
import { TestService } from '../support/http-app';
import { ALL_CUSTOMERS, CUSTOMERS } from './dealer-history';
import { expectedContactEvaluation, readLog, SeededTenant, timelineOf } from './eligibility-client';

type TimelineEntry = LogEntry & { evaluation?: { outcome: string; reason: string; basis: string; deadline?: string } | null };

const CUSTOMER_TYPES = ['customer.registered', 'customer.updated', 'consent.granted', 'consent.withdrawn', 'relationship.recorded', 'contact.attempted', 'dnc.listed', 'dnc.removed', 'erasure.requested'];

/** API.md "Timelines": a customer's entries in order, each contact with its evaluation at its own time as known at its recordedAt. */
export function customerTimeline(service: () => TestService, seeded: () => SeededTenant): void {
  const timeline = async (customerId: string, asOf?: string): Promise<TimelineEntry[]> => {
    const reply = await timelineOf(service(), seeded().tenant.auditor, customerId, asOf);
    expect(reply.status).toBe(200);
    return (reply.body as { items: TimelineEntry[] }).items;
  };

  it("lists the customer's entries in log order, as GET /v1/events gives them, each contact with an evaluation", async () => {
    const log = await readLog(service(), seeded().tenant.auditor);

    for (const customerId of ALL_CUSTOMERS) {
      const items = await timeline(customerId);
      const own = log.filter((entry) => entry.subject === customerId && CUSTOMER_TYPES.includes(entry.type));
      expect(items.map(({ evaluation, ...entry }) => entry)).toEqual(own);
      for (const item of items) expect('evaluation' in item).toBe(item.type === 'contact.attempted');
    }
  });

  it('evaluates each contact as the engine does, from what the log held before it', async () => {
    const contacts = seeded().entries.filter((entry) => entry.type === 'contact.attempted');
    const evaluations = new Map<number, unknown>();
    for (const customerId of ALL_CUSTOMERS) for (const item of await timeline(customerId)) if (item.type === 'contact.attempted') evaluations.set(item.sequence, item.evaluation);

    expect(contacts.map((contact) => [contact.sequence, evaluations.get(contact.sequence)])).toEqual(
      contacts.map((contact) => [contact.sequence, expectedContactEvaluation(seeded(), contact) ?? null]),
    );
  });

  it('shows eligible contacts, a policy breach, grace across a weekend and Canada Day, a violation after it, a failed attempt', async () => {
    const contacts = (await timeline(CUSTOMERS.canadianBuyer)).filter((item) => item.type === 'contact.attempted');

    expect(contacts.map((item) => [item.time, (item.data as { outcome: string }).outcome, item.evaluation])).toEqual([
      ['2025-05-01T14:00:00.000Z', 'sent', { outcome: 'eligible', reason: 'express-consent', basis: 'law' }],
      // The tenant's three quiet days between emails: its own rule, never a violation.
      ['2025-05-02T14:00:00.000Z', 'sent', { outcome: 'policy-breach', reason: 'recently-contacted', basis: 'policy' }],
      // Nine days after a national listing, but the purchase is an established business relationship.
      ['2025-06-10T18:00:00.000Z', 'answered', { outcome: 'eligible', reason: 'ebr-purchase', basis: 'law' }],
      // Withdrawn Friday 26 June: ten business days skip two weekends and Canada Day (1 July), so
      // the last is Monday 13 July and the deadline its end in Toronto (EDT).
      ['2026-07-02T15:00:00.000Z', 'sent', { outcome: 'within-grace', reason: 'opted-out', basis: 'law', deadline: '2026-07-14T04:00:00.000Z' }],
      ['2026-07-02T16:00:00.000Z', 'failed', null],
      ['2026-07-20T15:00:00.000Z', 'sent', { outcome: 'violation', reason: 'opted-out', basis: 'law', deadline: '2026-07-14T04:00:00.000Z' }],
      // A withdrawal of email for "all" purposes does not stop transactional messages.
      ['2026-07-21T15:00:00.000Z', 'sent', { outcome: 'eligible', reason: 'transactional-exempt', basis: 'law' }],
    ]);
  });

  it('calls a vendor suppression a policy breach and a missing written consent, an objection or an erasure violations', async () => {
    const evaluationsOf = async (customerId: string) =>
      (await timeline(customerId)).filter((item) => item.type === 'contact.attempted').map((item) => [item.time, item.evaluation]);

    expect(await evaluationsOf(CUSTOMERS.usTexter)).toEqual([
      ['2025-03-01T16:00:00.000Z', { outcome: 'eligible', reason: 'express-written-consent', basis: 'law' }],
      // An autodialed call on an oral (not written) consent: the TCPA wants it written.
      ['2025-03-01T16:05:00.000Z', { outcome: 'violation', reason: 'written-consent-required', basis: 'law' }],
      ['2026-03-05T15:00:00.000Z', { outcome: 'policy-breach', reason: 'suppressed', basis: 'policy' }],
      // Recorded before the customer's own STOP of 1 April was backfilled: judged as known then.
      ['2026-04-10T15:00:00.000Z', { outcome: 'policy-breach', reason: 'suppressed', basis: 'policy' }],
    ]);
    // No grace under the GDPR.
    expect(await evaluationsOf(CUSTOMERS.germanCustomer)).toEqual([['2025-12-02T09:00:00.000Z', { outcome: 'violation', reason: 'opted-out', basis: 'law' }]]);
    expect(await evaluationsOf(CUSTOMERS.erased)).toEqual([['2026-02-10T15:00:00.000Z', { outcome: 'violation', reason: 'erased', basis: 'law' }]]);
    expect(await evaluationsOf(CUSTOMERS.walkIn)).toEqual([['2026-05-02T15:00:00.000Z', { outcome: 'eligible', reason: 'ebr-inquiry', basis: 'law' }]]);
  });

  it('keeps only the entries recorded by asOf, each evaluation as it was when recorded', async () => {
    const { recordedAt } = seeded();
    const full = await timeline(CUSTOMERS.usTexter);
    const backfill = full[full.length - 1]!;
    expect(backfill).toMatchObject({ type: 'consent.withdrawn', time: '2026-04-01T15:00:00.000Z' });

    const beforeBackfill = await timeline(CUSTOMERS.usTexter, recordedAt[recordedAt.length - 2]);
    const early = await timeline(CUSTOMERS.canadianBuyer, recordedAt[2]);
    const beforeAnything = await timeline(CUSTOMERS.canadianBuyer, recordedAt[0]);
    const future = await timeline(CUSTOMERS.usTexter, '2099-01-01T00:00:00.000Z');

    expect(beforeBackfill).toEqual(full.slice(0, -1));
    expect(early.map((item) => item.type)).toEqual(['customer.registered']);
    expect(beforeAnything).toEqual([]);
    expect(future).toEqual(full);
    for (const item of full) expect(item.recordedAt <= recordedAt[recordedAt.length - 1]!).toBe(true);
  });

  it('judges a contact as known when it was recorded: a withdrawal backfilled later does not change it', async () => {
    const { entries, defaults } = seeded();
    const contact = entries.find((entry) => entry.subject === CUSTOMERS.usTexter && entry.type === 'contact.attempted' && entry.time === '2026-04-10T15:00:00.000Z')!;
    const backfill = entries[entries.length - 1]!;
    const item = (await timeline(CUSTOMERS.usTexter)).find((entry) => entry.sequence === contact.sequence)!;

    // With hindsight the customer's STOP of 1 April (a Wednesday) would make this a contact within
    // the TCPA's ten business days; as known when it was made, it was the vendor's suppression.
    const hindsight = evaluateContact(
      { facts: foldCustomerFacts(entries.filter((entry) => entry.subject === CUSTOMERS.usTexter)), policies: foldPolicyVersions(entries), tenant: defaults },
      { ...contact, recordedAt: backfill.recordedAt } as EntryOfType<'contact.attempted'>,
    );
    expect(hindsight).toEqual({ outcome: 'within-grace', reason: 'opted-out', basis: 'law', deadline: '2026-04-16T04:00:00.000Z' });
    expect(item.evaluation).toEqual({ outcome: 'policy-breach', reason: 'suppressed', basis: 'policy' });
  });
}
