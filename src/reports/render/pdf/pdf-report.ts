import PDFDocument from 'pdfkit';
import { Readable } from 'node:stream';
import { setTimeout as sleep } from 'node:timers/promises';
import { RULE_TABLE } from '../../../../projections';
import { listPart, ReportDocument, rowsOf } from '../../document/report-document';
import { PdfColumn, PdfLayout, pdfTime } from './pdf-layout';
import { pdfText } from './pdf-text';

const MARGIN = 40;
const FOOTER_SPACE = 28;
const FONT = 'Helvetica';
const BOLD = 'Helvetica-Bold';
const MONO = 'Courier';
const BODY_SIZE = 9.5;
const TABLE_SIZE = 7.5;
const CELL_PADDING = 3;
const LABEL_WIDTH = 110;
/** Wide enough for the longest term (`delivered-without-approval`) on one line. */
const TERM_WIDTH = 150;
/** A row taller than this is cut with an ellipsis: JSON and CSV carry the full text. */
const MAX_ROW_HEIGHT = 150;
/** Rendering waits while the reader has this much PDF left to take: pages are flushed as they end, never held. */
const UNREAD_LIMIT = 1024 * 1024;

/**
 * The report as a PDF: a cover (tenant, period, generated at, checkpoint), the summary tables,
 * the detail tables, the rules cited with their citations, and an appendix on verifying it. Pages
 * are written as they fill; detail rows are read from the document as they are drawn.
 */
export function pdfReport(document: ReportDocument, layout: PdfLayout): Readable {
  const pdf = new PDFDocument({
    size: 'A4',
    layout: 'landscape',
    margins: { top: MARGIN, left: MARGIN, right: MARGIN, bottom: MARGIN + FOOTER_SPACE },
    autoFirstPage: false,
    info: {
      Title: pdfText(`${layout.title}: ${document.envelope.tenant.name}`),
      Author: 'compliance-ledger',
      Subject: pdfText(`Computed against checkpoint ${document.envelope.checkpoint.treeSize} of ${document.envelope.tenant.id}`),
      CreationDate: new Date(document.envelope.generatedAt),
    },
  });
  new PdfReportWriter(pdf, document, layout).write().catch((error: Error) => pdf.destroy(error));
  return pdf;
}

class PdfReportWriter {
  private pages = 0;

  constructor(
    private readonly pdf: PDFKit.PDFDocument,
    private readonly document: ReportDocument,
    private readonly layout: PdfLayout,
  ) {
    pdf.on('pageAdded', () => this.footer());
  }

  async write(): Promise<void> {
    this.cover();
    this.newPage();
    this.heading('Summary');
    for (const table of this.layout.summary(this.document)) {
      if (table.title) this.subheading(table.title);
      await this.table(table.columns, table.rows, table.width);
    }
    for (const section of this.layout.sections) {
      const part = listPart(this.document, section.key);
      if (!part) continue;
      this.startSection(`${section.title} (${part.count})`);
      if (section.intro) this.paragraph(section.intro);
      if (part.count === 0) this.paragraph('None.');
      else await this.table(section.columns, rowsOf(part));
    }
    await this.rulesCited();
    this.appendix();
    this.pdf.end();
  }

  private cover(): void {
    const { envelope } = this.document;
    this.newPage();
    this.pdf.moveDown(4);
    this.pdf.font(BOLD).fontSize(24).text(pdfText(this.layout.title));
    this.pdf.moveDown(0.3);
    this.pdf.font(FONT).fontSize(14).text(pdfText(`${envelope.tenant.name} (${envelope.tenant.id})`));
    const subject = this.layout.subject?.(this.document);
    if (subject) this.pdf.fontSize(12).text(pdfText(subject));
    this.pdf.moveDown(1.5);
    const { period, checkpoint, tenant } = envelope;
    const facts: Array<[string, string]> = [
      ['Tenant', `${tenant.name} (${tenant.id}); defaults ${tenant.country}${tenant.region ? `-${tenant.region}` : ''}, ${tenant.timezone}`],
      ['Period', describePeriod(period.from, period.to)],
      ['As of', `${pdfTime(envelope.asOf)} (entries recorded later are left out)`],
      ['Generated at', pdfTime(envelope.generatedAt)],
      ['Checkpoint', `tree size ${checkpoint.treeSize}, root hash ${checkpoint.rootHash}`],
      ['Rules version', envelope.rulesVersion],
    ];
    for (const [label, value] of facts) this.labelled(label, value);
    this.pdf.moveDown(1);
    this.paragraph(
      `Computed against checkpoint ${checkpoint.treeSize}: every entry this report rests on is one of the first ${checkpoint.treeSize} leaves of ` +
        "the tenant's Merkle tree, whose root the signed note below commits to. The appendix explains how to check it, and any entry, independently of this report.",
    );
    this.monospace(checkpoint.note);
  }

