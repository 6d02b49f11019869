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
  fastify.addContentTypeParser(JSON_MEDIA_TYPES, { parseAs: 'string', bodyLimit: MAX_BODY_BYTES }, (request, body, done) => {
    try {
      done(null, parseWithinLimits(request, body as string));
    } catch (error) {
      done(error as Error, undefined);
    }
  });
}

function parseWithinLimits(request: FastifyRequest, text: string): unknown {
  const limit = ROUTE_LIMITS.find((route) => request.url === route.path || request.url.startsWith(`${route.path}?`));
  if (limit && Buffer.byteLength(text, 'utf8') > limit.bytes) {
    throw new Problem('payload-too-large', `The body exceeds ${limit.bytes} bytes`);
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
  return body;
}
