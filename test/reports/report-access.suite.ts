import { errorLocations, expectProblem, expectUnauthenticated } from '../support/problem-details';
import { TestService, TestTenant } from '../support/http-app';
import { getReport, reportPath } from './report-client';
import { CUSTOMERS } from './report-scenario';

const PATHS = [reportPath('dossier', CUSTOMERS.optedOut), reportPath('violations'), reportPath('exports'), reportPath('policies')];

/** API.md "Conventions" and "Timelines and reports": who may ask, and what is refused. */
export function reportAccess(service: () => TestService, seeded: () => TestTenant): void {
  it.each(PATHS)('%s is for auditor and admin keys', async (path) => {
    expect((await getReport(service(), seeded().admin, path)).status).toBe(200);
    expectProblem(await getReport(service(), seeded().emitter, path), 403, 'forbidden');
    expectProblem(await getReport(service(), service().rootKey, path), 403, 'forbidden');
    expectUnauthenticated(await service().send('GET', path));
  });

  it('are described in the OpenAPI document, with their three formats', async () => {
    const document = (await service().send('GET', '/openapi.json')).body as { paths: Record<string, { get?: { responses: Record<string, { content?: object }> } }> };
    for (const path of ['/v1/customers/{customerId}/dossier', '/v1/reports/violations', '/v1/reports/exports', '/v1/reports/policies']) {
      expect(Object.keys(document.paths[path]?.get?.responses['200']?.content ?? {})).toEqual(['application/json', 'text/csv', 'application/pdf']);
    }
  });

  it('answers 404 for a customer never seen, and for another tenant\'s customer', async () => {
    expectProblem(await getReport(service(), seeded().auditor, reportPath('dossier', 'c-nobody')), 404, 'not-found');
    const other = await service().createTenant();
    expectProblem(await getReport(service(), other.auditor, reportPath('dossier', CUSTOMERS.optedOut)), 404, 'not-found');
  });

  it("does not know a customer named only in an export's scope", async () => {
    const tenant = await service().createTenant();
    const append = await service().send('POST', '/v1/events', {
      key: tenant.emitter,
      body: {
        specversion: '1.0',
        id: 'x-1',
        source: 'urn:test',
        type: 'export.requested',
        subject: 'exp-9',
        time: '2025-05-01T00:00:00Z',
        data: { actor: { type: 'dealer-user', id: 'u' }, scope: { description: 'd', fields: ['name'], customerIds: ['c-only-named'] }, purpose: 'p', destination: 'd' },
      },
    });
    expect(append.status).toBe(201);
    expectProblem(await getReport(service(), tenant.auditor, reportPath('dossier', 'c-only-named')), 404, 'not-found');
  });

  it('answers 400 for an empty period, a bad timestamp, an unknown channel or parameter', async () => {
    const problem = expectProblem(await getReport(service(), seeded().auditor, `${reportPath('violations')}?from=2025-05-01T00:00:00Z&to=2025-05-01T00:00:00Z`), 400, 'validation');
    expect(errorLocations(problem)).toEqual([{ path: 'to' }]);
    expect(errorLocations(expectProblem(await getReport(service(), seeded().auditor, `${reportPath('exports')}?asOf=yesterday`), 400, 'validation'))).toEqual([{ path: 'asOf' }]);
    expect(errorLocations(expectProblem(await getReport(service(), seeded().auditor, `${reportPath('violations')}?channel=fax`), 400, 'validation'))).toEqual([{ path: 'channel' }]);
    expectProblem(await getReport(service(), seeded().auditor, `${reportPath('policies')}?channel=email`), 400, 'validation');
    expectProblem(await getReport(service(), seeded().auditor, reportPath('dossier', 'not@an-id')), 400, 'validation');
  });
}
