import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsString, Length } from 'class-validator';
import { CHANNELS, CONTACT_OUTCOMES, PURPOSES, type Channel, type ContactAttemptedData, type ContactOutcome, type Purpose } from '../../../../projections/events';
import { Optional } from '../field-constraints';
import { FREE_TEXT_MAX_LENGTH } from '../formats/field-patterns';
import { EventDataDto } from './actor.dto';

export class ContactAttemptedDataDto extends EventDataDto implements ContactAttemptedData {
  @ApiProperty({ description: 'The channel used.', enum: [...CHANNELS] })
  @IsIn(CHANNELS)
  channel: Channel;

  @ApiProperty({ description: 'The purpose of the contact.', enum: [...PURPOSES] })
  @IsIn(PURPOSES)
  purpose: Purpose;

  @ApiPropertyOptional({ description: "The emitting system's campaign id.", minLength: 1, maxLength: FREE_TEXT_MAX_LENGTH })
  @Optional()
  @IsString()
  @Length(1, FREE_TEXT_MAX_LENGTH)
  campaignId?: string;

  @ApiPropertyOptional({ description: "The emitting system's message reference.", minLength: 1, maxLength: FREE_TEXT_MAX_LENGTH })
  @Optional()
  @IsString()
  @Length(1, FREE_TEXT_MAX_LENGTH)
  messageRef?: string;

  @ApiPropertyOptional({ description: 'An autodialer, prerecorded voice or bulk SMS was used; false when absent.', default: false })
  @Optional()
  @IsBoolean()
  automated?: boolean;

  @ApiPropertyOptional({ description: 'What came of it; a `failed` attempt is not a contact.', enum: [...CONTACT_OUTCOMES] })
  @Optional()
  @IsIn(CONTACT_OUTCOMES)
  outcome?: ContactOutcome;
}
