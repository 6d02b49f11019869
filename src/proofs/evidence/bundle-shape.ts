import { BUNDLE_FIELDS, BUNDLE_FORMAT, ENTRY_FIELDS, EvidenceBundle } from './bundle-format';

const ISO_MILLISECONDS = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
const SEQUENCE_KEY = /^(?:0|[1-9][0-9]*)$/;
const STRING_FIELDS = ['format', 'tenant', 'customerId', 'generatedAt', 'checkpoint', 'verifierKey', 'statement'] as const;

/**
 * Reads untrusted JSON as a bundle. Any field the format does not define is refused, anywhere:
 * a field nobody checks is a place to put bytes nobody vouches for.
 */
export function readBundleShape(value: unknown): { bundle?: EvidenceBundle; problems: string[] } {
  if (!isObject(value)) return { problems: ['the bundle is not a JSON object'] };
  const problems: string[] = [];
  requireExactFields(value, BUNDLE_FIELDS.required, BUNDLE_FIELDS.optional, 'the bundle', problems);
  for (const field of STRING_FIELDS) {
    if (field in value && typeof value[field] !== 'string') problems.push(`${field} must be a string`);
  }
  if (typeof value.format === 'string' && value.format !== BUNDLE_FORMAT) {
    problems.push(`format is "${value.format}"; this verifier reads "${BUNDLE_FORMAT}"`);
  }
  if (typeof value.generatedAt === 'string' && !isIsoMilliseconds(value.generatedAt)) {
    problems.push('generatedAt must be a UTC timestamp YYYY-MM-DDTHH:MM:SS.sssZ');
  }
  if ('entries' in value) checkEntries(value.entries, problems);
  if ('pii' in value) checkPii(value.pii, problems);
  return problems.length === 0 ? { bundle: value as unknown as EvidenceBundle, problems } : { problems };
}

function checkEntries(entries: unknown, problems: string[]): void {
  if (!Array.isArray(entries) || entries.length === 0) {
    problems.push('entries must be a non-empty array');
    return;
  }
  entries.forEach((entry, i) => {
    const where = `entries[${i}]`;
    if (!isObject(entry)) return void problems.push(`${where} must be an object`);
    requireExactFields(entry, ENTRY_FIELDS, [], where, problems);
    if ('leafIndex' in entry && !isLeafCount(entry.leafIndex)) problems.push(`${where}.leafIndex must be a non-negative integer below 2^53`);
    if ('leafInput' in entry && typeof entry.leafInput !== 'string') problems.push(`${where}.leafInput must be a string`);
    if ('proof' in entry && !(Array.isArray(entry.proof) && entry.proof.every((hash) => typeof hash === 'string'))) {
      problems.push(`${where}.proof must be an array of base64 strings`);
    }
  });
}

function checkPii(pii: unknown, problems: string[]): void {
  // Absent, not empty, when nothing is disclosed: one content, one spelling.
  if (!isObject(pii) || Object.keys(pii).length === 0) {
    problems.push('pii, when present, must be a non-empty object keyed by sequence');
    return;
  }
  for (const [key, disclosure] of Object.entries(pii)) {
    if (!SEQUENCE_KEY.test(key)) problems.push(`pii key "${key}" is not a sequence number`);
    if (!isObject(disclosure) || typeof disclosure.salt !== 'string') problems.push(`pii["${key}"] must be an object of values with their salt`);
  }
}

function requireExactFields(
  value: Record<string, unknown>,
  required: readonly string[],
  optional: readonly string[],
  where: string,
  problems: string[],
): void {
  for (const field of required) if (!(field in value)) problems.push(`${where} lacks ${field}`);
  for (const field of Object.keys(value)) {
    if (!required.includes(field) && !optional.includes(field)) problems.push(`${where} has an unknown field "${field}"`);
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isLeafCount(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
}

function isIsoMilliseconds(text: string): boolean {
  return ISO_MILLISECONDS.test(text) && !Number.isNaN(Date.parse(text)) && new Date(text).toISOString() === text;
}
