import { evaluate } from './evaluate';
import { given, inGermany, inNewYork, inOntario, ONTARIO_TENANT, TZDATA } from '../testing/eligibility-specification';
import { contacted, erased, granted, listed, registered, relationship, unlisted, updated, withdrawn } from '../testing/ledger-entries';

describe('RULES.md "Inputs"', () => {
  it('counts only entries with time ≤ t, even when already recorded', () => {
    given(registered('2024-01-01', inOntario), relationship('2025-06-01', 'sale')).when({ channel: 'email', at: '2025-05-31T23:59:59.999Z' }).then({ eligible: false, reason: 'no-consent', evidence: [] });
    given(registered('2024-01-01', inOntario), relationship('2025-06-01', 'sale')).when({ channel: 'email', at: '2025-06-01' }).then({ eligible: true, reason: 'implied-purchase', evidence: [1] });
  });

  describe('a backfilled withdrawal, seen through asOf', () => {
    const history = given(registered('2024-01-01', inOntario), relationship('2025-01-01', 'sale'), withdrawn('2025-03-01', { channel: 'email' }).recordedAt('2025-06-01'));

    it('does not count before it was recorded', () => {
      history.when({ channel: 'email', at: '2025-04-01', asOf: '2025-05-31T23:59:59.999Z' }).then({ eligible: true, reason: 'implied-purchase', evidence: [1] });
    });

    it('counts from the instant it was recorded, for instants before that', () => {
      history.when({ channel: 'email', at: '2025-04-01', asOf: '2025-06-01' }).then({ eligible: false, reason: 'opted-out', evidence: [2] });
    });
  });

  it('lets a withdrawal beat a grant with the same time, whatever their order in the log', () => {
    given(registered('2024-01-01', inGermany), withdrawn('2025-03-01'), granted('2025-03-01')).when({ channel: 'email', at: '2025-04-01' }).then({ reason: 'opted-out' });
    given(registered('2024-01-01', inGermany), granted('2025-03-01'), withdrawn('2025-03-01')).when({ channel: 'email', at: '2025-04-01' }).then({ reason: 'opted-out' });
    given(registered('2024-01-01', inGermany), withdrawn('2025-03-01'), granted('2025-03-01T00:00:00.001Z')).when({ channel: 'email', at: '2025-04-01' }).then({ reason: 'express-consent' });
  });

  it('orders events with the same time by sequence', () => {
    const sameInstant = '2025-03-01T12:00';
    given(registered('2024-01-01', inNewYork), listed(sameInstant, 'national'), unlisted(sameInstant, 'national')).when({ channel: 'voice', at: '2025-04-01T15:00' }).then({ reason: 'not-on-dnc' });
    given(registered('2024-01-01', inNewYork), unlisted(sameInstant, 'national'), listed(sameInstant, 'national')).when({ channel: 'voice', at: '2025-04-01T15:00' }).then({ reason: 'dnc-listed' });
    given(registered('2024-01-01', inOntario), listed(sameInstant, 'internal'), unlisted(sameInstant, 'internal')).when({ channel: 'sms', at: '2025-04-01' }).then({ reason: 'no-consent' });
  });

  describe('coverage', () => {
    const withdrawnFrom = (channel: 'all' | 'email' | 'sms', purpose: 'all' | 'marketing' | 'transactional') =>
      given(registered('2024-01-01', inOntario), relationship('2025-01-01', 'sale'), withdrawn('2025-02-01', { channel, purpose }));

    it('by channel and purpose, or all', () => {
      withdrawnFrom('email', 'marketing').when({ channel: 'email', at: '2025-03-01' }).then({ reason: 'opted-out' });
      withdrawnFrom('all', 'marketing').when({ channel: 'sms', at: '2025-03-01' }).then({ reason: 'opted-out' });
      withdrawnFrom('email', 'all').when({ channel: 'email', purpose: 'service', at: '2025-03-01' }).then({ reason: 'opted-out' });
    });

    it('not of another channel or purpose', () => {
      withdrawnFrom('email', 'marketing').when({ channel: 'sms', at: '2025-03-01' }).then({ eligible: true, reason: 'implied-purchase' });
      withdrawnFrom('email', 'marketing').when({ channel: 'email', purpose: 'service', at: '2025-03-01' }).then({ eligible: true, reason: 'implied-purchase' });
    });

    it('of transactional messages by purpose all only on sms and voice', () => {
      withdrawnFrom('all', 'all').when({ channel: 'email', purpose: 'transactional', at: '2025-03-01' }).then({ eligible: true, reason: 'transactional-exempt' });
      withdrawnFrom('all', 'all').when({ channel: 'mail', purpose: 'transactional', at: '2025-03-01' }).then({ eligible: true, reason: 'transactional-exempt' });
      withdrawnFrom('all', 'all').when({ channel: 'sms', purpose: 'transactional', at: '2025-03-01' }).then({ eligible: false, reason: 'opted-out' });
    });

    it('of transactional messages by purpose transactional on any channel', () => {
      withdrawnFrom('email', 'transactional').when({ channel: 'email', purpose: 'transactional', at: '2025-03-01' }).then({ eligible: false, reason: 'opted-out' });
    });
  });

  describe('jurisdiction and zone', () => {
    it("fall back to the tenant's when the customer never said", () => {
      given(relationship('2025-01-01', 'sale')).when({ channel: 'email', at: '2025-03-01' }).then({ reason: 'implied-purchase', jurisdiction: { country: 'CA', region: 'ON' } });
      given(registered('2025-01-01')).forTenant({ country: 'US', timezone: 'America/Chicago' }).when({ channel: 'email', at: '2025-03-01' }).then({ reason: 'no-consent-required', jurisdiction: { country: 'US' } });
    });

    it('come from the latest registration or update, as known at asOf', () => {
      const moved = given(registered('2024-01-01', inOntario), updated('2025-02-01', { country: 'US', region: 'NY' }).recordedAt('2025-03-01'));
      moved.when({ channel: 'email', at: '2025-01-15' }).then({ reason: 'no-consent', jurisdiction: { country: 'CA', region: 'ON' } });
      moved.when({ channel: 'email', at: '2025-02-15', asOf: '2025-02-20' }).then({ reason: 'no-consent', jurisdiction: { country: 'CA', region: 'ON' } });
      moved.when({ channel: 'email', at: '2025-02-15' }).then({ reason: 'no-consent-required', jurisdiction: { country: 'US', region: 'NY' } });
    });

    it('are kept by an update that does not give them, and reset by a registration that does not', () => {
      given(registered('2024-01-01', inNewYork), updated('2024-06-01', {})).when({ channel: 'email', at: '2025-01-01' }).then({ jurisdiction: { country: 'US', region: 'NY' } });
      given(registered('2024-01-01', inNewYork), registered('2024-06-01')).when({ channel: 'email', at: '2025-01-01' }).then({ jurisdiction: { country: 'CA', region: 'ON' } });
    });
  });

  it('treats an internal do-not-call listing as a withdrawal of voice and sms, undone by a later internal removal', () => {
    const history = [registered('2024-01-01', inOntario), relationship('2025-01-01', 'sale'), listed('2025-02-01', 'internal')];
    given(...history).when({ channel: 'voice', at: '2025-03-01T15:00' }).then({ reason: 'opted-out', rules: [{ id: 'crtc.internal-dnc', citation: expect.any(String) }], evidence: [2] });
    given(...history).when({ channel: 'sms', at: '2025-03-01' }).then({ reason: 'opted-out' });
    given(...history).when({ channel: 'email', at: '2025-03-01' }).then({ reason: 'implied-purchase' });
    given(...history).when({ channel: 'sms', purpose: 'transactional', at: '2025-03-01' }).then({ reason: 'transactional-exempt' });
    given(...history, unlisted('2025-02-15', 'internal')).when({ channel: 'sms', at: '2025-03-01' }).then({ reason: 'implied-purchase' });
    given(...history, unlisted('2025-02-15', 'national')).when({ channel: 'sms', at: '2025-03-01' }).then({ reason: 'opted-out' });
  });

  it('counts purchase-type events only when paid to the tenant', () => {
    given(registered('2024-01-01', inOntario), relationship('2025-01-01', 'payment', { paymentType: 'finance', payee: 'lender' })).when({ channel: 'email', at: '2025-03-01' }).then({ reason: 'no-consent' });
    given(registered('2024-01-01', inOntario), relationship('2025-01-01', 'repair-order', { payee: 'manufacturer' })).when({ channel: 'email', at: '2025-03-01' }).then({ reason: 'no-consent' });
  });

  it('never takes an email interaction as a legal basis', () => {
    given(registered('2024-01-01', inOntario), relationship('2025-01-01', 'email-interaction')).when({ channel: 'email', at: '2025-01-02' }).then({ eligible: false, reason: 'no-consent' });
  });
});

