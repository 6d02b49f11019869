import { given, inNewYork } from '../testing/eligibility-specification';
import { granted, listed, registered, relationship, unlisted, withdrawn } from '../testing/ledger-entries';

const customer = registered('2020-01-01', inNewYork);
const weekdayNoon = '2025-06-04T16:00'; // Wednesday, 12:00 in New York
const cite = (id: string, citation: string) => [{ id, citation }];

describe('United States: email (CAN-SPAM)', () => {
  it('eligible unless withdrawn (opt-out regime)', () => {
    given(customer).when({ channel: 'email', at: weekdayNoon }).then({
      eligible: true,
      reason: 'no-consent-required',
      until: null,
      eligibleUntil: null,
      rules: cite('canspam.no-consent-required', 'CAN-SPAM 15 U.S.C. § 7704(a)(3)–(4)'),
      evidence: [],
    });
    given(customer, withdrawn('2025-01-01', { channel: 'email' })).when({ channel: 'email', at: weekdayNoon }).then({ eligible: false, reason: 'opted-out', rules: cite('canspam.opt-out', 'CAN-SPAM 15 U.S.C. § 7704(a)(3)–(4)') });
  });
});

describe('United States: sms and automated voice (TCPA)', () => {
  it.each([
    ['sms', false],
    ['voice', true],
  ] as const)('%s (automated: %s) without written consent → written-consent-required', (channel, automated) => {
    given(customer, relationship('2025-05-01', 'sale'), granted('2025-05-01', { kind: 'express' })).when({ channel, automated, at: weekdayNoon }).then({
      eligible: false,
      reason: 'written-consent-required',
      rules: cite('tcpa.written-consent', 'TCPA 47 U.S.C. § 227(b); 47 C.F.R. § 64.1200(a)(2)–(3)'),
    });
  });

  it('with written consent → express-written-consent', () => {
    given(customer, granted('2025-05-01', { channel: 'sms', kind: 'express-written' })).when({ channel: 'sms', at: weekdayNoon }).then({ eligible: true, reason: 'express-written-consent', rules: cite('tcpa.written-consent', expect.any(String)), evidence: [1] });
  });

  it('withdrawn by reply-stop → opted-out', () => {
    given(customer, granted('2025-05-01', { kind: 'express-written' }), withdrawn('2025-05-10', { channel: 'sms', method: 'reply-stop' })).when({ channel: 'sms', at: weekdayNoon }).then({
      eligible: false,
      reason: 'opted-out',
      rules: cite('tcpa.revocation', '47 C.F.R. § 64.1200(a)(10), (d)(3)'),
    });
  });
});

describe('United States: live voice (do-not-call rules)', () => {
  it('not on a national or state list → not-on-dnc', () => {
    given(customer).when({ channel: 'voice', at: weekdayNoon }).then({ eligible: true, reason: 'not-on-dnc', rules: cite('tcpa.not-on-dnc', '47 C.F.R. § 64.1200(c)(2)') });
  });

  it('listed, purchase-type within 18 months → ebr-purchase', () => {
    const history = given(customer, listed('2024-01-01', 'national'), relationship('2024-01-31T15:00', 'sale'));
    history.when({ channel: 'voice', at: '2025-07-31T14:59:59.999Z' }).then({
      eligible: true,
      reason: 'ebr-purchase',
      rules: cite('tcpa.ebr.purchase', '47 C.F.R. § 64.1200(f)(5); TSR 16 C.F.R. § 310.2'),
      evidence: [1, 2],
      eligibleUntil: '2025-07-31T15:00:00.000Z',
    });
    history.when({ channel: 'voice', at: '2025-07-31T15:00' }).then({ eligible: false, reason: 'dnc-listed' });
  });

  it('listed, inquiry-type within 3 months → ebr-inquiry', () => {
    const history = given(customer, listed('2024-01-01', 'national'), relationship('2025-03-04T14:00', 'inquiry'));
    history.when({ channel: 'voice', at: '2025-06-04T13:59:59.999Z' }).then({ eligible: true, reason: 'ebr-inquiry', rules: cite('tcpa.ebr.inquiry', expect.any(String)), eligibleUntil: '2025-06-04T14:00:00.000Z' });
    history.when({ channel: 'voice', at: '2025-06-04T14:00' }).then({ eligible: false, reason: 'dnc-listed' });
  });

  it('listed, no business relationship → dnc-listed', () => {
    given(customer, listed('2024-01-01', 'national'), relationship('2025-01-01', 'payment', { paymentType: 'finance', payee: 'lender' })).when({ channel: 'voice', at: weekdayNoon }).then({
      eligible: false,
      reason: 'dnc-listed',
      rules: cite('tcpa.dnc-listed', '47 C.F.R. § 64.1200(c)(2)'),
      evidence: [1],
      until: null,
    });
  });

  describe('a state listing', () => {
    it("applies when its region is the customer's", () => {
      given(customer, listed('2024-01-01', 'state', 'NY')).when({ channel: 'voice', at: weekdayNoon }).then({
        eligible: false,
        reason: 'dnc-listed',
        evidence: [1],
        explanation: 'The customer has been on the NY state do-not-call list since 2024-01-01 and no established business relationship is current.',
      });
    });

    it('does not apply in another region', () => {
      given(customer, listed('2024-01-01', 'state', 'TX')).when({ channel: 'voice', at: weekdayNoon }).then({ eligible: true, reason: 'not-on-dnc' });
    });

    it('follows the customer when they move', () => {
      given(registered('2020-01-01', { country: 'US', region: 'TX', timezone: 'America/Chicago' }), listed('2024-01-01', 'state', 'TX'))
        .when({ channel: 'voice', at: weekdayNoon })
        .then({ reason: 'dnc-listed' });
    });

    it('ends with a removal from the same state list only', () => {
      given(customer, listed('2024-01-01', 'state', 'NY'), unlisted('2024-06-01', 'state', 'TX')).when({ channel: 'voice', at: weekdayNoon }).then({ reason: 'dnc-listed' });
      given(customer, listed('2024-01-01', 'state', 'NY'), unlisted('2024-06-01', 'state', 'NY')).when({ channel: 'voice', at: weekdayNoon }).then({ reason: 'not-on-dnc' });
    });
  });

  it('a national removal ends the listing; a later listing starts again', () => {
    given(customer, listed('2024-01-01', 'national'), unlisted('2024-06-01', 'national')).when({ channel: 'voice', at: weekdayNoon }).then({ reason: 'not-on-dnc' });
    given(customer, listed('2024-01-01', 'national'), unlisted('2024-06-01', 'national'), listed('2025-01-01', 'national')).when({ channel: 'voice', at: weekdayNoon }).then({ reason: 'dnc-listed', evidence: [3] });
  });

  it('sms ignores do-not-call lists: written consent decides', () => {
    given(customer, listed('2024-01-01', 'national'), granted('2024-02-01', { channel: 'sms', kind: 'express-written' })).when({ channel: 'sms', at: weekdayNoon }).then({ eligible: true, reason: 'express-written-consent' });
  });
});

describe('United States: mail', () => {
  it('eligible unless withdrawn', () => {
    given(customer).when({ channel: 'mail', at: weekdayNoon }).then({ eligible: true, reason: 'no-consent-required', rules: cite('mail.no-consent-required', expect.any(String)) });
    given(customer, withdrawn('2025-01-01', { channel: 'mail' })).when({ channel: 'mail', at: weekdayNoon }).then({ eligible: false, reason: 'opted-out' });
  });
});
