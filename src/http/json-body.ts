import { FastifyInstance, FastifyRequest } from 'fastify';
import { Problem } from '../common/problem';

/** The largest body any route takes: an eligibility check of 100,000 ids (API.md). */
export const MAX_BODY_BYTES = 16 * 1024 * 1024;

/** Tighter limits by route, checked while parsing so they answer before authentication (413 before 401). */
const ROUTE_LIMITS: Array<{ path: string; bytes: number; items: number }> = [{ path: '/v1/events', bytes: 5 * 1024 * 1024, items: 1000 }];

export const JSON_MEDIA_TYPES = ['application/json', 'application/cloudevents+json', 'application/cloudevents-batch+json'];

/**
 * A body that is not JSON. It is handed to the route rather than failing the request, so that a
 * caller without a valid key learns 401 (or 403) before 400, as API.md orders them.
 */
export class MalformedJsonBody {
  constructor(readonly reason: string) {}
}

export function registerJsonBodyParsers(fastify: FastifyInstance): void {
  fastify.removeAllContentTypeParsers();
  fastify.addContentTypeParser(JSON_MEDIA_TYPES, { parseAs: 'buffer', bodyLimit: MAX_BODY_BYTES }, (request, body, done) => {
    try {
      done(null, parseWithinLimits(request, body as Buffer));
    } catch (error) {
      done(error as Error, undefined);
    }
  });
}

/**
 * No route takes a body nested this deep (events stop at 16 levels, with a problem per path); the
 * bound keeps recursive readers of other bodies (class-transformer) from exhausting the stack.
 */
const MAX_BODY_DEPTH = 64;

/** Bodies are UTF-8 (API.md "Conventions"): invalid bytes are refused, not replaced by U+FFFD. */
const UTF8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

function parseWithinLimits(request: FastifyRequest, bytes: Buffer): unknown {
  const limit = ROUTE_LIMITS.find((route) => request.url === route.path || request.url.startsWith(`${route.path}?`));
  if (limit && bytes.length > limit.bytes) {
    throw new Problem('payload-too-large', `The body exceeds ${limit.bytes} bytes`);
  }
  let text: string;
  try {
    text = UTF8.decode(bytes);
  } catch {
    return new MalformedJsonBody('it is not valid UTF-8');
  }
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch (error) {
    return new MalformedJsonBody((error as Error).message.replace(/ in JSON at position.*/, ''));
  }
  if (limit && Array.isArray(body) && body.length > limit.items) {
    throw new Problem('payload-too-large', `A batch holds at most ${limit.items} events; this one holds ${body.length}`);
  }
  if (nestsDeeperThan(body, MAX_BODY_DEPTH)) return new MalformedJsonBody(`it nests deeper than ${MAX_BODY_DEPTH} levels`);
  return body;
}

/** Iterative, so that measuring a hostile body cannot exhaust the stack either. */
function nestsDeeperThan(value: unknown, limit: number): boolean {
  const pending: Array<{ value: unknown; depth: number }> = [{ value, depth: 0 }];
  for (let next = pending.pop(); next; next = pending.pop()) {
    if (typeof next.value !== 'object' || next.value === null) continue;
    if (next.depth === limit) return true;
    for (const child of Object.values(next.value)) pending.push({ value: child, depth: next.depth + 1 });
  }
  return false;
}
