/** RULES.md "Canada": CASL for email and sms, the CRTC's Unsolicited Telecommunications Rules for voice. */

import { utcDay } from '../../time/instants';
import { describeQuestion, eligibleDecision, ineligibleDecision, lowerFirst, onDay, type Decision, type EvaluationContext } from '../decision';
import { listingEvidence, nationalListingAt } from '../dnc-listings';
import { describeRelationship, findWindow, isInquiryType, isOngoingContract, isPurchaseType, type WindowBasis } from '../relationship-windows';
import { ruleReference } from '../rule-table';

export const CASL_IMPLIED_CONSENT: readonly WindowBasis[] = [
  {
    reason: 'implied-purchase',
    rule: 'casl.implied.purchase',
    period: 'P2Y',
    qualifies: isPurchaseType,
    describe: (r) => `${describeRelationship(r)} ${onDay(r.time)} gives implied consent for 2 years (CASL s. 10(10))`,
  },
  {
    reason: 'implied-contract',
    rule: 'casl.implied.contract',
    period: 'P2Y',
    qualifies: isOngoingContract,
    startOf: (r) => r.contractEndsAt ?? r.time,
    describe: (r) => `${describeRelationship(r)} ${onDay(r.time)} gives implied consent until 2 years after its contract ends (CASL s. 10(10)(d), read conservatively)`,
  },
  {
    reason: 'implied-inquiry',
    rule: 'casl.implied.inquiry',
    period: 'P6M',
    qualifies: isInquiryType,
    describe: (r) => `${describeRelationship(r)} ${onDay(r.time)} gives implied consent for 6 months (CASL s. 10(10)(e))`,
  },
];

export const CRTC_BUSINESS_RELATIONSHIP: readonly WindowBasis[] = [
  {
    reason: 'ebr-purchase',
    rule: 'crtc.ebr.purchase',
    period: 'P18M',
    qualifies: isPurchaseType,
    describe: (r) => `${describeRelationship(r)} ${onDay(r.time)} is an existing business relationship for 18 months (Telecommunications Act s. 41.7)`,
  },
  {
    reason: 'ebr-inquiry',
    rule: 'crtc.ebr.inquiry',
    period: 'P6M',
    qualifies: isInquiryType,
    describe: (r) => `${describeRelationship(r)} ${onDay(r.time)} is an existing business relationship for 6 months (Telecommunications Act s. 41.7)`,
  },
];

export function canadianLaw(context: EvaluationContext, t: number): Decision {
  const { view, channel } = context;
  const question = describeQuestion(context);
  if (channel === 'mail') return eligibleDecision('no-consent-required', [ruleReference('mail.no-consent-required')], [], () => 'Postal mail needs no consent and no withdrawal is on record.');

  if (channel === 'email' || channel === 'sms') {
    const { open, closed } = findWindow(CASL_IMPLIED_CONSENT, view.relationships, t);
    if (open) return eligibleDecision(open.basis.reason, [ruleReference(open.basis.rule)], [open.relationship.sequence], () => `${open.basis.describe(open.relationship)}; no withdrawal on record.`);
    if (closed) {
      return ineligibleDecision('implied-consent-expired', [ruleReference('casl.no-consent')], [closed.relationship.sequence], () => `Implied consent for ${question} ended ${onDay(closed.ends)} and no express consent is on record (CASL s. 6(1)(a)).`);
    }
    return ineligibleDecision('no-consent', [ruleReference('casl.no-consent')], [], () => `No express or implied consent for ${question} is on record (CASL s. 6(1)(a)).`);
  }

  if (context.automated) {
    return ineligibleDecision('no-consent', [ruleReference('crtc.adad')], [], () => 'Automated calls need express consent and none is on record (CRTC Unsolicited Telecommunications Rules, Part IV).');
  }
  const listing = nationalListingAt(view, t);
  if (!listing) return eligibleDecision('not-on-dnc', [ruleReference('crtc.not-on-dnc')], [], () => 'The customer is not on the National Do Not Call List.');
  const { open } = findWindow(CRTC_BUSINESS_RELATIONSHIP, view.relationships, t);
  if (open) {
    return eligibleDecision(open.basis.reason, [ruleReference(open.basis.rule)], [...listingEvidence(listing), open.relationship.sequence], () => `On the National Do Not Call List, but ${lowerFirst(open.basis.describe(open.relationship))}.`);
  }
  return ineligibleDecision('dnc-listed', [ruleReference('crtc.dnc-listed')], listingEvidence(listing), () => `The customer has been on the National Do Not Call List since ${utcDay(listing.since.time)} and no existing business relationship is current.`);
}
