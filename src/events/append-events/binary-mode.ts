import { IncomingHttpHeaders } from 'node:http';

const PREFIX = 'ce-';

/** CloudEvents HTTP binary mode is recognised by a `ce-specversion` header (API.md "Events"). */
export function isBinaryMode(headers: IncomingHttpHeaders): boolean {
  return headers['ce-specversion'] !== undefined;
}

/**
 * Rebuilds the structured event from binary mode: `ce-*` headers are the attributes
 * (percent-decoded, CloudEvents HTTP binding §3.1.3), the Content-Type is `datacontenttype` and
 * the body is `data`. Unknown attributes are kept, so validation reports them.
 */
export function eventFromBinaryMode(headers: IncomingHttpHeaders, body: unknown): Record<string, unknown> {
  const event: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (!name.startsWith(PREFIX) || value === undefined) continue;
    event[name.slice(PREFIX.length)] = decodeAttribute(Array.isArray(value) ? value.join(',') : value);
  }
  const contentType = headers['content-type'];
  if (contentType) event.datacontenttype = contentType.split(';')[0]!.trim();
  event.data = body;
  return event;
}

function decodeAttribute(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}
