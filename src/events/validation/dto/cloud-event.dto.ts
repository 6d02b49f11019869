import { ApiProperty, ApiPropertyOptional, getSchemaPath } from '@nestjs/swagger';
import { Equals, IsIn, IsString, Length, Matches, ValidateIf } from 'class-validator';
import { EVENT_TYPES, type EventType } from '../../../../projections/events';
import { IsLedgerId, IsLedgerTimestamp, IsUriReference, NestedObject, Optional } from '../field-constraints';
import { EVENT_ID_MAX_LENGTH, LEDGER_ID_PATTERN, SOURCE_MAX_LENGTH, URL_MAX_LENGTH } from '../formats/field-patterns';
import type { EventDataDto } from './actor.dto';
import { EVENT_DATA_DTO_CLASSES, EVENT_DATA_DTOS } from './event-data-dtos';
import { isOneOf } from './vocabulary';

// A media type may carry a charset parameter; JSON is UTF-8 whatever it says (RFC 8259 §8.1).
const JSON_MEDIA_TYPE = /^application\/json(?:\s*;\s*charset="?utf-8"?)?$/i;
// W3C Trace Context caps tracestate at 512 characters; traceparent is shorter still.
const TRACE_CONTEXT_MAX_LENGTH = 512;

/** A CloudEvents 1.0 event in structured JSON form (API.md "Events"). */
export class CloudEventDto {
  @ApiProperty({ description: 'CloudEvents version.', enum: ['1.0'] })
  @Equals('1.0', { message: '$property must be "1.0"' })
  specversion: '1.0';

  @ApiProperty({ description: 'With `source`, identifies the event: re-sending it is idempotent.', minLength: 1, maxLength: EVENT_ID_MAX_LENGTH })
  @IsString()
  @Length(1, EVENT_ID_MAX_LENGTH)
  id: string;

  @ApiProperty({ description: 'URI-reference of the emitting system.', example: 'urn:crm:vinsolutions:store-42', format: 'uri-reference', maxLength: SOURCE_MAX_LENGTH })
  @IsString()
  @Length(1, SOURCE_MAX_LENGTH)
  @IsUriReference()
  source: string;

  @ApiProperty({ description: 'The event type; it decides the shape of `data`.', enum: [...EVENT_TYPES] })
  @IsIn(EVENT_TYPES, { message: `$property must be one of the event types: ${EVENT_TYPES.join(', ')}` })
  type: EventType;

  @ApiProperty({ description: 'The customer (customer events), the export (`export.*`) or the policy (`policy.adopted`).', pattern: LEDGER_ID_PATTERN.source })
  @IsLedgerId()
  subject: string;

  @ApiProperty({
    description: 'When it happened in the world: RFC 3339 with any offset, at most millisecond precision, at most 5 minutes in the future; stored as UTC with milliseconds.',
    format: 'date-time',
    example: '2026-03-01T09:30:00.000-05:00',
  })
  @IsLedgerTimestamp()
  time: string;

  @ApiPropertyOptional({ description: 'The media type of `data`, if given.', enum: ['application/json'] })
  @Optional()
  @Matches(JSON_MEDIA_TYPE, { message: '$property must be application/json' })
  datacontenttype?: string;

  @ApiPropertyOptional({ description: 'Accepted and not stored.', format: 'uri-reference', maxLength: URL_MAX_LENGTH })
  @Optional()
  @IsString()
  @Length(1, URL_MAX_LENGTH)
  @IsUriReference()
  dataschema?: string;

  @ApiPropertyOptional({ description: 'W3C Trace Context; accepted and not stored.', maxLength: TRACE_CONTEXT_MAX_LENGTH })
  @Optional()
  @IsString()
  @Length(1, TRACE_CONTEXT_MAX_LENGTH)
  traceparent?: string;

  @ApiPropertyOptional({ description: 'W3C Trace Context; accepted and not stored.', maxLength: TRACE_CONTEXT_MAX_LENGTH })
  @Optional()
  @IsString()
  @Length(0, TRACE_CONTEXT_MAX_LENGTH)
  tracestate?: string;

  @ApiProperty({ description: "The type's payload; every type's has `actor`.", type: Object, oneOf: EVENT_DATA_DTO_CLASSES.map((dto) => ({ $ref: getSchemaPath(dto) })) })
  // With an unknown `type` there is no shape to check `data` against; only `type` is reported.
  @ValidateIf((event: CloudEventDto) => isOneOf(EVENT_TYPES, event.type) || typeof event.data !== 'object' || event.data === null)
  @NestedObject((options) => (isOneOf(EVENT_TYPES, options?.object.type) ? EVENT_DATA_DTOS[options.object.type] : Object))
  data: EventDataDto;
}
