/**
 * CloudEvents `source` is a URI-reference (RFC 3986 §4.1): an absolute URI such as
 * `urn:crm:vinsolutions:store-42`, or a relative reference such as `/crm/store-42`.
 */

const URI_CHARACTERS = /^(?:[A-Za-z0-9\-._~:/?#[\]@!$&'()*+,;=]|%[0-9A-Fa-f]{2})*$/;
const SCHEME_PREFIX = /^[A-Za-z][A-Za-z0-9+.-]*:/;

export function isUriReference(text: string): boolean {
  if (!URI_CHARACTERS.test(text)) return false;
  const fragmentStart = text.indexOf('#');
  if (fragmentStart !== -1 && text.includes('#', fragmentStart + 1)) return false;
  if (SCHEME_PREFIX.test(text)) return true;
  // A relative reference whose first segment held ':' would read as a scheme (RFC 3986 §4.2).
  const firstSegment = text.split(/[/?#]/, 1)[0];
  return !firstSegment.includes(':');
}
