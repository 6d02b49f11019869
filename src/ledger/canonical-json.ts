import canonicalize from 'canonicalize';

/** RFC 8785 (JCS) canonical JSON: the exact bytes that leaf hashes, commitments and fingerprints cover. */
export function canonicalJson(value: unknown): string {
  const text = canonicalize(value);
  if (text === undefined) throw new TypeError('value has no JSON form');
  return text;
}

/**
 * JCS of an object whose member values are given already canonical, so that a value shared by
 * several canonical forms (an event's `data`: in its fingerprint and in its leaf) is canonicalized
 * once. JCS orders members by the UTF-16 code units of their names, which is how
 * `Array.prototype.sort` compares strings.
 */
export function canonicalObject(canonicalMembers: Record<string, string>): string {
  const names = Object.keys(canonicalMembers).sort();
  return `{${names.map((name) => `${canonicalJson(name)}:${canonicalMembers[name]}`).join(',')}}`;
}
