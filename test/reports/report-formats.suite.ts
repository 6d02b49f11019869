import { parse } from 'csv-parse/sync';
import { REPORT_LAYOUTS } from '../../src/reports/render/report-layouts';
import { csvCell, valueAt } from '../../src/reports/render/csv-columns';
import { expectProblem } from '../support/problem-details';
import { TestService, TestTenant } from '../support/http-app';
import { fetchBytes, getReport, reportPath } from './report-client';
import { CUSTOMERS } from './report-scenario';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
type ReportName = 'dossier' | 'violations' | 'exports' | 'policies';

const REPORTS: Array<[ReportName, string]> = [
  ['dossier', reportPath('dossier', CUSTOMERS.optedOut)],
  ['violations', reportPath('violations')],
  ['exports', reportPath('exports')],
  ['policies', reportPath('policies')],
];

/** Every leaf of a line item, as the dotted path CSV flattens it to (lists are leaves). */
function leafPaths(value: unknown, prefix = ''): string[] {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return [prefix];
  return Object.entries(value).flatMap(([key, child]) => leafPaths(child, prefix ? `${prefix}.${key}` : key));
}

async function pdfTextOf(bytes: Buffer): Promise<string> {
  const { PDFParse } = await import('pdf-parse');
  return (await new PDFParse({ data: new Uint8Array(bytes) }).getText()).text;
}

/** API.md "Formats": JSON, CSV and PDF; ?format over Accept; 406 otherwise. */
export function reportFormats(service: () => TestService, seeded: () => TestTenant): void {
  const json = async (path: string): Promise<Json> => (await getReport(service(), seeded().auditor, path)).body as Json;

  describe('CSV', () => {
    it.each(REPORTS)('of the %s report has one row per line item that parses back to the JSON, nothing left out', async (name, path) => {
      const body = await json(path);
      const reply = await fetchBytes(service(), seeded().auditor, `${path}?format=csv`);
      expect(reply.status).toBe(200);
      expect(reply.headers.get('content-type')).toBe('text/csv; charset=utf-8; header=present');
      expect(reply.headers.get('content-disposition')).toBe(`attachment; filename="${name}-${seeded().id}-27.csv"`);

      const columns = REPORT_LAYOUTS[name].csv;
      const sectioned = Object.keys(columns).length > 1;
      const rows: Array<Record<string, string>> = parse(reply.bytes, { columns: true });
      const expected = Object.keys(columns).flatMap((key) => (Array.isArray(body[key]) ? body[key] : [body[key]]).map((item: Json) => ({ section: key, item })));
      expect(rows).toHaveLength(expected.length);
      rows.forEach((row, index) => {
        const { section, item } = expected[index]!;
        if (sectioned) expect(row.section).toBe(section);
        for (const path of columns[section]!) expect({ section, path, cell: row[path] }).toEqual({ section, path, cell: csvCell(valueAt(item, path)) });
        // A leaf is a column, or lies inside one written as JSON, or is a null object whose columns are all empty.
        const covered = (leaf: string) => columns[section]!.some((column) => leaf === column || leaf.startsWith(`${column}.`) || column.startsWith(`${leaf}.`));
        for (const leaf of leafPaths(item)) expect({ section, leaf, covered: covered(leaf) }).toEqual({ section, leaf, covered: true });
      });
    });

    it('is chosen by Accept: text/csv', async () => {
      const reply = await fetchBytes(service(), seeded().auditor, reportPath('exports'), { accept: 'text/csv' });
      expect(reply.headers.get('content-type')).toMatch(/^text\/csv/);
      const rows: Array<Record<string, string>> = parse(reply.bytes, { columns: true });
      expect(rows.map((row) => row.exportId)).toEqual(['exp-1', 'exp-2', 'exp-3']);
    });
  });

  describe('PDF', () => {
    it.each(REPORTS)('of the %s report has a cover with the checkpoint, its tables, the rules cited and how to verify', async (name, path) => {
      const body = await json(path);
      const reply = await fetchBytes(service(), seeded().auditor, `${path}?format=pdf`);
      expect(reply.status).toBe(200);
      expect(reply.headers.get('content-type')).toBe('application/pdf');
      expect(reply.headers.get('content-disposition')).toBe(`attachment; filename="${name}-${seeded().id}-27.pdf"`);
      expect(reply.bytes.subarray(0, 5).toString()).toBe('%PDF-');

      const text = (await pdfTextOf(reply.bytes)).replace(/\s+/g, ' ');
      expect(text).toContain(`checkpoint 27`);
      expect(text).toContain(body.checkpoint.rootHash);
      expect(text).toContain(`${seeded().id}`);
      expect(text).toContain('Summary');
      expect(text).toContain('Rules cited');
      expect(text).toContain('Appendix: how to verify this report');
      expect(text).toContain('compliance-ledger verify bundle.json --key verifier-key.txt');
      expect(text).toContain(body.verifierKey);
      for (const rule of body.rulesCited) expect(text).toContain(rule.citation.replace(/\s+/g, ' ').slice(0, 40));
    });

    it('of violations shows each violation and opt-out', async () => {
      const reply = await fetchBytes(service(), seeded().auditor, reportPath('violations'), { accept: 'application/pdf' });
      const text = (await pdfTextOf(reply.bytes)).replace(/\s+/g, ' ');
      expect(text).toContain('Violations report');
      expect(text).toContain('Contacts made while ineligible (4)');
      expect(text).toContain('Opt-outs and their deadlines (2)');
      expect(text).toMatch(/within-grace opted-out 2025-03-18 04:00:00Z/);
      expect(text).toContain('policy-breach suppressed');
      expect(text).toContain('10 business days (CASL s. 11(3))');
    });

    it('of the dossier shows the customer, the eligibility and the contacts', async () => {
      const reply = await fetchBytes(service(), seeded().auditor, `${reportPath('dossier', CUSTOMERS.optedOut)}?format=pdf`);
      const text = (await pdfTextOf(reply.bytes)).replace(/\s+/g, ' ');
      expect(text).toContain(`Customer ${CUSTOMERS.optedOut}`);
      expect(text).toContain('Jo Tremblay; jo@example.com');
      expect(text).toContain('Eligibility as of the report (24)');
      expect(text).toContain('Consent withdrawn: email, marketing (unsubscribe-link)');
      expect(text).toContain('not a contact (failed)');
      expect(text).toContain(`GET /v1/customers/${CUSTOMERS.optedOut}/evidence`);
    });
  });

  describe('negotiation', () => {
    it('lets ?format win over Accept', async () => {
      const reply = await fetchBytes(service(), seeded().auditor, `${reportPath('exports')}?format=json`, { accept: 'application/pdf' });
      expect(reply.headers.get('content-type')).toBe('application/json; charset=utf-8');
      expect(JSON.parse(reply.bytes.toString('utf8')).report).toBe('exports');
    });

    it('weighs Accept by quality', async () => {
      const reply = await fetchBytes(service(), seeded().auditor, reportPath('policies'), { accept: 'text/csv;q=0.5, application/pdf' });
      expect(reply.headers.get('content-type')).toBe('application/pdf');
    });

    it('answers 406 for any other format or Accept', async () => {
      expectProblem(await getReport(service(), seeded().auditor, `${reportPath('violations')}?format=xml`), 406, 'not-acceptable');
      expectProblem(await getReport(service(), seeded().auditor, reportPath('exports'), { accept: 'image/png' }), 406, 'not-acceptable');
      expectProblem(await getReport(service(), seeded().auditor, `${reportPath('dossier', CUSTOMERS.optedOut)}?format=docx`), 406, 'not-acceptable');
    });
  });
}
