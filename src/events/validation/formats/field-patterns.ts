/** Formats and limits that API.md states for fields across the catalogue. */

/** Ids (API.md "Conventions"): opaque, so never an email address or a phone number. */
export const LEDGER_ID_PATTERN = /^[A-Za-z0-9._:-]{1,128}$/;
export const LEDGER_ID_REQUIREMENT = 'an id of 1–128 letters, digits, ".", "_", ":" or "-" (personal data belongs in pii)';

export const SHA256_HEX_PATTERN = /^[0-9a-f]{64}$/;
export const E164_PHONE_PATTERN = /^\+[1-9]\d{1,14}$/;
/** ISO 3166-1 alpha-2, the form tenants use (`CA`, `US`). */
export const COUNTRY_CODE_PATTERN = /^[A-Z]{2}$/;
/** ISO 3166-2 subdivision code without the country prefix (`ON`, `FL`). */
export const SUBDIVISION_CODE_PATTERN = /^[A-Z0-9]{1,3}$/;

/** "Free-text fields are at most 500 characters unless stated." */
export const FREE_TEXT_MAX_LENGTH = 500;
export const DISCLOSURE_TEXT_MAX_LENGTH = 5000;
export const EMAIL_MAX_LENGTH = 320;
export const URL_MAX_LENGTH = 2048;
export const EVENT_ID_MAX_LENGTH = 128;
export const SOURCE_MAX_LENGTH = 512;
