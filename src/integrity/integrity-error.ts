/**
 * Every failure this library reports on untrusted input carries a stable code, so the HTTP layer can
 * map each code to one status and the offline verifier can print one clear reason.
 */
export type IntegrityErrorCode =
  | 'PROOF.REJECTED'
  | 'NOTE.MALFORMED'
  | 'NOTE.UNKNOWN_KEY'
  | 'NOTE.BAD_SIGNATURE'
  | 'KEY.INVALID'
  | 'CHECKPOINT.MALFORMED';

export class IntegrityError extends Error {
  override readonly name = 'IntegrityError';

  constructor(
    readonly code: IntegrityErrorCode,
    message: string,
  ) {
    super(message);
  }
}
