/**
 * Which law applies: the regime of the country where the customer receives messages (RULES.md
 * "Regimes"), and, for the steps every regime shares (3–5), which of its rules to cite.
 */

import type { Channel } from '../events';
import type { RuleId } from './rule-table';

export type Regime = 'canada' | 'united-states' | 'european-union' | 'united-kingdom' | 'elsewhere';

/** EU-27, then the EEA's IS, LI and NO (ISO 3166-1 alpha-2: Greece is GR). */
const EU_AND_EEA = new Set([
  'AT', 'BE', 'BG', 'HR', 'CY', 'CZ', 'DK', 'EE', 'FI', 'FR', 'DE', 'GR', 'HU', 'IE', 'IT', 'LV', 'LT', 'LU', 'MT', 'NL', 'PL', 'PT', 'RO', 'SK', 'SI', 'ES', 'SE',
  'IS', 'LI', 'NO',
]);

export function regimeOf(country: string): Regime {
  if (country === 'CA') return 'canada';
  if (country === 'US') return 'united-states';
  if (country === 'GB') return 'united-kingdom';
  if (EU_AND_EEA.has(country)) return 'european-union';
  return 'elsewhere';
}

export interface SharedRules {
  /** Step 5: eligible on express consent. */
  express: RuleId;
  /** Step 3: opted out. */
  withdrawal: RuleId;
  /** Step 4: transactional messages. */
  transactional: RuleId;
}

export function sharedRules(regime: Regime, channel: Channel, automated: boolean): SharedRules {
  switch (regime) {
    case 'canada':
      if (channel === 'email' || channel === 'sms') return { express: 'casl.express', withdrawal: 'casl.withdrawal', transactional: 'casl.transactional' };
      if (channel === 'voice') return { express: 'crtc.express', withdrawal: 'crtc.internal-dnc', transactional: 'transactional.exempt' };
      return { express: 'mail.express', withdrawal: 'ledger.withdrawal', transactional: 'transactional.exempt' };
    case 'united-states':
      if (channel === 'email') return { express: 'canspam.express', withdrawal: 'canspam.opt-out', transactional: 'canspam.transactional' };
      if (channel === 'sms' || (channel === 'voice' && automated)) return { express: 'tcpa.written-consent', withdrawal: 'tcpa.revocation', transactional: 'tcpa.transactional' };
      if (channel === 'voice') return { express: 'tcpa.express', withdrawal: 'tcpa.revocation', transactional: 'transactional.exempt' };
      return { express: 'mail.express', withdrawal: 'ledger.withdrawal', transactional: 'transactional.exempt' };
    case 'european-union':
      return { express: 'gdpr.consent', withdrawal: 'gdpr.objection', transactional: 'transactional.exempt' };
    case 'united-kingdom':
      return { express: 'ukgdpr.consent', withdrawal: 'ukgdpr.objection', transactional: 'transactional.exempt' };
    case 'elsewhere':
      return { express: channel === 'mail' ? 'mail.express' : 'intl.consent', withdrawal: 'ledger.withdrawal', transactional: 'transactional.exempt' };
    default: {
      const unhandled: never = regime;
      throw new Error(`Unhandled regime: ${String(unhandled)}`);
    }
  }
}

/** US sms and US automated voice: the TCPA's autodialer and prerecorded-voice rules (47 U.S.C. § 227(b)). */
export function isUsAutomatedMessaging(regime: Regime, channel: Channel, automated: boolean): boolean {
  return regime === 'united-states' && (channel === 'sms' || (channel === 'voice' && automated));
}
