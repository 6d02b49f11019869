import { given, inOntario } from '../testing/eligibility-specification';
import { granted, listed, registered, relationship, unlisted, withdrawn } from '../testing/ledger-entries';

const customer = registered('2020-01-01', inOntario);
const cite = (id: string, citation: string) => [{ id, citation }];

describe('Canada: email and sms (CASL)', () => {
  describe('purchase-type event within 2 years → implied-purchase', () => {
    it.each(['email', 'sms'] as const)('on %s, up to the last instant of the window', (channel) => {
      given(customer, relationship('2025-05-01', 'sale')).when({ channel, at: '2027-04-30T23:59:59.999Z' }).then({
        eligible: true,
        reason: 'implied-purchase',
        until: '2027-05-01T00:00:00.000Z',
        eligibleUntil: '2027-05-01T00:00:00.000Z',
        rules: cite('casl.implied.purchase', 'CASL S.C. 2010, c. 23, s. 10(9)(a), 10(10)(a)–(c)'),
        evidence: [1],
      });
    });

    it('and not from the first instant outside it', () => {
      given(customer, relationship('2025-05-01', 'sale')).when({ channel: 'email', at: '2027-05-01' }).then({ eligible: false, reason: 'implied-consent-expired', evidence: [1], until: null });
    });

    it.each(['repair-order', 'parts-purchase', 'payment'] as const)('counting a %s', (kind) => {
      given(customer, relationship('2025-05-01', kind)).when({ channel: 'email', at: '2026-05-01' }).then({ reason: 'implied-purchase' });
    });

    it('ending 2 years after 29 February on 28 February', () => {
      const history = given(customer, relationship('2024-02-29T12:00', 'sale'));
      history.when({ channel: 'email', at: '2026-02-28T11:59:59.999Z' }).then({ reason: 'implied-purchase', until: '2026-02-28T12:00:00.000Z' });
      history.when({ channel: 'email', at: '2026-02-28T12:00' }).then({ reason: 'implied-consent-expired' });
    });

    it('from the latest purchase', () => {
      given(customer, relationship('2023-01-01', 'sale'), relationship('2024-06-01', 'repair-order')).when({ channel: 'email', at: '2025-06-01' }).then({ reason: 'implied-purchase', evidence: [2], until: '2026-06-01T00:00:00.000Z' });
    });
  });

  describe('finance, lease or balloon contract → implied-contract until contractEndsAt + 2 years', () => {
    it.each([
      ['sale', 'lease'],
      ['sale', 'finance'],
      ['payment', 'balloon'],
    ] as const)('for a %s paid by %s', (kind, paymentType) => {
      given(customer, relationship('2021-01-15', kind, { paymentType, contractEndsAt: '2026-01-15' })).when({ channel: 'email', at: '2027-06-01' }).then({
        eligible: true,
        reason: 'implied-contract',
        until: '2028-01-15T00:00:00.000Z',
        rules: cite('casl.implied.contract', 'CASL S.C. 2010, c. 23, s. 10(10)(a), (d)'),
      });
    });

    it('not for a cash sale, a lender or a missing end date', () => {
      given(customer, relationship('2021-01-15', 'sale', { paymentType: 'cash', contractEndsAt: '2026-01-15' })).when({ channel: 'email', at: '2027-06-01' }).then({ reason: 'implied-consent-expired' });
      given(customer, relationship('2021-01-15', 'payment', { paymentType: 'lease', payee: 'lender', contractEndsAt: '2026-01-15' })).when({ channel: 'email', at: '2027-06-01' }).then({ reason: 'no-consent' });
      given(customer, relationship('2021-01-15', 'sale', { paymentType: 'lease' })).when({ channel: 'email', at: '2027-06-01' }).then({ reason: 'implied-consent-expired' });
    });

    it('up to its last instant', () => {
      given(customer, relationship('2021-01-15', 'sale', { paymentType: 'lease', contractEndsAt: '2026-01-15' })).when({ channel: 'sms', at: '2028-01-15' }).then({ eligible: false, reason: 'implied-consent-expired' });
    });
  });

  describe('inquiry-type event within 6 months → implied-inquiry', () => {
    it.each(['inquiry', 'showroom-visit'] as const)('after a %s', (kind) => {
      const history = given(customer, relationship('2025-01-15T16:00', kind));
      history.when({ channel: 'email', at: '2025-07-15T15:59:59.999Z' }).then({ eligible: true, reason: 'implied-inquiry', until: '2025-07-15T16:00:00.000Z', rules: cite('casl.implied.inquiry', 'CASL S.C. 2010, c. 23, s. 10(10)(e)') });
      history.when({ channel: 'email', at: '2025-07-15T16:00' }).then({ eligible: false, reason: 'implied-consent-expired' });
    });
  });

  describe('several open bases', () => {
    it('are decided by the window ending last', () => {
      given(customer, relationship('2024-01-01', 'sale'), relationship('2025-10-01', 'inquiry')).when({ channel: 'email', at: '2025-11-01' }).then({ reason: 'implied-inquiry', evidence: [2], until: '2026-04-01T00:00:00.000Z' });
      given(customer, relationship('2025-06-01', 'sale'), relationship('2025-10-01', 'inquiry')).when({ channel: 'email', at: '2025-11-01' }).then({ reason: 'implied-purchase', evidence: [1], until: '2027-06-01T00:00:00.000Z' });
    });

    it('are decided on a tie by the earlier row of the table', () => {
      given(customer, relationship('2024-07-01', 'sale'), relationship('2026-01-01', 'inquiry')).when({ channel: 'email', at: '2026-02-01' }).then({ reason: 'implied-purchase', evidence: [1], until: '2026-07-01T00:00:00.000Z' });
    });

    it('prefer an ongoing contract when its window ends last', () => {
      given(customer, relationship('2025-10-01', 'inquiry'), relationship('2024-06-01', 'sale', { paymentType: 'lease', contractEndsAt: '2025-01-01' }))
        .when({ channel: 'email', at: '2025-11-01' })
        .then({ reason: 'implied-contract', until: '2027-01-01T00:00:00.000Z', eligibleUntil: '2027-01-01T00:00:00.000Z' });
    });
  });

  it('no basis ever → no-consent; all expired → implied-consent-expired (s. 6(1)(a); s. 13)', () => {
    given(customer).when({ channel: 'email', at: '2025-01-01' }).then({ eligible: false, reason: 'no-consent', rules: cite('casl.no-consent', 'CASL S.C. 2010, c. 23, s. 6(1)(a); s. 13 (burden of proof on the sender)'), evidence: [] });
    given(customer, relationship('2022-01-01', 'inquiry')).when({ channel: 'sms', at: '2025-01-01' }).then({ eligible: false, reason: 'implied-consent-expired', evidence: [1] });
  });
});

