/**
 * class-validator decorators for the catalogue's own formats and presence rules. Each carries its
 * message: messages name the field and the requirement, never the offending value (it may be
 * personal data).
 */
import { applyDecorators } from '@nestjs/common';
import { Type, TypeHelpOptions } from 'class-transformer';
import { IsObject, isISO31661Alpha2, Matches, ValidateBy, ValidateIf, ValidateNested, ValidationArguments } from 'class-validator';
import { COUNTRY_CODE_PATTERN, LEDGER_ID_PATTERN, LEDGER_ID_REQUIREMENT } from './formats/field-patterns';
import { isIanaTimeZone } from './formats/iana-time-zone';
import { isIsoDuration, MAX_DURATION_YEARS } from './formats/iso-duration';
import { parseLedgerTimestamp, TimestampFault } from './formats/ledger-timestamp';
import { isUriReference } from './formats/uri-reference';

/** Constraint names the problem mapper treats specially (see `validation-problems.ts`). */
export const PRESENCE_CONSTRAINT = 'presentOnlyWhen';
export const EACH_ITEM_CONSTRAINT = 'eachItem';

/**
 * Optional, yet validated when given. Unlike `@IsOptional()`, JSON `null` is not taken for absent:
 * the catalogue has no nullable field, and a stored `null` would change the event's fingerprint.
 */
export const Optional = (): PropertyDecorator => ValidateIf((_object: object, value: unknown) => value !== undefined);

/**
 * A field required in some cases and forbidden in the others (`paymentType` for sales and
 * payments, `region` for state registries). `applies` answers `undefined` when the field it depends
 * on is itself invalid: that field's problem is reported instead.
 */
export function PresentOnlyWhen<T extends object>(applies: (object: T) => boolean | undefined, condition: string): PropertyDecorator {
  const appliesTo = (args: ValidationArguments) => applies(args.object as T) === true;
  return applyDecorators(
    ValidateIf((object: T, value: unknown) => {
      const required = applies(object);
      return required === true || (required === false && value !== undefined);
    }),
    ValidateBy({
      name: PRESENCE_CONSTRAINT,
      validator: {
        validate: (value: unknown, args: ValidationArguments) => appliesTo(args) === (value !== undefined),
        defaultMessage: (args: ValidationArguments) =>
          appliesTo(args) ? `$property is required when ${condition}` : `$property must be absent unless ${condition}`,
      },
    }),
  );
}

/** A rule for the items of an array; the problem mapper reports each failing item at its index. */
export interface ItemRule {
  test: (item: unknown) => boolean;
  requirement: string;
}

export function EachItem(rule: ItemRule): PropertyDecorator {
  return ValidateBy(
    {
      name: EACH_ITEM_CONSTRAINT,
      validator: {
        validate: (value: unknown) => Array.isArray(value) && value.every(rule.test),
        defaultMessage: () => `every item of $property must be ${rule.requirement}`,
      },
    },
    { context: rule },
  );
}

/**
 * An object validated against its DTO; arrays and primitives are refused without descending. `dto`
 * may choose the class from the parent object (`data` by the event's `type`).
 */
export function NestedObject(dto: (options?: TypeHelpOptions) => new () => object): PropertyDecorator {
  return applyDecorators(IsObject(), ValidateNested(), Type(dto));
}

export function IsLedgerId(): PropertyDecorator {
  return Matches(LEDGER_ID_PATTERN, { message: `$property must be ${LEDGER_ID_REQUIREMENT}` });
}

export const isLedgerId = (value: unknown): boolean => typeof value === 'string' && LEDGER_ID_PATTERN.test(value);

const TIMESTAMP_FAULT_MESSAGES: Record<TimestampFault, string> = {
  format: '$property must be an RFC 3339 date-time with an offset, such as 2026-03-01T09:30:00.000-05:00',
  precision: '$property must have at most millisecond precision (three fractional digits)',
  'leap-second': '$property must not fall on a leap second (:60)',
  range: '$property must fall between the years 0001 and 9999 in UTC',
};

const timestampPropertiesByDto = new WeakMap<object, Set<string>>();

/** An RFC 3339 timestamp, normalized to `YYYY-MM-DDTHH:MM:SS.sssZ` on the way in. */
export function IsLedgerTimestamp(): PropertyDecorator {
  const validate = ValidateBy({
    name: 'isLedgerTimestamp',
    validator: {
      validate: (value: unknown) => typeof value === 'string' && parseLedgerTimestamp(value).ok,
      defaultMessage: ({ value }: ValidationArguments) => {
        const parsed = typeof value === 'string' ? parseLedgerTimestamp(value) : undefined;
        return TIMESTAMP_FAULT_MESSAGES[parsed && !parsed.ok ? parsed.fault : 'format'];
      },
    },
  });
  return (prototype, property) => {
    const properties = timestampPropertiesByDto.get(prototype.constructor) ?? new Set<string>();
    timestampPropertiesByDto.set(prototype.constructor, properties.add(String(property)));
    validate(prototype, property);
  };
}

/** The properties of a DTO, own or inherited, declared with `@IsLedgerTimestamp()`: what normalization rewrites. */
export function timestampPropertiesOf(dto: object): ReadonlySet<string> {
  const properties = new Set<string>();
  for (let declaring = dto; declaring !== Function.prototype; declaring = Object.getPrototypeOf(declaring)) {
    timestampPropertiesByDto.get(declaring)?.forEach((property) => properties.add(property));
  }
  return properties;
}

export function IsIsoDuration(): PropertyDecorator {
  return ValidateBy({
    name: 'isIsoDuration',
    validator: {
      validate: (value: unknown) => typeof value === 'string' && isIsoDuration(value),
      defaultMessage: () => `$property must be an ISO 8601 duration of whole units such as P13M, P90D or PT12H, at most ${MAX_DURATION_YEARS} years`,
    },
  });
}

export function IsUriReference(): PropertyDecorator {
  return ValidateBy({
    name: 'isUriReference',
    validator: {
      validate: (value: unknown) => typeof value === 'string' && isUriReference(value),
      defaultMessage: () => '$property must be a URI-reference (RFC 3986), such as urn:crm:vinsolutions:store-42',
    },
  });
}

export function IsIanaTimeZone(): PropertyDecorator {
  return ValidateBy({
    name: 'isIanaTimeZone',
    validator: {
      validate: (value: unknown) => typeof value === 'string' && isIanaTimeZone(value),
      defaultMessage: () => '$property must be an IANA time-zone name such as America/Toronto',
    },
  });
}

export function IsCountryCode(): PropertyDecorator {
  return ValidateBy({
    name: 'isCountryCode',
    validator: {
      // validator.js accepts lower case; the engine compares codes as stored, so capitals are required.
      validate: (value: unknown) => typeof value === 'string' && COUNTRY_CODE_PATTERN.test(value) && isISO31661Alpha2(value),
      defaultMessage: () => '$property must be an ISO 3166-1 alpha-2 country code in capitals, such as CA',
    },
  });
}
