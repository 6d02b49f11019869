/** The pure domain's public surface: the event catalogue, the folds the read models store, and the eligibility engine. */

export * from './events';
export * from './customer-facts';
export * from './policies';
export * from './eligibility';
export { addIsoDuration, addPeriod, parseIsoDuration, InvalidDurationError, type IsoDuration } from './time/iso-duration';
export { endOfBusinessDaysAfter, isBusinessDay, nationalPublicHolidays } from './time/business-days';
export { instantOfLocalTime, localDateTimeOf, type Disambiguation, type LocalDate, type LocalDateTime } from './time/zoned-time';
