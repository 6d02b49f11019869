/**
 * The instants after `at` at which an answer can change with no new event (API.md `until`): grant
 * expiries, the ends of legal and policy windows, and the start and end of exclusion periods.
 * Between two of them every step reads the same, so re-deciding at each, in order, finds the first
 * change. Only the window ending last matters for each basis: a basis is open while its last
 * window is. Calling-hour edges are added by the caller, only when they can matter.
 */

import { addPeriod } from '../time/iso-duration';
import { latestOf } from './customer-view';
import type { EvaluationContext } from './decision';
import { relationshipWindowBases } from './regimes';
import { lastWindow } from './relationship-windows';
import { lastPolicyWindow } from './tenant-rules';

export function changeInstants(context: EvaluationContext, at: number): number[] {
  const { view } = context;
  const instants: number[] = [];
  for (const grant of view.grants) if (grant.expiresAt !== null) instants.push(grant.expiresAt);
  for (const basis of relationshipWindowBases(context)) {
    const window = lastWindow(basis, view.relationships, at);
    if (window) instants.push(window.ends);
  }
  const lastContact = latestOf(view.contacts.filter((contact) => contact.channel === context.channel));
  for (const policy of context.policies) {
    const window = policy.rules.windows && lastPolicyWindow(policy.rules.windows, view, at);
    if (window) instants.push(window.ends);
    const exclusion = policy.rules.exclusion?.[context.channel];
    if (exclusion !== undefined && lastContact) {
      // A contact excludes while c < t < c + period: one made exactly at `at` starts excluding just after it.
      instants.push(lastContact.time + 1, addPeriod(lastContact.time, exclusion));
    }
  }
  return [...new Set(instants)].filter((instant) => instant > at).sort((a, b) => a - b);
}
