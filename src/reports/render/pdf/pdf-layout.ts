import { ReportDocument } from '../../document/report-document';

/** A column of a PDF table: its header, its share of the table's width, and what a row shows in it. */
export interface PdfColumn<Row = never> {
  header: string;
  width: number;
  value: (row: Row) => string | number | boolean | null | undefined;
  /** Counts read best right-aligned. */
  align?: 'left' | 'right';
}

export interface PdfTable {
  title?: string;
  columns: PdfColumn<never>[];
  rows: readonly object[];
  /** Share of the page's width; a two-column summary needs little. Whole width when absent. */
  width?: number;
}

/** A list part rendered as a detail table. */
export interface PdfSection {
  key: string;
  title: string;
  intro?: string;
  columns: PdfColumn<never>[];
}

/** How one report reads on paper; the PDF writer supplies the cover, the rules cited and the appendix. */
export interface PdfLayout {
  title: string;
  /** Who or what the report is about beyond the tenant (the dossier's customer). */
  subject?: (document: ReportDocument) => string | undefined;
  summary: (document: ReportDocument) => PdfTable[];
  sections: PdfSection[];
  /** Terms the tables use, explained after the rules cited. */
  definitions?: Array<{ term: string; meaning: string }>;
}

/** Declares a column with its row type checked, stored for the writer, which knows rows only as objects. */
export function column<Row>(header: string, width: number, value: (row: Row) => string | number | boolean | null | undefined, align: 'left' | 'right' = 'left'): PdfColumn<never> {
  return { header, width, value, align } as PdfColumn<never>;
}

/** A right-aligned count. */
export function countColumn<Row>(header: string, width: number, value: (row: Row) => number): PdfColumn<never> {
  return column(header, width, value, 'right');
}

/** Timestamps wrap between date and time in narrow columns; milliseconds show only when there are some. */
export function pdfTime(timestamp: string | null | undefined): string {
  if (!timestamp) return '';
  return timestamp.replace('T', ' ').replace('.000Z', 'Z');
}

export function actorText(actor: { type: string; id: string; name?: string; role?: string } | undefined): string {
  if (!actor) return '';
  const name = actor.name ? ` (${actor.name})` : '';
  const role = actor.role ? `, ${actor.role}` : '';
  return `${actor.type} ${actor.id}${name}${role}`;
}

export function recordedByText(recordedBy: { keyId: string; role: string; label: string } | undefined): string {
  return recordedBy ? `${recordedBy.label} (${recordedBy.role} key ${recordedBy.keyId})` : '';
}
