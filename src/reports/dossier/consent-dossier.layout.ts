import { DossierContact, DossierProfile, DossierTotals, EligibilityLine, TimelineItem } from '../../../projections/reports';
import { objectPart } from '../document/report-document';
import { EXPORT_COLUMNS, EXPORT_FLAG_DEFINITIONS, EXPORT_PDF_COLUMNS } from '../exports/export-register.layout';
import { actorText, column, pdfTime, recordedByText } from '../render/pdf/pdf-layout';
import { actorColumns, keyValueTable, recordedByColumns, ReportLayout } from '../render/report-layout';

type Identity = { name?: string; email?: string; phone?: string; address?: string; erased?: boolean } | null;
type DossierCustomer = DossierProfile & { identity: Identity };

function identityText(identity: Identity): string {
  if (identity === null) return 'none on record';
  if (identity.erased) return 'erased';
  return [identity.name, identity.email, identity.phone, identity.address].filter(Boolean).join('; ');
}

export const CONSENT_DOSSIER_LAYOUT: ReportLayout = {
  fileName: 'dossier',
  csv: {
    customer: [
      'customerId', 'identity.name', 'identity.email', 'identity.phone', 'identity.address', 'identity.erased', 'identity.sequence',
      'jurisdiction.country', 'jurisdiction.region', 'timezone', 'profileSource', 'firstRecordedAt', 'erasure.sequence', 'erasure.time',
    ],
    eligibility: ['channel', 'purpose', 'eligible', 'reason', 'until', 'eligibleUntil', 'rules', 'evidence', 'explanation'],
    timeline: ['sequence', 'type', 'time', 'recordedAt', ...actorColumns('actor'), ...recordedByColumns('recordedBy'), 'summary', 'details', 'leafHash'],
    contacts: [
      'sequence', 'time', 'recordedAt', 'channel', 'purpose', 'campaignId', 'messageRef', 'automated', 'outcome', ...actorColumns('actor'), ...recordedByColumns('recordedBy'),
      'evaluation.outcome', 'evaluation.reason', 'evaluation.basis', 'evaluation.deadline', 'rules',
    ],
    exports: EXPORT_COLUMNS,
    evidence: ['bundle', 'verify', 'verifierKey', 'inclusionProof', 'consistencyProof', 'statement'],
  },
  pdf: {
    title: 'Consent dossier',
    subject: (document) => `Customer ${(objectPart(document, 'customer') as DossierCustomer).customerId}`,
    summary: (document) => {
      const customer = objectPart(document, 'customer') as DossierCustomer;
      const evidence = objectPart(document, 'evidence') as Record<string, string>;
      const totals = document.totals as DossierTotals;
      const region = customer.jurisdiction.region ? `-${customer.jurisdiction.region}` : '';
      return [
        keyValueTable('Customer', [
          ['Customer id', customer.customerId],
          ['Identity', identityText(customer.identity)],
          ['Jurisdiction', `${customer.jurisdiction.country}${region}${customer.profileSource === 'tenant-defaults' ? " (the tenant's defaults)" : ''}`],
          ['Time zone', customer.timezone],
          ['First recorded', pdfTime(customer.firstRecordedAt)],
          ['Erasure', customer.erasure ? `requested ${pdfTime(customer.erasure.time)} (#${customer.erasure.sequence})` : 'none'],
        ]),
        keyValueTable('Totals', [
          ['Entries in the period', totals.entries],
          ['Contacts', totals.contacts],
          ['Violations of law', totals.violations],
          ['Within grace', totals.withinGrace],
          ['Policy breaches', totals.policyBreaches],
          [`Eligible now (of ${totals.questions} channel and purpose pairs)`, totals.eligibleNow],
          ['Exports naming the customer', totals.exports],
        ]),
        keyValueTable('Evidence bundle', [
          ['Fetch', evidence.bundle],
          ['Verify offline', evidence.verify],
          ['Verifier key', evidence.verifierKey],
          ['One entry', evidence.inclusionProof],
          ['Since this report', evidence.consistencyProof],
        ]),
      ];
    },
    sections: [
      {
        key: 'eligibility',
        title: 'Eligibility as of the report',
        intro: 'Every channel and purpose, for a live (not automated) contact, at the as-of instant.',
        columns: [
          column<EligibilityLine>('Channel', 0.7, (row) => row.channel),
          column<EligibilityLine>('Purpose', 0.9, (row) => row.purpose),
          column<EligibilityLine>('Eligible', 0.6, (row) => (row.eligible ? 'yes' : 'no')),
          column<EligibilityLine>('Reason', 1.2, (row) => row.reason),
          column<EligibilityLine>('Until', 1.1, (row) => pdfTime(row.until)),
          column<EligibilityLine>('Rules', 1.3, (row) => row.rules.join(', ')),
          column<EligibilityLine>('Evidence', 0.8, (row) => row.evidence.map((sequence) => `#${sequence}`).join(' ')),
          column<EligibilityLine>('Explanation', 4, (row) => row.explanation),
        ],
      },
      {
        key: 'timeline',
        title: 'Timeline',
        intro: 'Every entry about the customer: who did it (as the emitter states) and which key recorded it. The sequence is the leaf to prove.',
        columns: [
          column<TimelineItem>('Seq', 0.5, (row) => row.sequence),
          column<TimelineItem>('Time', 1.1, (row) => pdfTime(row.time)),
          column<TimelineItem>('Recorded', 1.1, (row) => pdfTime(row.recordedAt)),
          column<TimelineItem>('What', 3.4, (row) => row.summary),
          column<TimelineItem>('Done by', 1.6, (row) => actorText(row.actor)),
          column<TimelineItem>('Recorded by', 1.6, (row) => recordedByText(row.recordedBy)),
        ],
      },
      {
        key: 'contacts',
        title: 'Contacts and how each stood when made',
        columns: [
          column<DossierContact>('Seq', 0.5, (row) => row.sequence),
          column<DossierContact>('Time', 1.1, (row) => pdfTime(row.time)),
          column<DossierContact>('Channel / purpose', 1.1, (row) => `${row.channel} ${row.purpose}${row.automated ? ' (automated)' : ''}`),
          column<DossierContact>('Campaign', 0.9, (row) => row.campaignId),
          column<DossierContact>('Contact by', 1.4, (row) => actorText(row.actor)),
          column<DossierContact>('Delivery', 0.7, (row) => row.outcome),
          column<DossierContact>('Evaluation', 0.9, (row) => row.evaluation?.outcome ?? 'not a contact (failed)'),
          column<DossierContact>('Reason', 1.1, (row) => row.evaluation?.reason),
          column<DossierContact>('Grace deadline', 1.1, (row) => pdfTime(row.evaluation?.deadline)),
          column<DossierContact>('Rules', 1.2, (row) => row.rules.join(', ')),
        ],
      },
      { key: 'exports', title: 'Exports naming the customer', columns: EXPORT_PDF_COLUMNS },
    ],
    definitions: [
      { term: 'violation', meaning: 'The law did not allow the contact when it was made, and no grace period excused it.' },
      { term: 'within-grace', meaning: 'A contact after a withdrawal or listing, before the legal deadline to honour it, otherwise lawful.' },
      { term: 'policy-breach', meaning: "Allowed by law, not by the tenant's own policy. Never a violation of law." },
      ...EXPORT_FLAG_DEFINITIONS,
    ],
  },
};
