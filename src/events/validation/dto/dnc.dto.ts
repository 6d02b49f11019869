import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsString, Matches } from 'class-validator';
import { DNC_REGISTRIES, type DncData, type DncRegistry } from '../../../../projections/events';
import { PresentOnlyWhen } from '../field-constraints';
import { SUBDIVISION_CODE_PATTERN } from '../formats/field-patterns';
import { EventDataDto } from './actor.dto';
import { isOneOf } from './vocabulary';

/** `undefined` while `registry` is itself invalid, so only `registry` is reported. */
const isStateRegistry = (data: DncDataDto) => (isOneOf(DNC_REGISTRIES, data.registry) ? data.registry === 'state' : undefined);

/** `dnc.listed` (its `time` is the registration date) and `dnc.removed`. */
export class DncDataDto extends EventDataDto implements DncData {
  @ApiProperty({ description: 'The do-not-call registry; `internal` is the dealer\'s own list.', enum: [...DNC_REGISTRIES] })
  @IsIn(DNC_REGISTRIES)
  registry: DncRegistry;

  @ApiPropertyOptional({
    description: 'ISO 3166-2 subdivision code of a state registry, without the country prefix: required when `registry` is `state`, absent otherwise.',
    example: 'FL',
    pattern: SUBDIVISION_CODE_PATTERN.source,
  })
  @PresentOnlyWhen(isStateRegistry, 'registry is state')
  @IsString()
  @Matches(SUBDIVISION_CODE_PATTERN, { message: '$property must be an ISO 3166-2 subdivision code without the country prefix, such as FL' })
  region?: string;
}
