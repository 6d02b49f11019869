import type { EventType } from '../../../../projections/events';
import type { EventDataDto } from './actor.dto';
import { ConsentGrantedDataDto, ConsentWithdrawnDataDto } from './consent.dto';
import { ContactAttemptedDataDto } from './contact.dto';
import { CustomerProfileDataDto } from './customer-profile.dto';
import { DncDataDto } from './dnc.dto';
import { ErasureRequestedDataDto } from './erasure.dto';
import { ExportApprovedDataDto, ExportDeliveredDataDto, ExportDeniedDataDto, ExportRequestedDataDto } from './export.dto';
import { PolicyAdoptedDataDto } from './policy.dto';
import { RelationshipRecordedDataDto } from './relationship.dto';

export type EventDataDtoClass = new () => EventDataDto;

/** The DTO that validates each event type's `data` (API.md "Events"). */
export const EVENT_DATA_DTOS: { readonly [T in EventType]: EventDataDtoClass } = {
  'customer.registered': CustomerProfileDataDto,
  'customer.updated': CustomerProfileDataDto,
  'consent.granted': ConsentGrantedDataDto,
  'consent.withdrawn': ConsentWithdrawnDataDto,
  'relationship.recorded': RelationshipRecordedDataDto,
  'contact.attempted': ContactAttemptedDataDto,
  'dnc.listed': DncDataDto,
  'dnc.removed': DncDataDto,
  'export.requested': ExportRequestedDataDto,
  'export.approved': ExportApprovedDataDto,
  'export.denied': ExportDeniedDataDto,
  'export.delivered': ExportDeliveredDataDto,
  'policy.adopted': PolicyAdoptedDataDto,
  'erasure.requested': ErasureRequestedDataDto,
};

/** Each data DTO once, for `@ApiExtraModels(...EVENT_DATA_DTO_CLASSES)`. */
export const EVENT_DATA_DTO_CLASSES: readonly EventDataDtoClass[] = [...new Set(Object.values(EVENT_DATA_DTOS))];
