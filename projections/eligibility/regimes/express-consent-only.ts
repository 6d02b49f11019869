/**
 * RULES.md "European Union, EEA and United Kingdom" and "Anywhere else": email, sms and voice need
 * express consent (step 5); nothing here can supply another basis. Mail needs none.
 */

import { describeQuestion, eligibleDecision, ineligibleDecision, type Decision, type EvaluationContext } from '../decision';
import { ruleReference, type RuleId } from '../rule-table';

const CONSENT_RULE = { 'european-union': 'gdpr.consent', 'united-kingdom': 'ukgdpr.consent', elsewhere: 'intl.consent' } as const satisfies Record<string, RuleId>;
const MAIL_RULE = { 'european-union': 'gdpr.mail', 'united-kingdom': 'ukgdpr.mail', elsewhere: 'mail.no-consent-required' } as const satisfies Record<string, RuleId>;

export function expressConsentOnlyLaw(context: EvaluationContext & { regime: keyof typeof CONSENT_RULE }): Decision {
  if (context.channel === 'mail') return eligibleDecision('no-consent-required', [ruleReference(MAIL_RULE[context.regime])], [], () => 'Postal mail needs no consent and no objection is on record.');
  const conservatively = context.regime === 'elsewhere' ? 'conservatively, with no rule table for this country' : 'the soft opt-in is not applied';
  return ineligibleDecision('no-consent', [ruleReference(CONSENT_RULE[context.regime])], [], () => `No express consent for ${describeQuestion(context)} is on record, and it is required (${conservatively}).`);
}
