/** The audit reports' pure folds (API.md "Timelines and reports"); the service streams the log into them. */

export * from './report-period';
export * from './customer-facts-accumulator';
export * from './facts-at';
export * from './contact-judgements';
export * from './honouring-deadline';
export * from './opt-outs';
export * from './violations';
export * from './violation-tally';
export * from './export-register';
export * from './policy-history';
export * from './entry-summary';
export * from './consent-dossier';
