import { HttpReply, TestService } from './http-app';

/** The answer to `POST /v1/events` (API.md "Events"). */
export interface AppendAnswer {
  appended: number;
  duplicates: number;
  position: number;
  events: Array<{ id: string; source: string; sequence: number; recordedAt: string; leafHash: string; duplicate: boolean }>;
}

/** An entry of `GET /v1/events` (API.md "Reading the log"). */
export interface LogEntry {
  sequence: number;
  id: string;
  source: string;
  type: string;
  subject: string;
  time: string;
  recordedAt: string;
  recordedBy: { keyId: string; role: string; label: string };
  prevSubjectSequence: number | null;
  data: Record<string, unknown> & { pii?: { commitment: string } };
  leafHash: string;
  pii?: Record<string, unknown>;
}

export interface LogPage {
  items: LogEntry[];
  next: number | null;
}

/** `POST /v1/events` and `GET /v1/events` as an emitter's or auditor's client calls them. */
export function eventsApi(service: () => TestService) {
  return {
    append: (key: string | undefined, body: unknown, headers: Record<string, string> = {}): Promise<HttpReply> =>
      service().send('POST', '/v1/events', { key, body, headers }),

    appendRaw: (key: string | undefined, rawBody: string | Uint8Array, contentType: string, headers: Record<string, string> = {}): Promise<HttpReply> =>
      service().send('POST', '/v1/events', { key, rawBody, headers: { 'content-type': contentType, ...headers } }),

    readPage: (key: string, query = ''): Promise<HttpReply> => service().send('GET', `/v1/events${query}`, { key }),

    /** The whole log of the key's tenant (tests keep it under 1,000 entries). */
    async entries(key: string): Promise<LogEntry[]> {
      const reply = await service().send('GET', '/v1/events?limit=1000', { key });
      if (reply.status !== 200) throw new Error(`reading the log failed: ${reply.status} ${JSON.stringify(reply.body)}`);
      return (reply.body as LogPage).items;
    },

    entry: (key: string, sequence: number | string): Promise<HttpReply> => service().send('GET', `/v1/events/${sequence}`, { key }),
  };
}
