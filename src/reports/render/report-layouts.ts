import { ReportName } from '../document/report-document';
import { CONSENT_DOSSIER_LAYOUT } from '../dossier/consent-dossier.layout';
import { EXPORT_REGISTER_LAYOUT } from '../exports/export-register.layout';
import { POLICY_HISTORY_LAYOUT } from '../policies/policy-history.layout';
import { VIOLATIONS_LAYOUT } from '../violations/violations.layout';
import { ReportLayout } from './report-layout';

export const REPORT_LAYOUTS: Record<ReportName, ReportLayout> = {
  dossier: CONSENT_DOSSIER_LAYOUT,
  violations: VIOLATIONS_LAYOUT,
  exports: EXPORT_REGISTER_LAYOUT,
  policies: POLICY_HISTORY_LAYOUT,
};
