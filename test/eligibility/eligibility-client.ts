/**
 * The eligibility API as a CRM or an auditor's tool calls it, and the answers the engine gives for
 * the same history computed here, in the test, from the entries read back over `GET /v1/events`.
 */
import {
  Channel,
  evaluate,
  evaluateContact,
  foldCustomerFacts,
  foldPolicyVersions,
  isCustomerEventType,
  LedgerEntry,
  Purpose,
  TenantDefaults,
} from '../../projections';
import { LogEntry, LogPage } from '../support/events-api';
import { HttpReply, TestService, TestTenant } from '../support/http-app';
import { HistoryStep, TENANT_DEFAULTS } from './dealer-history';

export interface EligibilityQuestion {
  channel: Channel;
  purpose: Purpose;
  at?: string;
  asOf?: string;
  automated?: boolean;
}

/** A tenant whose history was posted over HTTP, with what the test needs to recompute answers. */
export interface SeededTenant {
  tenant: TestTenant;
  defaults: TenantDefaults;
  /** `recordedAt` of each step's events, in step order. */
  recordedAt: string[];
  /** The whole log, read back as an auditor reads it. */
  entries: LedgerEntry[];
}

export function queryString(question: object): string {
  const pairs = Object.entries(question).filter(([, value]) => value !== undefined);
  return pairs.length === 0 ? '' : `?${pairs.map(([name, value]) => `${name}=${encodeURIComponent(String(value))}`).join('&')}`;
}

export function askEligibility(service: TestService, key: string, customerId: string, question: Partial<EligibilityQuestion> | Record<string, string>): Promise<HttpReply> {
  return service.send('GET', `/v1/customers/${encodeURIComponent(customerId)}/eligibility${queryString(question)}`, { key });
}

export function checkCampaign(service: TestService, key: string, body: unknown): Promise<HttpReply> {
  return service.send('POST', '/v1/eligibility/check', { key, body });
}

export function timelineOf(service: TestService, key: string, customerId: string, asOf?: string): Promise<HttpReply> {
  return service.send('GET', `/v1/customers/${encodeURIComponent(customerId)}/events${queryString({ asOf })}`, { key });
}

export async function postEvents(service: TestService, key: string, events: unknown): Promise<Array<{ sequence: number; recordedAt: string }>> {
  const reply = await service.send('POST', '/v1/events', { key, body: events });
  if (reply.status !== 201) throw new Error(`the append failed: ${reply.status} ${JSON.stringify(reply.body)}`);
  return (reply.body as { events: Array<{ sequence: number; recordedAt: string }> }).events;
}

/** Every entry of the key's tenant, page by page. */
export async function readLog(service: TestService, key: string): Promise<LogEntry[]> {
  const entries: LogEntry[] = [];
  for (let after = -1; ; ) {
    const reply = await service.send('GET', `/v1/events?after=${after}&limit=1000`, { key });
    if (reply.status !== 200) throw new Error(`reading the log failed: ${reply.status} ${JSON.stringify(reply.body)}`);
    const page = reply.body as LogPage;
    entries.push(...page.items);
    if (page.next === null) return entries;
    after = page.next;
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Posts the steps over HTTP in order. A short pause before each step keeps every step's
 * `recordedAt` distinct, so each one names a prefix of its own for `asOf`.
 */
export async function seedTenant(service: TestService, steps: HistoryStep[]): Promise<SeededTenant> {
  const tenant = await service.createTenant(TENANT_DEFAULTS);
  const recordedAt: string[] = [];
  for (const step of steps) {
    await sleep(3);
    const appended = await postEvents(service, step.by === 'admin' ? tenant.admin : tenant.emitter, step.batch ? step.events : step.events[0]);
    recordedAt.push(appended[0]!.recordedAt);
  }
  return { tenant, defaults: { ...TENANT_DEFAULTS }, recordedAt, entries: (await readLog(service, tenant.auditor)) as unknown as LedgerEntry[] };
}

/** The answer `GET …/eligibility` must give: `evaluate` over the log prefix recorded by `asOf`. */
export function expectedAnswer(seeded: Pick<SeededTenant, 'entries' | 'defaults'>, customerId: string, question: Required<EligibilityQuestion>) {
  const prefix = seeded.entries.filter((entry) => entry.recordedAt <= question.asOf);
  const known = seeded.entries.some((entry) => entry.subject === customerId && isCustomerEventType(entry.type));
  const answer = evaluate(
    {
      facts: foldCustomerFacts(prefix.filter((entry) => entry.subject === customerId)),
      known,
      policies: foldPolicyVersions(prefix),
      tenant: seeded.defaults,
      tzdataVersion: process.versions.tz!,
    },
    { ...question, treeSize: prefix.length },
  );
  return { customerId, channel: question.channel, purpose: question.purpose, at: question.at, asOf: question.asOf, ...answer };
}

/** The evaluation a contact must carry: at its own time, from what the log held before it. */
export function expectedContactEvaluation(seeded: Pick<SeededTenant, 'entries' | 'defaults'>, contact: LedgerEntry) {
  if (contact.type !== 'contact.attempted') throw new Error('not a contact');
  const before = seeded.entries.filter((entry) => entry.sequence < contact.sequence);
  return evaluateContact(
    { facts: foldCustomerFacts(before.filter((entry) => entry.subject === contact.subject)), policies: foldPolicyVersions(before), tenant: seeded.defaults },
    contact,
  );
}

/** Runs `work` over `items` with at most `concurrency` in flight, keeping results in order. */
export async function inParallel<T, R>(items: T[], concurrency: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < items.length) {
        const index = next++;
        results[index] = await work(items[index]!);
      }
    }),
  );
  return results;
}
