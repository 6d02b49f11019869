/**
 * RULES.md "Order of evaluation": the first step that applies decides. `decide` answers for one
 * instant `t` from a fixed view; `evaluate` calls it again at later instants to find `until`.
 */

import type { ConsentKind } from '../events';
import { toTimestamp } from '../time/instants';
import { localDateTimeOf, weekdayOf } from '../time/zoned-time';
import { callingHoursFor, isWithinCallingHours } from './calling-hours';
import { lastExpiredGrant, optOutAt, reliedGrant, standingGrants } from './consent';
import { earliestOf, type GrantInView, type WithdrawalInView } from './customer-view';
import { describeQuestion, eligibleDecision, ineligibleDecision, onDay, type Decision, type EvaluationContext } from './decision';
import { isUsAutomatedMessaging, sharedRules } from './legal-frame';
import { doNotCallListingAt, lawOfJurisdiction } from './regimes';
import { ruleReference, type RuleId } from './rule-table';
import { tenantRules } from './tenant-rules';

export interface DecideOptions {
  /** Step 7; contact evaluation leaves it out when asking what the law alone says. */
  tenantRules: boolean;
  /** Step 8; `eligibleUntil` ignores calling hours. */
  callingHours: boolean;
}

const ALL_STEPS: DecideOptions = { tenantRules: true, callingHours: true };

export function decide(context: EvaluationContext, t: number, options: DecideOptions = ALL_STEPS): Decision {
  const { view } = context;
  if (!view.hasHistory) {
    return ineligibleDecision('unknown-customer', [ruleReference('ledger.unknown-customer')], [], () => 'Nothing about this customer was on record for this instant.');
  }

  const erasure = earliestOf(view.erasures.filter((candidate) => candidate.time <= t));
  if (erasure) {
    return ineligibleDecision('erased', [ruleReference('ledger.erasure')], [erasure.sequence], () => `The customer's data was erased ${onDay(erasure.time)}; no channel or purpose is open from then on.`);
  }

  const optOut = optOutAt(view, context.channel, context.purpose, t);
  if (optOut) return optedOut(context, optOut, t);

  if (context.purpose === 'transactional') return transactional(context, t);

  const lawful = expressConsent(context, t) ?? jurisdictionLaw(context, t);
  if (!lawful.eligible) return lawful;
  const allowed = options.tenantRules ? tenantRules(context, t, lawful) : lawful;
  if (!allowed.eligible || !options.callingHours) return allowed;
  return withinCallingHours(context, t, allowed);
}

/** Step 3. */
function optedOut(context: EvaluationContext, withdrawal: WithdrawalInView, t: number): Decision {
  const { withdrawal: rule } = sharedRules(context.regime, context.channel, context.automated);
  return ineligibleDecision('opted-out', [ruleReference(rule)], [withdrawal.sequence], () => {
    const laterGrants = standingGrants(context.view, context.channel, context.purpose, t);
    const since = laterGrants.length > 0 ? `; the consent given after it expired ${onDay(Math.max(...laterGrants.map((grant) => grant.expiresAt ?? t)))}` : ' and no later consent is in force';
    const what =
      withdrawal.source === 'internal-dnc'
        ? `The customer asked ${onDay(withdrawal.time)} not to be called or texted (internal do-not-call list)`
        : `Consent covering ${describeQuestion(context)} was withdrawn ${onDay(withdrawal.time)} (${withdrawal.method})`;
    return `${what}${since}.`;
  });
}

