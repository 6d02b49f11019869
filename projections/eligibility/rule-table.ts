/**
 * The rule table: every rule the engine can decide by, with a stable id and its citation text
 * from RULES.md. Where the law is unsettled or varies by place the engine takes the conservative
 * reading, and the rule's `note` says so. Changing a citation, a period or an hour here is a change
 * of `RULE_TABLE_VERSION` (RULES.md "Rules version").
 */

import type { PolicyVersion } from '../policies';
import { policyRuleId } from '../policies';
import type { RuleReference } from './answer';

export const RULE_TABLE_VERSION = '2025.1';

/** The pinned `date-holidays` release (package.json pins it exactly; a spec checks the two agree). */
export const DATE_HOLIDAYS_VERSION = '3.37.0';

/** Names every table the answers depend on: the rules, the holiday data and the tz database. */
export function rulesVersion(tzdataVersion: string): string {
  return `rules/${RULE_TABLE_VERSION} date-holidays/${DATE_HOLIDAYS_VERSION} tzdata/${tzdataVersion}`;
}

export interface RuleDefinition {
  citation: string;
  note?: string;
}

const TCPA_WRITTEN_CONSENT_NOTE =
  'Written consent is required for every purpose: the TCPA requires it for telemarketing only, but a service text cannot reliably be told from an offer (conservative).';
const EUROPE_CONSENT_NOTE = 'The soft opt-in for existing customers and national opt-out regimes for live calls are not applied (conservative).';
const STATE_HOURS_NOTE = 'State calling-hour lines: verify before relying on them.';

