import { foldCustomerFacts } from '../customer-facts';
import { inNewYork } from '../testing/eligibility-specification';
import { contacted, erased, exportRequested, granted, listed, policy, registered, relationship, toEntries, unlisted, updated, withdrawn } from '../testing/ledger-entries';
import { accumulateCustomerFacts } from './customer-facts-accumulator';

const history = toEntries([
  registered('2024-01-01', inNewYork),
  policy('2024-01-02', 'p', 1, { exclusion: { email: 'P3D' } }),
  granted('2024-02-01', { channel: 'sms', kind: 'express-written', expiresAt: '2026-01-01' }),
  relationship('2024-03-01', 'sale', { paymentType: 'lease', contractEndsAt: '2027-03-01' }),
  contacted('2024-04-01', { channel: 'email' }),
  contacted('2024-04-02', { channel: 'sms', outcome: 'failed' }),
  withdrawn('2024-05-01', { channel: 'email' }).by('vendor'),
  listed('2024-06-01', 'internal'),
  unlisted('2024-07-01', 'internal'),
  exportRequested('2024-07-02'),
  updated('2024-08-01', { country: 'US', region: 'FL' }),
  contacted('2024-09-01', { channel: 'voice' }).recordedAt('2025-01-01'),
  erased('2025-02-01'),
]);

describe('accumulating customer facts', () => {
  it('gives exactly the facts the read models fold', () => {
    expect(accumulateCustomerFacts(history)).toEqual(foldCustomerFacts(history));
  });

  it('should be idempotent if run twice', () => {
    expect(accumulateCustomerFacts([...history, ...history])).toEqual(foldCustomerFacts(history));
  });

  it('is undefined without a customer entry, like the fold', () => {
    const notAboutCustomers = toEntries([policy('2024-01-02', 'p', 1, {}), exportRequested('2024-07-02')]);
    expect(accumulateCustomerFacts(notAboutCustomers)).toBeUndefined();
    expect(foldCustomerFacts(notAboutCustomers)).toBeUndefined();
  });
});
