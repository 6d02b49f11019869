import { finished, Readable } from 'node:stream';
import { ReportDocument } from '../document/report-document';
import { csvReport } from './csv-report';
import { jsonReport } from './json-report';
import { pdfReport } from './pdf/pdf-report';
import { CONTENT_TYPES, ReportFormat } from './report-format';
import { REPORT_LAYOUTS } from './report-layouts';

export interface RenderedReport {
  contentType: string;
  /** `violations-lakeside-motors-58.pdf`: the report, the tenant and the checkpoint's tree size. */
  fileName: string;
  body: Readable;
}

/** The report as a stream of bytes in `format`; the document is disposed of once the stream ends, fails or is abandoned. */
export function renderReport(document: ReportDocument, format: ReportFormat): RenderedReport {
  const layout = REPORT_LAYOUTS[document.envelope.report];
  const body = format === 'pdf' ? pdfReport(document, layout.pdf) : Readable.from(format === 'csv' ? csvReport(document, layout.csv) : jsonReport(document), { objectMode: false });
  finished(body, () => void document.dispose());
  const { tenant, checkpoint } = document.envelope;
  return { contentType: CONTENT_TYPES[format], fileName: `${layout.fileName}-${tenant.id}-${checkpoint.treeSize}.${format}`, body };
}
