import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsBoolean, IsIn, IsOptional, Matches } from 'class-validator';
import { Channel, CHANNELS, Purpose, PURPOSES } from '../../projections';
import { IsLedgerTimestamp } from '../events/validation/field-constraints';
import { LEDGER_ID_PATTERN, LEDGER_ID_REQUIREMENT } from '../events/validation/formats/field-patterns';

export const MAX_CAMPAIGN_IDS = 100_000;

/** Query strings carry booleans as text; anything but true/false stays a string and fails validation. */
const booleanFromQuery = ({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value);

class EligibilityQuestionFields {
  @ApiProperty({ enum: CHANNELS })
  @IsIn(CHANNELS, { message: `channel must be one of ${CHANNELS.join(', ')}` })
  channel: Channel;

  @ApiProperty({ enum: PURPOSES })
  @IsIn(PURPOSES, { message: `purpose must be one of ${PURPOSES.join(', ')}` })
  purpose: Purpose;

  @ApiPropertyOptional({ description: 'The instant the question is about (RFC 3339, at most ms); default now' })
  @IsOptional()
  @IsLedgerTimestamp()
  at?: string;

  @ApiPropertyOptional({ description: 'Answer with only what the ledger had recorded by then; default now (later is treated as now)' })
  @IsOptional()
  @IsLedgerTimestamp()
  asOf?: string;
}

export class EligibilityRequest extends EligibilityQuestionFields {
  @ApiPropertyOptional({ description: 'An autodialer or prerecorded voice would be used', default: false })
  @IsOptional()
  @Transform(booleanFromQuery)
  @IsBoolean({ message: 'automated must be true or false' })
  automated?: boolean;
}

export class CampaignCheckRequest extends EligibilityQuestionFields {
  @ApiPropertyOptional({ default: false })
  @IsOptional()
  @IsBoolean({ message: 'automated must be true or false' })
  automated?: boolean;

  @ApiProperty({ type: [String], minItems: 1, maxItems: MAX_CAMPAIGN_IDS, description: 'Customer ids; every occurrence is answered, in input order' })
  @IsArray({ message: 'customerIds must be an array of ids' })
  @ArrayMinSize(1, { message: 'customerIds must hold at least one id' })
  @ArrayMaxSize(MAX_CAMPAIGN_IDS, { message: `customerIds holds at most ${MAX_CAMPAIGN_IDS} ids` })
  @Matches(LEDGER_ID_PATTERN, { each: true, message: `each of customerIds must be ${LEDGER_ID_REQUIREMENT}` })
  customerIds: string[];
}

export class TimelineRequest {
  @ApiPropertyOptional({ description: 'Only entries recorded by then; default now' })
  @IsOptional()
  @IsLedgerTimestamp()
  asOf?: string;
}

export class CustomerParam {
  @Matches(LEDGER_ID_PATTERN, { message: `the customer id must be ${LEDGER_ID_REQUIREMENT}` })
  customerId: string;
}
