/** Step 6: the jurisdiction's regime decides from relationships and do-not-call listings. */

import type { Decision, EvaluationContext } from '../decision';
import type { WindowBasis } from '../relationship-windows';
import { CASL_IMPLIED_CONSENT, CRTC_BUSINESS_RELATIONSHIP, canadianLaw } from './canada';
import { expressConsentOnlyLaw } from './express-consent-only';
import { TCPA_BUSINESS_RELATIONSHIP, unitedStatesLaw } from './united-states';

export { doNotCallListingAt } from './united-states';

export function lawOfJurisdiction(context: EvaluationContext, t: number): Decision {
  switch (context.regime) {
    case 'canada':
      return canadianLaw(context, t);
    case 'united-states':
      return unitedStatesLaw(context, t);
    case 'european-union':
    case 'united-kingdom':
    case 'elsewhere':
      return expressConsentOnlyLaw({ ...context, regime: context.regime });
    default: {
      const unhandled: never = context.regime;
      throw new Error(`Unhandled regime: ${String(unhandled)}`);
    }
  }
}

/** The relationship windows the regime may decide by: their ends are instants where an answer can change. */
export function relationshipWindowBases(context: EvaluationContext): readonly WindowBasis[] {
  switch (context.regime) {
    case 'canada':
      return context.channel === 'voice' ? CRTC_BUSINESS_RELATIONSHIP : CASL_IMPLIED_CONSENT;
    case 'united-states':
      return TCPA_BUSINESS_RELATIONSHIP;
    case 'european-union':
    case 'united-kingdom':
    case 'elsewhere':
      return [];
    default: {
      const unhandled: never = context.regime;
      throw new Error(`Unhandled regime: ${String(unhandled)}`);
    }
  }
}
