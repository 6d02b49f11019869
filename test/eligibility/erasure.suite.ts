import { CHANNELS, PURPOSES } from '../../projections';
import { cloudEvent } from '../support/cloud-events';
import { LogEntry } from '../support/events-api';
import { TestService, TestTenant } from '../support/http-app';
import { errorLocations, expectProblem } from '../support/problem-details';
import { askEligibility, postEvents, readLog, timelineOf } from './eligibility-client';

const ERASED_AT = '2026-03-10T15:00:00.000Z';
/** A Tuesday, 11:00 in Toronto: inside calling hours, so only the erasure can say no. */
const BEFORE = '2026-03-03T16:00:00.000Z';
const AFTER = ['2026-03-10T15:00:00.000Z', '2026-06-02T15:00:00.000Z'];

const customer = { type: 'customer', id: 'self' };

/** API.md "Erasure": the vault is deleted, the log untouched; the customer is ineligible from the erasure's time on. */
export function erasure(service: () => TestService): void {
  let tenant: TestTenant;
  let customerId: string;
  let erasureSequence: number;
  const answersBefore = new Map<string, unknown>();

  const everyQuestion = () => CHANNELS.flatMap((channel) => PURPOSES.flatMap((purpose) => [false, true].map((automated) => ({ channel, purpose, automated }))));
  const key = (question: object) => JSON.stringify(question);

  beforeAll(async () => {
    tenant = await service().createTenant({ country: 'CA', region: 'ON', timezone: 'America/Toronto' });
    customerId = `erase-${Date.now()}`;
    await postEvents(service(), tenant.emitter, [
      cloudEvent('customer.registered', { subject: customerId, time: '2026-01-10T15:00:00.000Z', data: { pii: { name: 'Robin Roy', email: 'robin@example.com', phone: '+14165550199' } } }),
      cloudEvent('consent.granted', {
        subject: customerId,
        time: '2026-01-10T15:05:00.000Z',
        data: { actor: customer, channel: 'all', purpose: 'all', kind: 'express-written', evidence: { method: 'web-form' }, pii: { ip: '198.51.100.4' } },
      }),
      cloudEvent('relationship.recorded', { subject: customerId, time: '2026-01-10T16:00:00.000Z', data: { kind: 'sale', paymentType: 'cash' } }),
      cloudEvent('contact.attempted', { subject: customerId, time: '2026-02-03T16:00:00.000Z', data: { channel: 'email', purpose: 'marketing', outcome: 'sent' } }),
    ]);
    for (const question of everyQuestion()) {
      answersBefore.set(key(question), (await askEligibility(service(), tenant.auditor, customerId, { ...question, at: BEFORE })).body);
    }
  });

  it('takes an erasure from an admin only: an emitter gets 403 and nothing is appended', async () => {
    const before = (await readLog(service(), tenant.auditor)).length;
    const request = cloudEvent('erasure.requested', { subject: customerId, time: ERASED_AT, data: { basis: 'pipeda' } });

    expectProblem(await service().send('POST', '/v1/events', { key: tenant.emitter, body: request }), 403, 'forbidden');
    expect(await readLog(service(), tenant.auditor)).toHaveLength(before);

    const [appended] = await postEvents(service(), tenant.admin, request);
    erasureSequence = appended!.sequence;
    expect(erasureSequence).toBe(before);
  });

  it('answers erased on every channel, purpose and kind of call from its time on', async () => {
    const questions = everyQuestion().flatMap((question) => AFTER.map((at) => ({ ...question, at })));
    const answers = await Promise.all(questions.map((question) => askEligibility(service(), tenant.auditor, customerId, question)));

    for (const reply of answers) {
      expect(reply.status).toBe(200);
      expect(reply.body).toMatchObject({ eligible: false, reason: 'erased', until: null, eligibleUntil: null, evidence: [erasureSequence] });
    }
    expect(questions).toHaveLength(CHANNELS.length * PURPOSES.length * 2 * AFTER.length);
  });

  it('answers an earlier instant as before the erasure', async () => {
    for (const question of everyQuestion()) {
      const reply = await askEligibility(service(), tenant.auditor, customerId, { ...question, at: BEFORE });
      const { asOf, treeSize, ...now } = reply.body as { asOf: string; treeSize: number };
      const { asOf: _asOf, treeSize: _treeSize, ...then } = answersBefore.get(key(question)) as { asOf: string; treeSize: number };
      expect(now).toEqual(then);
      expect(treeSize).toBe(erasureSequence + 1);
    }
    // The express-written consent and the purchase made every one of them eligible.
    expect([...answersBefore.values()].every((answer) => (answer as { eligible: boolean }).eligible)).toBe(true);
  });

  it('shows the personal data as erased in the log and the timeline; the commitments stay', async () => {
    const log = (await readLog(service(), tenant.auditor)).filter((entry) => entry.subject === customerId);
    const timeline = (await timelineOf(service(), tenant.auditor, customerId)).body as { items: LogEntry[] };
    const withPii = (entries: LogEntry[]) => entries.filter((entry) => entry.data.pii);

    expect(withPii(log).map((entry) => entry.type)).toEqual(['customer.registered', 'consent.granted']);
    for (const entries of [log, timeline.items]) {
      for (const entry of withPii(entries)) {
        expect(entry.pii).toEqual({ erased: true });
        expect(entry.data.pii).toEqual({ commitment: expect.stringMatching(/^[A-Za-z0-9+/]{43}=$/) });
      }
    }
    const single = await service().send('GET', `/v1/events/${withPii(log)[0]!.sequence}`, { key: tenant.admin });
    expect((single.body as LogEntry).pii).toEqual({ erased: true });
  });

  it('still verifies the whole log', async () => {
    const reply = await service().send('GET', '/v1/ledger/verify', { key: tenant.auditor });

    expect(reply.status).toBe(200);
    expect(reply.body).toMatchObject({ ok: true, treeSize: erasureSequence + 1 });
  });

  it('accepts later events without pii, judging later contacts as violations; refuses any with pii', async () => {
    const contact = cloudEvent('contact.attempted', { subject: customerId, time: '2026-03-11T15:00:00.000Z', data: { channel: 'sms', purpose: 'service', outcome: 'delivered' } });
    const [appended] = await postEvents(service(), tenant.emitter, contact);

    const refused = await service().send('POST', '/v1/events', {
      key: tenant.emitter,
      body: [
        cloudEvent('customer.updated', { subject: customerId, time: '2026-03-12T15:00:00.000Z', data: { pii: { email: 'robin@new.example' } } }),
        cloudEvent('customer.registered', { subject: 'someone-else', time: '2026-03-12T15:00:00.000Z', data: { pii: { name: 'Kim' } } }),
        cloudEvent('consent.granted', {
          subject: customerId,
          time: '2026-03-12T15:00:00.000Z',
          data: { actor: customer, channel: 'email', purpose: 'all', kind: 'express', evidence: { method: 'web-form' }, pii: { ip: '198.51.100.4' } },
        }),
      ],
    });

    expect(errorLocations(expectProblem(refused, 400, 'validation'))).toEqual([
      { index: 0, path: 'data.pii' },
      { index: 2, path: 'data.pii' },
    ]);
    const log = await readLog(service(), tenant.auditor);
    expect(log[log.length - 1]!.sequence).toBe(appended!.sequence);
    const timeline = (await timelineOf(service(), tenant.auditor, customerId)).body as { items: Array<LogEntry & { evaluation?: unknown }> };
    expect(timeline.items.find((item) => item.sequence === appended!.sequence)!.evaluation).toEqual({ outcome: 'violation', reason: 'erased', basis: 'law' });
  });

  it('accepts erasing an id never seen, which suppresses it', async () => {
    const [appended] = await postEvents(service(), tenant.admin, cloudEvent('erasure.requested', { subject: 'never-seen', time: '2026-03-01T00:00:00.000Z', data: { basis: 'other' } }));

    const reply = await askEligibility(service(), tenant.auditor, 'never-seen', { channel: 'mail', purpose: 'transactional', at: '2026-04-01T00:00:00.000Z' });

    expect(reply.body).toMatchObject({ eligible: false, reason: 'erased', evidence: [appended!.sequence] });
  });
}
