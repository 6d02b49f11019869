/**
 * The legal deadline to honour an opt-out on one channel (RULES.md "Business days, grace periods
 * and violations"): what the engine's grace period runs to, here asked of the withdrawal itself,
 * so an opt-out has a deadline whether or not any contact followed it. A spec holds the two to
 * the same answers.
 */

import type { Channel, Jurisdiction } from '../events';
import { TCPA_REVOCATION_RULE_FROM } from '../eligibility/contact-evaluation';
import { regimeOf } from '../eligibility/legal-frame';
import { endOfBusinessDaysAfter } from '../time/business-days';
import { toEpochMs, toTimestamp } from '../time/instants';
import { addPeriod } from '../time/iso-duration';

const BUSINESS_DAYS_TO_HONOUR = 10;

export interface HonouringRule {
  /** Null where the law gives no grace: the opt-out binds at once (GDPR/PECR, mail, Canadian voice, elsewhere). */
  deadline: string | null;
  /** "10 business days (CASL s. 11(3))". */
  description: string;
}

export function honouringRule(withdrawalTime: string, channel: Channel, jurisdiction: Jurisdiction, timezone: string): HonouringRule {
  const time = toEpochMs(withdrawalTime);
  const regime = regimeOf(jurisdiction.country);
  const tenBusinessDays = (law: string): HonouringRule => ({
    deadline: toTimestamp(endOfBusinessDaysAfter(time, BUSINESS_DAYS_TO_HONOUR, timezone, jurisdiction.country)),
    description: `${BUSINESS_DAYS_TO_HONOUR} business days (${law})`,
  });
  if (regime === 'canada' && (channel === 'email' || channel === 'sms')) return tenBusinessDays('CASL s. 11(3)');
  if (regime === 'united-states' && channel === 'email') return tenBusinessDays('CAN-SPAM § 7704(a)(4)');
  if (regime === 'united-states' && (channel === 'sms' || channel === 'voice')) {
    if (time >= TCPA_REVOCATION_RULE_FROM) return tenBusinessDays('47 C.F.R. § 64.1200(a)(10), (d)(3)');
    return { deadline: toTimestamp(addPeriod(time, 'P30D')), description: '30 days (47 C.F.R. § 64.1200(d)(3) before 2025-04-11)' };
  }
  return { deadline: null, description: 'no grace period: binding at once' };
}
