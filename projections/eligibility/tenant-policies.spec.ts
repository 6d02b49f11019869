import { given, inNewYork, inOntario } from '../testing/eligibility-specification';
import { contacted, granted, listed, policy, registered, relationship, unlisted, withdrawn } from '../testing/ledger-entries';

const customer = registered('2020-01-01', inNewYork);
const weekdayNoon = '2025-06-04T16:00'; // Wednesday, 12:00 in New York

/** The US dealer-CRM policy from the field (RULES.md "Tenant policies"). */
const DEALER_CRM = {
  windows: { 'sale.cash': 'P25M', sale: 'P13M', payment: 'P13M', 'repair-order': 'P25M', 'showroom-visit': 'P13M', inquiry: 'P90D', 'email-interaction': 'P90D' },
  exclusion: { email: 'P3D' },
  suppressions: 'honour' as const,
  appliesTo: { channels: ['email' as const, 'sms' as const, 'voice' as const, 'mail' as const], purposes: ['marketing' as const, 'sales' as const] },
};
const dealerCrm = policy('2020-01-01', 'dealer-crm', 1, DEALER_CRM, 'US dealer CRM');

describe('suppressions', () => {
  it('apply with no policy at all, whatever the legal basis', () => {
    given(customer, withdrawn('2025-01-01', { channel: 'email', method: 'vendor-policy' }).by('vendor')).when({ channel: 'email', at: weekdayNoon }).then({
      eligible: false,
      reason: 'suppressed',
      rules: [{ id: 'ledger.suppression', citation: expect.any(String) }],
      evidence: [1],
      until: null,
    });
    given(customer, granted('2024-01-01', { kind: 'express-written' }), withdrawn('2025-01-01', { method: 'other' }).by('system')).when({ channel: 'sms', at: weekdayNoon }).then({ reason: 'suppressed', evidence: [2] });
  });

  it('are recognised by the vendor-policy method whoever the actor is', () => {
    given(customer, withdrawn('2025-01-01', { channel: 'email', method: 'vendor-policy' }).by('crm-system')).when({ channel: 'email', at: weekdayNoon }).then({ reason: 'suppressed' });
  });

  it('are not an opt-out: the legal steps never see them', () => {
    given(customer, granted('2024-01-01', { kind: 'express-written' }), withdrawn('2025-01-01', { channel: 'sms', method: 'vendor-policy' }).by('vendor'))
      .when({ channel: 'sms', purpose: 'transactional', at: weekdayNoon })
      .then({ eligible: true, reason: 'express-written-consent' });
  });

  it('include an internal do-not-call listing made by a vendor', () => {
    given(customer, listed('2025-01-01', 'internal').by('vendor')).when({ channel: 'voice', at: weekdayNoon }).then({ reason: 'suppressed' });
    given(customer, listed('2025-01-01', 'internal').by('vendor'), unlisted('2025-02-01', 'internal')).when({ channel: 'voice', at: weekdayNoon }).then({ reason: 'not-on-dnc' });
  });

  it('are lifted by a later consent covering the question', () => {
    given(customer, withdrawn('2025-01-01', { method: 'vendor-policy' }).by('vendor'), granted('2025-02-01', { channel: 'email' })).when({ channel: 'email', at: weekdayNoon }).then({ eligible: true, reason: 'express-consent' });
    given(customer, withdrawn('2025-01-01', { method: 'vendor-policy' }).by('vendor'), granted('2025-02-01', { channel: 'sms' })).when({ channel: 'email', at: weekdayNoon }).then({ reason: 'suppressed' });
  });

  it('are lifted by any later relationship, and not by an earlier one', () => {
    given(customer, withdrawn('2025-01-01', { method: 'vendor-policy' }).by('vendor'), relationship('2025-02-01', 'email-interaction')).when({ channel: 'email', at: weekdayNoon }).then({ eligible: true, reason: 'no-consent-required' });
    given(customer, relationship('2024-12-01', 'sale'), withdrawn('2025-01-01', { method: 'vendor-policy' }).by('vendor')).when({ channel: 'email', at: weekdayNoon }).then({ reason: 'suppressed' });
  });

  it('are turned off by "suppressions: ignore" in a policy whose appliesTo covers the question', () => {
    const suppressed = withdrawn('2025-01-01', { method: 'vendor-policy' }).by('vendor');
    given(customer, suppressed, policy('2024-01-01', 'ignore', 1, { suppressions: 'ignore' })).when({ channel: 'email', at: weekdayNoon }).then({ eligible: true, reason: 'no-consent-required' });
    given(customer, suppressed, policy('2024-01-01', 'ignore', 1, { suppressions: 'ignore', appliesTo: { channels: ['sms'] } })).when({ channel: 'email', at: weekdayNoon }).then({ reason: 'suppressed' });
  });

  it('are honoured in Canada too', () => {
    given(registered('2020-01-01', inOntario), relationship('2024-12-01', 'sale'), withdrawn('2025-01-01', { channel: 'email', method: 'vendor-policy' }).by('vendor'))
      .when({ channel: 'email', at: '2025-02-01' })
      .then({ reason: 'suppressed' });
  });
});

