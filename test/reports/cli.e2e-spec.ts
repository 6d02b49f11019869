import { parse } from 'csv-parse/sync';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { TestService, TestTenant } from '../support/http-app';
import { embeddedStore, temporaryDataDir } from '../support/stores';
import { runCli, storeEnvironment } from '../integrity/cli';
import { seedScenario } from './report-client';
import { CUSTOMERS, reportScenario } from './report-scenario';

/** `compliance-ledger report` on the embedded store once the service has let go of it (the CLI runs from the build). */
describe('compliance-ledger report', () => {
  const output = temporaryDataDir();
  let tenant: TestTenant;
  let environment: Record<string, string>;

  beforeAll(async () => {
    const service = await TestService.start(embeddedStore);
    tenant = await seedScenario(service, reportScenario());
    environment = storeEnvironment(service.config);
    await service.stop();
  }, 60_000);

  const report = (...args: string[]) => runCli(['report', ...args, '--tenant', tenant.id], { env: environment });

  it('writes a report as JSON by default, computed against a checkpoint, and says which', async () => {
    const file = path.join(output, 'policies.json');
    const run = await report('policies', '-o', file);
    expect(run).toMatchObject({ status: 0, stderr: '' });
    const body = JSON.parse(fs.readFileSync(file, 'utf8'));
    expect(body.versions.map((version: { version: number }) => version.version)).toEqual([1, 2]);
    expect(JSON.parse(run.stdout)).toEqual({ report: 'policies', format: 'json', file, treeSize: 27, rootHash: body.checkpoint.rootHash, asOf: body.asOf });
  });

  it('writes CSV with the period and channel asked for', async () => {
    const file = path.join(output, 'violations.csv');
    const run = await report('violations', '--from', '2025-03-01T00:00:00Z', '--to', '2025-04-01T14:00:00Z', '--channel', 'email', '--format', 'csv', '-o', file);
    expect(run.status).toBe(0);
    const rows: Array<Record<string, string>> = parse(fs.readFileSync(file), { columns: true });
    expect(rows.map((row) => [row.section, row.sequence])).toEqual([
      ['items', '13'],
      ['items', '14'],
      ['optOuts', '12'],
    ]);
  });

  it("writes a customer's dossier as PDF", async () => {
    const file = path.join(output, 'dossier.pdf');
    const run = await report('dossier', '--customer', CUSTOMERS.optedOut, '--format', 'pdf', '-o', file);
    expect(run.status).toBe(0);
    const { PDFParse } = await import('pdf-parse');
    const text = (await new PDFParse({ data: new Uint8Array(fs.readFileSync(file)) }).getText()).text;
    expect(text).toContain('Consent dossier');
    expect(text).toContain('Jo Tremblay');
  });

  it('refuses what it cannot do, in one line', async () => {
    expect(await report('dossier', '-o', path.join(output, 'x.json'))).toMatchObject({ status: 1, stderr: 'compliance-ledger: --customer is required for the dossier, and only for it\n' });
    expect(await report('dossier', '--customer', 'c-nobody', '-o', path.join(output, 'x.json'))).toMatchObject({ status: 1, stderr: 'compliance-ledger: No customer c-nobody\n' });
    expect((await report('exports', '--from', 'yesterday', '-o', path.join(output, 'x.json'))).status).not.toBe(0);
    const unknownTenant = await runCli(['report', 'exports', '--tenant', 'no-such-tenant', '-o', path.join(output, 'x.json')], { env: environment });
    expect(unknownTenant).toMatchObject({ status: 1, stderr: 'compliance-ledger: No tenant no-such-tenant\n' });
  });
});