  private async rulesCited(): Promise<void> {
    this.startSection('Rules cited');
    if (this.document.rulesCited.length === 0) this.paragraph('No eligibility rule decides anything in this report.');
    else {
      const notes = RULE_TABLE as Record<string, { note?: string }>;
      const rows = this.document.rulesCited.map((rule) => ({ id: rule.id, citation: rule.citation, note: notes[rule.id]?.note ?? '' }));
      await this.table(
        [
          { header: 'Rule', width: 2, value: (row: { id: string }) => row.id },
          { header: 'Citation', width: 5, value: (row: { citation: string }) => row.citation },
          { header: 'Note', width: 3, value: (row: { note: string }) => row.note },
        ] as PdfColumn<never>[],
        rows,
      );
    }
    if (this.layout.definitions) {
      this.subheading('Terms');
      for (const { term, meaning } of this.layout.definitions) this.labelled(term, meaning, TERM_WIDTH);
    }
  }

  private appendix(): void {
    const { envelope } = this.document;
    const size = envelope.checkpoint.treeSize;
    this.startSection('Appendix: how to verify this report');
    this.paragraph(
      `1. The checkpoint. The signed note on the cover names the log (${envelope.tenant.id}), its size (${size}) and its root hash. Check its Ed25519 ` +
        'signature with this verifier key, obtained independently of this service (from your own records or from the dealer), not from this report alone:',
    );
    this.monospace(envelope.verifierKey);
    this.paragraph("2. Any entry. Every sequence in this report is a leaf index. This returns the entry's leaf hash and an RFC 9162 inclusion proof against the root above:");
    this.monospace(`GET /v1/ledger/proof/inclusion?sequence=<sequence>&treeSize=${size}`);
    this.paragraph('GET /v1/events/<sequence> returns the entry itself, whose canonical form hashes to that leaf.');
    this.paragraph(
      '3. A customer. GET /v1/customers/<customer id>/evidence returns an evidence bundle: every entry of the customer with its inclusion proof, linked ' +
        'entry to entry by prevSubjectSequence so that none can be left out, and the personal data with the salts of its commitments. Check it offline:',
    );
    this.monospace('compliance-ledger verify bundle.json --key verifier-key.txt');
    this.paragraph(`4. Nothing changed since. A consistency proof from this checkpoint to a later one proves the log only grew; check it offline:`);
    this.monospace(
      `GET /v1/ledger/proof/consistency?from=${size}&to=<later size>\ncompliance-ledger verify-consistency this-checkpoint.txt later-checkpoint.txt --proof proof.json --key verifier-key.txt`,
    );
    this.paragraph(`5. The same answers. With the same checkpoint, as-of instant and rules version (${envelope.rulesVersion}), the report is computed again identically.`);
  }

  private async table(columns: PdfColumn<never>[], rows: AsyncIterable<object> | Iterable<object>, share = 1): Promise<void> {
    const left = this.pdf.page.margins.left;
    const available = (this.pdf.page.width - left - this.pdf.page.margins.right) * share;
    const totalWeight = columns.reduce((sum, column) => sum + column.width, 0);
    const widths = columns.map((column) => (column.width / totalWeight) * available);
    const aligns = columns.map((column) => column.align ?? 'left');
    const header = columns.map((column) => column.header);
    const drawHeader = () => {
      if (header.some((text) => text !== '')) this.row(header, widths, aligns, { bold: true, shade: '#dde3ea' });
    };
    this.ensureSpace(40);
    drawHeader();
    let drawn = 0;
    for await (const row of rows) {
      const cells = columns.map((column) => cellText((column.value as (row: object) => unknown)(row)));
      if (this.pdf.y + this.rowHeight(cells, widths, false) > this.bottom()) {
        this.newPage();
        drawHeader();
      }
      this.row(cells, widths, aligns, { bold: false, shade: drawn % 2 === 1 ? '#f3f5f7' : undefined });
      if (++drawn % 25 === 0) await this.waitForReader();
    }
    this.pdf.x = left;
    this.pdf.moveDown(0.8);
  }

  private row(cells: string[], widths: number[], aligns: Array<'left' | 'right'>, style: { bold: boolean; shade?: string }): void {
    const height = this.rowHeight(cells, widths, style.bold);
    const top = this.pdf.y;
    let x = this.pdf.page.margins.left;
    if (style.shade) this.pdf.save().rect(x, top, sum(widths), height).fill(style.shade).restore();
    this.pdf.font(style.bold ? BOLD : FONT).fontSize(TABLE_SIZE).fillColor('#111111');
    cells.forEach((cell, index) => {
      const width = widths[index]!;
      this.pdf.text(cell, x + CELL_PADDING, top + CELL_PADDING, { width: width - 2 * CELL_PADDING, height: height - CELL_PADDING, ellipsis: true, align: aligns[index] });
      x += width;
    });
    this.pdf
      .moveTo(this.pdf.page.margins.left, top + height)
      .lineTo(this.pdf.page.margins.left + sum(widths), top + height)
      .lineWidth(0.3)
      .strokeColor('#b8c0c8')
      .stroke();
    this.pdf.y = top + height;
  }

