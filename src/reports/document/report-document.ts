import { RuleReference } from '../../../projections';
import { ReportPeriod } from '../../../projections/reports';

export const REPORT_NAMES = ['dossier', 'violations', 'exports', 'policies'] as const;
export type ReportName = (typeof REPORT_NAMES)[number];

export interface ReportTenant {
  id: string;
  name: string;
  country: string;
  region?: string;
  timezone: string;
}

export interface ReportCheckpoint {
  treeSize: number;
  /** base64, as the signed note states it. */
  rootHash: string;
  /** The C2SP signed note (tlog checkpoint) the report was computed against. */
  note: string;
}

/** What every report states first (API.md "Timelines and reports"). */
export interface ReportEnvelope {
  report: ReportName;
  tenant: ReportTenant;
  period: ReportPeriod;
  asOf: string;
  generatedAt: string;
  checkpoint: ReportCheckpoint;
  /** The key the checkpoint's signature verifies under (GET /v1/ledger/verifier-key). */
  verifierKey: string;
  rulesVersion: string;
}

/** A list of line items: in memory, or spooled to disk when it can grow with the log. */
export interface ReportList {
  kind: 'list';
  key: string;
  count: number;
  /**
   * The line items in order, a page at a time: a renderer handles a page in one go (JSON writes
   * it with one `JSON.stringify`, much cheaper than one call and one await per item).
   */
  pages(): AsyncIterable<readonly object[]>;
}

export interface ReportObject {
  kind: 'object';
  key: string;
  value: object;
}

export type ReportPart = ReportList | ReportObject;

/** A computed report, ready to render in any format; `dispose` frees what it spooled. */
export interface ReportDocument {
  envelope: ReportEnvelope;
  /** In the order the JSON states them, between the envelope and `totals`. */
  parts: ReportPart[];
  totals: object;
  /** Every rule the report's answers rest on, with its citation. */
  rulesCited: RuleReference[];
  dispose(): Promise<void>;
}

export function inMemoryList(key: string, rows: readonly object[]): ReportList {
  return {
    kind: 'list',
    key,
    count: rows.length,
    async *pages() {
      if (rows.length > 0) yield rows;
    },
  };
}

/** A list's line items one by one, for renderers that lay out each item on its own. */
export async function* rowsOf(list: ReportList): AsyncGenerator<object> {
  for await (const page of list.pages()) yield* page;
}

export function reportObject(key: string, value: object): ReportObject {
  return { kind: 'object', key, value };
}

export function listPart(document: ReportDocument, key: string): ReportList | undefined {
  return document.parts.find((part): part is ReportList => part.kind === 'list' && part.key === key);
}

export function objectPart(document: ReportDocument, key: string): object | undefined {
  return document.parts.find((part): part is ReportObject => part.kind === 'object' && part.key === key)?.value;
}