describe('Canada: voice (CRTC Unsolicited Telecommunications Rules)', () => {
  const weekdayNoon = '2025-06-04T16:00'; // Wednesday, 12:00 in Toronto

  it('automated → only express consent allows it', () => {
    given(customer, relationship('2025-05-01', 'sale')).when({ channel: 'voice', automated: true, at: weekdayNoon }).then({ eligible: false, reason: 'no-consent', rules: cite('crtc.adad', 'CRTC Unsolicited Telecommunications Rules, Part IV (ADAD)') });
    given(customer, granted('2025-05-01', { channel: 'voice' })).when({ channel: 'voice', automated: true, at: weekdayNoon }).then({ eligible: true, reason: 'express-consent' });
  });

  it('not on the national list → not-on-dnc', () => {
    given(customer).when({ channel: 'voice', at: weekdayNoon }).then({ eligible: true, reason: 'not-on-dnc', rules: cite('crtc.not-on-dnc', 'CRTC Unsolicited Telecommunications Rules, Part II') });
    given(customer, listed('2024-01-01', 'national'), unlisted('2025-01-01', 'national')).when({ channel: 'voice', at: weekdayNoon }).then({ reason: 'not-on-dnc' });
  });

  it('a state registry is not a Canadian list', () => {
    given(customer, listed('2024-01-01', 'state', 'ON')).when({ channel: 'voice', at: weekdayNoon }).then({ reason: 'not-on-dnc' });
  });

  describe('on the national list', () => {
    const onList = listed('2023-01-01', 'national');

    it('purchase-type within 18 months → ebr-purchase', () => {
      given(customer, onList, relationship('2024-01-10T15:00', 'repair-order')).when({ channel: 'voice', at: '2025-07-10T14:59:59.999Z' }).then({
        eligible: true,
        reason: 'ebr-purchase',
        rules: cite('crtc.ebr.purchase', 'Telecommunications Act s. 41.7; CRTC Unsolicited Telecommunications Rules'),
        evidence: [1, 2],
        eligibleUntil: '2025-07-10T15:00:00.000Z',
      });
      given(customer, onList, relationship('2024-01-10T15:00', 'repair-order')).when({ channel: 'voice', at: '2025-07-10T15:00' }).then({ eligible: false, reason: 'dnc-listed' });
    });

    it('inquiry-type within 6 months → ebr-inquiry', () => {
      given(customer, onList, relationship('2025-01-10T15:00', 'showroom-visit')).when({ channel: 'voice', at: '2025-07-10T14:59:59.999Z' }).then({ eligible: true, reason: 'ebr-inquiry', eligibleUntil: '2025-07-10T15:00:00.000Z' });
      given(customer, onList, relationship('2025-01-10T15:00', 'showroom-visit')).when({ channel: 'voice', at: '2025-07-10T15:00' }).then({ eligible: false, reason: 'dnc-listed' });
    });

    it('no business relationship → dnc-listed', () => {
      given(customer, onList, relationship('2024-01-01', 'payment', { paymentType: 'finance', payee: 'lender' })).when({ channel: 'voice', at: weekdayNoon }).then({
        eligible: false,
        reason: 'dnc-listed',
        rules: cite('crtc.dnc-listed', 'Telecommunications Act s. 41.7; CRTC Unsolicited Telecommunications Rules'),
        evidence: [1],
        explanation: 'The customer has been on the National Do Not Call List since 2023-01-01 and no existing business relationship is current.',
      });
    });
  });
});

describe('Canada: mail', () => {
  it('eligible unless withdrawn', () => {
    given(customer).when({ channel: 'mail', at: '2025-01-01' }).then({ eligible: true, reason: 'no-consent-required', until: null, eligibleUntil: null });
    given(customer, withdrawn('2024-01-01', { channel: 'mail' })).when({ channel: 'mail', at: '2025-01-01' }).then({ eligible: false, reason: 'opted-out', rules: cite('ledger.withdrawal', expect.any(String)) });
  });
});
