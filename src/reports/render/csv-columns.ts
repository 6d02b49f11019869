/**
 * How a report's line items become CSV columns: each part names its columns as dotted paths into
 * its rows (nested keys flattened with `.`). A path ending at a list of plain values joins them
 * with `;`; one ending at an object or a list of objects holds its JSON, so no column count
 * depends on the data and the header can be written before the first row.
 */
export type CsvColumns = Record<string, readonly string[]>;

export function valueAt(row: object, path: string): unknown {
  let value: unknown = row;
  for (const key of path.split('.')) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<string, unknown>)[key];
  }
  return value;
}

export function csvCell(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value) && value.every((item) => item === null || typeof item !== 'object')) return value.join(';');
  return JSON.stringify(value);
}
