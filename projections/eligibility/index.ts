export * from './answer';
export { evaluate, evaluateVerdict } from './evaluate';
export { evaluateContact, TCPA_REVOCATION_RULE_FROM, type ContactEvaluation } from './contact-evaluation';
export { RULE_TABLE, RULE_TABLE_VERSION, DATE_HOLIDAYS_VERSION, rulesVersion, type RuleDefinition, type RuleId } from './rule-table';
export { latestProfile } from './customer-timeline';
