/** RULES.md "United States": CAN-SPAM for email, the TCPA and the Telemarketing Sales Rule for sms and voice. */

import { utcDay } from '../../time/instants';
import { eligibleDecision, ineligibleDecision, lowerFirst, onDay, type Decision, type EvaluationContext } from '../decision';
import type { CustomerView } from '../customer-view';
import { listingEvidence, nationalListingAt, stateListingAt, type Listing } from '../dnc-listings';
import { isUsAutomatedMessaging } from '../legal-frame';
import { describeRelationship, findWindow, isInquiryType, isPurchaseType, type WindowBasis } from '../relationship-windows';
import { ruleReference } from '../rule-table';

export const TCPA_BUSINESS_RELATIONSHIP: readonly WindowBasis[] = [
  {
    reason: 'ebr-purchase',
    rule: 'tcpa.ebr.purchase',
    period: 'P18M',
    qualifies: isPurchaseType,
    describe: (r) => `${describeRelationship(r)} ${onDay(r.time)} is an established business relationship for 18 months (47 C.F.R. § 64.1200(f)(5))`,
  },
  {
    reason: 'ebr-inquiry',
    rule: 'tcpa.ebr.inquiry',
    period: 'P3M',
    qualifies: isInquiryType,
    describe: (r) => `${describeRelationship(r)} ${onDay(r.time)} is an established business relationship for 3 months (47 C.F.R. § 64.1200(f)(5))`,
  },
];

/** A national listing, or a state listing in the customer's region; the national one is reported first. */
export function doNotCallListingAt(view: CustomerView, t: number): Listing | undefined {
  return nationalListingAt(view, t) ?? stateListingAt(view, t);
}

export function unitedStatesLaw(context: EvaluationContext, t: number): Decision {
  const { view, channel } = context;
  if (channel === 'email') return eligibleDecision('no-consent-required', [ruleReference('canspam.no-consent-required')], [], () => 'Commercial email needs no prior consent in the US and no opt-out is on record (CAN-SPAM).');
  if (channel === 'mail') return eligibleDecision('no-consent-required', [ruleReference('mail.no-consent-required')], [], () => 'Postal mail needs no consent and no withdrawal is on record.');
  if (isUsAutomatedMessaging(context.regime, channel, context.automated)) {
    const what = channel === 'sms' ? 'Text messages' : 'Automated calls';
    return ineligibleDecision('written-consent-required', [ruleReference('tcpa.written-consent')], [], () => `${what} need prior express written consent and none is on record (TCPA 47 U.S.C. § 227(b)).`);
  }

  const listing = doNotCallListingAt(view, t);
  if (!listing) return eligibleDecision('not-on-dnc', [ruleReference('tcpa.not-on-dnc')], [], () => 'The customer is on no national or state do-not-call list.');
  const registry = listing.latest.registry === 'national' ? 'the National Do Not Call Registry' : `the ${listing.latest.region} state do-not-call list`;
  const { open } = findWindow(TCPA_BUSINESS_RELATIONSHIP, view.relationships, t);
  if (open) {
    return eligibleDecision(open.basis.reason, [ruleReference(open.basis.rule)], [...listingEvidence(listing), open.relationship.sequence], () => `On ${registry}, but ${lowerFirst(open.basis.describe(open.relationship))}.`);
  }
  return ineligibleDecision('dnc-listed', [ruleReference('tcpa.dnc-listed')], listingEvidence(listing), () => `The customer has been on ${registry} since ${utcDay(listing.since.time)} and no established business relationship is current.`);
}
