import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMinSize, IsArray, IsBoolean, IsIn, IsInt, IsString, Length, Max, Min, ValidateBy, ValidationArguments } from 'class-validator';
import { CHANNELS, PURPOSES, type Channel, type PolicyAdoptedData, type PolicyRules, type Purpose } from '../../../../projections/events';
import { EachItem, IsIsoDuration, NestedObject, Optional } from '../field-constraints';
import { FREE_TEXT_MAX_LENGTH } from '../formats/field-patterns';
import { EventDataDto } from './actor.dto';
import { isOneOf, POLICY_WINDOW_KEYS } from './vocabulary';

const SUPPRESSION_HANDLING = ['honour', 'ignore'] as const;

/**
 * Gives `dto` one optional ISO 8601 duration property per key. The keys come from the catalogue, so
 * whitelisting refuses any other key and the OpenAPI document lists every accepted one.
 */
function declareDurationProperties(dto: new () => object, keys: readonly string[], describe: (key: string) => string): void {
  for (const key of keys) {
    for (const decorate of [IsIsoDuration(), Optional(), ApiPropertyOptional({ type: String, description: describe(key), example: 'P13M' })]) {
      decorate(dto.prototype, key);
    }
  }
}

/** Relationship windows keyed `kind` or `kind.paymentType`; the more specific key wins. */
export class PolicyWindowsDto {
  [windowKey: string]: string;
}
declareDurationProperties(
  PolicyWindowsDto,
  POLICY_WINDOW_KEYS,
  (key) => `How long after a \`${key.split('.')[0]}\` relationship${key.includes('.') ? ` paid by ${key.split('.')[1]}` : ''} the customer may be contacted.`,
);

/** Per channel, how long after a contact no other contact on that channel is allowed. */
export class PolicyExclusionDto {
  [channel: string]: string;
}
declareDurationProperties(PolicyExclusionDto, CHANNELS, (channel) => `Quiet period after a ${channel} contact.`);

export class PolicyScopeDto {
  @ApiPropertyOptional({ description: 'Channels the policy governs; every channel when absent.', enum: [...CHANNELS], isArray: true, minItems: 1 })
  @Optional()
  @IsArray()
  @ArrayMinSize(1, { message: '$property must list at least one channel (leave it out to cover every channel)' })
  @EachItem({ test: (item) => isOneOf(CHANNELS, item), requirement: `one of ${CHANNELS.join(', ')}` })
  channels?: Channel[];

  @ApiPropertyOptional({ description: 'Purposes the policy governs; every purpose when absent.', enum: [...PURPOSES], isArray: true, minItems: 1 })
  @Optional()
  @IsArray()
  @ArrayMinSize(1, { message: '$property must list at least one purpose (leave it out to cover every purpose)' })
  @EachItem({ test: (item) => isOneOf(PURPOSES, item), requirement: `one of ${PURPOSES.join(', ')}` })
  purposes?: Purpose[];
}

/** `{ "retired": true }` ends a policy; rules alongside it would never apply. */
function IsAloneWhenTrue(): PropertyDecorator {
  return ValidateBy({
    name: 'isAloneWhenTrue',
    validator: {
      validate: (value: unknown, args: ValidationArguments) =>
        value !== true || Object.entries(args.object).every(([key, other]) => key === args.property || other === undefined),
      defaultMessage: () => 'a retired policy carries no other rules: with $property true, leave out every other key',
    },
  });
}

/** RULES.md "Tenant policies". */
export class PolicyRulesDto implements PolicyRules {
  @ApiPropertyOptional({ description: '`true` ends the policy; nothing else may accompany it.' })
  @Optional()
  @IsBoolean()
  @IsAloneWhenTrue()
  retired?: boolean;

  @ApiPropertyOptional({ description: 'Contact windows after relationship events; no key at all means no window rule.', type: () => PolicyWindowsDto })
  @Optional()
  @NestedObject(() => PolicyWindowsDto)
  windows?: PolicyWindowsDto;

  @ApiPropertyOptional({ description: 'Minimum spacing between contacts, per channel.', type: () => PolicyExclusionDto })
  @Optional()
  @NestedObject(() => PolicyExclusionDto)
  exclusion?: PolicyExclusionDto;

  @ApiPropertyOptional({ description: 'Whether vendor and system suppressions are honoured (the default) or ignored.', enum: [...SUPPRESSION_HANDLING] })
  @Optional()
  @IsIn(SUPPRESSION_HANDLING)
  suppressions?: (typeof SUPPRESSION_HANDLING)[number];

  @ApiPropertyOptional({ description: 'The questions the policy governs; everything when absent.', type: () => PolicyScopeDto })
  @Optional()
  @NestedObject(() => PolicyScopeDto)
  appliesTo?: PolicyScopeDto;
}

/** The `subject` is the policy id; the highest version in force at a time applies. */
export class PolicyAdoptedDataDto extends EventDataDto implements PolicyAdoptedData {
  @ApiProperty({ description: "The policy's name.", minLength: 1, maxLength: FREE_TEXT_MAX_LENGTH })
  @IsString()
  @Length(1, FREE_TEXT_MAX_LENGTH)
  name: string;

  @ApiProperty({ description: "Greater than the policy's previous version (else 409).", type: 'integer' })
  @IsInt()
  @Min(Number.MIN_SAFE_INTEGER)
  @Max(Number.MAX_SAFE_INTEGER)
  version: number;

  @ApiProperty({ description: 'The rules (RULES.md "Tenant policies").', type: () => PolicyRulesDto })
  @NestedObject(() => PolicyRulesDto)
  rules: PolicyRulesDto;
}
