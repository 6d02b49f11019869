export { decodeCanonicalBase64 } from './base64';
export { IntegrityError } from './integrity-error';
export type { IntegrityErrorCode } from './integrity-error';
export * from './merkle';
export * from './note';
