import { given, inGermany, inNewYork, inOntario } from '../testing/eligibility-specification';
import { contacted, granted, policy, registered, relationship, withdrawn } from '../testing/ledger-entries';

describe('until and eligibleUntil (API.md "Eligibility")', () => {
  it('match the API example', () => {
    given(registered('2024-01-01', inOntario), relationship('2025-05-01', 'sale')).when({ channel: 'email', at: '2026-11-22T10:00:00.000Z', asOf: '2026-11-22T10:00:00.000Z' }).then({
      eligible: true,
      reason: 'implied-purchase',
      until: '2027-05-01T00:00:00.000Z',
      eligibleUntil: '2027-05-01T00:00:00.000Z',
      jurisdiction: { country: 'CA', region: 'ON' },
      rules: [{ id: 'casl.implied.purchase', citation: 'CASL S.C. 2010, c. 23, s. 10(9)(a), 10(10)(a)–(c)' }],
      evidence: [1],
      explanation: 'Cash sale on 2025-05-01 gives implied consent for 2 years (CASL s. 10(10)); no withdrawal on record.',
      treeSize: 2,
    });
  });

  it('are null when nothing would change', () => {
    given(registered('2024-01-01', inOntario)).when({ channel: 'email', at: '2025-01-01' }).then({ eligible: false, until: null, eligibleUntil: null });
    given(registered('2024-01-01', inGermany), granted('2024-01-01')).when({ channel: 'email', at: '2025-01-01' }).then({ eligible: true, until: null, eligibleUntil: null });
  });

  it('separate a change of reason from the end of eligibility', () => {
    given(registered('2024-01-01', inOntario), relationship('2025-01-01', 'sale'), granted('2025-02-01', { channel: 'email', expiresAt: '2026-01-01' })).when({ channel: 'email', at: '2025-06-01' }).then({
      reason: 'express-consent',
      until: '2026-01-01T00:00:00.000Z',
      eligibleUntil: '2027-01-01T00:00:00.000Z',
    });
  });

  it('give when an ineligible answer would become eligible', () => {
    given(registered('2024-01-01', inNewYork), policy('2024-01-01', 'p', 1, { exclusion: { email: 'P3D' } }), contacted('2025-03-01T10:00', { channel: 'email' }))
      .when({ channel: 'email', at: '2025-03-02' })
      .then({ reason: 'recently-contacted', until: '2025-03-04T10:00:00.000Z', eligibleUntil: null });
  });

  it('ignore entries dated after at, even when already recorded', () => {
    given(registered('2024-01-01', inOntario), relationship('2025-01-01', 'sale'), withdrawn('2025-06-01')).when({ channel: 'email', at: '2025-05-01' }).then({
      eligible: true,
      until: '2027-01-01T00:00:00.000Z',
      eligibleUntil: '2027-01-01T00:00:00.000Z',
    });
    given(registered('2024-01-01', inOntario), relationship('2025-06-01', 'sale')).when({ channel: 'email', at: '2025-05-01' }).then({ eligible: false, until: null });
  });

  it('come from what was recorded by asOf', () => {
    const history = given(registered('2024-01-01', inOntario), relationship('2025-01-01', 'sale'), relationship('2025-03-01', 'sale').recordedAt('2025-05-01'));
    history.when({ channel: 'email', at: '2025-04-01', asOf: '2025-04-15' }).then({ evidence: [1], until: '2027-01-01T00:00:00.000Z' });
    history.when({ channel: 'email', at: '2025-04-01' }).then({ evidence: [2], until: '2027-03-01T00:00:00.000Z' });
  });

  it('give the first calling-hour edge when calling hours decide, and ignore them in eligibleUntil', () => {
    const history = given(registered('2024-01-01', inNewYork), relationship('2025-06-01', 'inquiry'), policy('2024-01-01', 'p', 1, { windows: { inquiry: 'P90D' } }));
    // Wednesday 2025-08-27 12:00 EDT; the policy window ends 2025-08-30T00:00Z, a Friday evening.
    history.when({ channel: 'voice', at: '2025-08-27T16:00' }).then({ eligible: true, reason: 'not-on-dnc', until: '2025-08-28T01:00:00.000Z', eligibleUntil: '2025-08-30T00:00:00.000Z' });
    // Friday 2025-08-29 19:00 EDT: the window closes at 20:00 EDT, before calling hours end.
    history.when({ channel: 'voice', at: '2025-08-29T23:00' }).then({ eligible: true, until: '2025-08-30T00:00:00.000Z', eligibleUntil: '2025-08-30T00:00:00.000Z' });
    // Thursday 22:00 EDT is quiet until Friday 08:00 EDT.
    history.when({ channel: 'voice', at: '2025-08-29T02:00' }).then({ reason: 'quiet-hours', until: '2025-08-29T12:00:00.000Z', eligibleUntil: null });
  });

  it('give the instant the reason behind quiet hours changes, while still quiet', () => {
    // The window ends at Saturday 00:00 EDT; at Friday 22:00 EDT the answer is quiet-hours until then.
    given(registered('2024-01-01', inNewYork), relationship('2025-06-01T04:00', 'inquiry'), policy('2024-01-01', 'p', 1, { windows: { inquiry: 'P90D' } }))
      .when({ channel: 'voice', at: '2025-08-30T02:00' })
      .then({ reason: 'quiet-hours', until: '2025-08-30T04:00:00.000Z' });
  });
});
