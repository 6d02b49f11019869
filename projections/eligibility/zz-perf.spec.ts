import { foldCustomerFacts } from '../customer-facts';
import { foldPolicyVersions } from '../policies';
import { evaluate } from './evaluate';
import { contacted, granted, policy, registered, relationship, toEntries, withdrawn } from '../testing/ledger-entries';
it('perf', () => {
  const drafts = [registered('2015-01-01', { country: 'US', region: 'NY', timezone: 'America/New_York' }), policy('2015-01-01', 'p', 1, { windows: { sale: 'P13M', payment: 'P13M', inquiry: 'P90D' }, exclusion: { email: 'P3D', voice: 'P1D' } })];
  for (let i = 0; i < 3000; i++) {
    const day = new Date(Date.UTC(2015, 0, 2) + i * 86_400_000).toISOString();
    drafts.push(i % 3 === 0 ? contacted(day, { channel: 'email' }) : i % 3 === 1 ? relationship(day, 'payment', { paymentType: 'finance' }) : i % 50 === 2 ? withdrawn(day, { channel: 'sms' }) : i % 50 === 5 ? granted(day, { kind: 'express-written', expiresAt: '2030-01-01' }) : contacted(day, { channel: 'voice' }));
  }
  const entries = toEntries(drafts);
  let t0 = performance.now();
  const facts = foldCustomerFacts(entries.filter((e) => e.subject === 'c-1'));
  const policies = foldPolicyVersions(entries);
  console.log('fold ms', performance.now() - t0, JSON.stringify(facts).length);
  t0 = performance.now();
  const n = 200;
  let a;
  for (let i = 0; i < n; i++) a = evaluate({ facts, known: true, policies, tenant: { country: 'US', timezone: 'America/New_York' }, tzdataVersion: 'x' }, { channel: 'voice', purpose: 'marketing', at: '2023-03-15T15:00:00.000Z', asOf: '2030-01-01T00:00:00.000Z', automated: false, treeSize: 1 });
  console.log('evaluate ms each', (performance.now() - t0) / n, a?.reason, a?.until);
  const small = foldCustomerFacts(toEntries([registered('2015-01-01', { country: 'US', region: 'NY', timezone: 'America/New_York' }), relationship('2022-01-01', 'sale')]));
  t0 = performance.now();
  for (let i = 0; i < 2000; i++) a = evaluate({ facts: small, known: true, policies, tenant: { country: 'US', timezone: 'America/New_York' }, tzdataVersion: 'x' }, { channel: 'voice', purpose: 'marketing', at: '2023-01-15T15:00:00.000Z', asOf: '2030-01-01T00:00:00.000Z', automated: false, treeSize: 1 });
  console.log('small evaluate ms each', (performance.now() - t0) / 2000, a?.reason, a?.until);
});
import { customerView } from './customer-view';
import { decide } from './decide';
import { changeInstants } from './change-instants';
import { evaluationContext } from './evaluate';
it('pieces', () => {
  const drafts = [registered('2015-01-01', { country: 'US', region: 'NY', timezone: 'America/New_York' }), policy('2015-01-01', 'p', 1, { windows: { sale: 'P13M', payment: 'P13M', inquiry: 'P90D' }, exclusion: { email: 'P3D', voice: 'P1D' } })];
  for (let i = 0; i < 3000; i++) {
    const day = new Date(Date.UTC(2015, 0, 2) + i * 86_400_000).toISOString();
    drafts.push(i % 3 === 0 ? contacted(day, { channel: 'email' }) : i % 3 === 1 ? relationship(day, 'payment', { paymentType: 'finance' }) : i % 50 === 2 ? withdrawn(day, { channel: 'sms' }) : i % 50 === 5 ? granted(day, { kind: 'express-written', expiresAt: '2030-01-01' }) : contacted(day, { channel: 'voice' }));
  }
  const entries = toEntries(drafts);
  const facts = foldCustomerFacts(entries.filter((e) => e.subject === 'c-1'));
  const policies = foldPolicyVersions(entries);
  const tenant = { country: 'US', timezone: 'America/New_York' };
  let t0 = performance.now();
  for (let i = 0; i < 50; i++) customerView(facts, tenant, 1, 2);
  t0 = performance.now();
  for (let i = 0; i < 50; i++) customerView(facts, tenant, Date.parse('2023-03-15T15:00:00.000Z'), Date.parse('2030-01-01'));
  console.log('view', (performance.now() - t0) / 50);
  const ctx = evaluationContext({ facts, known: true, policies, tenant }, { channel: 'voice', purpose: 'marketing', at: '2023-03-15T15:00:00.000Z', asOf: '2030-01-01T00:00:00.000Z', automated: false });
  t0 = performance.now();
  for (let i = 0; i < 50; i++) decide(ctx, Date.parse('2023-03-15T15:00:00.000Z'));
  console.log('decide', (performance.now() - t0) / 50);
  t0 = performance.now();
  let c: number[] = [];
  for (let i = 0; i < 50; i++) c = changeInstants(ctx, Date.parse('2023-03-15T15:00:00.000Z'));
  console.log('instants', (performance.now() - t0) / 50, c.length);
});
