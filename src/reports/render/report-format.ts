import { Problem } from '../../common/problem';

export const REPORT_FORMATS = ['json', 'csv', 'pdf'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

export const CONTENT_TYPES: Record<ReportFormat, string> = {
  json: 'application/json; charset=utf-8',
  csv: 'text/csv; charset=utf-8; header=present',
  pdf: 'application/pdf',
};

const MEDIA_RANGES: Record<string, ReportFormat> = {
  'application/json': 'json',
  'text/csv': 'csv',
  'application/pdf': 'pdf',
  'application/*': 'json',
  'text/*': 'csv',
  '*/*': 'json',
};

/**
 * API.md "Formats": `?format` wins over `Accept`; JSON when neither says; anything else is 406.
 * Among acceptable media ranges the highest `q` wins, then the first listed.
 */
export function chooseReportFormat(format: string | undefined, accept: string | undefined): ReportFormat {
  if (format !== undefined) {
    if ((REPORT_FORMATS as readonly string[]).includes(format)) return format as ReportFormat;
    throw new Problem('not-acceptable', `format must be one of ${REPORT_FORMATS.join(', ')}`);
  }
  if (accept === undefined || accept.trim() === '') return 'json';
  let best: { format: ReportFormat; quality: number } | undefined;
  for (const range of accept.split(',')) {
    const [mediaType = '', ...parameters] = range.split(';').map((part) => part.trim().toLowerCase());
    const chosen = MEDIA_RANGES[mediaType];
    const quality = qualityOf(parameters);
    if (chosen && quality > 0 && (!best || quality > best.quality)) best = { format: chosen, quality };
  }
  if (!best) throw new Problem('not-acceptable', `Reports are available as ${Object.values(CONTENT_TYPES).map((type) => type.split(';')[0]).join(', ')}`);
  return best.format;
}

function qualityOf(parameters: string[]): number {
  const q = parameters.find((parameter) => parameter.startsWith('q='));
  if (!q) return 1;
  const value = Number(q.slice(2));
  return Number.isFinite(value) ? value : 0;
}
