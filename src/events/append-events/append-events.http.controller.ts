import { Body, Controller, Headers, HttpCode, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiExtraModels, ApiOperation, ApiResponse, ApiTags, getSchemaPath } from '@nestjs/swagger';
import { FastifyReply } from 'fastify';
import { IncomingHttpHeaders } from 'node:http';
import { Access, TenantPrincipal } from '../../auth/access';
import { CurrentTenantKey } from '../../auth/principal.decorator';
import { Problem } from '../../common/problem';
import { CloudEventDto, EVENT_DATA_DTO_CLASSES, validateIncomingEvents } from '../validation';
import { AppendEventsCommand, AppendEventsResult } from './append-events.command';
import { eventFromBinaryMode, isBinaryMode } from './binary-mode';

@ApiTags('events')
@ApiBearerAuth()
@ApiExtraModels(CloudEventDto, ...EVENT_DATA_DTO_CLASSES)
@Controller('v1/events')
export class AppendEventsController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @HttpCode(201)
  @Access('emitter', 'admin')
  @ApiOperation({
    summary: 'Append one event or a batch',
    description:
      'CloudEvents 1.0 in structured mode (application/json, application/cloudevents+json), batch mode ' +
      '(application/cloudevents-batch+json, or a JSON array; at most 1,000 events and 5 MiB) or binary mode ' +
      '(ce-* headers, data as the body). Idempotent on (source, id); a batch is all or nothing. ' +
      '201 when something was appended, 200 when every event was a duplicate.',
  })
  @ApiConsumes('application/json', 'application/cloudevents+json', 'application/cloudevents-batch+json')
  @ApiBody({ schema: { oneOf: [{ $ref: getSchemaPath(CloudEventDto) }, { type: 'array', maxItems: 1000, items: { $ref: getSchemaPath(CloudEventDto) } }] } })
  @ApiResponse({ status: 201, description: '{ appended, duplicates, position, events: [{ id, source, sequence, recordedAt, leafHash, duplicate }] }' })
  @ApiResponse({ status: 429, description: 'rate-limited: the tenant has 20,000 events waiting to be written; nothing was appended. Retry after the Retry-After seconds.' })
  async append(
    @CurrentTenantKey() key: TenantPrincipal,
    @Headers() headers: IncomingHttpHeaders,
    @Body() body: unknown,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<AppendEventsResult> {
    const { bodies, batch } = eventsOf(headers, body);
    if (key.role !== 'admin' && bodies.some((event) => (event as { type?: unknown })?.type === 'erasure.requested')) {
      throw new Problem('forbidden', 'Only admin keys may request erasure; nothing was appended');
    }
    const validation = validateIncomingEvents(bodies, { now: new Date(), batch });
    if (!validation.ok) throw new Problem('validation', 'The request has invalid events; nothing was appended', validation.problems);
    const result = await this.commands.execute(
      new AppendEventsCommand(key.tenantId, { keyId: key.keyId, role: key.role, label: key.label }, validation.events, batch),
    );
    if (result.appended === 0) reply.status(200);
    return result;
  }
}

function eventsOf(headers: IncomingHttpHeaders, body: unknown): { bodies: unknown[]; batch: boolean } {
  if (isBinaryMode(headers)) return { bodies: [eventFromBinaryMode(headers, body)], batch: false };
  const mediaType = (headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
  if (mediaType === 'application/cloudevents-batch+json' && !Array.isArray(body)) {
    throw new Problem('validation', 'A batch must be a JSON array of events', [{ path: '', message: 'the body must be an array of events' }]);
  }
  if (mediaType === 'application/cloudevents+json' && Array.isArray(body)) {
    throw new Problem('validation', 'application/cloudevents+json carries one event', [{ path: '', message: 'the body must be one event object; send batches as application/cloudevents-batch+json' }]);
  }
  return Array.isArray(body) ? { bodies: body, batch: true } : { bodies: [body], batch: false };
}
