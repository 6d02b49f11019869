import canonicalize from 'canonicalize';

/** RFC 8785 (JCS) canonical JSON: the exact bytes that leaf hashes, commitments and fingerprints cover. */
export function canonicalJson(value: unknown): string {
  const text = canonicalize(value);
  if (text === undefined) throw new TypeError('value has no JSON form');
  return text;
}
