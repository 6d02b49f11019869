/**
 * The tenant's own contact policies (RULES.md "Tenant policies"): every `policy.adopted` is kept as
 * a version so that any (t, asOf) can tell which version of each policy was in force. Windows are
 * applied at question time, so adopting a policy never fans out over customers (DESIGN.md
 * invariant 6).
 */

import type { Channel, LedgerEntry, PolicyRules, Purpose } from './events';
import { toEpochMs } from './time/instants';

export interface PolicyVersion {
  policyId: string;
  version: number;
  name: string;
  rules: PolicyRules;
  sequence: number;
  time: string;
  recordedAt: string;
}

export function applyPolicyEntry(versions: readonly PolicyVersion[], entry: LedgerEntry): readonly PolicyVersion[] {
  switch (entry.type) {
    case 'policy.adopted':
      if (versions.some((known) => known.sequence === entry.sequence)) return versions;
      return [
        ...versions,
        {
          policyId: entry.subject,
          version: entry.data.version,
          name: entry.data.name,
          rules: entry.data.rules,
          sequence: entry.sequence,
          time: entry.time,
          recordedAt: entry.recordedAt,
        },
      ];
    case 'customer.registered':
    case 'customer.updated':
    case 'consent.granted':
    case 'consent.withdrawn':
    case 'relationship.recorded':
    case 'contact.attempted':
    case 'dnc.listed':
    case 'dnc.removed':
    case 'export.requested':
    case 'export.approved':
    case 'export.denied':
    case 'export.delivered':
    case 'erasure.requested':
      return versions;
    default: {
      const unhandled: never = entry;
      throw new Error(`Unhandled entry type: ${(unhandled as LedgerEntry).type}`);
    }
  }
}

export function foldPolicyVersions(entries: Iterable<LedgerEntry>): readonly PolicyVersion[] {
  let versions: readonly PolicyVersion[] = [];
  for (const entry of entries) versions = applyPolicyEntry(versions, entry);
  return versions;
}

/**
 * For each policy id, the highest version with `time ≤ at` recorded by `asOf`, unless that version
 * retires the policy. Ordered by policy id.
 */
export function policiesInForce(versions: readonly PolicyVersion[], at: string, asOf: string): PolicyVersion[] {
  // Most tenants have no policy, and every contact a report judges asks.
  if (versions.length === 0) return [];
  const atMs = toEpochMs(at);
  const asOfMs = toEpochMs(asOf);
  const highestById = new Map<string, PolicyVersion>();
  for (const candidate of versions) {
    if (toEpochMs(candidate.time) > atMs || toEpochMs(candidate.recordedAt) > asOfMs) continue;
    const current = highestById.get(candidate.policyId);
    if (!current || candidate.version > current.version) highestById.set(candidate.policyId, candidate);
  }
  return [...highestById.values()].filter((policy) => policy.rules.retired !== true).sort((a, b) => (a.policyId < b.policyId ? -1 : a.policyId > b.policyId ? 1 : 0));
}

/** A missing `appliesTo`, or a missing list inside it, means every channel or purpose. */
export function policyAppliesTo(policy: PolicyVersion, channel: Channel, purpose: Purpose): boolean {
  const { channels, purposes } = policy.rules.appliesTo ?? {};
  return (channels === undefined || channels.includes(channel)) && (purposes === undefined || purposes.includes(purpose));
}

export function policyRuleId(policy: PolicyVersion): string {
  return `policy.${policy.policyId}.v${policy.version}`;
}