describe('policy windows', () => {
  it('allow contact while some relationship window is open, and name the policy', () => {
    const history = given(customer, dealerCrm, relationship('2023-01-15T10:00', 'sale', { paymentType: 'cash' }));
    history.when({ channel: 'email', at: '2025-02-15T09:59:59.999Z' }).then({
      eligible: true,
      reason: 'no-consent-required',
      rules: [
        { id: 'canspam.no-consent-required', citation: expect.any(String) },
        { id: 'policy.dealer-crm.v1', citation: 'Tenant policy "US dealer CRM", version 1' },
      ],
      evidence: [1, 2],
      until: '2025-02-15T10:00:00.000Z',
      eligibleUntil: '2025-02-15T10:00:00.000Z',
    });
    history.when({ channel: 'email', at: '2025-02-15T10:00' }).then({
      eligible: false,
      reason: 'policy-window-expired',
      rules: [{ id: 'policy.dealer-crm.v1', citation: 'Tenant policy "US dealer CRM", version 1' }],
      evidence: [1, 2],
      until: null,
    });
  });

  it('are looked up as kind.paymentType, then kind', () => {
    given(customer, dealerCrm, relationship('2023-01-15', 'sale', { paymentType: 'finance' })).when({ channel: 'email', at: '2024-02-14T23:59:59.999Z' }).then({ eligible: true, eligibleUntil: '2024-02-15T00:00:00.000Z' });
    given(customer, dealerCrm, relationship('2023-01-15', 'sale', { paymentType: 'finance' })).when({ channel: 'email', at: '2024-02-15' }).then({ reason: 'policy-window-expired' });
  });

  it('give no basis for kinds absent from windows', () => {
    given(customer, dealerCrm, relationship('2025-06-01', 'parts-purchase')).when({ channel: 'email', at: weekdayNoon }).then({ eligible: false, reason: 'policy-window-expired', evidence: [1] });
    given(customer, policy('2020-01-01', 'strict', 1, { windows: {} }), relationship('2025-06-01', 'sale')).when({ channel: 'email', at: weekdayNoon }).then({ reason: 'policy-window-expired' });
  });

  it('do not apply without a windows key', () => {
    given(customer, policy('2020-01-01', 'hours-only', 1, { exclusion: { sms: 'P1D' } })).when({ channel: 'email', at: weekdayNoon }).then({ eligible: true, reason: 'no-consent-required' });
  });

  it('count email interactions, which the law never does', () => {
    given(customer, dealerCrm, relationship('2025-05-01', 'email-interaction')).when({ channel: 'email', at: weekdayNoon }).then({ eligible: true, eligibleUntil: '2025-07-30T00:00:00.000Z' });
  });

  it('count every payee, unlike the law', () => {
    const lenderOnly = [registered('2020-01-01', inOntario), policy('2020-01-01', 'p', 1, { windows: { payment: 'P13M', sale: 'P1M' } }), relationship('2025-01-01', 'payment', { paymentType: 'finance', payee: 'lender' })];
    given(...lenderOnly).when({ channel: 'email', at: '2025-03-01' }).then({ eligible: false, reason: 'no-consent' });
    given(...lenderOnly, relationship('2024-06-01', 'sale')).when({ channel: 'email', at: '2025-03-01' }).then({ eligible: true, reason: 'implied-purchase', evidence: [1, 2, 3], eligibleUntil: '2026-02-01T00:00:00.000Z' });
  });

  it('do not apply when the basis is express consent of either kind', () => {
    given(customer, dealerCrm, granted('2024-01-01', { channel: 'email' })).when({ channel: 'email', at: weekdayNoon }).then({ eligible: true, reason: 'express-consent', evidence: [1, 2] });
    given(customer, dealerCrm, granted('2024-01-01', { channel: 'sms', kind: 'express-written' })).when({ channel: 'sms', at: weekdayNoon }).then({ eligible: true, reason: 'express-written-consent' });
  });

  it('apply to implied and business-relationship bases', () => {
    const listedCustomer = [customer, dealerCrm, listed('2020-01-01', 'national')];
    given(...listedCustomer, relationship('2025-01-15', 'inquiry')).when({ channel: 'voice', at: '2025-04-01T15:00' }).then({ eligible: true, reason: 'ebr-inquiry', eligibleUntil: '2025-04-15T00:00:00.000Z' });
    // A payment is a business relationship for 18 months, but this policy's window is 13.
    given(...listedCustomer, relationship('2024-01-01', 'payment', { paymentType: 'finance' })).when({ channel: 'voice', at: '2025-04-01T15:00' }).then({ reason: 'policy-window-expired' });
  });
});

