import { given, inAustralia, inBritain, inGermany } from '../testing/eligibility-specification';
import { granted, listed, registered, relationship, withdrawn } from '../testing/ledger-entries';

const cite = (id: string, citation: string) => [{ id, citation }];

describe('European Union and EEA (GDPR, ePrivacy Directive)', () => {
  const customer = registered('2020-01-01', inGermany);

  it.each(['email', 'sms', 'voice'] as const)('%s needs express consent: a purchase is no basis (soft opt-in not applied)', (channel) => {
    given(customer, relationship('2025-01-01', 'sale')).when({ channel, at: '2025-02-01' }).then({
      eligible: false,
      reason: 'no-consent',
      rules: cite('gdpr.consent', 'GDPR Art. 6(1)(a), 7; Directive 2002/58/EC Art. 13'),
      evidence: [],
      until: null,
    });
  });

  it('express consent allows it, with no calling hours', () => {
    given(customer, granted('2025-01-01', { channel: 'voice' })).when({ channel: 'voice', at: '2025-02-01T02:00' }).then({ eligible: true, reason: 'express-consent', until: null });
  });

  it('transactional messages need none', () => {
    given(customer).when({ channel: 'email', purpose: 'transactional', at: '2025-02-01' }).then({ eligible: true, reason: 'transactional-exempt', rules: cite('transactional.exempt', expect.any(String)) });
  });

  it('a withdrawal is an objection: a later relationship does not undo it, only a later express consent', () => {
    given(customer, granted('2024-01-01'), withdrawn('2025-01-01'), relationship('2025-02-01', 'sale')).when({ channel: 'email', at: '2025-03-01' }).then({
      eligible: false,
      reason: 'opted-out',
      rules: cite('gdpr.objection', 'GDPR Art. 21(2)–(3)'),
    });
    given(customer, granted('2024-01-01'), withdrawn('2025-01-01'), granted('2025-02-01')).when({ channel: 'email', at: '2025-03-01' }).then({ eligible: true, reason: 'express-consent', evidence: [3] });
  });

  it('mail is eligible unless withdrawn', () => {
    given(customer).when({ channel: 'mail', at: '2025-02-01' }).then({ eligible: true, reason: 'no-consent-required', rules: cite('gdpr.mail', expect.any(String)) });
    given(customer, withdrawn('2025-01-01', { channel: 'mail' })).when({ channel: 'mail', at: '2025-02-01' }).then({ eligible: false, reason: 'opted-out', rules: cite('gdpr.objection', expect.any(String)) });
  });

  it('do-not-call listings change nothing', () => {
    given(customer, granted('2025-01-01'), listed('2025-01-15', 'national')).when({ channel: 'voice', at: '2025-02-01' }).then({ eligible: true, reason: 'express-consent' });
  });

  it.each(['FR', 'GR', 'IE', 'IS', 'LI', 'NO'])('covers %s', (country) => {
    given(registered('2020-01-01', { country, timezone: 'Europe/Paris' }), relationship('2025-01-01', 'sale')).when({ channel: 'email', at: '2025-02-01' }).then({ reason: 'no-consent', rules: cite('gdpr.consent', expect.any(String)) });
  });
});

describe('United Kingdom (UK GDPR, PECR)', () => {
  const customer = registered('2020-01-01', inBritain);

  it('email, sms and voice need express consent', () => {
    given(customer, relationship('2025-01-01', 'sale')).when({ channel: 'sms', at: '2025-02-01' }).then({ eligible: false, reason: 'no-consent', rules: cite('ukgdpr.consent', 'UK GDPR Art. 6, 21; PECR regs 21–22') });
    given(customer, granted('2025-01-01', { channel: 'sms' })).when({ channel: 'sms', at: '2025-02-01' }).then({ eligible: true, reason: 'express-consent', rules: cite('ukgdpr.consent', expect.any(String)) });
  });

  it('a withdrawal is an objection', () => {
    given(customer, granted('2024-01-01'), withdrawn('2025-01-01')).when({ channel: 'email', at: '2025-02-01' }).then({ reason: 'opted-out', rules: cite('ukgdpr.objection', 'UK GDPR Art. 21(2)–(3)') });
  });

  it('mail is eligible unless withdrawn', () => {
    given(customer).when({ channel: 'mail', at: '2025-02-01' }).then({ eligible: true, reason: 'no-consent-required', rules: cite('ukgdpr.mail', expect.any(String)) });
  });
});

describe('anywhere else (conservative)', () => {
  const customer = registered('2020-01-01', inAustralia);

  it.each(['email', 'sms', 'voice'] as const)('%s needs express consent', (channel) => {
    given(customer, relationship('2025-01-01', 'sale')).when({ channel, at: '2025-02-01' }).then({ eligible: false, reason: 'no-consent', rules: cite('intl.consent', expect.any(String)) });
    given(customer, granted('2025-01-01')).when({ channel, at: '2025-02-01' }).then({ eligible: true, reason: 'express-consent' });
  });

  it('mail needs none, and a withdrawal is honoured', () => {
    given(customer).when({ channel: 'mail', at: '2025-02-01' }).then({ eligible: true, reason: 'no-consent-required' });
    given(customer, withdrawn('2025-01-01')).when({ channel: 'mail', at: '2025-02-01' }).then({ eligible: false, reason: 'opted-out', rules: cite('ledger.withdrawal', expect.any(String)) });
  });

  it('an expired consent → consent-expired', () => {
    given(customer, granted('2024-01-01', { expiresAt: '2025-01-01' })).when({ channel: 'email', at: '2025-02-01' }).then({ reason: 'consent-expired', rules: cite('intl.consent', expect.any(String)) });
  });
});
