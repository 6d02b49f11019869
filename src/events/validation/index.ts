export { validateIncomingEvents } from './validate-incoming-events';
export type { FieldProblem, IncomingEvent, ValidationResult } from './validation-result';
export { CloudEventDto } from './dto/cloud-event.dto';
export { EVENT_DATA_DTOS, EVENT_DATA_DTO_CLASSES, type EventDataDtoClass } from './dto/event-data-dtos';
