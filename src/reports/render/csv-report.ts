import { stringify } from 'csv-stringify/sync';
import { ReportDocument, rowsOf } from '../document/report-document';
import { CsvColumns, csvCell, valueAt } from './csv-columns';

const ROWS_PER_CHUNK = 500;

/** RFC 4180: CRLF between records, and any field holding a quote, comma, CR or LF quoted. */
const RFC_4180 = { record_delimiter: 'windows', quoted_match: /[\r\n]/ } as const;

/**
 * One row per line item, in the report's order. A report with several parts (the dossier's
 * sections, violations and opt-outs) gets a first `section` column naming the part; the columns
 * are the union of the parts', in order.
 */
export async function* csvReport(document: ReportDocument, columns: CsvColumns): AsyncGenerator<string> {
  const parts = document.parts.filter((part) => columns[part.key] !== undefined);
  const sectioned = parts.length > 1;
  const header = [...new Set(parts.flatMap((part) => columns[part.key]!))];
  yield stringify([[...(sectioned ? ['section'] : []), ...header]], RFC_4180);
  const own = new Map(parts.map((part) => [part.key, new Set(columns[part.key])]));
  const line = (section: string, row: object) => [...(sectioned ? [section] : []), ...header.map((path) => (own.get(section)!.has(path) ? csvCell(valueAt(row, path)) : ''))];
  let rows: string[][] = [];
  for (const part of parts) {
    if (part.kind === 'object') {
      rows.push(line(part.key, part.value));
      continue;
    }
    for await (const row of rowsOf(part)) {
      rows.push(line(part.key, row));
      if (rows.length >= ROWS_PER_CHUNK) {
        yield stringify(rows, RFC_4180);
        rows = [];
      }
    }
  }
  if (rows.length > 0) yield stringify(rows, RFC_4180);
}
