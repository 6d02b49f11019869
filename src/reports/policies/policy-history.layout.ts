import { PolicyHistoryTotals, PolicyVersionItem, SuppressionItem, TurnedIneligibleItem } from '../../../projections/reports';
import { actorText, column, countColumn, pdfTime, recordedByText } from '../render/pdf/pdf-layout';
import { actorColumns, keyValueTable, recordedByColumns, ReportLayout } from '../render/report-layout';

function changeText(change: { path: string; from: unknown; to: unknown }): string {
  const show = (value: unknown) => (value === null ? 'none' : typeof value === 'string' ? value : JSON.stringify(value));
  return `${change.path}: ${show(change.from)} -> ${show(change.to)}`;
}

export const POLICY_HISTORY_LAYOUT: ReportLayout = {
  fileName: 'policies',
  csv: {
    versions: [
      'policyId', 'version', 'name', 'sequence', 'time', 'recordedAt', ...actorColumns('actor'), ...recordedByColumns('recordedBy'), 'rules', 'changes', 'customersTurnedIneligible',
    ],
    turnedIneligible: ['policyId', 'version', 'customerId', 'questions'],
    suppressions: ['sequence', 'customerId', 'type', 'time', 'recordedAt', 'channel', 'purpose', 'method', ...actorColumns('actor'), ...recordedByColumns('recordedBy')],
  },
  pdf: {
    title: 'Policy history',
    summary: (document) => {
      const totals = document.totals as PolicyHistoryTotals;
      return [
        keyValueTable('Totals', [
          ['Policy versions', totals.versions],
          ['Policies', totals.policies],
          ['Customers turned ineligible (summed over versions)', totals.customersTurnedIneligible],
          ['Suppressions', totals.suppressions],
        ]),
        {
          title: 'Suppressions by who applied them',
          columns: [column<PolicyHistoryTotals['suppressionsByActor'][number]>('Actor', 3, (row) => actorText(row.actor)), countColumn<{ suppressions: number }>('Suppressions', 1, (row) => row.suppressions)],
          rows: totals.suppressionsByActor,
          width: 0.6,
        },
      ];
    },
    sections: [
      {
        key: 'versions',
        title: 'Policy versions',
        intro: 'Each version with who adopted it (as the emitter states) and which key recorded it, what changed from the version before, and how many customers it turned from eligible to policy-window-expired at its own time.',
        columns: [
          column<PolicyVersionItem>('Policy', 1, (row) => `${row.policyId} v${row.version}\n${row.name}`),
          column<PolicyVersionItem>('Seq', 0.5, (row) => row.sequence),
          column<PolicyVersionItem>('In force from', 1.1, (row) => pdfTime(row.time)),
          column<PolicyVersionItem>('Recorded', 1.1, (row) => pdfTime(row.recordedAt)),
          column<PolicyVersionItem>('Adopted by', 1.4, (row) => actorText(row.actor)),
          column<PolicyVersionItem>('Recorded by', 1.3, (row) => recordedByText(row.recordedBy)),
          column<PolicyVersionItem>('Changes', 3, (row) => row.changes.map(changeText).join('\n')),
          countColumn<PolicyVersionItem>('Customers turned ineligible', 0.9, (row) => row.customersTurnedIneligible),
        ],
      },
      {
        key: 'turnedIneligible',
        title: 'Customers turned ineligible',
        columns: [
          column<TurnedIneligibleItem>('Policy', 1, (row) => `${row.policyId} v${row.version}`),
          column<TurnedIneligibleItem>('Customer', 1.5, (row) => row.customerId),
          column<TurnedIneligibleItem>('Channel / purpose now policy-window-expired', 5, (row) => row.questions.join(', ')),
        ],
      },
      {
        key: 'suppressions',
        title: 'Suppressions',
        intro: 'Withdrawals made by a vendor or a system, or with method vendor-policy: the vendor\'s decision, not the customer\'s.',
        columns: [
          column<SuppressionItem>('Seq', 0.6, (row) => row.sequence),
          column<SuppressionItem>('Customer', 1.2, (row) => row.customerId),
          column<SuppressionItem>('Time', 1.2, (row) => pdfTime(row.time)),
          column<SuppressionItem>('Channel / purpose', 1.3, (row) => `${row.channel} ${row.purpose}`),
          column<SuppressionItem>('Method', 1, (row) => row.method),
          column<SuppressionItem>('Applied by', 1.8, (row) => actorText(row.actor)),
          column<SuppressionItem>('Recorded by', 1.6, (row) => recordedByText(row.recordedBy)),
        ],
      },
    ],
    definitions: [
      { term: 'customers turned ineligible', meaning: "Distinct customers with some channel and purpose in the version's appliesTo that were eligible without the version and policy-window-expired with it, at its time as known when it was recorded." },
      { term: 'suppression', meaning: 'A withdrawal by a vendor or system actor or with method vendor-policy. It binds under tenant policy (step 7), not as an opt-out, and is lifted by a later consent or relationship.' },
    ],
  },
};