export const RULE_TABLE = {
  'ledger.unknown-customer': { citation: 'Nothing about the customer recorded by asOf: no basis for contact can be shown' },
  'ledger.erasure': { citation: 'Erasure requested (GDPR Art. 17, CCPA, PIPEDA or other recorded basis): no contact on any channel from its time on' },
  'ledger.withdrawal': { citation: "The customer's withdrawal is honoured where no statute requires consent", note: 'Conservative.' },
  'ledger.suppression': {
    citation: 'Suppression applied by a vendor or system, not asked for by the customer; lifted by a later consent or relationship',
  },
  'transactional.exempt': {
    citation: 'Consent rules govern marketing, not messages that solely complete a transaction or give warranty, recall or safety information (CASL s. 6(6); CAN-SPAM 15 U.S.C. § 7702(17))',
  },
  'mail.no-consent-required': { citation: 'No consent rule applies to postal mail; a withdrawal is honoured' },
  'mail.express': { citation: 'Express consent on record; postal mail needs none' },

  'casl.express': { citation: 'CASL S.C. 2010, c. 23, s. 6(1)(a)' },
  'casl.implied.purchase': { citation: 'CASL S.C. 2010, c. 23, s. 10(9)(a), 10(10)(a)–(c)' },
  'casl.implied.contract': { citation: 'CASL S.C. 2010, c. 23, s. 10(10)(a), (d)', note: 'Conservative reading for ongoing finance and lease.' },
  'casl.implied.inquiry': { citation: 'CASL S.C. 2010, c. 23, s. 10(10)(e)' },
  'casl.no-consent': { citation: 'CASL S.C. 2010, c. 23, s. 6(1)(a); s. 13 (burden of proof on the sender)' },
  'casl.withdrawal': { citation: 'CASL S.C. 2010, c. 23, s. 11(3)' },
  'casl.transactional': {
    citation: 'CASL S.C. 2010, c. 23, s. 6(6)',
    note: 'Exempts from consent only: the identification and unsubscribe duties of s. 6(2) still apply.',
  },
  'crtc.express': { citation: 'CRTC Unsolicited Telecommunications Rules, Parts II and IV (express consent)' },
  'crtc.adad': { citation: 'CRTC Unsolicited Telecommunications Rules, Part IV (ADAD)' },
  'crtc.not-on-dnc': { citation: 'CRTC Unsolicited Telecommunications Rules, Part II' },
  'crtc.ebr.purchase': { citation: 'Telecommunications Act s. 41.7; CRTC Unsolicited Telecommunications Rules' },
  'crtc.ebr.inquiry': { citation: 'Telecommunications Act s. 41.7; CRTC Unsolicited Telecommunications Rules' },
  'crtc.dnc-listed': { citation: 'Telecommunications Act s. 41.7; CRTC Unsolicited Telecommunications Rules' },
  'crtc.internal-dnc': { citation: 'CRTC Unsolicited Telecommunications Rules, Part II (internal do not call list)' },
  'crtc.hours': { citation: 'CRTC Unsolicited Telecommunications Rules (09:00–21:30 Monday to Friday, 10:00–18:00 Saturday and Sunday)' },

  'canspam.no-consent-required': { citation: 'CAN-SPAM 15 U.S.C. § 7704(a)(3)–(4)', note: 'Opt-out regime.' },
  'canspam.express': { citation: 'CAN-SPAM 15 U.S.C. § 7702(1) (affirmative consent)' },
  'canspam.opt-out': { citation: 'CAN-SPAM 15 U.S.C. § 7704(a)(3)–(4)' },
  'canspam.transactional': { citation: 'CAN-SPAM 15 U.S.C. § 7702(17)' },
  'tcpa.written-consent': { citation: 'TCPA 47 U.S.C. § 227(b); 47 C.F.R. § 64.1200(a)(2)–(3)', note: TCPA_WRITTEN_CONSENT_NOTE },
  'tcpa.transactional': { citation: 'TCPA 47 U.S.C. § 227(b)(1)(A)(iii)' },
  'tcpa.express': { citation: '47 C.F.R. § 64.1200(c)(2)' },
  'tcpa.dnc-written-agreement': { citation: '47 C.F.R. § 64.1200(c)(2)(ii)' },
  'tcpa.not-on-dnc': { citation: '47 C.F.R. § 64.1200(c)(2)' },
  'tcpa.ebr.purchase': { citation: '47 C.F.R. § 64.1200(f)(5); TSR 16 C.F.R. § 310.2' },
  'tcpa.ebr.inquiry': { citation: '47 C.F.R. § 64.1200(f)(5); TSR 16 C.F.R. § 310.2' },
  'tcpa.dnc-listed': { citation: '47 C.F.R. § 64.1200(c)(2)' },
  'tcpa.revocation': { citation: '47 C.F.R. § 64.1200(a)(10), (d)(3)' },
  'tcpa.hours': { citation: '47 C.F.R. § 64.1200(c)(1); TSR 16 C.F.R. § 310.4(c)' },
  'tcpa.hours.fl': { citation: '47 C.F.R. § 64.1200(c)(1); Fla. Stat. § 501.059(8)', note: STATE_HOURS_NOTE },
  'tcpa.hours.ok': { citation: '47 C.F.R. § 64.1200(c)(1); Okla. Stat. tit. 15 § 775C.4', note: STATE_HOURS_NOTE },
  'tcpa.hours.md': { citation: '47 C.F.R. § 64.1200(c)(1); Md. Com. Law § 14-4503', note: STATE_HOURS_NOTE },
  'tcpa.hours.wa': { citation: '47 C.F.R. § 64.1200(c)(1); RCW 80.36.390', note: STATE_HOURS_NOTE },

  'gdpr.consent': { citation: 'GDPR Art. 6(1)(a), 7; Directive 2002/58/EC Art. 13', note: EUROPE_CONSENT_NOTE },
  'gdpr.objection': { citation: 'GDPR Art. 21(2)–(3)', note: 'Only a later express consent undoes an objection.' },
  'gdpr.mail': { citation: 'GDPR Art. 21(2)–(3): postal marketing needs no consent; an objection stops it' },
  'ukgdpr.consent': { citation: 'UK GDPR Art. 6, 21; PECR regs 21–22', note: EUROPE_CONSENT_NOTE },
  'ukgdpr.objection': { citation: 'UK GDPR Art. 21(2)–(3)', note: 'Only a later express consent undoes an objection.' },
  'ukgdpr.mail': { citation: 'UK GDPR Art. 21(2)–(3): postal marketing needs no consent; an objection stops it' },
  'intl.consent': { citation: 'No rule table for this country: express consent required for every channel but mail', note: 'Conservative.' },
} as const satisfies Record<string, RuleDefinition>;

export type RuleId = keyof typeof RULE_TABLE;

export function ruleReference(id: RuleId): RuleReference {
  return { id, citation: RULE_TABLE[id].citation };
}

export function policyRuleReference(policy: PolicyVersion): RuleReference {
  return { id: policyRuleId(policy), citation: `Tenant policy "${policy.name}", version ${policy.version}` };
}