  private rowHeight(cells: string[], widths: number[], bold: boolean): number {
    this.pdf.font(bold ? BOLD : FONT).fontSize(TABLE_SIZE);
    const tallest = Math.max(...cells.map((cell, index) => this.pdf.heightOfString(cell || ' ', { width: widths[index]! - 2 * CELL_PADDING })));
    return Math.min(tallest, MAX_ROW_HEIGHT) + 2 * CELL_PADDING;
  }

  private newPage(): void {
    this.pdf.addPage();
  }

  /** A section starts on the current page when a heading and a few rows still fit. */
  private startSection(title: string): void {
    if (this.pdf.y > this.pdf.page.margins.top) this.pdf.moveDown(1);
    this.ensureSpace(120);
    this.heading(title);
  }

  private ensureSpace(height: number): void {
    if (this.pdf.y + height > this.bottom()) this.newPage();
  }

  private bottom(): number {
    return this.pdf.page.height - this.pdf.page.margins.bottom;
  }

  private heading(text: string): void {
    this.pdf.x = this.pdf.page.margins.left;
    this.pdf.font(BOLD).fontSize(15).fillColor('#111111').text(pdfText(text));
    this.pdf.moveDown(0.4);
  }

  private subheading(text: string): void {
    this.ensureSpace(60);
    this.pdf.x = this.pdf.page.margins.left;
    this.pdf.font(BOLD).fontSize(11).fillColor('#111111').text(pdfText(text));
    this.pdf.moveDown(0.3);
  }

  private paragraph(text: string): void {
    this.pdf.x = this.pdf.page.margins.left;
    this.pdf.font(FONT).fontSize(BODY_SIZE).fillColor('#111111').text(pdfText(text), { lineGap: 1.5 });
    this.pdf.moveDown(0.5);
  }

  private labelled(label: string, value: string, labelWidth = LABEL_WIDTH): void {
    const left = this.pdf.page.margins.left;
    this.ensureSpace(2 * BODY_SIZE);
    const top = this.pdf.y;
    this.pdf.font(BOLD).fontSize(BODY_SIZE).text(pdfText(label), left, top, { width: labelWidth });
    const labelBottom = this.pdf.y;
    this.pdf.font(FONT).text(pdfText(value), left + labelWidth + 10, top, { width: this.pdf.page.width - left - this.pdf.page.margins.right - labelWidth - 10 });
    this.pdf.y = Math.max(this.pdf.y, labelBottom) + 2;
    this.pdf.x = left;
  }

  private monospace(text: string): void {
    this.pdf.x = this.pdf.page.margins.left;
    this.pdf.font(MONO).fontSize(8).fillColor('#111111').text(pdfText(text.trimEnd()));
    this.pdf.moveDown(0.6);
  }

  /** Drawn as each page is added, in the bottom margin (which must not count as room for text, or PDFKit would add a page). */
  private footer(): void {
    this.pages++;
    const { envelope } = this.document;
    const page = this.pdf.page;
    const bottomMargin = page.margins.bottom;
    page.margins.bottom = 0;
    this.pdf
      .font(FONT)
      .fontSize(7)
      .fillColor('#555555')
      .text(
        pdfText(`compliance-ledger · ${this.layout.title} · ${envelope.tenant.name} (${envelope.tenant.id}) · checkpoint ${envelope.checkpoint.treeSize} · generated ${pdfTime(envelope.generatedAt)} · page ${this.pages}`),
        page.margins.left,
        page.height - MARGIN,
        { width: page.width - page.margins.left - page.margins.right, align: 'center', lineBreak: false },
      );
    page.margins.bottom = bottomMargin;
    this.pdf.x = page.margins.left;
    this.pdf.y = page.margins.top;
    this.pdf.fillColor('#111111');
  }

  private async waitForReader(): Promise<void> {
    while (this.pdf.readableLength > UNREAD_LIMIT) {
      if (this.pdf.destroyed) throw new Error('the PDF reader went away');
      await sleep(5);
    }
  }
}

function sum(values: number[]): number {
  return values.reduce((total, value) => total + value, 0);
}

function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  return pdfText(String(value));
}

function describePeriod(from: string | null, to: string | null): string {
  if (from === null && to === null) return 'the whole history';
  if (from === null) return `everything before ${pdfTime(to)}`;
  if (to === null) return `from ${pdfTime(from)} on`;
  return `from ${pdfTime(from)} (inclusive) to ${pdfTime(to)} (exclusive)`;
}