describe('exclusion periods', () => {
  const history = [customer, dealerCrm, relationship('2025-01-01', 'sale', { paymentType: 'cash' }), contacted('2025-03-01T10:00', { channel: 'email', purpose: 'service' })];

  it('exclude the same channel, any purpose, while c < t < c + period', () => {
    given(...history).when({ channel: 'email', at: '2025-03-04T09:59:59.999Z' }).then({
      eligible: false,
      reason: 'recently-contacted',
      rules: [{ id: 'policy.dealer-crm.v1', citation: expect.any(String) }],
      evidence: [1, 3],
      until: '2025-03-04T10:00:00.000Z',
      explanation: 'Tenant policy "US dealer CRM" v1 excludes email contact until 2025-03-04T10:00:00.000Z after the contact on 2025-03-01.',
    });
    given(...history).when({ channel: 'email', at: '2025-03-04T10:00' }).then({ eligible: true, reason: 'no-consent-required' });
  });

  it('do not count the contact made at t itself', () => {
    given(...history).when({ channel: 'email', at: '2025-03-01T10:00' }).then({ eligible: true, until: '2025-03-01T10:00:00.001Z', eligibleUntil: '2025-03-01T10:00:00.001Z' });
  });

  it('ignore other channels and failed contacts', () => {
    given(...history).when({ channel: 'mail', at: '2025-03-02' }).then({ eligible: true });
    given(customer, dealerCrm, relationship('2025-01-01', 'sale'), contacted('2025-03-01T10:00', { channel: 'email', outcome: 'failed' })).when({ channel: 'email', at: '2025-03-02' }).then({ eligible: true });
  });

  it('apply even with express consent', () => {
    given(customer, dealerCrm, granted('2024-01-01'), contacted('2025-03-01T10:00', { channel: 'email' })).when({ channel: 'email', at: '2025-03-02' }).then({ reason: 'recently-contacted' });
  });
});

