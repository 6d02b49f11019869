/** Turns class-validator's nested errors into flat problems with dotted paths. */
import type { ValidationError } from 'class-validator';
import { EACH_ITEM_CONSTRAINT, ItemRule, PRESENCE_CONSTRAINT } from './field-constraints';
import { itemLabel, joinPath } from './field-paths';
import type { FieldProblem } from './validation-result';

const WHITELIST_CONSTRAINT = 'whitelistValidation';
/**
 * One problem per field, the most basic of its failures: a number sent for a string is reported as
 * "must be a string", not also as too short or malformed. Other failures keep class-validator's order.
 */
const PRECEDENCE = [PRESENCE_CONSTRAINT, 'isString', 'isInt', 'isBoolean', 'isObject', 'isArray', 'isLength', 'arrayMinSize', 'arrayMaxSize', 'min', 'max'];

export function fieldProblems(errors: readonly ValidationError[], parentPath: string): FieldProblem[] {
  return errors.flatMap((error) => problemsOf(error, parentPath));
}

function problemsOf(error: ValidationError, parentPath: string): FieldProblem[] {
  const path = joinPath(parentPath, error.property);
  const constraints = error.constraints ?? {};
  const failed = Object.keys(constraints);

  if (failed.length === 0) return fieldProblems(error.children ?? [], path);
  if (WHITELIST_CONSTRAINT in constraints) return [{ path, message: `${error.property} is not an accepted field` }];
  if (error.value === undefined && !(PRESENCE_CONSTRAINT in constraints)) return [{ path, message: `${error.property} is required` }];
  const decisive = PRECEDENCE.find((name) => name in constraints) ?? failed[0];
  return decisive === EACH_ITEM_CONSTRAINT ? itemProblems(error, path) : [{ path, message: constraints[decisive] }];
}

function itemProblems(error: ValidationError, path: string): FieldProblem[] {
  const rule = error.contexts?.[EACH_ITEM_CONSTRAINT] as ItemRule;
  return (error.value as unknown[]).flatMap((item, index) =>
    rule.test(item) ? [] : [{ path: joinPath(path, index), message: `${itemLabel(error.property, index)} must be ${rule.requirement}` }],
  );
}
