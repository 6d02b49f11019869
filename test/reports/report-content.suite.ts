import { TestService, TestTenant } from '../support/http-app';
import { getReport, queryString, reportPath } from './report-client';
import { BDC_AGENT, CUSTOMERS, SHA, VENDOR } from './report-scenario';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** What each report says about the scenario (report-scenario.ts), read as JSON. */
export function reportContent(service: () => TestService, seeded: () => TestTenant): void {
  const report = async (path: string, query: Record<string, string | undefined> = {}): Promise<Json> => {
    const reply = await getReport(service(), seeded().auditor, `${path}${queryString(query)}`);
    expect({ status: reply.status, type: reply.headers.get('content-type') }).toEqual({ status: 200, type: 'application/json; charset=utf-8' });
    return reply.body as Json;
  };

  describe('every report', () => {
    it('states the tenant, period, instants, rules version and the signed checkpoint it was computed against', async () => {
      const before = Date.now();
      const body = await report(reportPath('violations'), { from: '2025-01-01T00:00:00-05:00' });
      const checkpoint = await service().send('GET', '/v1/ledger/checkpoint', { key: seeded().auditor });
      const verifierKey = await service().send('GET', '/v1/ledger/verifier-key', { key: seeded().auditor });

      expect(Object.keys(body)).toEqual(['report', 'tenant', 'period', 'asOf', 'generatedAt', 'checkpoint', 'verifierKey', 'rulesVersion', 'items', 'optOuts', 'rulesCited', 'totals']);
      expect(body).toMatchObject({
        report: 'violations',
        tenant: { id: seeded().id, country: 'CA', region: 'ON', timezone: 'America/Toronto' },
        period: { from: '2025-01-01T05:00:00.000Z', to: null },
        checkpoint: { treeSize: 27, note: checkpoint.body },
        verifierKey: (verifierKey.body as string).trim(),
        rulesVersion: expect.stringMatching(/^rules\/\S+ date-holidays\/3\.37\.0 tzdata\/\S+$/),
      });
      expect((checkpoint.body as string).split('\n').slice(1, 3)).toEqual(['27', body.checkpoint.rootHash]);
      expect(body.asOf).toBe(body.generatedAt);
      expect(Date.parse(body.generatedAt)).toBeGreaterThanOrEqual(before - 1000);
    });

    it('treats a later asOf as now, and an earlier one as what had been recorded by then', async () => {
      expect((await report(reportPath('exports'), { asOf: '2999-01-01T00:00:00Z' })).asOf).not.toBe('2999-01-01T00:00:00.000Z');
      const log = await service().send('GET', '/v1/events?limit=1', { key: seeded().auditor });
      const firstBatch = ((log.body as Json).items[0] as Json).recordedAt as string;
      const early = await report(reportPath('violations'), { asOf: firstBatch });
      expect(early.asOf).toBe(firstBatch);
      expect(early.totals).toMatchObject({ contacts: 2, violations: 1, withinGrace: 0, policyBreaches: 0, optOuts: 0 });
      expect(early.items.map((item: Json) => item.customerId)).toEqual([CUSTOMERS.unconsented]);
    });
  });

  describe('violations', () => {
    it('lists the contacts made while ineligible, with the opt-out behind each', async () => {
      const { items } = await report(reportPath('violations'));
      expect(items.map((item: Json) => [item.customerId, item.time, item.outcome, item.reason])).toEqual([
        [CUSTOMERS.optedOut, '2025-03-10T15:00:00.000Z', 'within-grace', 'opted-out'],
        [CUSTOMERS.optedOut, '2025-03-20T15:00:00.000Z', 'violation', 'opted-out'],
        [CUSTOMERS.unconsented, '2025-02-10T15:00:00.000Z', 'violation', 'no-consent'],
        [CUSTOMERS.suppressed, '2025-04-05T15:00:00.000Z', 'policy-breach', 'suppressed'],
      ]);
      expect(items[0]).toMatchObject({
        sequence: 13,
        channel: 'email',
        purpose: 'marketing',
        campaignId: 'spring-2025',
        basis: 'law',
        deadline: '2025-03-18T04:00:00.000Z',
        rules: ['casl.withdrawal'],
        recordedBy: { keyId: seeded().keyIds.emitter, role: 'emitter' },
        optOut: { sequence: 12, time: '2025-03-03T15:00:00.000Z', actor: { type: 'customer', id: CUSTOMERS.optedOut }, method: 'unsubscribe-link' },
      });
      expect(items[3]).toMatchObject({ basis: 'policy', actor: BDC_AGENT, optOut: { sequence: 16, actor: VENDOR, method: 'vendor-policy' } });
      expect(items[3]).not.toHaveProperty('deadline');
    });

    it('judges each opt-out against its legal deadline', async () => {
      const { optOuts } = await report(reportPath('violations'));
      expect(optOuts).toEqual([
        expect.objectContaining({
          customerId: CUSTOMERS.honoured,
          channel: 'sms',
          method: 'reply-stop',
          deadline: '2025-04-16T04:00:00.000Z',
          met: true,
          honouredAt: '2025-04-01T14:00:00.000Z',
          lastContactWithinGrace: null,
          firstContactAfterDeadline: null,
        }),
        expect.objectContaining({
          customerId: CUSTOMERS.optedOut,
          sequence: 12,
          channel: 'email',
          deadline: '2025-03-18T04:00:00.000Z',
          deadlineRule: '10 business days (CASL s. 11(3))',
          lastContactWithinGrace: { sequence: 13, time: '2025-03-10T15:00:00.000Z' },
          firstContactAfterDeadline: { sequence: 14, time: '2025-03-20T15:00:00.000Z' },
          met: false,
          honouredAt: null,
        }),
      ]);
    });

    it('adds up contacts (failed ones are not contacts) by outcome, channel, reason and actor', async () => {
      const { totals, rulesCited } = await report(reportPath('violations'));
      expect(totals).toMatchObject({ contacts: 5, violations: 2, withinGrace: 1, policyBreaches: 1, optOuts: 2, optOutsMet: 1, optOutsMissed: 1, optOutsPending: 0 });
      expect(totals.byReason).toEqual({ 'no-consent': 1, 'opted-out': 2, suppressed: 1 });
      expect(totals.byChannel.email).toEqual({ contacts: 5, violations: 2, withinGrace: 1, policyBreaches: 1 });
      expect(totals.byActor).toEqual([
        { actor: { type: 'crm-system', id: 'crm-1', name: 'DealerSocket' }, contacts: 4, violations: 2, withinGrace: 1, policyBreaches: 0 },
        { actor: { type: 'dealer-user', id: 'u-bdc' }, contacts: 1, violations: 0, withinGrace: 0, policyBreaches: 1 },
      ]);
      expect(rulesCited).toEqual([
        { id: 'casl.no-consent', citation: 'CASL S.C. 2010, c. 23, s. 6(1)(a); s. 13 (burden of proof on the sender)' },
        { id: 'casl.withdrawal', citation: 'CASL S.C. 2010, c. 23, s. 11(3)' },
        { id: 'ledger.suppression', citation: expect.stringContaining('Suppression applied by a vendor or system') },
      ]);
    });

    it('keeps to the period (to exclusive) and the channel', async () => {
      const march = await report(reportPath('violations'), { from: '2025-03-01T00:00:00Z', to: '2025-04-01T14:00:00Z' });
      expect(march.items.map((item: Json) => item.sequence)).toEqual([13, 14]);
      expect(march.optOuts.map((optOut: Json) => optOut.sequence)).toEqual([12]);
      expect(march.totals).toMatchObject({ contacts: 2, optOuts: 1 });
      const sms = await report(reportPath('violations'), { channel: 'sms' });
      expect(sms.items).toEqual([]);
      expect(sms.optOuts.map((optOut: Json) => optOut.customerId)).toEqual([CUSTOMERS.honoured]);
    });
  });

  describe('the export register', () => {
    it('keeps each export with who requested, approved and delivered it, and flags what is wrong', async () => {
      const { items, totals } = await report(reportPath('exports'));
      expect(items.map((item: Json) => [item.exportId, item.flags])).toEqual([
        ['exp-1', ['delivered-without-approval', 'approved-by-non-principal', 'included-erased-customer', 'count-mismatch']],
        ['exp-2', []],
        ['exp-3', ['delivered-without-approval', 'delivered-without-request']],
      ]);
      expect(items[0]).toMatchObject({
        requested: {
          sequence: 19,
          actor: { id: 'u-sales', role: 'sales-manager' },
          recordedBy: { keyId: seeded().keyIds.emitter },
          scope: { description: 'Service campaign list', fields: ['name', 'email'], recordCount: 2, customersNamed: 2 },
          purpose: 'Spring service campaign',
          destination: 'Mailhouse Inc.',
        },
        approvals: [{ sequence: 20, actor: { id: 'u-director', role: 'sales-director' }, note: 'Go ahead' }],
        denials: [],
        deliveries: [{ sequence: 21, time: '2025-05-03T13:00:00.000Z', recordCount: 3, sha256: SHA.first, deliveredTo: 'sftp://mailhouse.example/in' }],
        erasedCustomers: [{ customerId: CUSTOMERS.erased, erasedAt: '2025-02-01T12:00:00.000Z' }],
      });
      expect(items[2]).toMatchObject({ requested: null, deliveries: [{ actor: VENDOR, sha256: SHA.third, recordCount: 10 }] });
      expect(totals).toEqual({
        exports: 3,
        requested: 2,
        approved: 2,
        denied: 0,
        delivered: 3,
        flagged: 2,
        byFlag: { 'delivered-without-approval': 2, 'delivered-before-approval': 0, 'approved-by-non-principal': 1, 'delivered-without-request': 1, 'included-erased-customer': 1, 'count-mismatch': 1 },
      });
    });

    it('shows the exports with an event in the period', async () => {
      const { items } = await report(reportPath('exports'), { from: '2025-05-10T00:00:00Z' });
      expect(items.map((item: Json) => item.exportId)).toEqual(['exp-2', 'exp-3']);
    });
  });

  describe('policy history', () => {
    it("lists each version with who adopted it, what changed, and whom it turned ineligible", async () => {
      const { versions, turnedIneligible, totals } = await report(reportPath('policies'));
      expect(versions).toEqual([
        expect.objectContaining({ policyId: 'crm-retention', version: 1, sequence: 0, actor: expect.objectContaining({ role: 'dealer-principal' }), customersTurnedIneligible: 0 }),
        expect.objectContaining({
          policyId: 'crm-retention',
          version: 2,
          name: 'Dealer CRM retention',
          time: '2025-06-01T00:00:00.000Z',
          actor: VENDOR,
          recordedBy: expect.objectContaining({ keyId: seeded().keyIds.emitter }),
          changes: [{ path: 'rules.windows.sale', from: 'P25M', to: 'P13M' }],
          customersTurnedIneligible: 1,
        }),
      ]);
      expect(versions[0].changes.map((change: Json) => change.path)).toEqual(['name', 'rules.appliesTo.channels', 'rules.appliesTo.purposes', 'rules.windows.repair-order', 'rules.windows.sale']);
      expect(turnedIneligible).toEqual([{ policyId: 'crm-retention', version: 2, customerId: CUSTOMERS.optedOut, questions: ['email/sales', 'sms/marketing', 'sms/sales'] }]);
      expect(totals).toEqual({ versions: 2, policies: 1, customersTurnedIneligible: 1, suppressions: 1, suppressionsByActor: [{ actor: VENDOR, suppressions: 1 }] });
    });

    it('lists every suppression with who applied it', async () => {
      const { suppressions } = await report(reportPath('policies'));
      expect(suppressions).toEqual([
        {
          sequence: 16,
          customerId: CUSTOMERS.suppressed,
          type: 'consent.withdrawn',
          time: '2025-04-01T10:00:00.000Z',
          recordedAt: expect.any(String),
          channel: 'email',
          purpose: 'all',
          method: 'vendor-policy',
          actor: VENDOR,
          recordedBy: { keyId: seeded().keyIds.emitter, role: 'emitter', label: 'emitter key' },
        },
      ]);
    });
  });

  describe('the consent dossier', () => {
    it('states who and where the customer is, and what may be sent to them now', async () => {
      const dossier = await report(reportPath('dossier', CUSTOMERS.optedOut));
      expect(Object.keys(dossier).slice(8)).toEqual(['customer', 'eligibility', 'timeline', 'contacts', 'exports', 'evidence', 'rulesCited', 'totals']);
      expect(dossier.customer).toEqual({
        customerId: CUSTOMERS.optedOut,
        identity: { name: 'Jo Tremblay', email: 'jo@example.com', sequence: 1 },
        jurisdiction: { country: 'CA', region: 'ON' },
        timezone: 'America/Toronto',
        profileSource: 'tenant-defaults',
        firstRecordedAt: expect.any(String),
        erasure: null,
      });
      expect(dossier.eligibility).toHaveLength(24);
      const line = (channel: string, purpose: string) => dossier.eligibility.find((answer: Json) => answer.channel === channel && answer.purpose === purpose);
      expect(line('email', 'marketing')).toMatchObject({ eligible: false, reason: 'opted-out', evidence: [12], rules: ['casl.withdrawal'] });
      // The sale of 2024-01-15 gave CASL implied consent until 2026-01-15.
      expect(line('sms', 'sales')).toMatchObject({ eligible: false, reason: 'implied-consent-expired' });
      expect(line('email', 'transactional')).toMatchObject({ eligible: true, reason: 'transactional-exempt' });
    });

    it('tells the whole story with actors and recording keys, and how each contact stood', async () => {
      const dossier = await report(reportPath('dossier', CUSTOMERS.optedOut));
      expect(dossier.timeline.map((item: Json) => [item.sequence, item.type, item.actor.type])).toEqual([
        [1, 'customer.registered', 'crm-system'],
        [2, 'relationship.recorded', 'dealer-user'],
        [5, 'contact.attempted', 'crm-system'],
        [12, 'consent.withdrawn', 'customer'],
        [13, 'contact.attempted', 'crm-system'],
        [14, 'contact.attempted', 'crm-system'],
        [15, 'contact.attempted', 'crm-system'],
      ]);
      expect(dossier.timeline[3]).toMatchObject({ summary: 'Consent withdrawn: email, marketing (unsubscribe-link)', recordedBy: { keyId: seeded().keyIds.emitter }, leafHash: expect.any(String) });
      expect(dossier.timeline[0].details).toEqual({});
      expect(dossier.contacts.map((contact: Json) => [contact.sequence, contact.evaluation?.outcome ?? null, contact.evaluation?.deadline ?? null])).toEqual([
        [5, 'eligible', null],
        [13, 'within-grace', '2025-03-18T04:00:00.000Z'],
        [14, 'violation', '2025-03-18T04:00:00.000Z'],
        [15, null, null],
      ]);
      expect(dossier.exports.map((item: Json) => item.exportId)).toEqual(['exp-1']);
      expect(dossier.evidence).toMatchObject({ bundle: `GET /v1/customers/${CUSTOMERS.optedOut}/evidence`, verify: expect.stringContaining('compliance-ledger verify') });
      expect(dossier.totals).toEqual({ entries: 7, contacts: 3, violations: 1, withinGrace: 1, policyBreaches: 0, eligibleNow: expect.any(Number), questions: 24, exports: 1 });
    });

    it('withholds an erased customer\'s identity', async () => {
      const dossier = await report(reportPath('dossier', CUSTOMERS.erased));
      expect(dossier.customer).toMatchObject({ identity: { erased: true }, erasure: { time: '2025-02-01T12:00:00.000Z' } });
      expect(new Set(dossier.eligibility.map((line: Json) => line.reason))).toEqual(new Set(['erased']));
      expect(dossier.exports.map((item: Json) => item.exportId)).toEqual(['exp-1']);
    });
  });
}