describe('several policy checks', () => {
  it('say suppressed before policy-window-expired before recently-contacted', () => {
    const closedAndRecent = [customer, dealerCrm, relationship('2020-01-01', 'inquiry'), contacted('2025-03-01T10:00', { channel: 'email' })];
    given(...closedAndRecent, withdrawn('2025-03-01T11:00', { method: 'vendor-policy' }).by('vendor')).when({ channel: 'email', at: '2025-03-02' }).then({ reason: 'suppressed' });
    given(...closedAndRecent).when({ channel: 'email', at: '2025-03-02' }).then({ reason: 'policy-window-expired', until: null });
  });

  it('all must say yes when several policies are in force', () => {
    const windows = policy('2020-01-01', 'windows', 1, { windows: { sale: 'P1Y' } });
    const quiet = policy('2020-01-01', 'quiet', 1, { exclusion: { email: 'P7D' } });
    const history = [customer, windows, quiet, relationship('2025-01-01', 'sale'), contacted('2025-03-01', { channel: 'email' })];
    given(...history).when({ channel: 'email', at: '2025-03-05' }).then({ reason: 'recently-contacted', rules: [{ id: 'policy.quiet.v1', citation: expect.any(String) }], until: '2025-03-08T00:00:00.000Z' });
    given(...history).when({ channel: 'email', at: '2025-03-10' }).then({
      eligible: true,
      rules: [
        { id: 'canspam.no-consent-required', citation: expect.any(String) },
        { id: 'policy.quiet.v1', citation: expect.any(String) },
        { id: 'policy.windows.v1', citation: expect.any(String) },
      ],
      eligibleUntil: '2026-01-01T00:00:00.000Z',
    });
    given(...history).when({ channel: 'email', at: '2026-01-01' }).then({ reason: 'policy-window-expired', rules: [{ id: 'policy.windows.v1', citation: expect.any(String) }] });
  });

  it('name every policy that said no for the deciding reason', () => {
    const history = [customer, policy('2020-01-01', 'a', 1, { windows: { sale: 'P1M' } }), policy('2020-01-01', 'b', 1, { windows: { inquiry: 'P1M' } }), relationship('2025-01-01', 'sale')];
    given(...history).when({ channel: 'email', at: '2025-03-01' }).then({ reason: 'policy-window-expired', evidence: [1, 2, 3], rules: [{ id: 'policy.a.v1', citation: expect.any(String) }, { id: 'policy.b.v1', citation: expect.any(String) }] });
  });
});

describe('policies in force', () => {
  it('apply only inside their appliesTo', () => {
    const history = [customer, dealerCrm, relationship('2020-01-01', 'inquiry')];
    given(...history).when({ channel: 'email', purpose: 'service', at: weekdayNoon }).then({ eligible: true, reason: 'no-consent-required', rules: [{ id: 'canspam.no-consent-required', citation: expect.any(String) }] });
    given(...history).when({ channel: 'email', purpose: 'sales', at: weekdayNoon }).then({ reason: 'policy-window-expired' });
  });

  it('never apply to transactional messages (step 4 is final)', () => {
    given(customer, policy('2020-01-01', 'p', 1, { windows: {} })).when({ channel: 'email', purpose: 'transactional', at: weekdayNoon }).then({ eligible: true, reason: 'transactional-exempt' });
  });

  it('stop at retirement', () => {
    const history = [customer, dealerCrm, relationship('2020-01-01', 'inquiry'), policy('2025-05-01', 'dealer-crm', 2, { retired: true })];
    given(...history).when({ channel: 'email', at: '2025-04-30T23:59:59.999Z' }).then({ reason: 'policy-window-expired' });
    given(...history).when({ channel: 'email', at: '2025-05-01' }).then({ eligible: true, reason: 'no-consent-required', evidence: [] });
  });

  it('change with the version in force at t as known at asOf', () => {
    const history = [
      customer,
      policy('2020-01-01', 'crm', 1, { windows: { sale: 'P13M' } }),
      relationship('2023-06-01', 'sale'),
      policy('2025-01-01', 'crm', 2, { windows: { sale: 'P25M' } }).recordedAt('2025-02-01'),
    ];
    given(...history).when({ channel: 'email', at: '2024-12-31T23:59:59.999Z' }).then({ reason: 'policy-window-expired' });
    given(...history).when({ channel: 'email', at: '2025-01-15', asOf: '2025-01-31' }).then({ reason: 'policy-window-expired' });
    given(...history).when({ channel: 'email', at: '2025-01-15' }).then({ eligible: true, rules: [expect.anything(), { id: 'policy.crm.v2', citation: expect.any(String) }], eligibleUntil: '2025-07-01T00:00:00.000Z' });
  });
});
