/** What one step of the order of evaluation concluded, and the question context every step reads. */

import type { Channel, Purpose } from '../events';
import type { PolicyVersion } from '../policies';
import { utcDay } from '../time/instants';
import type { EligibilityReason, EligibleReason, IneligibleReason, RuleReference } from './answer';
import type { CustomerView } from './customer-view';
import type { Regime } from './legal-frame';

export interface EvaluationContext {
  view: CustomerView;
  regime: Regime;
  channel: Channel;
  purpose: Purpose;
  automated: boolean;
  /** The tenant policies in force at `at` whose `appliesTo` covers the question. */
  policies: readonly PolicyVersion[];
}

export interface Decision {
  eligible: boolean;
  reason: EligibilityReason;
  rules: RuleReference[];
  evidence: number[];
  /**
   * One plain sentence; never personal data (the engine never sees any). Written on demand: `until`
   * decides again at every instant the answer could change, and only the answer shown is explained.
   */
  explain: () => string;
}

export function eligibleDecision(reason: EligibleReason, rules: RuleReference[], evidence: number[], explain: () => string): Decision {
  return { eligible: true, reason, rules, evidence, explain };
}

export function ineligibleDecision(reason: IneligibleReason, rules: RuleReference[], evidence: number[], explain: () => string): Decision {
  return { eligible: false, reason, rules, evidence, explain };
}

/** "automated voice marketing", "email transactional". */
export function describeQuestion(context: Pick<EvaluationContext, 'channel' | 'purpose' | 'automated'>): string {
  const channel = context.channel === 'voice' && context.automated ? 'automated voice' : context.channel;
  return `${channel} ${context.purpose}`;
}

export function onDay(epochMs: number): string {
  return `on ${utcDay(epochMs)}`;
}

export function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}
