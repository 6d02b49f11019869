import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsString, Length } from 'class-validator';
import {
  INTERACTIONS,
  PAYEES,
  PAYMENT_TYPES,
  RELATIONSHIP_KINDS,
  type Payee,
  type PaymentType,
  type RelationshipKind,
  type RelationshipRecordedData,
} from '../../../../projections/events';
import { IsLedgerTimestamp, Optional, PresentOnlyWhen } from '../field-constraints';
import { FREE_TEXT_MAX_LENGTH } from '../formats/field-patterns';
import { EventDataDto } from './actor.dto';
import { isOneOf, KINDS_WITH_PAYMENT_TYPE } from './vocabulary';

type Interaction = (typeof INTERACTIONS)[number];

/** `undefined` while `kind` is itself invalid, so only `kind` is reported. */
const kindIs = (kinds: readonly RelationshipKind[]) => (data: RelationshipRecordedDataDto) =>
  isOneOf(RELATIONSHIP_KINDS, data.kind) ? kinds.includes(data.kind) : undefined;

export class RelationshipRecordedDataDto extends EventDataDto implements RelationshipRecordedData {
  @ApiProperty({ description: 'What happened between the customer and the dealer.', enum: [...RELATIONSHIP_KINDS] })
  @IsIn(RELATIONSHIP_KINDS)
  kind: RelationshipKind;

  @ApiPropertyOptional({ description: 'How it was paid: required when `kind` is `sale` or `payment`, absent otherwise.', enum: [...PAYMENT_TYPES] })
  @PresentOnlyWhen(kindIs(KINDS_WITH_PAYMENT_TYPE), 'kind is sale or payment')
  @IsIn(PAYMENT_TYPES)
  paymentType?: PaymentType;

  @ApiPropertyOptional({ description: 'The interaction: required when `kind` is `email-interaction`, absent otherwise.', enum: [...INTERACTIONS] })
  @PresentOnlyWhen(kindIs(['email-interaction']), 'kind is email-interaction')
  @IsIn(INTERACTIONS)
  interaction?: Interaction;

  @ApiPropertyOptional({ description: 'Who was paid; `tenant` when absent.', enum: [...PAYEES], default: 'tenant' })
  @Optional()
  @IsIn(PAYEES)
  payee?: Payee;

  @ApiPropertyOptional({ description: 'When a finance or lease contract ends. RFC 3339, stored as UTC with milliseconds.', format: 'date-time' })
  @Optional()
  @IsLedgerTimestamp()
  contractEndsAt?: string;

  @ApiPropertyOptional({ description: "The emitting system's reference (deal number, repair order).", minLength: 1, maxLength: FREE_TEXT_MAX_LENGTH })
  @Optional()
  @IsString()
  @Length(1, FREE_TEXT_MAX_LENGTH)
  reference?: string;
}
