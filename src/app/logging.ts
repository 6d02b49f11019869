import { randomUUID } from 'node:crypto';
import { IncomingMessage } from 'node:http';
import { hostname } from 'node:os';
import { Params } from 'nestjs-pino';
import { LedgerConfig } from '../config/ledger-config';

const REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/** A caller's own x-request-id when it is a plain id, else a fresh one. */
export function requestId(request: IncomingMessage): string {
  const given = request.headers['x-request-id'];
  return typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
}

/**
 * JSON logs with a request id on every line. Bodies are never logged (they carry PII), nor
 * headers (they carry keys): a request is its id, method, route and status.
 */
export function loggerOptions(config: LedgerConfig): Params {
  return {
    pinoHttp: {
      level: config.logLevel,
      // Bound once, on every line, rather than per request as pino-http's customProps would.
      base: { pid: process.pid, hostname: hostname(), service: 'compliance-ledger' },
      serializers: {
        req: (request: { id: string; method: string; url: string }) => ({ id: request.id, method: request.method, path: request.url.split('?')[0] }),
        res: (response: { statusCode: number }) => ({ statusCode: response.statusCode }),
      },
      redact: { paths: ['req.headers', 'res.headers'], remove: true },
    },
  };
}
