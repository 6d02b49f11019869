import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { __resetOutOfContextForTests } from 'nestjs-pino/PinoLogger';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { KeyRole } from '../../projections/events';
import { createApp } from '../../src/app/create-app';
import { LedgerConfig } from '../../src/config/ledger-config';
import { StoreUnderTest, uniqueTenantId } from './stores';

// @fastify/static (it serves /docs) requires content-disposition 3, an ES module. Node ≥ 20.19
// requires ES modules natively, but Jest's module loader cannot before Node 24.9, and Jest's
// `createRequire` is its own; so the real module is loaded through Node's `Module`. It is
// stateless: sharing Node's copy changes nothing.
jest.mock('content-disposition', () => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const NodeModule = require('node:module');
  const loader = new NodeModule(__filename);
  loader.filename = __filename;
  loader.paths = NodeModule._nodeModulePaths(__dirname);
  return loader.require('content-disposition');
});

/** The real service on a real port, with helpers that speak HTTP to it as a client would. */
export class TestService {
  private constructor(
    readonly app: NestFastifyApplication,
    readonly config: LedgerConfig,
    readonly baseUrl: string,
    readonly rootKey: string,
  ) {}

  /** `overrides` set configuration (API.md "Configuration"); pass a service's `config` to restart it. */
  static async start(store: StoreUnderTest, overrides: Partial<LedgerConfig> = {}): Promise<TestService> {
    const config = { ...store.config(), logLevel: 'silent', port: 0, ...overrides };
    // nestjs-pino keeps the first app's logger for logs outside requests, process-wide; one test
    // process starts several apps, each with its own log level.
    __resetOutOfContextForTests();
    const app = await createApp(config);
    await app.listen({ port: 0, host: '127.0.0.1' });
    const address = app.getHttpServer().address() as { port: number };
    const rootKey = config.rootKey ?? fs.readFileSync(path.join(config.dataDir, 'root.key'), 'utf8').trim();
    return new TestService(app, config, `http://127.0.0.1:${address.port}`, rootKey);
  }

  async stop(): Promise<void> {
    await this.app.close();
  }

  request(method: string, urlPath: string, options: RequestOptions = {}): Promise<Response> {
    const headers: Record<string, string> = { ...options.headers };
    if (options.key) headers.authorization = `Bearer ${options.key}`;
    let body: string | Uint8Array | undefined = options.rawBody;
    if (options.body !== undefined) {
      body = JSON.stringify(options.body);
      headers['content-type'] ??= 'application/json';
    }
    return fetch(`${this.baseUrl}${urlPath}`, { method, headers, body });
  }

  /** `request`, with the body read: parsed when it is JSON (problem details included). */
  async send(method: string, urlPath: string, options: RequestOptions = {}): Promise<HttpReply> {
    const response = await this.request(method, urlPath, options);
    const text = await response.text();
    const isJson = /json/.test(response.headers.get('content-type') ?? '') && text !== '';
    return { status: response.status, headers: response.headers, body: isJson ? JSON.parse(text) : text };
  }

  /** A new tenant with one key of each role. */
  async createTenant(overrides: Partial<{ id: string; country: string; region: string; timezone: string }> = {}): Promise<TestTenant> {
    const id = overrides.id ?? uniqueTenantId();
    const created = await this.request('POST', '/v1/tenants', {
      key: this.rootKey,
      body: { id, name: `Tenant ${id}`, country: overrides.country ?? 'CA', region: overrides.region ?? 'ON', timezone: overrides.timezone ?? 'America/Toronto' },
    });
    if (created.status !== 201) throw new Error(`tenant creation failed: ${created.status} ${await created.text()}`);
    const keyFor = async (role: KeyRole): Promise<{ id: string; key: string }> => {
      const response = await this.request('POST', `/v1/tenants/${id}/keys`, { key: this.rootKey, body: { role, label: `${role} key` } });
      return (await response.json()) as { id: string; key: string };
    };
    const [emitter, auditor, admin] = [await keyFor('emitter'), await keyFor('auditor'), await keyFor('admin')];
    return { id, emitter: emitter.key, auditor: auditor.key, admin: admin.key, keyIds: { emitter: emitter.id, auditor: auditor.id, admin: admin.id } };
  }
}

/**
 * Starts the service once for the enclosing describe (startup takes seconds on PGlite) and stops
 * it after; tests call the returned function and take a fresh tenant each.
 */
export function serviceFor(store: StoreUnderTest): () => TestService {
  let service: TestService | undefined;
  beforeAll(async () => {
    service = await TestService.start(store);
  }, 60_000);
  afterAll(async () => {
    await service?.stop();
  });
  return () => {
    if (!service) throw new Error('the service did not start');
    return service;
  };
}

export interface RequestOptions {
  key?: string;
  body?: unknown;
  headers?: Record<string, string>;
  rawBody?: string | Uint8Array;
}

export interface HttpReply {
  status: number;
  headers: Headers;
  /** Parsed JSON when the response is JSON, else the text. */
  body: unknown;
}

export interface TestTenant {
  id: string;
  emitter: string;
  auditor: string;
  admin: string;
  /** The key ids, as `recordedBy.keyId` names them. */
  keyIds: Record<KeyRole, string>;
}
