import { foldPolicyVersions, policiesInForce, policyAppliesTo, policyRuleId } from './policies';
import { granted, policy, toEntries } from './testing/ledger-entries';

const log = toEntries([
  policy('2025-01-01', 'crm', 1, { windows: { sale: 'P13M' } }, 'Dealer CRM'),
  granted('2025-01-05'),
  policy('2025-03-01', 'quiet', 1, { exclusion: { email: 'P3D' }, appliesTo: { channels: ['email'] } }),
  policy('2025-06-01', 'crm', 2, { windows: { sale: 'P25M' } }, 'Dealer CRM').recordedAt('2025-07-01'),
  policy('2025-09-01', 'crm', 3, { retired: true }),
]);
const versions = foldPolicyVersions(log);
const inForce = (at: string, asOf = '2099-01-01T00:00:00.000Z') => policiesInForce(versions, at, asOf).map(policyRuleId);

describe('tenant policy versions', () => {
  it('fold every policy.adopted as a version, ignoring other entries', () => {
    expect(versions.map((version) => [version.policyId, version.version, version.sequence])).toEqual([
      ['crm', 1, 0],
      ['quiet', 1, 2],
      ['crm', 2, 3],
      ['crm', 3, 4],
    ]);
    expect(versions[0]).toEqual({
      policyId: 'crm',
      version: 1,
      name: 'Dealer CRM',
      rules: { windows: { sale: 'P13M' } },
      sequence: 0,
      time: '2025-01-01T00:00:00.000Z',
      recordedAt: '2025-01-01T00:00:00.000Z',
    });
  });

  it('should be idempotent if run twice', () => {
    expect(foldPolicyVersions([...log, ...log])).toEqual(versions);
  });

  it('put in force the highest version with time ≤ at, each policy id independently', () => {
    expect(inForce('2024-12-31T23:59:59.999Z')).toEqual([]);
    expect(inForce('2025-01-01T00:00:00.000Z')).toEqual(['policy.crm.v1']);
    expect(inForce('2025-05-01T00:00:00.000Z')).toEqual(['policy.crm.v1', 'policy.quiet.v1']);
    expect(inForce('2025-06-01T00:00:00.000Z')).toEqual(['policy.crm.v2', 'policy.quiet.v1']);
  });

  it('count only versions recorded by asOf', () => {
    expect(inForce('2025-06-15T00:00:00.000Z', '2025-06-30T00:00:00.000Z')).toEqual(['policy.crm.v1', 'policy.quiet.v1']);
    expect(inForce('2025-06-15T00:00:00.000Z', '2025-07-01T00:00:00.000Z')).toEqual(['policy.crm.v2', 'policy.quiet.v1']);
  });

  it('end a policy with a retiring version', () => {
    expect(inForce('2025-09-01T00:00:00.000Z')).toEqual(['policy.quiet.v1']);
  });

  it('let the highest version win even when an earlier version is dated later', () => {
    const backdated = foldPolicyVersions(toEntries([policy('2025-05-01', 'p', 1, {}), policy('2025-02-01', 'p', 2, { windows: {} })]));
    expect(policiesInForce(backdated, '2025-06-01T00:00:00.000Z', '2025-06-01T00:00:00.000Z').map(policyRuleId)).toEqual(['policy.p.v2']);
    expect(policiesInForce(backdated, '2025-03-01T00:00:00.000Z', '2025-06-01T00:00:00.000Z').map(policyRuleId)).toEqual(['policy.p.v2']);
  });

  it('apply to every channel and purpose unless appliesTo narrows them', () => {
    const [crm, quiet] = versions;
    expect(policyAppliesTo(crm, 'voice', 'service')).toBe(true);
    expect(policyAppliesTo(quiet, 'email', 'service')).toBe(true);
    expect(policyAppliesTo(quiet, 'sms', 'marketing')).toBe(false);
    const narrow = { ...crm, rules: { appliesTo: { channels: ['email' as const], purposes: ['sales' as const] } } };
    expect(policyAppliesTo(narrow, 'email', 'sales')).toBe(true);
    expect(policyAppliesTo(narrow, 'email', 'marketing')).toBe(false);
  });
});
