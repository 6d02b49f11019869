/**
 * Checks that hold for every value of an event, known field or not (API.md "Conventions"): strings
 * are valid Unicode, numbers are within ±(2^53−1). They run on the raw JSON before the DTOs see it.
 */
import { itemLabel, joinPath, ROOT_LABEL } from './field-paths';
import type { FieldProblem } from './validation-result';

const LONE_SURROGATE = /\p{Surrogate}/u;
/** PostgreSQL's jsonb, where the log keeps `data`, cannot hold U+0000. */
const NUL = '\u0000';
/** The catalogue nests five levels deep; the bound keeps hostile nesting from exhausting the stack. */
const MAX_NESTING_DEPTH = 16;
/**
 * Keys naming members of Object.prototype (`__proto__`, `constructor`, `toString`…) are never
 * fields; class-transformer skips some silently and fails on others, so they are refused here.
 */
const OBJECT_PROTOTYPE_KEYS: ReadonlySet<string> = new Set(Object.getOwnPropertyNames(Object.prototype));

export const isJsonObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

export interface JsonValueScan {
  problems: FieldProblem[];
  /**
   * False when the DTOs must not see the event: class-transformer recurses without a bound, and
   * takes a `constructor` key for the class to instantiate.
   */
  safeForDtos: boolean;
}

export function scanJsonValues(event: object): JsonValueScan {
  const scan: JsonValueScan = { problems: [], safeForDtos: true };
  visit(event, '', ROOT_LABEL, 0, scan);
  return scan;
}

function visit(value: unknown, path: string, label: string, depth: number, scan: JsonValueScan): void {
  if (typeof value === 'string') {
    if (LONE_SURROGATE.test(value)) scan.problems.push({ path, message: `${label} must be valid Unicode (it holds a lone surrogate)` });
    else if (value.includes(NUL)) scan.problems.push({ path, message: `${label} must not contain the character U+0000` });
  } else if (typeof value === 'number') {
    if (!Number.isSafeInteger(Math.trunc(value))) scan.problems.push({ path, message: `${label} must be between -(2^53-1) and 2^53-1` });
  } else if (typeof value === 'object' && value !== null) {
    if (depth === MAX_NESTING_DEPTH) {
      scan.safeForDtos = false;
      scan.problems.push({ path, message: `${label} nests deeper than ${MAX_NESTING_DEPTH} levels` });
    } else if (Array.isArray(value)) {
      value.forEach((item, index) => visit(item, joinPath(path, index), itemLabel(label, index), depth + 1, scan));
    } else {
      for (const [key, item] of Object.entries(value)) {
        if (LONE_SURROGATE.test(key) || key.includes(NUL)) scan.problems.push({ path, message: `${label} has a field name that is not valid Unicode` });
        else if (OBJECT_PROTOTYPE_KEYS.has(key)) {
          scan.safeForDtos = false;
          scan.problems.push({ path: joinPath(path, key), message: `${key} is not an accepted field` });
        }
        visit(item, joinPath(path, key), key, depth + 1, scan);
      }
    }
  }
}
