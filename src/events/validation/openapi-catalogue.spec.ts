import { Module, type INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import { getMetadataStorage } from 'class-validator';
import { CHANNELS, EVENT_TYPES } from '../../../projections/events';
import * as actorDtos from './dto/actor.dto';
import * as consentDtos from './dto/consent.dto';
import * as customerProfileDtos from './dto/customer-profile.dto';
import * as exportDtos from './dto/export.dto';
import * as policyDtos from './dto/policy.dto';
import { CloudEventDto, EVENT_DATA_DTO_CLASSES, EVENT_DATA_DTOS } from './index';

type DtoClass = abstract new () => object;
/** The parts of a generated schema these tests read. */
interface DocumentedSchema {
  properties?: Record<string, Record<string, unknown>>;
  required?: string[];
}

const DTO_BY_SCHEMA_NAME = new Map<string, DtoClass>(
  [CloudEventDto, ...[actorDtos, consentDtos, customerProfileDtos, exportDtos, policyDtos].flatMap((module) => Object.values(module)), ...EVENT_DATA_DTO_CLASSES]
    .filter((exported): exported is DtoClass => typeof exported === 'function')
    .map((dto) => [dto.name, dto]),
);

@Module({})
class EmptyModule {}

describe('the OpenAPI document generated from the DTOs', () => {
  let app: INestApplication;
  let document: OpenAPIObject;
  const schema = (name: string) => document.components?.schemas?.[name] as DocumentedSchema;
  const property = (dto: string, name: string) => schema(dto).properties?.[name] ?? {};

  beforeAll(async () => {
    app = await NestFactory.create(EmptyModule, new FastifyAdapter(), { logger: false });
    document = SwaggerModule.createDocument(app, new DocumentBuilder().build(), { extraModels: [CloudEventDto, ...EVENT_DATA_DTO_CLASSES] });
  });

  afterAll(() => app.close());

  it('has a schema for every type of the catalogue', () => {
    for (const type of EVENT_TYPES) expect(schema(EVENT_DATA_DTOS[type].name)).toBeDefined();
    expect(property('CloudEventDto', 'type').enum).toEqual(EVENT_TYPES);
    expect(property('CloudEventDto', 'data').oneOf).toHaveLength(EVENT_DATA_DTO_CLASSES.length);
  });

  it('documents exactly the fields that are validated, in every schema', () => {
    const validatedSchemas = Object.entries(document.components?.schemas ?? {});
    expect(validatedSchemas.length).toBeGreaterThan(EVENT_DATA_DTO_CLASSES.length);

    for (const [name, documented] of validatedSchemas) {
      const dto = DTO_BY_SCHEMA_NAME.get(name);
      if (!dto) throw new Error(`no DTO named ${name}`);
      const validated = new Set(getMetadataStorage().getTargetValidationMetadatas(dto, '', true, false).map((metadata) => metadata.propertyName));

      expect(Object.keys((documented as DocumentedSchema).properties ?? {}).sort()).toEqual([...validated].sort());
    }
  });

  it('states enums, limits and which fields are required', () => {
    expect(property('ConsentGrantedDataDto', 'channel').enum).toEqual([...CHANNELS, 'all']);
    expect(schema('ConsentGrantedDataDto').required).toEqual(['actor', 'channel', 'purpose', 'kind', 'evidence']);
    expect(property('ConsentEvidenceDto', 'text').maxLength).toBe(5000);
    expect(property('CustomerPiiDto', 'email')).toMatchObject({ maxLength: 320, format: 'email' });
    expect(property('ActorDto', 'id').pattern).toBe('^[A-Za-z0-9._:-]{1,128}$');
    expect(schema('RelationshipRecordedDataDto').required).toEqual(['actor', 'kind']);
    expect(property('ExportDeliveredDataDto', 'recordCount')).toMatchObject({ type: 'integer', minimum: 0 });
  });

  it('lists every accepted policy window and exclusion key', () => {
    expect(Object.keys(schema('PolicyWindowsDto').properties ?? {})).toEqual([
      'sale',
      'payment',
      'repair-order',
      'parts-purchase',
      'showroom-visit',
      'inquiry',
      'email-interaction',
      'sale.cash',
      'sale.finance',
      'sale.lease',
      'sale.balloon',
      'payment.cash',
      'payment.finance',
      'payment.lease',
      'payment.balloon',
    ]);
    expect(Object.keys(schema('PolicyExclusionDto').properties ?? {})).toEqual([...CHANNELS]);
  });
});
