import { ContactCounts, OptOutItem, ViolationItem, ViolationTotals } from '../../../projections/reports';
import { actorText, column, countColumn, pdfTime, recordedByText } from '../render/pdf/pdf-layout';
import { actorColumns, keyValueTable, recordedByColumns, ReportLayout } from '../render/report-layout';

const countColumns = [
  countColumn<ContactCounts>('Contacts', 1, (row) => row.contacts),
  countColumn<ContactCounts>('Violations', 1, (row) => row.violations),
  countColumn<ContactCounts>('Within grace', 1, (row) => row.withinGrace),
  countColumn<ContactCounts>('Policy breaches', 1, (row) => row.policyBreaches),
];

function contactText(contact: { sequence: number; time: string } | null): string {
  return contact ? `#${contact.sequence} at ${pdfTime(contact.time)}` : '';
}

export const VIOLATIONS_LAYOUT: ReportLayout = {
  fileName: 'violations',
  csv: {
    items: [
      'sequence', 'customerId', 'time', 'recordedAt', 'channel', 'purpose', 'campaignId', 'automated', ...actorColumns('actor'), ...recordedByColumns('recordedBy'),
      'outcome', 'basis', 'reason', 'deadline', 'rules',
      'optOut.sequence', 'optOut.time', 'optOut.method', ...actorColumns('optOut.actor'), ...recordedByColumns('optOut.recordedBy'),
    ],
    optOuts: [
      'sequence', 'customerId', 'time', 'recordedAt', 'channel', 'purpose', 'method', ...actorColumns('actor'), ...recordedByColumns('recordedBy'),
      'deadline', 'deadlineRule', 'lastContactWithinGrace.sequence', 'lastContactWithinGrace.time', 'firstContactAfterDeadline.sequence', 'firstContactAfterDeadline.time',
      'met', 'honouredAt',
    ],
  },
  pdf: {
    title: 'Violations report',
    summary: (document) => {
      const totals = document.totals as ViolationTotals;
      return [
        keyValueTable('Totals', [
          ['Contacts', totals.contacts],
          ['Violations of law', totals.violations],
          ['Within grace', totals.withinGrace],
          ['Policy breaches', totals.policyBreaches],
          ['Opt-outs', totals.optOuts],
          ['Opt-outs met', totals.optOutsMet],
          ['Opt-outs missed', totals.optOutsMissed],
          ['Opt-outs pending (deadline ahead)', totals.optOutsPending],
        ]),
        {
          title: 'By channel',
          columns: [column<{ channel: string }>('Channel', 1, (row) => row.channel), ...countColumns],
          rows: Object.entries(totals.byChannel).map(([channel, counts]) => ({ channel, ...counts })),
          width: 0.6,
        },
        {
          title: 'Contacts made while ineligible, by reason',
          columns: [column<{ reason: string }>('Reason', 2, (row) => row.reason), countColumn<{ count: number }>('Contacts', 1, (row) => row.count)],
          rows: Object.entries(totals.byReason).map(([reason, count]) => ({ reason, count })),
          width: 0.45,
        },
        { title: 'By actor (who made the contact)', columns: [column<ViolationTotals['byActor'][number]>('Actor', 3, (row) => actorText(row.actor)), ...countColumns], rows: totals.byActor, width: 0.8 },
      ];
    },
    sections: [
      {
        key: 'items',
        title: 'Contacts made while ineligible',
        intro: 'Each contact is judged at its own time as known when it was recorded. Violations and contacts within grace are judged by law; policy breaches by the tenant\'s own policy.',
        columns: [
          column<ViolationItem>('Seq', 0.6, (row) => row.sequence),
          column<ViolationItem>('Customer', 1.1, (row) => row.customerId),
          column<ViolationItem>('Time', 1.2, (row) => pdfTime(row.time)),
          column<ViolationItem>('Channel / purpose', 1.1, (row) => `${row.channel} ${row.purpose}${row.automated ? ' (automated)' : ''}`),
          column<ViolationItem>('Campaign', 1, (row) => row.campaignId),
          column<ViolationItem>('Contact by', 1.4, (row) => actorText(row.actor)),
          column<ViolationItem>('Outcome', 0.9, (row) => row.outcome),
          column<ViolationItem>('Reason', 1.1, (row) => row.reason),
          column<ViolationItem>('Grace deadline', 1.2, (row) => pdfTime(row.deadline)),
          column<ViolationItem>('Opt-out', 2, (row) => (row.optOut ? `#${row.optOut.sequence} ${pdfTime(row.optOut.time)}, ${row.optOut.method}, by ${actorText(row.optOut.actor)}` : '')),
          column<ViolationItem>('Rules', 1.3, (row) => row.rules.join(', ')),
        ],
      },
      {
        key: 'optOuts',
        title: 'Opt-outs and their deadlines',
        intro: 'One line per channel an opt-out covers: the legal deadline differs by channel and jurisdiction.',
        columns: [
          column<OptOutItem>('Seq', 0.6, (row) => row.sequence),
          column<OptOutItem>('Customer', 1.1, (row) => row.customerId),
          column<OptOutItem>('Withdrawn', 1.2, (row) => pdfTime(row.time)),
          column<OptOutItem>('Channel / purpose', 1.1, (row) => `${row.channel} ${row.purpose}`),
          column<OptOutItem>('Method, by', 1.6, (row) => `${row.method}, ${actorText(row.actor)}`),
          column<OptOutItem>('Recorded by', 1.3, (row) => recordedByText(row.recordedBy)),
          column<OptOutItem>('Deadline', 1.6, (row) => (row.deadline ? `${pdfTime(row.deadline)} (${row.deadlineRule})` : row.deadlineRule)),
          column<OptOutItem>('Last contact within grace', 1.2, (row) => contactText(row.lastContactWithinGrace)),
          column<OptOutItem>('First contact after deadline', 1.2, (row) => contactText(row.firstContactAfterDeadline)),
          column<OptOutItem>('Met', 0.6, (row) => (row.met === null ? 'pending' : row.met ? 'yes' : 'no')),
          column<OptOutItem>('Honoured at', 1.2, (row) => pdfTime(row.honouredAt)),
        ],
      },
    ],
    definitions: [
      { term: 'violation', meaning: 'The law did not allow the contact when it was made (order of evaluation steps 1-6 and 8), and no grace period excused it.' },
      { term: 'within-grace', meaning: 'A contact after a withdrawal or a do-not-call listing, before the legal deadline to honour it, that would otherwise have been lawful.' },
      { term: 'policy-breach', meaning: "The law allowed the contact but the tenant's own policy did not (suppression, policy window, recent contact). Never a violation of law." },
      { term: 'met', meaning: 'No contact covered by the opt-out was made after its deadline; "pending" while the deadline is still ahead as of the report.' },
    ],
  },
};
