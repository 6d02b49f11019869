import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Length, Matches, ValidateBy } from 'class-validator';
import { KEY_ROLES, KeyRole } from '../../projections/events';
import { IsCountryCode, IsIanaTimeZone } from '../events/validation/field-constraints';
import { FREE_TEXT_MAX_LENGTH, LEDGER_ID_PATTERN, SUBDIVISION_CODE_PATTERN } from '../events/validation/formats/field-patterns';

export const TENANT_ID_PATTERN = /^[a-z0-9][a-z0-9-]{2,63}$/;

/** PostgreSQL text cannot hold U+0000, and would store a lone surrogate as U+FFFD. */
function IsStorableText(): PropertyDecorator {
  return ValidateBy({
    name: 'isStorableText',
    validator: {
      // Other types are @IsString's to report.
      validate: (value: unknown) => typeof value !== 'string' || (!value.includes('\u0000') && !/\p{Surrogate}/u.test(value)),
      defaultMessage: () => '$property must be valid Unicode without U+0000',
    },
  });
}

export class CreateTenantRequest {
  @ApiProperty({ example: 'lakeside-motors', pattern: TENANT_ID_PATTERN.source })
  @IsString()
  @Matches(TENANT_ID_PATTERN, { message: 'id must be 3 to 64 of a-z, 0-9 and "-", starting with a letter or digit' })
  id: string;

  @ApiProperty({ example: 'Lakeside Motors', maxLength: FREE_TEXT_MAX_LENGTH })
  @IsString()
  @Length(1, FREE_TEXT_MAX_LENGTH)
  @IsStorableText()
  name: string;

  @ApiProperty({ description: "ISO 3166-1 alpha-2: the default for the tenant's customers; never changes", example: 'CA' })
  @IsCountryCode()
  country: string;

  @ApiPropertyOptional({ description: 'ISO 3166-2 subdivision without the country prefix', example: 'ON' })
  @IsOptional()
  @IsString()
  @Matches(SUBDIVISION_CODE_PATTERN, { message: 'region must be an ISO 3166-2 subdivision code without the country prefix, such as ON' })
  region?: string;

  @ApiProperty({ description: 'IANA time zone', example: 'America/Toronto' })
  @IsIanaTimeZone()
  timezone: string;
}

export class CreateKeyRequest {
  @ApiProperty({ enum: KEY_ROLES })
  @IsIn(KEY_ROLES, { message: `role must be one of ${KEY_ROLES.join(', ')}` })
  role: KeyRole;

  @ApiProperty({ example: 'VinSolutions feed', maxLength: FREE_TEXT_MAX_LENGTH })
  @IsString()
  @Length(1, FREE_TEXT_MAX_LENGTH)
  @IsStorableText()
  label: string;
}

export class TenantParam {
  @IsString()
  @Matches(TENANT_ID_PATTERN, { message: 'id must be a tenant id: 3 to 64 of a-z, 0-9 and "-"' })
  id: string;
}

export class KeyParam extends TenantParam {
  @IsString()
  @Matches(LEDGER_ID_PATTERN, { message: 'keyId must be a key id such as key_AbC123' })
  keyId: string;
}