describe('RULES.md "Order of evaluation"', () => {
  describe('1. unknown customer', () => {
    it('when the id is not known at all', () => {
      const answer = evaluate(
        { facts: undefined, known: false, policies: [], tenant: ONTARIO_TENANT, tzdataVersion: TZDATA },
        { channel: 'email', purpose: 'marketing', at: '2025-01-01T00:00:00.000Z', asOf: '2025-01-01T00:00:00.000Z', automated: false, treeSize: 7 },
      );
      expect(answer).toEqual({
        eligible: false,
        reason: 'unknown-customer',
        until: null,
        eligibleUntil: null,
        jurisdiction: { country: 'CA', region: 'ON' },
        rules: [{ id: 'ledger.unknown-customer', citation: expect.any(String) }],
        evidence: [],
        explanation: 'Nothing about this customer was on record for this instant.',
        treeSize: 7,
        rulesVersion: 'rules/2025.1 date-holidays/3.37.0 tzdata/test-tzdata',
      });
    });

    it('when nothing about it is dated by t', () => {
      given(registered('2025-02-01', inNewYork)).when({ channel: 'email', at: '2025-01-31T23:59:59.999Z' }).then({ reason: 'unknown-customer', until: null });
    });

    it('when nothing about it was recorded by asOf', () => {
      given(registered('2025-01-01', inNewYork).recordedAt('2025-03-01')).when({ channel: 'email', at: '2025-02-01', asOf: '2025-02-28' }).then({ reason: 'unknown-customer' });
    });

    it('not when only a failed contact is on record: the customer has a history', () => {
      given(contacted('2025-01-01', { channel: 'email', outcome: 'failed' })).forTenant({ country: 'US', timezone: 'America/New_York' }).when({ channel: 'email', at: '2025-02-01' }).then({ eligible: true, reason: 'no-consent-required' });
    });
  });

  describe('2. erasure', () => {
    const history = [registered('2024-01-01', inGermany), granted('2024-02-01'), erased('2025-03-01T12:00')];

    it('makes every channel and purpose ineligible from its time on', () => {
      for (const channel of ['email', 'sms', 'voice', 'mail'] as const) {
        given(...history).when({ channel, at: '2025-03-01T12:00' }).then({ eligible: false, reason: 'erased', evidence: [2], until: null, rules: [{ id: 'ledger.erasure', citation: expect.any(String) }] });
      }
      given(...history).when({ channel: 'email', purpose: 'transactional', at: '2026-01-01' }).then({ reason: 'erased' });
    });

    it('does not reach back before its time', () => {
      given(...history).when({ channel: 'email', at: '2025-03-01T11:59:59.999Z' }).then({ eligible: true, reason: 'express-consent' });
    });

    it('is not undone by later consent', () => {
      given(...history, granted('2025-04-01')).when({ channel: 'email', at: '2025-05-01' }).then({ reason: 'erased' });
    });
  });

  describe('3. opt-out', () => {
    it('is not undone by a later purchase or inquiry', () => {
      given(registered('2024-01-01', inOntario), relationship('2025-01-01', 'sale'), withdrawn('2025-02-01'), relationship('2025-03-01', 'sale'), relationship('2025-03-02', 'inquiry'))
        .when({ channel: 'email', at: '2025-04-01' })
        .then({ eligible: false, reason: 'opted-out', evidence: [2], until: null, rules: [{ id: 'casl.withdrawal', citation: 'CASL S.C. 2010, c. 23, s. 11(3)' }] });
    });

    it('is undone by a later consent covering the question', () => {
      given(registered('2024-01-01', inOntario), withdrawn('2025-02-01'), granted('2025-03-01', { channel: 'email' }))
        .when({ channel: 'email', at: '2025-04-01' })
        .then({ eligible: true, reason: 'express-consent', evidence: [2] });
    });

    it('is not undone by a later consent for another channel', () => {
      given(registered('2024-01-01', inOntario), withdrawn('2025-02-01'), granted('2025-03-01', { channel: 'sms' })).when({ channel: 'email', at: '2025-04-01' }).then({ reason: 'opted-out' });
    });

    it('applies again when the consent that overrode it expires', () => {
      const history = given(registered('2024-01-01', inOntario), withdrawn('2025-02-01'), granted('2025-03-01', { expiresAt: '2025-06-01' }));
      history.when({ channel: 'email', at: '2025-05-31T23:59:59.999Z' }).then({ eligible: true, reason: 'express-consent', until: '2025-06-01T00:00:00.000Z', eligibleUntil: '2025-06-01T00:00:00.000Z' });
      history.when({ channel: 'email', at: '2025-06-01' }).then({ eligible: false, reason: 'opted-out', evidence: [1], until: null });
    });

    it('does not rely on a grant the withdrawal superseded', () => {
      given(registered('2024-01-01', inGermany), granted('2024-06-01'), withdrawn('2025-02-01'), granted('2025-03-01', { expiresAt: '2025-06-01' }))
        .when({ channel: 'email', at: '2025-07-01' })
        .then({ reason: 'opted-out', evidence: [2] });
    });
  });

  describe('4. transactional', () => {
    it('is exempt from consent (CASL s. 6(6); CAN-SPAM § 7702(17))', () => {
      given(registered('2024-01-01', inOntario)).when({ channel: 'email', purpose: 'transactional', at: '2025-01-01' }).then({
        eligible: true,
        reason: 'transactional-exempt',
        until: null,
        eligibleUntil: null,
        rules: [{ id: 'casl.transactional', citation: 'CASL S.C. 2010, c. 23, s. 6(6)' }],
      });
      given(registered('2024-01-01', inNewYork)).when({ channel: 'email', purpose: 'transactional', at: '2025-01-01' }).then({ reason: 'transactional-exempt', rules: [{ id: 'canspam.transactional', citation: 'CAN-SPAM 15 U.S.C. § 7702(17)' }] });
      given(registered('2024-01-01', inNewYork)).when({ channel: 'voice', purpose: 'transactional', at: '2025-01-01T15:00' }).then({ reason: 'transactional-exempt' });
      given(registered('2024-01-01', inGermany)).when({ channel: 'sms', purpose: 'transactional', at: '2025-01-01' }).then({ reason: 'transactional-exempt' });
    });

    it('needs consent of either kind for US sms and automated voice (47 U.S.C. § 227(b)(1)(A)(iii))', () => {
      given(registered('2024-01-01', inNewYork)).when({ channel: 'sms', purpose: 'transactional', at: '2025-01-01' }).then({ eligible: false, reason: 'no-consent', rules: [{ id: 'tcpa.transactional', citation: 'TCPA 47 U.S.C. § 227(b)(1)(A)(iii)' }] });
      given(registered('2024-01-01', inNewYork), granted('2024-06-01', { channel: 'sms', purpose: 'transactional' })).when({ channel: 'sms', purpose: 'transactional', at: '2025-01-01' }).then({ eligible: true, reason: 'express-consent', evidence: [1] });
      given(registered('2024-01-01', inNewYork), granted('2024-06-01', { channel: 'voice', kind: 'express-written' }))
        .when({ channel: 'voice', purpose: 'transactional', automated: true, at: '2025-01-01' })
        .then({ eligible: true, reason: 'express-written-consent' });
      given(registered('2024-01-01', inNewYork), granted('2024-06-01', { channel: 'sms', purpose: 'transactional', expiresAt: '2024-12-01' }))
        .when({ channel: 'sms', purpose: 'transactional', at: '2025-01-01' })
        .then({ eligible: false, reason: 'no-consent' });
    });

    it('is final: neither calling hours, tenant policies nor suppressions apply', () => {
      const history = [
        registered('2024-01-01', inNewYork),
        granted('2024-06-01', { channel: 'sms', purpose: 'transactional' }),
        withdrawn('2024-07-01', { channel: 'sms', purpose: 'transactional', method: 'vendor-policy' }).by('vendor'),
        contacted('2025-01-01T03:00', { channel: 'sms', purpose: 'transactional' }),
      ];
      given(...history)
        .when({ channel: 'sms', purpose: 'transactional', at: '2025-01-01T04:00' })
        .then({ eligible: true, reason: 'express-consent', until: null });
    });
  });

  describe('5. express consent', () => {
    it('allows every regime and channel it covers', () => {
      given(registered('2024-01-01', inOntario), granted('2024-06-01', { channel: 'email', purpose: 'marketing' })).when({ channel: 'email', at: '2025-01-01' }).then({
        eligible: true,
        reason: 'express-consent',
        rules: [{ id: 'casl.express', citation: 'CASL S.C. 2010, c. 23, s. 6(1)(a)' }],
        evidence: [1],
        explanation: 'Express consent given on 2024-06-01 covers email marketing without expiry.',
      });
      given(registered('2024-01-01', inNewYork), granted('2024-06-01', { kind: 'express-written' })).when({ channel: 'sms', at: '2025-01-01T15:00' }).then({ reason: 'express-written-consent' });
      given(registered('2024-01-01', inGermany), granted('2024-06-01')).when({ channel: 'voice', at: '2025-01-01' }).then({ reason: 'express-consent', rules: [{ id: 'gdpr.consent', citation: 'GDPR Art. 6(1)(a), 7; Directive 2002/58/EC Art. 13' }] });
    });

    it('counts until expiresAt, exclusive', () => {
      const history = given(registered('2024-01-01', inGermany), granted('2024-06-01', { expiresAt: '2025-06-01T12:00' }));
      history.when({ channel: 'email', at: '2025-06-01T11:59:59.999Z' }).then({ reason: 'express-consent', until: '2025-06-01T12:00:00.000Z' });
      history.when({ channel: 'email', at: '2025-06-01T12:00' }).then({ reason: 'consent-expired' });
    });

    it('relies on the grant ending last, then on written consent', () => {
      given(registered('2024-01-01', inGermany), granted('2024-06-01', { kind: 'express-written', expiresAt: '2026-01-01' }), granted('2024-07-01', { kind: 'express' }))
        .when({ channel: 'email', at: '2025-01-01' })
        .then({ reason: 'express-consent', evidence: [2], until: null });
      given(registered('2024-01-01', inGermany), granted('2024-06-01', { kind: 'express', expiresAt: '2026-01-01' }), granted('2024-07-01', { kind: 'express-written', expiresAt: '2026-01-01' }), granted('2024-08-01', { kind: 'express', expiresAt: '2026-01-01' }))
        .when({ channel: 'email', at: '2025-01-01' })
        .then({ reason: 'express-written-consent', evidence: [2] });
    });

    it('counts only written consent for US sms and automated voice, for every purpose', () => {
      given(registered('2024-01-01', inNewYork), granted('2024-06-01', { kind: 'express' })).when({ channel: 'sms', purpose: 'service', at: '2025-01-01T15:00' }).then({ eligible: false, reason: 'written-consent-required' });
      given(registered('2024-01-01', inNewYork), granted('2024-06-01', { kind: 'express' })).when({ channel: 'voice', automated: true, at: '2025-01-01T15:00' }).then({ eligible: false, reason: 'written-consent-required' });
      given(registered('2024-01-01', inNewYork), granted('2024-06-01', { kind: 'express' })).when({ channel: 'voice', at: '2025-01-01T15:00' }).then({ eligible: true, reason: 'express-consent', rules: [{ id: 'tcpa.express', citation: '47 C.F.R. § 64.1200(c)(2)' }] });
    });

    it('counts only a signed written agreement for US live voice to a listed customer', () => {
      given(registered('2024-01-01', inNewYork), listed('2024-02-01', 'national'), granted('2024-06-01', { kind: 'express' })).when({ channel: 'voice', at: '2025-01-01T15:00' }).then({ eligible: false, reason: 'dnc-listed' });
      given(registered('2024-01-01', inNewYork), listed('2024-02-01', 'state', 'NY'), granted('2024-06-01', { kind: 'express-written' }))
        .when({ channel: 'voice', at: '2025-01-01T15:00' })
        .then({ eligible: true, reason: 'express-written-consent', rules: [{ id: 'tcpa.dnc-written-agreement', citation: '47 C.F.R. § 64.1200(c)(2)(ii)' }], evidence: [2] });
    });
  });

  describe('6. expired consent', () => {
    it('is reported when the regime finds no basis and a grant that would have counted has expired', () => {
      given(registered('2024-01-01', inGermany), granted('2024-06-01', { expiresAt: '2025-01-01' })).when({ channel: 'email', at: '2025-02-01' }).then({
        eligible: false,
        reason: 'consent-expired',
        evidence: [1],
        explanation: 'Express consent given on 2024-06-01 for email marketing expired on 2025-01-01 and nothing else allows it.',
      });
      given(registered('2024-01-01', inOntario), granted('2024-06-01', { expiresAt: '2025-01-01' })).when({ channel: 'email', at: '2025-02-01' }).then({ reason: 'consent-expired' });
      given(registered('2024-01-01', inNewYork), granted('2024-06-01', { kind: 'express-written', expiresAt: '2025-01-01' })).when({ channel: 'sms', at: '2025-02-01T15:00' }).then({ reason: 'consent-expired' });
    });

    it('is not reported for a kind that never counted', () => {
      given(registered('2024-01-01', inNewYork), granted('2024-06-01', { kind: 'express', expiresAt: '2025-01-01' })).when({ channel: 'sms', at: '2025-02-01T15:00' }).then({ reason: 'written-consent-required' });
    });

    it('gives way to another basis the regime finds', () => {
      given(registered('2024-01-01', inOntario), granted('2024-06-01', { expiresAt: '2025-01-01' }), relationship('2024-12-01', 'sale')).when({ channel: 'email', at: '2025-02-01' }).then({ eligible: true, reason: 'implied-purchase' });
    });
  });
});
