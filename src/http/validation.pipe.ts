import { ValidationError, ValidationPipe } from '@nestjs/common';
import { FieldProblem, Problem } from '../common/problem';

/** class-validator for query strings and small bodies, listing every problem (API.md "Errors"). */
export function problemValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    transform: true,
    whitelist: true,
    forbidNonWhitelisted: true,
    stopAtFirstError: true,
    exceptionFactory: (errors) => new Problem('validation', 'The request is invalid', flatten(errors, '')),
  });
}

function flatten(errors: ValidationError[], prefix: string): FieldProblem[] {
  return errors.flatMap((error) => {
    const path = prefix ? `${prefix}.${error.property}` : error.property;
    const own = Object.values(error.constraints ?? {}).map((message) => ({ path, message }));
    return [...own, ...flatten(error.children ?? [], path)];
  });
}
