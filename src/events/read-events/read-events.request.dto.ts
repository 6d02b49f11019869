import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Matches, Max, Min } from 'class-validator';
import { EVENT_TYPES, EventType } from '../../../projections/events';
import { LEDGER_ID_PATTERN, LEDGER_ID_REQUIREMENT } from '../validation/formats/field-patterns';

const ONE_TYPE = `(${EVENT_TYPES.map((type) => type.replace('.', '\\.')).join('|')})`;
const TYPE_LIST = new RegExp(`^${ONE_TYPE}(,${ONE_TYPE})*$`);

export class ReadEventsRequest {
  @ApiPropertyOptional({ description: 'Return entries with a greater sequence', default: -1, minimum: -1 })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'after must be an integer' })
  @Min(-1, { message: 'after must be at least -1' })
  @Max(Number.MAX_SAFE_INTEGER, { message: 'after must be at most 2^53-1' })
  after: number = -1;

  @ApiPropertyOptional({ description: 'Page size', default: 100, minimum: 1, maximum: 1000 })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'limit must be an integer' })
  @Min(1, { message: 'limit must be at least 1' })
  @Max(1000, { message: 'limit must be at most 1000' })
  limit: number = 100;

  @ApiPropertyOptional({ description: `Comma-separated event types: ${EVENT_TYPES.join(', ')}` })
  @IsOptional()
  @Matches(TYPE_LIST, { message: `type must be a comma-separated list of: ${EVENT_TYPES.join(', ')}` })
  type?: string;

  @ApiPropertyOptional({ description: 'Only entries with this subject' })
  @IsOptional()
  @Matches(LEDGER_ID_PATTERN, { message: `subject must be ${LEDGER_ID_REQUIREMENT}` })
  subject?: string;

  get types(): EventType[] | undefined {
    return this.type ? (this.type.split(',') as EventType[]) : undefined;
  }
}

export class SequenceParam {
  @Type(() => Number)
  @IsInt({ message: 'sequence must be an integer' })
  @Min(0, { message: 'sequence must be at least 0' })
  @Max(Number.MAX_SAFE_INTEGER, { message: 'sequence must be at most 2^53-1' })
  sequence: number;
}
