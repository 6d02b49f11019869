import { applyEntry, foldCustomerFacts } from './customer-facts';
import { contacted, erased, exportRequested, granted, listed, policy, registered, relationship, toEntries, unlisted, updated, withdrawn } from './testing/ledger-entries';

const history = toEntries([
  registered('2025-01-01', { country: 'CA', region: 'ON', timezone: 'America/Toronto' }),
  granted('2025-01-02', { channel: 'email', purpose: 'marketing', kind: 'express-written', expiresAt: '2026-01-02' }),
  relationship('2025-02-01', 'sale', { paymentType: 'lease', payee: 'lender', contractEndsAt: '2028-02-01' }),
  contacted('2025-02-02', { channel: 'email' }),
  contacted('2025-02-03', { channel: 'sms', outcome: 'failed' }),
  withdrawn('2025-03-01', { channel: 'sms', method: 'vendor-policy' }).by('vendor'),
  listed('2025-03-02', 'state', 'FL'),
  unlisted('2025-03-03', 'state', 'FL'),
  updated('2025-03-04', { timezone: 'America/Vancouver' }),
  erased('2025-04-01'),
]);

describe('customer facts', () => {
  const facts = foldCustomerFacts(history);

  it('keep what evaluation needs, each item stamped with sequence, time and recordedAt', () => {
    expect(facts).toEqual({
      lastSequence: 9,
      presence: [{ time: '2025-01-01T00:00:00.000Z', recordedAt: '2025-01-01T00:00:00.000Z' }],
      profile: [
        { sequence: 0, time: '2025-01-01T00:00:00.000Z', recordedAt: '2025-01-01T00:00:00.000Z', event: 'registered', jurisdiction: { country: 'CA', region: 'ON' }, timezone: 'America/Toronto' },
        { sequence: 8, time: '2025-03-04T00:00:00.000Z', recordedAt: '2025-03-04T00:00:00.000Z', event: 'updated', timezone: 'America/Vancouver' },
      ],
      grants: [
        {
          sequence: 1,
          time: '2025-01-02T00:00:00.000Z',
          recordedAt: '2025-01-02T00:00:00.000Z',
          channel: 'email',
          purpose: 'marketing',
          kind: 'express-written',
          expiresAt: '2026-01-02T00:00:00.000Z',
          actorType: 'customer',
          method: 'web-form',
        },
      ],
      withdrawals: [{ sequence: 5, time: '2025-03-01T00:00:00.000Z', recordedAt: '2025-03-01T00:00:00.000Z', channel: 'sms', purpose: 'all', actorType: 'vendor', method: 'vendor-policy' }],
      relationships: [
        { sequence: 2, time: '2025-02-01T00:00:00.000Z', recordedAt: '2025-02-01T00:00:00.000Z', kind: 'sale', paymentType: 'lease', payee: 'lender', contractEndsAt: '2028-02-01T00:00:00.000Z' },
      ],
      dnc: [
        { sequence: 6, time: '2025-03-02T00:00:00.000Z', recordedAt: '2025-03-02T00:00:00.000Z', action: 'listed', registry: 'state', region: 'FL', actorType: 'regulator' },
        { sequence: 7, time: '2025-03-03T00:00:00.000Z', recordedAt: '2025-03-03T00:00:00.000Z', action: 'removed', registry: 'state', region: 'FL', actorType: 'regulator' },
      ],
      contacts: [{ sequence: 3, time: '2025-02-02T00:00:00.000Z', recordedAt: '2025-02-02T00:00:00.000Z', channel: 'email' }],
      erasures: [{ sequence: 9, time: '2025-04-01T00:00:00.000Z', recordedAt: '2025-04-01T00:00:00.000Z' }],
    });
  });

  it('default the payee to the tenant', () => {
    const [sale] = toEntries([relationship('2025-01-01', 'sale')]);
    expect(applyEntry(undefined, sale).relationships[0]).toMatchObject({ payee: 'tenant', paymentType: 'cash' });
  });

  it('survive a JSON round trip unchanged', () => {
    expect(JSON.parse(JSON.stringify(facts))).toStrictEqual(facts);
  });

  it('should be idempotent if run twice', () => {
    expect(foldCustomerFacts([...history, ...history])).toEqual(facts);
    expect(applyEntry(facts, history[4])).toBe(facts);
  });

  it('never change the facts they were given', () => {
    const before = JSON.stringify(facts);
    const [later] = toEntries([granted('2025-05-01')], 10);
    const after = applyEntry(facts, later);
    expect(JSON.stringify(facts)).toBe(before);
    expect(after.grants).toHaveLength(2);
  });

  it('keep only the Pareto-earliest presence points, so a backfill widens what counts', () => {
    const backfilled = toEntries([registered('2025-03-01'), granted('2025-01-15').recordedAt('2025-04-01'), granted('2025-02-01').recordedAt('2025-05-01'), granted('2025-01-01').recordedAt('2025-06-01')]);
    expect(foldCustomerFacts(backfilled)?.presence).toEqual([
      { time: '2025-03-01T00:00:00.000Z', recordedAt: '2025-03-01T00:00:00.000Z' },
      { time: '2025-01-15T00:00:00.000Z', recordedAt: '2025-04-01T00:00:00.000Z' },
      { time: '2025-01-01T00:00:00.000Z', recordedAt: '2025-06-01T00:00:00.000Z' },
    ]);
  });

  it('ignore export and policy events, which are not customer facts', () => {
    const entries = toEntries([exportRequested('2025-01-01'), policy('2025-01-01', 'crm', 1, { windows: { sale: 'P13M' } })]);
    expect(foldCustomerFacts(entries)).toBeUndefined();
    const facts = foldCustomerFacts(toEntries([registered('2024-01-01')]));
    expect(applyEntry(facts, { ...entries[1], sequence: 5 })).toBe(facts);
  });
});
