import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsEmail, IsString, Length, Matches } from 'class-validator';
import type { CustomerProfileData, Jurisdiction } from '../../../../projections/events';
import { IsCountryCode, IsIanaTimeZone, NestedObject, Optional } from '../field-constraints';
import { E164_PHONE_PATTERN, EMAIL_MAX_LENGTH, FREE_TEXT_MAX_LENGTH, SUBDIVISION_CODE_PATTERN } from '../formats/field-patterns';
import { EventDataDto } from './actor.dto';

export class JurisdictionDto implements Jurisdiction {
  @ApiProperty({ description: 'ISO 3166-1 alpha-2 country code, in capitals.', example: 'CA', pattern: '^[A-Z]{2}$' })
  @IsCountryCode()
  country: string;

  @ApiPropertyOptional({ description: 'ISO 3166-2 subdivision code without the country prefix.', example: 'ON', pattern: SUBDIVISION_CODE_PATTERN.source })
  @Optional()
  @IsString()
  @Matches(SUBDIVISION_CODE_PATTERN, { message: '$property must be an ISO 3166-2 subdivision code without the country prefix, such as ON' })
  region?: string;
}

/** The customer's identity. Not stored in the log: the entry keeps a salted commitment, the values go to the vault. */
export class CustomerPiiDto {
  @ApiPropertyOptional({ description: "The customer's name.", minLength: 1, maxLength: FREE_TEXT_MAX_LENGTH })
  @Optional()
  @IsString()
  @Length(1, FREE_TEXT_MAX_LENGTH)
  name?: string;

  @ApiPropertyOptional({ description: 'Email address.', format: 'email', maxLength: EMAIL_MAX_LENGTH })
  @Optional()
  @IsString()
  @Length(1, EMAIL_MAX_LENGTH)
  // validator.js would stop at 254 characters; API.md sets the limit at 320 (64 + 1 + 255).
  @IsEmail({ ignore_max_length: true })
  email?: string;

  @ApiPropertyOptional({ description: 'Phone number in E.164 form.', example: '+14165550123', pattern: E164_PHONE_PATTERN.source })
  @Optional()
  @IsString()
  @Matches(E164_PHONE_PATTERN, { message: '$property must be an E.164 phone number such as +14165550123' })
  phone?: string;

  @ApiPropertyOptional({ description: 'Postal address as one string.', minLength: 1, maxLength: FREE_TEXT_MAX_LENGTH })
  @Optional()
  @IsString()
  @Length(1, FREE_TEXT_MAX_LENGTH)
  address?: string;
}

/**
 * `customer.registered` and `customer.updated`. On an update, a given `jurisdiction`, `timezone`
 * or `pii` replaces the previous one whole; absent ones keep theirs.
 */
export class CustomerProfileDataDto extends EventDataDto implements Omit<CustomerProfileData, 'pii'> {
  @ApiPropertyOptional({ description: "Where the customer receives messages; defaults to the tenant's.", type: () => JurisdictionDto })
  @Optional()
  @NestedObject(() => JurisdictionDto)
  jurisdiction?: JurisdictionDto;

  @ApiPropertyOptional({ description: "IANA time zone; defaults to the tenant's.", example: 'America/Toronto' })
  @Optional()
  @IsIanaTimeZone()
  timezone?: string;

  @ApiPropertyOptional({ description: 'Personal data, kept out of the log (API.md "Personal data").', type: () => CustomerPiiDto })
  @Optional()
  @NestedObject(() => CustomerPiiDto)
  pii?: CustomerPiiDto;
}
