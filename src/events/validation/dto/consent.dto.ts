import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsIP, IsString, IsUrl, Length, Matches } from 'class-validator';
import {
  CONSENT_EVIDENCE_METHODS,
  CONSENT_KINDS,
  WITHDRAWAL_METHODS,
  type ChannelOrAll,
  type ConsentGrantedData,
  type ConsentKind,
  type ConsentWithdrawnData,
  type PurposeOrAll,
  type WithdrawalMethod,
} from '../../../../projections/events';
import { IsLedgerTimestamp, NestedObject, Optional } from '../field-constraints';
import { DISCLOSURE_TEXT_MAX_LENGTH, FREE_TEXT_MAX_LENGTH, SHA256_HEX_PATTERN, URL_MAX_LENGTH } from '../formats/field-patterns';
import { EventDataDto } from './actor.dto';
import { CHANNEL_OR_ALL, PURPOSE_OR_ALL } from './vocabulary';

type EvidenceMethod = ConsentGrantedData['evidence']['method'];

export class ConsentEvidenceDto {
  @ApiProperty({ description: 'How the consent was obtained.', enum: [...CONSENT_EVIDENCE_METHODS] })
  @IsIn(CONSENT_EVIDENCE_METHODS)
  method: EvidenceMethod;

  @ApiPropertyOptional({ description: "The emitting system's reference for the evidence (form id, call id).", minLength: 1, maxLength: FREE_TEXT_MAX_LENGTH })
  @Optional()
  @IsString()
  @Length(1, FREE_TEXT_MAX_LENGTH)
  reference?: string;

  @ApiPropertyOptional({ description: 'The disclosure shown to the customer.', minLength: 1, maxLength: DISCLOSURE_TEXT_MAX_LENGTH })
  @Optional()
  @IsString()
  @Length(1, DISCLOSURE_TEXT_MAX_LENGTH)
  text?: string;

  @ApiPropertyOptional({ description: 'Where the evidence can be seen (http or https).', format: 'uri', maxLength: URL_MAX_LENGTH })
  @Optional()
  @IsString()
  @Length(1, URL_MAX_LENGTH)
  @IsUrl({ protocols: ['http', 'https'], require_protocol: true }, { message: '$property must be an http or https URL' })
  url?: string;

  @ApiPropertyOptional({ description: 'SHA-256 of the signed document, 64 lowercase hex digits.', pattern: SHA256_HEX_PATTERN.source })
  @Optional()
  @Matches(SHA256_HEX_PATTERN, { message: '$property must be a SHA-256 digest in 64 lowercase hex digits' })
  documentSha256?: string;
}

/** Personal data captured with a consent; kept out of the log like the customer's identity. */
export class ConsentPiiDto {
  @ApiPropertyOptional({ description: 'IP address the consent came from (IPv4 or IPv6).' })
  @Optional()
  @IsIP(undefined, { message: '$property must be an IPv4 or IPv6 address' })
  ip?: string;

  @ApiPropertyOptional({ description: 'User agent of the browser that gave the consent.', minLength: 1, maxLength: FREE_TEXT_MAX_LENGTH })
  @Optional()
  @IsString()
  @Length(1, FREE_TEXT_MAX_LENGTH)
  userAgent?: string;
}

export class ConsentGrantedDataDto extends EventDataDto implements Omit<ConsentGrantedData, 'pii'> {
  @ApiProperty({ description: 'The channel consented to, or `all`.', enum: CHANNEL_OR_ALL })
  @IsIn(CHANNEL_OR_ALL)
  channel: ChannelOrAll;

  @ApiProperty({ description: 'The purpose consented to, or `all`.', enum: PURPOSE_OR_ALL })
  @IsIn(PURPOSE_OR_ALL)
  purpose: PurposeOrAll;

  @ApiProperty({ description: 'Express, or express written (signed) consent.', enum: [...CONSENT_KINDS] })
  @IsIn(CONSENT_KINDS)
  kind: ConsentKind;

  @ApiProperty({ description: 'How the consent was obtained and what was shown.', type: () => ConsentEvidenceDto })
  @NestedObject(() => ConsentEvidenceDto)
  evidence: ConsentEvidenceDto;

  @ApiPropertyOptional({ description: 'Personal data, kept out of the log (API.md "Personal data").', type: () => ConsentPiiDto })
  @Optional()
  @NestedObject(() => ConsentPiiDto)
  pii?: ConsentPiiDto;

  @ApiPropertyOptional({ description: "When the consent lapses; after the event's `time`. RFC 3339, stored as UTC with milliseconds.", format: 'date-time' })
  @Optional()
  @IsLedgerTimestamp()
  expiresAt?: string;
}

export class ConsentWithdrawnDataDto extends EventDataDto implements ConsentWithdrawnData {
  @ApiProperty({ description: 'The channel withdrawn from, or `all`.', enum: CHANNEL_OR_ALL })
  @IsIn(CHANNEL_OR_ALL)
  channel: ChannelOrAll;

  @ApiProperty({ description: 'The purpose withdrawn from, or `all`.', enum: PURPOSE_OR_ALL })
  @IsIn(PURPOSE_OR_ALL)
  purpose: PurposeOrAll;

  @ApiProperty({ description: 'How the withdrawal was made; `vendor-policy` marks a suppression.', enum: [...WITHDRAWAL_METHODS] })
  @IsIn(WITHDRAWAL_METHODS)
  method: WithdrawalMethod;

  @ApiPropertyOptional({ description: "The emitting system's reference for the request.", minLength: 1, maxLength: FREE_TEXT_MAX_LENGTH })
  @Optional()
  @IsString()
  @Length(1, FREE_TEXT_MAX_LENGTH)
  reference?: string;
}
