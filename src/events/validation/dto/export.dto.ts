import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsInt, IsString, Length, Matches, Max, Min } from 'class-validator';
import type { ExportApprovedData, ExportDeliveredData, ExportDeniedData, ExportRequestedData } from '../../../../projections/events';
import { EachItem, isLedgerId, NestedObject, Optional } from '../field-constraints';
import { FREE_TEXT_MAX_LENGTH, LEDGER_ID_PATTERN, LEDGER_ID_REQUIREMENT, SHA256_HEX_PATTERN } from '../formats/field-patterns';
import { EventDataDto } from './actor.dto';

const MAX_SCOPE_FIELDS = 1000;
/** As many ids as one eligibility check takes. */
const MAX_SCOPE_CUSTOMER_IDS = 100_000;

const isFieldName = (item: unknown) => typeof item === 'string' && item.length >= 1 && item.length <= FREE_TEXT_MAX_LENGTH;

export class ExportScopeDto {
  @ApiProperty({ description: 'What is exported, in words.', minLength: 1, maxLength: FREE_TEXT_MAX_LENGTH })
  @IsString()
  @Length(1, FREE_TEXT_MAX_LENGTH)
  description: string;

  @ApiProperty({ description: 'The fields exported.', type: [String], minItems: 1, maxItems: MAX_SCOPE_FIELDS })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_SCOPE_FIELDS)
  @EachItem({ test: isFieldName, requirement: `a string of 1–${FREE_TEXT_MAX_LENGTH} characters` })
  fields: string[];

  @ApiPropertyOptional({
    description: 'The customers the export covers, when it names them (these ids do not make a customer known).',
    type: [String],
    maxItems: MAX_SCOPE_CUSTOMER_IDS,
    items: { type: 'string', pattern: LEDGER_ID_PATTERN.source },
  })
  @Optional()
  @IsArray()
  @ArrayMaxSize(MAX_SCOPE_CUSTOMER_IDS)
  @EachItem({ test: isLedgerId, requirement: LEDGER_ID_REQUIREMENT })
  customerIds?: string[];

  @ApiPropertyOptional({ description: 'How many records the export is to hold.', type: 'integer', minimum: 0, maximum: Number.MAX_SAFE_INTEGER })
  @Optional()
  @IsInt()
  @Min(0)
  @Max(Number.MAX_SAFE_INTEGER)
  recordCount?: number;
}

export class ExportRequestedDataDto extends EventDataDto implements ExportRequestedData {
  @ApiProperty({ description: 'What is to be exported.', type: () => ExportScopeDto })
  @NestedObject(() => ExportScopeDto)
  scope: ExportScopeDto;

  @ApiProperty({ description: 'Why, in words (free text, not the contact purpose vocabulary).', minLength: 1, maxLength: FREE_TEXT_MAX_LENGTH })
  @IsString()
  @Length(1, FREE_TEXT_MAX_LENGTH)
  purpose: string;

  @ApiProperty({ description: 'Who or what receives it.', minLength: 1, maxLength: FREE_TEXT_MAX_LENGTH })
  @IsString()
  @Length(1, FREE_TEXT_MAX_LENGTH)
  destination: string;
}

/** `actor.role` says who approved; `dealer-principal` is the role that counts. */
export class ExportApprovedDataDto extends EventDataDto implements ExportApprovedData {
  @ApiPropertyOptional({ description: 'A note on the approval.', minLength: 1, maxLength: FREE_TEXT_MAX_LENGTH })
  @Optional()
  @IsString()
  @Length(1, FREE_TEXT_MAX_LENGTH)
  note?: string;
}

export class ExportDeniedDataDto extends EventDataDto implements ExportDeniedData {
  @ApiProperty({ description: 'Why the export was denied.', minLength: 1, maxLength: FREE_TEXT_MAX_LENGTH })
  @IsString()
  @Length(1, FREE_TEXT_MAX_LENGTH)
  reason: string;
}

export class ExportDeliveredDataDto extends EventDataDto implements ExportDeliveredData {
  @ApiProperty({ description: 'How many records were delivered.', type: 'integer', minimum: 0, maximum: Number.MAX_SAFE_INTEGER })
  @IsInt()
  @Min(0)
  @Max(Number.MAX_SAFE_INTEGER)
  recordCount: number;

  @ApiProperty({ description: 'SHA-256 of the delivered file, 64 lowercase hex digits.', pattern: SHA256_HEX_PATTERN.source })
  @Matches(SHA256_HEX_PATTERN, { message: '$property must be a SHA-256 digest in 64 lowercase hex digits' })
  sha256: string;

  @ApiProperty({ description: 'Who or what received it.', minLength: 1, maxLength: FREE_TEXT_MAX_LENGTH })
  @IsString()
  @Length(1, FREE_TEXT_MAX_LENGTH)
  deliveredTo: string;
}
