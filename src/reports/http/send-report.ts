import { FastifyReply } from 'fastify';
import { ReportDocument } from '../document/report-document';
import { ReportFormat } from '../render/report-format';
import { renderReport } from '../render/rendered-report';

/** Streams the report to the client; CSV and PDF come as downloads named after the report, tenant and checkpoint. */
export function sendReport(reply: FastifyReply, document: ReportDocument, format: ReportFormat): void {
  const rendered = renderReport(document, format);
  reply.header('Content-Type', rendered.contentType).header('Vary', 'Accept');
  if (format !== 'json') reply.header('Content-Disposition', `attachment; filename="${rendered.fileName}"`);
  void reply.send(rendered.body);
}
