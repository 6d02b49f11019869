import { parse } from 'csv-parse/sync';
import { inMemoryList, ReportDocument, reportObject } from '../document/report-document';
import { csvReport } from './csv-report';

function document(parts: ReportDocument['parts']): ReportDocument {
  return {
    envelope: {
      report: 'violations',
      tenant: { id: 't', name: 'T', country: 'CA', timezone: 'America/Toronto' },
      period: { from: null, to: null },
      asOf: '2025-01-01T00:00:00.000Z',
      generatedAt: '2025-01-01T00:00:00.000Z',
      checkpoint: { treeSize: 1, rootHash: 'r', note: 'n' },
      verifierKey: 'k',
      rulesVersion: 'v',
    },
    parts,
    totals: {},
    rulesCited: [],
    dispose: async () => undefined,
  };
}

async function csvOf(doc: ReportDocument, columns: Record<string, string[]>): Promise<string> {
  let text = '';
  for await (const chunk of csvReport(doc, columns)) text += chunk;
  return text;
}

describe('CSV reports', () => {
  it('write one RFC 4180 record per line item, nested keys flattened with dots', async () => {
    const rows = [
      { sequence: 1, actor: { type: 'customer', id: 'c-1' }, note: 'line one\nline two, with "quotes"', rules: ['a', 'b'], optOut: null },
      { sequence: 2, actor: { type: 'vendor', id: 'v', name: 'Vendor, Inc.' }, approvals: [{ sequence: 3 }], rules: [] },
    ];
    const text = await csvOf(document([inMemoryList('items', rows)]), { items: ['sequence', 'actor.type', 'actor.id', 'actor.name', 'note', 'rules', 'approvals', 'optOut.sequence'] });
    expect(text.split('\r\n')[0]).toBe('sequence,actor.type,actor.id,actor.name,note,rules,approvals,optOut.sequence');
    expect(text.endsWith('\r\n')).toBe(true);
    expect(parse(text, { columns: true })).toEqual([
      { sequence: '1', 'actor.type': 'customer', 'actor.id': 'c-1', 'actor.name': '', note: 'line one\nline two, with "quotes"', rules: 'a;b', approvals: '', 'optOut.sequence': '' },
      { sequence: '2', 'actor.type': 'vendor', 'actor.id': 'v', 'actor.name': 'Vendor, Inc.', note: '', rules: '', approvals: '[{"sequence":3}]', 'optOut.sequence': '' },
    ]);
  });

  it('name each row\'s section when the report has several, over the union of their columns', async () => {
    const doc = document([reportObject('customer', { customerId: 'c-1' }), inMemoryList('contacts', [{ sequence: 4, channel: 'email' }]), inMemoryList('empty', [])]);
    const text = await csvOf(doc, { customer: ['customerId'], contacts: ['sequence', 'channel'], empty: ['sequence'] });
    expect(parse(text)).toEqual([
      ['section', 'customerId', 'sequence', 'channel'],
      ['customer', 'c-1', '', ''],
      ['contacts', '', '4', 'email'],
    ]);
  });
});
