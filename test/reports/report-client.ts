import { HttpReply, TestService, TestTenant } from '../support/http-app';
import { ScenarioStep } from './report-scenario';

/** Posts the scenario's steps in order, each as one batch, with the key its events need. */
export async function seedScenario(service: TestService, steps: ScenarioStep[]): Promise<TestTenant> {
  const tenant = await service.createTenant({ country: 'CA', region: 'ON', timezone: 'America/Toronto' });
  for (const step of steps) {
    const reply = await service.send('POST', '/v1/events', { key: tenant[step.by], body: step.events });
    if (reply.status !== 201) throw new Error(`seeding failed: ${reply.status} ${JSON.stringify(reply.body)}`);
  }
  return tenant;
}

export function queryString(query: Record<string, string | undefined>): string {
  const pairs = Object.entries(query).filter(([, value]) => value !== undefined) as Array<[string, string]>;
  return pairs.length === 0 ? '' : `?${pairs.map(([name, value]) => `${name}=${encodeURIComponent(value)}`).join('&')}`;
}

export function reportPath(report: 'dossier' | 'violations' | 'exports' | 'policies', customerId?: string): string {
  return report === 'dossier' ? `/v1/customers/${encodeURIComponent(customerId!)}/dossier` : `/v1/reports/${report}`;
}

/** A report's raw bytes, for CSV and PDF. */
export async function fetchBytes(service: TestService, key: string, path: string, headers: Record<string, string> = {}): Promise<{ status: number; headers: Headers; bytes: Buffer }> {
  const response = await service.request('GET', path, { key, headers });
  return { status: response.status, headers: response.headers, bytes: Buffer.from(await response.arrayBuffer()) };
}

export function getReport(service: TestService, key: string, path: string, headers: Record<string, string> = {}): Promise<HttpReply> {
  return service.send('GET', path, { key, headers });
}
