import { CsvColumns } from './csv-columns';
import { column, PdfLayout, PdfTable } from './pdf/pdf-layout';

/** How one report renders: its CSV columns and how it reads on paper. */
export interface ReportLayout {
  /** The download's file name before its extension: `violations`. */
  fileName: string;
  csv: CsvColumns;
  pdf: PdfLayout;
}

export function actorColumns(prefix: string): string[] {
  return ['type', 'id', 'name', 'role'].map((field) => `${prefix}.${field}`);
}

export function recordedByColumns(prefix: string): string[] {
  return ['keyId', 'role', 'label'].map((field) => `${prefix}.${field}`);
}

/** A two-column summary table without a header: what, and how much or which. Counts are right-aligned in a narrow table. */
export function keyValueTable(title: string, pairs: Array<[string, string | number | boolean | null | undefined]>): PdfTable {
  const counts = pairs.every(([, value]) => typeof value === 'number');
  return {
    title,
    columns: [column<{ key: string }>('', counts ? 3 : 1, (row) => row.key), column<{ value: string }>('', counts ? 1 : 2, (row) => row.value, counts ? 'right' : 'left')],
    rows: pairs.map(([key, value]) => ({ key, value: value === null || value === undefined ? '' : String(value) })),
    width: counts ? 0.45 : 0.8,
  };
}
