import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsString, Length } from 'class-validator';
import { ACTOR_TYPES, type Actor, type ActorType } from '../../../../projections/events';
import { IsLedgerId, NestedObject, Optional } from '../field-constraints';
import { FREE_TEXT_MAX_LENGTH, LEDGER_ID_PATTERN } from '../formats/field-patterns';

export class ActorDto implements Actor {
  @ApiProperty({ description: 'What kind of party acted.', enum: [...ACTOR_TYPES] })
  @IsIn(ACTOR_TYPES)
  type: ActorType;

  @ApiProperty({ description: "The actor's opaque id in the emitting system (never an email address or phone number).", pattern: LEDGER_ID_PATTERN.source })
  @IsLedgerId()
  id: string;

  @ApiPropertyOptional({ description: "The actor's display name.", minLength: 1, maxLength: FREE_TEXT_MAX_LENGTH })
  @Optional()
  @IsString()
  @Length(1, FREE_TEXT_MAX_LENGTH)
  name?: string;

  @ApiPropertyOptional({ description: "The actor's role; `dealer-principal` is the role that approves exports.", minLength: 1, maxLength: FREE_TEXT_MAX_LENGTH })
  @Optional()
  @IsString()
  @Length(1, FREE_TEXT_MAX_LENGTH)
  role?: string;
}

/** Every event's `data` names who did it in the world, as the emitter states it. */
export abstract class EventDataDto {
  @ApiProperty({ description: 'Who did it in the world, as the emitter states it.', type: () => ActorDto })
  @NestedObject(() => ActorDto)
  actor: ActorDto;
}
