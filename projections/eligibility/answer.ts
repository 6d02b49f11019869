/** The question the engine answers and the shape of its answer (API.md "Eligibility", RULES.md "Reason codes"). */

import type { CustomerFacts } from '../customer-facts';
import type { Channel, Jurisdiction, Purpose } from '../events';
import type { PolicyVersion } from '../policies';

export const ELIGIBLE_REASONS = [
  'express-consent',
  'express-written-consent',
  'implied-purchase',
  'implied-contract',
  'implied-inquiry',
  'ebr-purchase',
  'ebr-inquiry',
  'not-on-dnc',
  'no-consent-required',
  'transactional-exempt',
] as const;
export type EligibleReason = (typeof ELIGIBLE_REASONS)[number];

export const INELIGIBLE_REASONS = [
  'unknown-customer',
  'erased',
  'opted-out',
  'consent-expired',
  'no-consent',
  'implied-consent-expired',
  'written-consent-required',
  'dnc-listed',
  'quiet-hours',
  'suppressed',
  'policy-window-expired',
  'recently-contacted',
] as const;
export type IneligibleReason = (typeof INELIGIBLE_REASONS)[number];

export type EligibilityReason = EligibleReason | IneligibleReason;

/** Step 7 says no on the tenant's behalf: a breach of its own policy, never a violation of law. */
export const TENANT_RULE_REASONS: readonly EligibilityReason[] = ['suppressed', 'policy-window-expired', 'recently-contacted'];

export interface RuleReference {
  id: string;
  citation: string;
}

/** The tenant's defaults for customers who never said where they receive messages. */
export interface TenantDefaults {
  country: string;
  region?: string;
  timezone: string;
}

/** Everything the engine knows about one customer of one tenant. */
export interface CustomerRecord {
  facts: CustomerFacts | undefined;
  /** Every version of every tenant policy; the engine picks those in force. */
  policies: readonly PolicyVersion[];
  tenant: TenantDefaults;
}

export interface EligibilityInput extends CustomerRecord {
  /** API.md: the customer id is the subject of some customer event, whatever `at` and `asOf` say. */
  known: boolean;
  /** The runtime's tz database version (`process.versions.tz`), which the pure engine cannot read itself. */
  tzdataVersion: string;
}

export interface EligibilityQuestion {
  channel: Channel;
  purpose: Purpose;
  at: string;
  asOf: string;
  /** An autodialer or prerecorded voice would be used. */
  automated: boolean;
  /** The log prefix the facts were read from; echoed in the answer. */
  treeSize: number;
}

export interface EligibilityAnswer {
  eligible: boolean;
  reason: EligibilityReason;
  /** The earliest instant after `at` at which `eligible` or `reason` would differ with no new event. */
  until: string | null;
  /** Eligible answers only: when eligibility would end with no new event, ignoring calling hours. */
  eligibleUntil: string | null;
  jurisdiction: Jurisdiction;
  rules: RuleReference[];
  evidence: number[];
  explanation: string;
  treeSize: number;
  rulesVersion: string;
}

/** What a campaign check answers of each customer (API.md "Eligibility"). */
export type EligibilityVerdict = Pick<EligibilityAnswer, 'eligible' | 'reason' | 'until'>;