/** Step 4: final for transactional messages — neither tenant policies nor calling hours apply. */
function transactional(context: EvaluationContext, t: number): Decision {
  const { transactional: rule } = sharedRules(context.regime, context.channel, context.automated);
  if (!isUsAutomatedMessaging(context.regime, context.channel, context.automated)) {
    const duties = context.regime === 'canada' && context.channel !== 'voice' && context.channel !== 'mail' ? '; identification and unsubscribe duties still apply' : '';
    return eligibleDecision('transactional-exempt', [ruleReference(rule)], [], () => `Transactional messages are exempt from consent${duties}.`);
  }
  const grant = reliedGrant(standingGrants(context.view, context.channel, 'transactional', t), ['express', 'express-written'], t);
  if (!grant) {
    return ineligibleDecision('no-consent', [ruleReference(rule)], [], () => `Even transactional ${context.channel === 'sms' ? 'texts' : 'automated calls'} need prior express consent and none is on record (47 U.S.C. § 227(b)(1)(A)(iii)).`);
  }
  return relyOnGrant(context, grant, rule);
}

/**
 * Step 5's exceptions: US sms and automated voice count only written consent, and so does US live
 * voice to a customer on a national or state do-not-call list (a signed written agreement).
 */
function countedConsentKinds(context: EvaluationContext, t: number): { kinds: readonly ConsentKind[]; rule: RuleId } {
  const { express } = sharedRules(context.regime, context.channel, context.automated);
  if (isUsAutomatedMessaging(context.regime, context.channel, context.automated)) return { kinds: ['express-written'], rule: express };
  if (context.regime === 'united-states' && context.channel === 'voice' && doNotCallListingAt(context.view, t)) {
    return { kinds: ['express-written'], rule: 'tcpa.dnc-written-agreement' };
  }
  return { kinds: ['express', 'express-written'], rule: express };
}

/** Step 5. */
function expressConsent(context: EvaluationContext, t: number): Decision | undefined {
  const { kinds, rule } = countedConsentKinds(context, t);
  const grant = reliedGrant(standingGrants(context.view, context.channel, context.purpose, t), kinds, t);
  return grant && relyOnGrant(context, grant, rule);
}

function relyOnGrant(context: EvaluationContext, grant: GrantInView, rule: RuleId): Decision {
  const written = grant.kind === 'express-written';
  return eligibleDecision(written ? 'express-written-consent' : 'express-consent', [ruleReference(rule)], [grant.sequence], () => {
    const lasting = grant.expiresAt === null ? 'without expiry' : `until ${toTimestamp(grant.expiresAt)}`;
    return `Express ${written ? 'written ' : ''}consent given ${onDay(grant.time)} covers ${describeQuestion(context)} ${lasting}.`;
  });
}

/** Step 6, with its last sentence: no basis, and a grant that would have counted has expired → `consent-expired`. */
function jurisdictionLaw(context: EvaluationContext, t: number): Decision {
  const law = lawOfJurisdiction(context, t);
  if (law.eligible) return law;
  const { kinds, rule } = countedConsentKinds(context, t);
  const expired = lastExpiredGrant(standingGrants(context.view, context.channel, context.purpose, t), kinds, t);
  if (!expired) return law;
  return ineligibleDecision(
    'consent-expired',
    [ruleReference(rule)],
    [expired.sequence],
    () => `Express consent given ${onDay(expired.time)} for ${describeQuestion(context)} expired ${onDay(expired.expiresAt ?? t)} and nothing else allows it.`,
  );
}

const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

/** Step 8: whatever consent exists (several states apply hours to consented calls too). */
function withinCallingHours(context: EvaluationContext, t: number, allowed: Decision): Decision {
  const callingHours = callingHoursFor(context);
  const zone = context.view.timezone;
  if (!callingHours || isWithinCallingHours(t, zone, callingHours)) return allowed;
  return ineligibleDecision('quiet-hours', [ruleReference(callingHours.rule)], [], () => {
    const local = localDateTimeOf(t, zone);
    const clock = `${String(local.hour).padStart(2, '0')}:${String(local.minute).padStart(2, '0')}`;
    return `It is ${clock} on a ${WEEKDAYS[weekdayOf(local)]} in ${zone}, outside calling hours (${callingHours.description}).`;
  });
}
